dashboard-title = Mon tableau de bord
dashboard-greeting = Bonjour { $name }
dashboard-intro = Voici ce que les réseaux de santé conservent actuellement à votre sujet.
dashboard-loading = Nous cherchons vos données auprès des réseaux de santé…
