# Shared by every page.
app-name = Carnet
app-tagline = Vos données de santé, en un seul endroit
skip-to-content = Aller au contenu principal
nav-label = Menu principal
nav-home = Accueil
nav-dashboard = Mon tableau de bord
language-switch-label = Langue
login = Se connecter
logout = Se déconnecter
logged-in-as = Connecté en tant que { $name }
footer-text = Carnet affiche ce que les hubs et coffres-forts de santé belges conservent à votre sujet. Vos données restent là où elles sont conservées.
# The search engines' summary of the site: the footer's sentence.
meta-description = { footer-text }
page-not-found-title = Page introuvable
page-not-found-text = Cette page n’existe pas. Vérifiez l’adresse ou retournez à la page d’accueil.

## Dates: { $month } is the month’s name below.
date-full = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
date-month = { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
nav-documents = Documents
nav-vaccinations = Vaccinations
nav-medication = Médicaments
nav-summary = Résumé de santé
nav-glossary = Glossaire
page-loading = Nous cherchons vos données auprès des réseaux de santé…
items-unreadable = { $count ->
    [one] { $count } élément n’a pas pu être lu. La source a envoyé quelque chose que Carnet ne comprend pas. Les autres éléments sont affichés.
   *[other] { $count } éléments n’ont pas pu être lus. La source a envoyé quelque chose que Carnet ne comprend pas. Les autres éléments sont affichés.
}
since-date = depuis { $date }
value-yes = oui
value-no = non
## Days of the week, Monday is 0.
weekday-0 = lun.
weekday-1 = mar.
weekday-2 = mer.
weekday-3 = jeu.
weekday-4 = ven.
weekday-5 = sam.
weekday-6 = dim.
menu = Menu
nav-privacy = Qui peut voir
nav-controls-label = Votre vie privée
nav-who-can-see = Qui peut voir votre dossier
nav-consent = Consentement
nav-care-team = Équipe de soins
nav-exclusions = Exclusions
nav-access-log = Journal des accès
party-unresolved = Un prestataire de soins
also-recorded-at = aussi enregistré chez { $sources }
