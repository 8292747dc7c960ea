# Partager un résumé (/share) et ce que voit qui a le lien (/s/<lien>).
nav-share = Partager
share-title = Partagez votre résumé
share-what = Créez un lien vers des parties de votre résumé de santé pour un prestataire de soins, ici ou à l’étranger. Qui a le lien peut lire ces parties, sans se connecter, dans sa langue.
share-how = Le lien fonctionne pendant la durée choisie, puis s’arrête. Avec un code d’accès, donnez le code séparément (par téléphone, par exemple). Vous pouvez arrêter un lien à tout moment, et vous voyez chaque ouverture.
share-only-own = Seul·e { $name } peut partager son propre dossier.
share-make-title = Créer un lien
share-field-parts = Que peut voir le lecteur ?
share-field-hours = Pour combien de temps ?
share-hours-1 = 1 heure
share-hours-24 = 1 jour
share-hours-168 = 7 jours
share-hours-720 = 30 jours
share-field-passcode = Code d’accès (facultatif)
share-field-passcode-hint = 4 à 40 caractères. Le lecteur doit le taper avant de voir quoi que ce soit.
share-field-label = Un mot pour le lecteur (facultatif)
share-field-label-hint = Par exemple : « Pour le Dr Müller, Berlin ». 80 caractères au plus. N’écrivez pas de données de santé ici.
share-make = Créer le lien
share-error-no-part = Choisissez au moins une partie.
share-error-passcode = Un code d’accès a de 4 à 40 caractères.
share-done-made = Votre lien est prêt. Donnez-le au lecteur, et le code d’accès séparément.
share-done-revoked = Le lien est arrêté. Personne ne peut plus l’ouvrir.
share-list-title = Vos liens
share-none = Vous n’avez pas encore créé de lien.
share-of = Lien du { $date }
share-moment = { $date } à { $time }
share-contains = Montre : { $parts }.
share-state-open = Ouvert jusqu’au { $until }
share-state-locked = Bloqué après des codes erronés, jusqu’au { $until }
share-state-expired = Terminé le { $at }
share-state-revoked = Arrêté par vous
share-state-closed = Fermé après trop de codes erronés
share-openings = { $count ->
    [0] pas encore ouvert
    [one] ouvert une fois
   *[other] ouvert { $count } fois
}
share-with-passcode = avec code d’accès
share-without-passcode = sans code d’accès
share-link = Le lien
share-qr = Le lien en code QR
share-qr-caption = Le lecteur peut scanner ce code avec un téléphone.
share-revoke = Arrêter ce lien
shared-title = Résumé de santé partagé
shared-needs-passcode = Ce résumé est protégé par un code d’accès. La personne qui l’a partagé vous l’a donné séparément.
shared-passcode = Code d’accès
shared-open = Ouvrir
shared-until = Ce lien fonctionne jusqu’au { $until }.
shared-now = Il montre ce que les sources conservent maintenant. Carnet n’y change rien.
share-wrong = { $left ->
    [one] Ce code d’accès n’est pas correct. Vous pouvez encore essayer une fois, puis le lien sera bloqué pendant 15 minutes.
   *[other] Ce code d’accès n’est pas correct. Vous pouvez encore essayer { $left } fois.
}
share-locked = Trop de codes erronés : ce lien est bloqué pendant 15 minutes.
share-gone = Ce lien ne fonctionne pas : il est terminé ou a été arrêté. Demandez-en un nouveau à la personne qui l’a partagé.
share-refused = Ce lien ne montre plus rien : la personne qui l’a créé ne peut peut-être plus voir ces parties.
share-unavailable = Le résumé ne peut pas être affiché maintenant. Réessayez dans un instant.
access-share-someone = Quelqu’un avec votre lien
access-share-made = avez créé un lien vers { $parts }
access-share-revoked = avez arrêté un lien
access-share-opened = a ouvert { $parts }
access-share-open-refused = a tenté d’ouvrir { $parts }, ce qui a été refusé
