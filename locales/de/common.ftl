# Shared by every page.
app-name = Carnet
app-tagline = Ihre Gesundheitsdaten an einem Ort
skip-to-content = Zum Hauptinhalt springen
nav-label = Hauptmenü
nav-home = Startseite
nav-dashboard = Meine Übersicht
language-switch-label = Sprache
login = Anmelden
logout = Abmelden
logged-in-as = Angemeldet als { $name }
footer-text = Carnet zeigt, was die belgischen Gesundheits-Hubs und Datentresore über Sie gespeichert haben. Ihre Daten bleiben dort, wo sie gespeichert sind.
# The search engines' summary of the site: the footer's sentence.
meta-description = { footer-text }
page-not-found-title = Seite nicht gefunden
page-not-found-text = Diese Seite gibt es nicht. Prüfen Sie die Adresse oder gehen Sie zurück zur Startseite.

## Dates: { $month } is the month's name below.
date-full = { $day }. { $month } { $year }
date-month = { $month } { $year }
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
nav-documents = Dokumente
nav-vaccinations = Impfungen
nav-medication = Medikamente
nav-summary = Gesundheitsübersicht
nav-glossary = Glossar
page-loading = Ihre Daten werden von den Gesundheitsnetzwerken abgerufen…
items-unreadable = { $count ->
    [one] { $count } Eintrag konnte nicht gelesen werden. Die Quelle hat etwas gesendet, das Carnet nicht versteht. Die anderen Einträge werden angezeigt.
   *[other] { $count } Einträge konnten nicht gelesen werden. Die Quelle hat etwas gesendet, das Carnet nicht versteht. Die anderen Einträge werden angezeigt.
}
since-date = seit { $date }
value-yes = ja
value-no = nein
## Days of the week, Monday is 0.
weekday-0 = Mo
weekday-1 = Di
weekday-2 = Mi
weekday-3 = Do
weekday-4 = Fr
weekday-5 = Sa
weekday-6 = So
menu = Menü
nav-privacy = Wer sieht was
nav-controls-label = Ihre Privatsphäre
nav-who-can-see = Wer Ihre Akte sehen kann
nav-consent = Zustimmung
nav-care-team = Behandlungsteam
nav-exclusions = Ausschlüsse
nav-access-log = Zugriffsprotokoll
party-unresolved = Ein Gesundheitsdienstleister
also-recorded-at = auch erfasst bei { $sources }
