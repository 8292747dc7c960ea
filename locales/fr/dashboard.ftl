dashboard-title = Mon tableau de bord
dashboard-greeting = Bonjour { $name }
dashboard-intro = Voici ce que les réseaux de santé conservent actuellement à votre sujet.
dashboard-loading = Nous cherchons vos données auprès des réseaux de santé…
dashboard-sources-checking = Nous vérifions vos sources…
dashboard-sources-none = Aucune source ne conserve ce type de données.
dashboard-tile-waiting = Nous attendons encore une source. Cette partie s’affichera ici dès que la source répondra.
tile-sources = Vos sources
tile-documents = Documents les plus récents
tile-vaccinations = Vaccinations
tile-medication = Médicaments du jour
tile-allergies = Allergies
tile-consent = Consentement
tile-care-team = Votre équipe de soins
tile-access = Qui a consulté vos données
tile-sumehr = Résumé de santé
tile-exclusions = Prestataires de soins exclus
documents-all = { $count ->
    [0] Aller aux documents
    [one] Voir { $count } document
   *[other] Voir les { $count } documents
}
vaccinations-latest = La plus récente :
vaccinations-see-all = Voir toutes les vaccinations
medication-today-count = { $count ->
    [0] Selon vos sources, vous n’avez rien à prendre aujourd’hui.
    [one] { $count } médicament à prendre aujourd’hui.
   *[other] { $count } médicaments à prendre aujourd’hui.
}
medication-see-schedule = Voir votre schéma de médication
summary-see = Voir les allergies et le résumé de santé
consent-tile-intro = Votre accord pour partager vos données via les réseaux de santé :
consent-given = donné
consent-given-since = donné depuis le { $date }
consent-revoked = retiré
consent-not-given = pas donné
care-team-count = { $count ->
    [0] Aucun prestataire de soins n’a de relation de soins avec vous pour le moment.
    [one] { $count } prestataire de soins a une relation de soins avec vous.
   *[other] { $count } prestataires de soins ont une relation de soins avec vous.
}
access-none = Aucun accès n’est enregistré.
access-someone = Quelqu’un
