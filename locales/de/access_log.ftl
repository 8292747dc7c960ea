# The access log and the dashboard's alert of new accesses.

access-log-title = Wer Ihre Akte angesehen hat
access-log-intro = Jeder Zugriff, den die Hubs und Datentresore eingetragen haben, und alles, was über Carnet mit Ihrer Akte gemacht wurde. Das Neueste steht oben.
access-you = Sie
access-through = über { $source }
access-when = { $date }, { $time }
access-unreadable = { $count ->
    [one] { $count } Zugriff konnte nicht gelesen werden und wird nicht angezeigt.
   *[other] { $count } Zugriffe konnten nicht gelesen werden und werden nicht angezeigt.
}
access-count = { $count ->
    [0] Kein Zugriff gefunden.
    [one] { $count } Zugriff
   *[other] { $count } Zugriffe
}
access-none-filtered = Ändern Sie die Filter oder setzen Sie sie zurück, um mehr zu sehen.
access-pages = Seiten des Zugriffsprotokolls
access-previous = Neuere
access-next = Ältere
access-page-of = Seite { $page } von { $pages }

## What a care provider did
access-did-opened = hat { $target } geöffnet
access-did-searched = hat { $target } durchsucht
access-did-added = hat { $target } ergänzt
access-did-changed = hat { $target } bearbeitet
access-did-deleted = hat etwas gelöscht, das { $target } betrifft
access-target-record = Ihre Akte
access-target-document = ein Dokument
access-target-sumehr = Ihre Gesundheitsübersicht
access-target-vaccinations = Ihre Impfungen
access-target-medication = Ihre Medikamente
access-target-allergies = Ihre Allergien

## What was done through Carnet
access-portal-read = haben { $parts } angesehen
access-portal-read-refused = wollten { $parts } ansehen, aber das wurde abgelehnt
access-portal-exported = haben { $parts } als Patientenkurzakte heruntergeladen
access-portal-export-refused = wollten { $parts } als Patientenkurzakte herunterladen, aber das wurde abgelehnt
access-change-give = haben Ihre Zustimmung bei { $sources } gegeben
access-change-revoke = haben Ihre Zustimmung bei { $sources } zurückgezogen
access-change-end = haben bei { $sources } die Behandlungsbeziehung beendet, die { $who } mit Ihnen hatte
access-change-add = haben bei { $sources } festgelegt, dass { $who } ausgeschlossen ist
access-change-lift = haben bei { $sources } festgelegt, dass { $who } nicht mehr ausgeschlossen ist
access-change-unconfirmed = angefragt, aber die Antwort ist nicht bekannt
access-change-failed = das ist nicht gelungen
access-change-partial = nicht bei jedem Hub
access-change-refused = abgelehnt
access-portal-change-refused = haben versucht, { $parts } zu ändern, und wurden abgewiesen
access-other-read = hat { $parts } angesehen
access-other-read-refused = hat versucht, { $parts } anzusehen, und wurde abgewiesen
access-other-exported = hat { $parts } als Patientenkurzakte heruntergeladen
access-other-export-refused = hat versucht, { $parts } als Patientenkurzakte herunterzuladen, und wurde abgewiesen
access-other-change-refused = hat versucht, { $parts } zu ändern, und wurde abgewiesen
access-other-other = hat etwas anderes getan
access-portal-seen = haben die neuen Zugriffe als gesehen markiert
access-portal-login = haben sich angemeldet
access-portal-logout = haben sich abgemeldet
access-portal-other = haben etwas anderes gemacht

## Filters
access-filter-title = Zugriffsprotokoll filtern
access-filter-who = Wer
access-filter-everyone = Alle
access-filter-providers = Gesundheitsdienstleister und Organisationen
access-filter-you = Sie, über Carnet
access-filter-what = Was
access-filter-everything = Alles
access-category-documents = Dokumente
access-category-sumehr = Gesundheitsübersicht
access-category-vaccinations = Impfungen
access-category-medication = Medikamente
access-category-allergies = Allergien
access-category-changes = Änderungen, die Sie gemacht haben
access-category-sessions = An- und Abmelden
access-filter-source = Quelle
access-filter-all-sources = Alle Quellen
access-filter-from = Von
access-filter-to = Bis
access-filter-apply = Anzeigen
access-filter-clear = Filter zurücksetzen

## The dashboard's alert
access-alert-title = Neu seit Ihrem letzten Besuch
access-alert-line = { $who } hat Ihre Akte am { $when } über { $source } geöffnet.
access-alert-more = { $count ->
    [one] Und { $count } weiterer.
   *[other] Und { $count } weitere.
}
access-alert-unexpected = Haben Sie einen dieser Zugriffe nicht erwartet? Dann können Sie die Behandlungsbeziehung beenden oder diesen Gesundheitsdienstleister ausschließen.
access-alert-see = Zugriffsprotokoll ansehen
access-alert-dismiss = Bis zum nächsten Zugriff ausblenden

## Für andere handeln, in der Zeitleiste
access-mandate-given = haben { $who } ein Mandat gegeben
access-mandate-accepted = hat das Mandat angenommen ({ $who })
access-mandate-declined = hat das Mandat abgelehnt ({ $who })
access-mandate-revoked = haben das Mandat für { $who } beendet
access-mandate-given-back = hat das Mandat zurückgegeben ({ $who })
access-opened-record = hat Ihre Akte geöffnet
access-opened-record-refused = hat versucht, Ihre Akte zu öffnen, und wurde abgewiesen
access-basis-mandate = mit Ihrem Mandat
access-basis-parent = als Ihr Elternteil
access-basis-support-code = Helpdesk, mit Ihrem Support-Code
access-support-issued = haben einen Support-Code erstellt
access-support-revoked = haben einen Support-Code beendet
access-support-redeemed = hat Ihren Support-Code eingegeben
access-support-redeem-refused = hat für Ihre Akte einen Support-Code eingegeben, der abgelehnt wurde (falsch, beendet, abgelaufen oder von einem anderen Mitarbeiter verwendet)
access-support-revoke-refused = hat versucht, einen Ihrer Support-Codes zu beenden; das wurde abgelehnt
access-changes-not-shared = Änderungen an der Einwilligung, am Pflegeteam und an den Ausschlüssen werden hier nicht aufgeführt.

## Dashboard tile
tile-access = Wer Ihre Daten angesehen hat
access-see-log = Das ganze Zugriffsprotokoll ansehen
access-none = Es ist kein Zugriff eingetragen.
access-someone = Jemand
