home-title = Vos données de santé, en un seul endroit
home-intro = Carnet vous montre ce que les hôpitaux, les médecins et les pharmaciens ont partagé à votre sujet dans les réseaux de santé belges : aujourd’hui vos vaccinations, et bientôt vos documents, vos médicaments et vos allergies. Vous décidez qui peut les voir.
home-login-explain = Connectez-vous avec votre carte eID ou avec itsme. Dans cette démo locale, une page de connexion de démonstration vous demande un nom d’utilisateur et un mot de passe.
home-login-button = Me connecter pour voir mes données

## The page after logging out
logged-out-title = Déconnexion réussie
logged-out-text = Votre session Carnet et votre session auprès du service de connexion sont fermées. Si vous utilisez un ordinateur partagé, fermez aussi le navigateur.
