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

## Navigation, and the banner while acting for someone else
nav-documents = Documenten
nav-vaccinations = Vaccinaties
nav-medication = Geneesmiddelen
nav-summary = Gezondheidsoverzicht
nav-glossary = Woordenlijst
menu = Menu
nav-privacy = Wie kan kijken
nav-controls-label = Uw privacy
nav-who-can-see = Wie uw dossier kan zien
nav-consent = Toestemming
nav-care-team = Zorgteam
nav-exclusions = Uitsluitingen
nav-access-log = Toegangslogboek
nav-act-for = Welk dossier
nav-mandates = Vertrouwenspersonen
nav-support = Ondersteuningscode
acting-for-banner = U handelt voor { $name }
acting-for-back = Terug naar mijn eigen dossier

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
date-unknown = Datum onbekend
since-date = sinds { $date }

## Days of the week, Monday is 0.
weekday-0 = ma
weekday-1 = di
weekday-2 = wo
weekday-3 = do
weekday-4 = vr
weekday-5 = za
weekday-6 = zo

## Words every page may use: loading, values, people, codes, columns
page-loading = Uw gegevens worden opgehaald bij de gezondheidsnetwerken…
value-yes = ja
value-no = nee
party-unresolved = Een zorgverlener
performer-nihdi = Zorgverlener (RIZIV-nr. { $number })
performer-person = Een zorgverlener
vaccination-unknown-code = { $system }-code { $code }
also-recorded-at = ook opgenomen bij { $sources }
vaccination-col-source = Bron

## Sources: their state, and items that could not be read
source-state-ok = { $source }: bijgewerkt
source-error-timeout = { $source } heeft niet op tijd geantwoord. Probeer het later opnieuw.
source-error-unreachable = { $source } is nu niet bereikbaar. Probeer het later opnieuw.
source-error-error = { $source } antwoordde met een fout. Probeer het later opnieuw.
source-error-malformed = { $source } stuurde gegevens die Carnet niet kon lezen.
source-stale = { $source } antwoordt nu niet. U ziet de gegevens van { $minutes ->
    [0] minder dan een minuut geleden
    [one] { $minutes } minuut geleden
   *[other] { $minutes } minuten geleden
}.
items-unreadable = { $count ->
    [one] { $count } gegeven kon niet worden gelezen. De bron stuurde iets wat Carnet niet begrijpt. De andere gegevens worden wel getoond.
   *[other] { $count } gegevens konden niet worden gelezen. De bron stuurde iets wat Carnet niet begrijpt. De andere gegevens worden wel getoond.
}

## Errors, and the problem page that shows them
problem-title = Er is iets misgegaan
problem-back-home = Terug naar de startpagina
error-ssin-missing = De aanmeldingsdienst heeft uw rijksregisternummer niet doorgegeven. Daarom kan Carnet uw gegevens niet tonen. Probeer het opnieuw of neem contact op met de helpdesk.
error-ssin-invalid = Het rijksregisternummer van de aanmeldingsdienst is niet geldig. Daarom kan Carnet uw gegevens niet tonen. Neem contact op met de helpdesk.
error-login-failed = Het aanmelden is niet gelukt. Probeer het opnieuw.
error-login-expired = Uw aanmelding duurde te lang of werd al gebruikt. Meld u opnieuw aan.
error-login-unavailable = De aanmeldingsdienst is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.
error-unauthenticated = U bent niet aangemeld, of uw sessie is afgelopen. Meld u opnieuw aan.
error-forbidden = U mag dit niet bekijken.
error-internal = Er is bij ons iets misgegaan. Probeer het later opnieuw.
error-not-found = Dit gegeven werd niet gevonden. Misschien werd het bij de bron verwijderd, of is de link verouderd. Ga terug naar de lijst en open het opnieuw.
error-source-unavailable = De bron die dit bewaart, is nu niet bereikbaar. Probeer het over een paar minuten opnieuw.
error-csrf = Dit verzoek kwam niet van een pagina van Carnet, dus er is niets gebeurd. Hebt u een formulier gebruikt? Open de pagina opnieuw en probeer het nog eens.
error-rate-limited = Te veel verzoeken in korte tijd. Wacht een minuut en probeer het opnieuw.
error-too-large = Wat werd verstuurd is te groot, dus er is niets gebeurd.
error-session-unavailable = Carnet kan uw aanmelding nu niet nakijken. Daarom wordt er niets getoond en niets gedaan. U bent nog altijd aangemeld: probeer het over enkele ogenblikken opnieuw.
error-unreadable = De bron stuurde dit item, maar in een vorm die Carnet niet veilig kan lezen, dus het wordt niet getoond. Opnieuw proberen helpt niet; de zorgverlener die het registreerde, kan het nakijken.
error-bad-request = Dit formulier is verouderd of onvolledig, dus er is niets gebeurd. Open de pagina opnieuw en probeer het nog eens.
login-again = Opnieuw aanmelden

## After a change
change-result-done = Gelukt.
change-result-partial = Niet alles kon worden gewijzigd.
change-result-failed = Er is niets gewijzigd.
change-someone = deze zorgverlener
change-done-give = Bij { $source } is uw toestemming nu gegeven.
change-done-revoke = Bij { $source } is uw toestemming nu ingetrokken.
change-done-end = Uw zorgrelatie met { $who } bij { $source } is beëindigd.
change-done-add = Bij { $source } is { $who } nu uitgesloten.
change-done-lift = Bij { $source } is { $who } niet langer uitgesloten.
change-refused = { $source } heeft deze wijziging geweigerd. Daar is dus niets gewijzigd.
change-unavailable = { $source } heeft niet geantwoord. Daar is dus niets gewijzigd. Probeer het over een paar minuten opnieuw.
change-not-found = { $source } heeft dit niet meer: misschien is het al gewijzigd. Verder is daar niets gewijzigd.
change-pending = { $source } heeft nog niet geantwoord. Laad deze pagina over een ogenblik opnieuw om het resultaat te zien.
change-cancel = Annuleren, niets wijzigen

## Wat een mandaat toelaat (de onderdelen uit het beleid), in eenvoudige woorden
grant-documents = Documenten
grant-documents-what = Uw documenten lezen: brieven, verslagen, resultaten en beelden van ziekenhuizen en artsen.
grant-vaccinations = Vaccinaties
grant-vaccinations-what = Uw vaccinaties zien, en welke u nog moet krijgen.
grant-medication = Geneesmiddelen
grant-medication-what = De geneesmiddelen zien die u neemt, en wanneer.
grant-summary = Allergieën en gezondheidsoverzicht
grant-summary-what = Uw allergieën zien, en het gezondheidsoverzicht dat uw huisarts bijhoudt.
grant-consents-manage = Beheren wie uw dossier mag zien
grant-consents-manage-what = Uw toestemming, uw zorgteam en uw uitsluitingen zien en wijzigen — zoals u dat zelf zou doen.
grant-access-log = Wie uw dossier heeft bekeken
grant-access-log-what = Zien welke zorgverleners uw dossier hebben geopend, en wanneer.

## Parts of the record by name (the access log and the helpdesk's diagnostics)
access-part-documents = documenten
access-part-sumehr = het gezondheidsoverzicht
access-part-vaccinations = vaccinaties
access-part-medication = geneesmiddelen
access-part-allergies = allergieën
access-part-consent = uw toestemming
access-part-relationships = het zorgteam
access-part-exclusions = uitsluitingen
access-part-access-events = het toegangslogboek

## What a grant does not cover, left out of a page
withheld-part = Dit deel wordt niet met u gedeeld: { $name } heeft u er geen toegang toe gegeven.
withheld-part-minor = Dit deel wordt niet met u gedeeld: op de leeftijd van { $name } geven de regels voor minderjarigen een ouder er geen toegang toe.

## Acting for someone: words that the mandates, whose-record, support, helpdesk and who-can-see pages share
mandate-covers = Geldt voor: { $scopes }
mandate-active-until = Actief tot en met { $until }
mandate-revoke = Het mandaat voor { $who } beëindigen
act-for-open = Het dossier van { $name } openen
act-for-mandate-covers = U mag zien: { $scopes }
minor-rule-reference = Regel: { $reference }

## Ouders en minderjarigen: de leeftijdsgroepen uit de regeltabel, in eenvoudige woorden (ids: minor-band-<band id>)
minor-band-under-12 = { $name } is { $age } jaar: onder de 12 jaar ziet en beheert een ouder het hele dossier, ook de toestemming.
minor-band-from-12-to-16 = { $name } is { $age } jaar: van 12 tot 16 jaar ziet een ouder alleen de vaccinaties, de allergieën en het gezondheidsoverzicht. De rest van het dossier blijft privé, alleen voor { $name }.
minor-band-from-16 = { $name } is { $age } jaar: vanaf 16 jaar beheert { $name } zelf het eigen dossier en de eigen toestemming. Ouders kunnen het dossier niet meer zien.
minor-band-any-own-record = { $name } is { $age }: op deze leeftijd beheert { $name } het eigen dossier en de eigen toestemming. Ouders kunnen het niet meer zien.
minor-band-any-nothing = { $name } is { $age }: op deze leeftijd geven de regels voor minderjarigen een ouder geen toegang tot het dossier.
minor-band-any-some = { $name } is { $age }: op deze leeftijd ziet een ouder alleen de onderdelen hieronder. De rest van het dossier blijft privé voor { $name }.
