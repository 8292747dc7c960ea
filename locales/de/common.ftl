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

## Navigation, and the banner while acting for someone else
nav-documents = Dokumente
nav-vaccinations = Impfungen
nav-medication = Medikamente
nav-summary = Gesundheitsübersicht
nav-glossary = Glossar
menu = Menü
nav-privacy = Wer sieht was
nav-controls-label = Ihre Privatsphäre
nav-who-can-see = Wer Ihre Akte sehen kann
nav-consent = Zustimmung
nav-care-team = Behandlungsteam
nav-exclusions = Ausschlüsse
nav-access-log = Zugriffsprotokoll
nav-act-for = Welche Akte
nav-mandates = Vertrauenspersonen
nav-support = Support-Code
acting-for-banner = Sie handeln für { $name }
acting-for-back = Zurück zu meiner eigenen Akte

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
date-unknown = Datum unbekannt
since-date = seit { $date }

## Days of the week, Monday is 0.
weekday-0 = Mo
weekday-1 = Di
weekday-2 = Mi
weekday-3 = Do
weekday-4 = Fr
weekday-5 = Sa
weekday-6 = So

## Words every page may use: loading, values, people, codes, columns
page-loading = Ihre Daten werden von den Gesundheitsnetzwerken abgerufen…
value-yes = ja
value-no = nein
party-unresolved = Ein Gesundheitsdienstleister
performer-nihdi = Gesundheitsdienstleister (LIKIV-Nr. { $number })
performer-person = Ein Gesundheitsdienstleister
vaccination-unknown-code = { $system }-Code { $code }
also-recorded-at = auch erfasst bei { $sources }
vaccination-col-source = Quelle

## Sources: their state, and items that could not be read
source-state-ok = { $source }: aktuell
source-error-timeout = { $source } hat nicht rechtzeitig geantwortet. Versuchen Sie es später erneut.
source-error-unreachable = { $source } ist gerade nicht erreichbar. Versuchen Sie es später erneut.
source-error-error = { $source } hat mit einem Fehler geantwortet. Versuchen Sie es später erneut.
source-error-malformed = { $source } hat Daten gesendet, die Carnet nicht lesen konnte.
source-stale = { $source } antwortet gerade nicht. Sie sehen die Daten von vor { $minutes ->
    [0] weniger als einer Minute
    [one] { $minutes } Minute
   *[other] { $minutes } Minuten
}.
items-unreadable = { $count ->
    [one] { $count } Eintrag konnte nicht gelesen werden. Die Quelle hat etwas gesendet, das Carnet nicht versteht. Die anderen Einträge werden angezeigt.
   *[other] { $count } Einträge konnten nicht gelesen werden. Die Quelle hat etwas gesendet, das Carnet nicht versteht. Die anderen Einträge werden angezeigt.
}

## Errors, and the problem page that shows them
problem-title = Etwas ist schiefgelaufen
problem-back-home = Zurück zur Startseite
error-ssin-missing = Der Anmeldedienst hat Ihre Nationalregisternummer nicht übermittelt. Deshalb kann Carnet Ihre Daten nicht anzeigen. Versuchen Sie es erneut oder wenden Sie sich an den Helpdesk.
error-ssin-invalid = Die Nationalregisternummer vom Anmeldedienst ist ungültig. Deshalb kann Carnet Ihre Daten nicht anzeigen. Wenden Sie sich an den Helpdesk.
error-login-failed = Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es erneut.
error-login-expired = Ihr Anmeldeversuch hat zu lange gedauert oder wurde schon verwendet. Bitte melden Sie sich erneut an.
error-login-unavailable = Der Anmeldedienst ist gerade nicht erreichbar. Bitte versuchen Sie es in ein paar Minuten erneut.
error-unauthenticated = Sie sind nicht angemeldet oder Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.
error-forbidden = Sie dürfen dies nicht ansehen.
error-internal = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es später erneut.
error-not-found = Dieser Eintrag wurde nicht gefunden. Vielleicht wurde er bei der Quelle gelöscht, oder der Link ist veraltet. Gehen Sie zurück zur Liste und öffnen Sie ihn erneut.
error-source-unavailable = Die Quelle, die dies speichert, ist gerade nicht erreichbar. Versuchen Sie es in ein paar Minuten erneut.
error-csrf = Diese Anfrage kam nicht von einer Seite von Carnet, daher wurde nichts ausgeführt. Wenn Sie ein Formular verwendet haben, öffnen Sie die Seite erneut und versuchen Sie es noch einmal.
error-rate-limited = Zu viele Anfragen in kurzer Zeit. Bitte warten Sie eine Minute und versuchen Sie es erneut.
error-too-large = Was gesendet wurde, ist zu groß, daher wurde nichts ausgeführt.
error-session-unavailable = Carnet kann Ihre Anmeldung gerade nicht prüfen. Deshalb wird nichts angezeigt und nichts ausgeführt. Sie sind weiterhin angemeldet: Bitte versuchen Sie es gleich noch einmal.
error-unreadable = Die Quelle hat diesen Eintrag gesendet, aber in einer Form, die Carnet nicht sicher lesen kann; er wird daher nicht angezeigt. Ein neuer Versuch hilft nicht; die Gesundheitsfachkraft, die ihn erfasst hat, kann ihn prüfen.
error-bad-request = Dieses Formular ist veraltet oder unvollständig, daher wurde nichts ausgeführt. Öffnen Sie die Seite erneut und versuchen Sie es noch einmal.
login-again = Erneut anmelden

## After a change
change-result-done = Erledigt.
change-result-partial = Nicht alles konnte geändert werden.
change-result-failed = Es wurde nichts geändert.
change-someone = dieser Gesundheitsdienstleister
change-done-give = Bei { $source } ist Ihre Zustimmung jetzt erteilt.
change-done-revoke = Bei { $source } ist Ihre Zustimmung jetzt zurückgezogen.
change-done-end = Bei { $source } hat { $who } jetzt keine Behandlungsbeziehung mehr mit Ihnen.
change-done-add = Bei { $source } ist { $who } jetzt ausgeschlossen.
change-done-lift = Bei { $source } ist { $who } nicht mehr ausgeschlossen.
change-refused = { $source } hat diese Änderung abgelehnt. Dort wurde also nichts geändert.
change-unavailable = { $source } hat nicht geantwortet. Dort wurde also nichts geändert. Bitte versuchen Sie es in ein paar Minuten erneut.
change-not-found = { $source } hat dies nicht mehr gespeichert: Vielleicht wurde es schon geändert. Sonst wurde dort nichts geändert.
change-pending = { $source } hat noch nicht geantwortet. Laden Sie diese Seite gleich neu, um das Ergebnis zu sehen.
change-cancel = Abbrechen, nichts ändern

## Was ein Mandat umfasst (die Bereiche aus der Regelung), in einfachen Worten
grant-documents = Dokumente
grant-documents-what = Ihre Dokumente lesen: Briefe, Berichte, Ergebnisse und Bilder von Krankenhäusern und Ärzten.
grant-vaccinations = Impfungen
grant-vaccinations-what = Ihre Impfungen sehen und welche Impfungen fällig sind.
grant-medication = Medikamente
grant-medication-what = Die Medikamente sehen, die Sie nehmen, und wann.
grant-summary = Allergien und Gesundheitsübersicht
grant-summary-what = Ihre Allergien und die Gesundheitsübersicht sehen, die Ihr Hausarzt führt.
grant-consents-manage = Verwalten, wer Ihre Akte sehen darf
grant-consents-manage-what = Ihre Zustimmung, Ihr Behandlungsteam und Ihre Ausschlüsse sehen und ändern — so wie Sie selbst.
grant-access-log = Wer Ihre Akte angesehen hat
grant-access-log-what = Sehen, welche Gesundheitsdienstleister Ihre Akte geöffnet haben, und wann.

## Parts of the record by name (the access log and the helpdesk's diagnostics)
access-part-documents = Dokumente
access-part-sumehr = die Gesundheitsübersicht
access-part-vaccinations = Impfungen
access-part-medication = Medikamente
access-part-allergies = Allergien
access-part-consent = Ihre Zustimmung
access-part-relationships = das Behandlungsteam
access-part-exclusions = Ausschlüsse
access-part-access-events = das Zugriffsprotokoll

## What a grant does not cover, left out of a page
withheld-part = Dieser Teil wird nicht mit Ihnen geteilt: { $name } hat Ihnen keinen Zugang dazu gegeben.
withheld-part-minor = Dieser Teil wird nicht mit Ihnen geteilt: Im Alter von { $name } geben die Regeln für Minderjährige einem Elternteil keinen Zugang dazu.

## Acting for someone: words that the mandates, whose-record, support, helpdesk and who-can-see pages share
mandate-covers = Umfasst: { $scopes }
mandate-active-until = Aktiv bis einschließlich { $until }
mandate-revoke = Das Mandat für { $who } beenden
act-for-open = Die Akte von { $name } öffnen
act-for-mandate-covers = Sie dürfen sehen: { $scopes }
minor-rule-reference = Regel: { $reference }

## Eltern und Minderjährige: die Altersgruppen aus der Regeltabelle, in einfachen Worten (IDs: minor-band-<band id>)
minor-band-under-12 = { $name } ist { $age } Jahre alt: Unter 12 Jahren sieht und verwaltet ein Elternteil die ganze Akte, auch die Zustimmung.
minor-band-from-12-to-16 = { $name } ist { $age } Jahre alt: Von 12 bis 16 Jahren sieht ein Elternteil nur die Impfungen, die Allergien und die Gesundheitsübersicht. Der Rest der Akte bleibt privat, nur für { $name }.
minor-band-from-16 = { $name } ist { $age } Jahre alt: Ab 16 Jahren verwaltet { $name } die eigene Akte und die eigene Zustimmung selbst. Eltern können die Akte nicht mehr sehen.
minor-band-any-own-record = { $name } ist { $age }: In diesem Alter verwaltet { $name } die eigene Akte und die eigene Zustimmung. Eltern können sie nicht mehr sehen.
minor-band-any-nothing = { $name } ist { $age }: In diesem Alter geben die Regeln für Minderjährige einem Elternteil keinen Zugang zur Akte.
minor-band-any-some = { $name } ist { $age }: In diesem Alter sieht ein Elternteil nur die Teile unten. Der Rest der Akte bleibt für { $name } privat.
