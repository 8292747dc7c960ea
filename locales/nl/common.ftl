# Shared by every page.
app-name = Carnet
app-tagline = Uw gezondheidsgegevens op één plek
skip-to-content = Naar de hoofdinhoud
nav-label = Hoofdmenu
nav-home = Start
nav-dashboard = Mijn overzicht
language-switch-label = Taal
login = Aanmelden
logout = Afmelden
logged-in-as = Aangemeld als { $name }
footer-text = Carnet toont wat de Belgische hubs en kluizen voor gezondheidsgegevens over u bewaren. Uw gegevens blijven waar ze zijn.
# The search engines' summary of the site: the footer's sentence.
meta-description = { footer-text }
page-not-found-title = Pagina niet gevonden
page-not-found-text = Deze pagina bestaat niet. Controleer het adres of ga terug naar de startpagina.

## Dates: { $month } is the month's name below.
date-full = { $day } { $month } { $year }
date-month = { $month } { $year }
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
nav-documents = Documenten
nav-vaccinations = Vaccinaties
nav-medication = Geneesmiddelen
nav-summary = Gezondheidsoverzicht
nav-glossary = Woordenlijst
page-loading = Uw gegevens worden opgehaald bij de gezondheidsnetwerken…
items-unreadable = { $count ->
    [one] { $count } gegeven kon niet worden gelezen. De bron stuurde iets wat Carnet niet begrijpt. De andere gegevens worden wel getoond.
   *[other] { $count } gegevens konden niet worden gelezen. De bron stuurde iets wat Carnet niet begrijpt. De andere gegevens worden wel getoond.
}
since-date = sinds { $date }
value-yes = ja
value-no = nee
## Days of the week, Monday is 0.
weekday-0 = ma
weekday-1 = di
weekday-2 = wo
weekday-3 = do
weekday-4 = vr
weekday-5 = za
weekday-6 = zo
menu = Menu
nav-privacy = Wie kan kijken
nav-controls-label = Uw privacy
nav-who-can-see = Wie uw dossier kan zien
nav-consent = Toestemming
nav-care-team = Zorgteam
nav-exclusions = Uitsluitingen
nav-access-log = Toegangslogboek
party-unresolved = Een zorgverlener
also-recorded-at = ook opgenomen bij { $sources }
