# The dashboard page's own words. Each kind's tile is in that kind's file.

dashboard-title = Mon tableau de bord
dashboard-greeting = Bonjour { $name }
dashboard-intro = Voici ce que les réseaux de santé conservent actuellement à votre sujet.
dashboard-loading = Nous cherchons vos données auprès des réseaux de santé…
dashboard-sources-checking = Nous vérifions vos sources…
dashboard-sources-none = Aucune source ne conserve ce type de données.
dashboard-tile-waiting = Nous attendons encore une source. Cette partie s’affichera ici dès que la source répondra.
tile-sources = Vos sources
