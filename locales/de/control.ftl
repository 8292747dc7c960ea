# The citizen's controls: consent, care team, exclusions, and what every change reports.

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
error-bad-request = Dieses Formular ist veraltet oder unvollständig, daher wurde nichts ausgeführt. Öffnen Sie die Seite erneut und versuchen Sie es noch einmal.

## Consent
consent-title = Ihre Zustimmung zum Teilen Ihrer Gesundheitsdaten
consent-tile-manage = Ihre Zustimmung ansehen oder ändern
consent-what = Mit Ihrer informierten Zustimmung dürfen die Gesundheitsnetzwerke (Hubs) Ihre Gesundheitsdaten zwischen den Gesundheitsdienstleistern teilen, die Sie behandeln.
consent-effect-given = Wenn Sie sie geben: Gesundheitsdienstleister, die eine Behandlungsbeziehung mit Ihnen haben, können die Dokumente und Daten sehen, die der Hub teilt. Gesundheitsdienstleister, die Sie ausgeschlossen haben, können das weiterhin nicht.
consent-effect-revoked = Wenn Sie sie zurückziehen: Ab dann kann kein Gesundheitsdienstleister Ihre geteilten Daten über diesen Hub sehen, auch Ihr Hausarzt nicht. Es wird nichts gelöscht: Sie können Ihre Zustimmung später wieder geben.
consent-per-hub = Jeder Hub speichert Ihre Wahl getrennt: Wenn Sie Ihre Zustimmung bei einem Hub geben oder zurückziehen, ändert sich bei den anderen Hubs nichts.
consent-revoked-on = zurückgezogen am { $date }
consent-unknown = unbekannt: Dieser Hub hat nicht geantwortet
consent-col-hub = Hub
consent-col-state = Ihre Zustimmung
consent-col-action = Ändern
consent-action-give = Meine Zustimmung bei { $source } geben
consent-action-revoke = Meine Zustimmung bei { $source } zurückziehen
consent-confirm-give-title = Ihre Zustimmung bei { $source } geben?
consent-confirm-revoke-title = Ihre Zustimmung bei { $source } zurückziehen?
consent-confirm-only-this-hub = Dies ändert nur Ihre Zustimmung bei { $source }.
consent-confirm-revoke-emergency = Auch im Notfall sehen Gesundheitsdienstleister Ihre Daten dann nicht über diesen Hub.
consent-confirm-give = Ja, meine Zustimmung bei { $source } geben
consent-confirm-revoke = Ja, meine Zustimmung bei { $source } zurückziehen

## Care team
care-team-title = Ihr Behandlungsteam
care-team-tile-manage = Ihr Behandlungsteam ansehen
care-team-what = Diese Gesundheitsdienstleister haben bei einem Hub eine Behandlungsbeziehung mit Ihnen. Mit Ihrer Zustimmung können sie dadurch die Daten sehen, die der Hub über Sie teilt.
care-team-end-what = Sie können eine Behandlungsbeziehung beenden. Dieser Gesundheitsdienstleister sieht Ihre geteilten Daten dann nicht mehr über diesen Hub.
care-team-current = Aktuelle Behandlungsbeziehungen
care-team-ended = Beendete Behandlungsbeziehungen
care-team-none = Hier gibt es keine Behandlungsbeziehung.
care-team-col-who = Gesundheitsdienstleister
care-team-col-profession = Beruf
care-team-col-institution = Einrichtung
care-team-col-hub = Hub
care-team-col-since = Seit
care-team-col-until = Bis
care-team-col-action = Ändern
care-team-no-end = kein Enddatum
care-team-action-end = Behandlungsbeziehung mit { $who } beenden
care-team-confirm-title = Ihre Behandlungsbeziehung mit { $who } bei { $source } beenden?
care-team-confirm-effect = { $who } sieht Ihre geteilten Daten dann nicht mehr über { $source }.
care-team-confirm-kept = Was dieser Gesundheitsdienstleister schon gesehen oder geschrieben hat, bleibt in Ihrer Akte.
care-team-confirm-again = Eine neue Behandlungsbeziehung beginnt, wenn dieser Gesundheitsdienstleister Sie wieder behandelt (zum Beispiel, wenn er Ihre eID-Karte liest). Soll er Ihre Daten nie mehr sehen? Dann schließen Sie ihn aus.
care-team-confirm-submit = Ja, Behandlungsbeziehung mit { $who } beenden

## Exclusions
exclusions-title = Ausgeschlossene Gesundheitsdienstleister
exclusions-tile-manage = Einen Gesundheitsdienstleister ausschließen
exclusions-what = Ein ausgeschlossener Gesundheitsdienstleister kann Ihre geteilten Gesundheitsdaten über die Hubs nicht sehen. Das gilt auch, wenn er Sie behandelt und Sie Ihre Zustimmung gegeben haben.
exclusions-all-hubs = Ein Ausschluss wird bei allen Hubs gleichzeitig hinzugefügt oder aufgehoben.
exclusions-current = Geltende Ausschlüsse
exclusions-none = Sie haben niemanden ausgeschlossen.
exclusions-col-who = Gesundheitsdienstleister
exclusions-col-hubs = Bei den Hubs
exclusions-col-since = Seit
exclusions-col-action = Ändern
exclusions-no-date = Die Hubs sagen nicht, seit wann.
exclusions-action-lift = Ausschluss von { $who } aufheben
exclusions-add = Einen Gesundheitsdienstleister ausschließen
exclusions-search-label = Name oder LIKIV-Nummer des Gesundheitsdienstleisters
exclusions-search-help = Zum Beispiel „Verbiest“ oder „1-33027-85-580“. Gesucht wird im Verzeichnis der Hubs.
exclusions-search = Suchen
exclusions-found = { $count ->
    [one] { $count } Gesundheitsdienstleister gefunden:
   *[other] { $count } Gesundheitsdienstleister gefunden:
}
exclusions-found-none = Kein Gesundheitsdienstleister für „{ $query }“ gefunden. Prüfen Sie die Schreibweise oder suchen Sie nach der LIKIV-Nummer.
exclusions-nihdi = LIKIV-Nummer { $number }
exclusions-action-choose = { $who } ausschließen…
exclusions-confirm-add-title = { $who } ausschließen?
exclusions-confirm-add-effect = { $who } kann Ihre geteilten Gesundheitsdaten dann nicht mehr über die Hubs sehen, auch nicht bei einer Behandlung.
exclusions-confirm-add-emergency = Das gilt auch im Notfall. Sie können den Ausschluss jederzeit aufheben.
exclusions-confirm-add-submit = Ja, { $who } ausschließen
exclusions-confirm-lift-title = Ausschluss von { $who } aufheben?
exclusions-confirm-lift-effect = { $who } kann Ihre geteilten Gesundheitsdaten dann wieder sehen, wenn eine Behandlungsbeziehung mit Ihnen besteht und Sie Ihre Zustimmung gegeben haben.
exclusions-confirm-lift-submit = Ja, Ausschluss von { $who } aufheben
directory-error-too-short = Geben Sie mindestens zwei Buchstaben eines Namens oder eine LIKIV-Nummer ein.
directory-error-not-a-number = Eine LIKIV-Nummer hat 11 Ziffern. Prüfen Sie die Nummer oder suchen Sie nach dem Namen.
directory-error-too-long = Das ist zu lang für einen Namen. Geben Sie einen kürzeren Teil davon ein.
