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

## Dashboard tile
tile-care-team = Ihr Behandlungsteam
care-team-count = { $count ->
    [0] Zurzeit hat kein Gesundheitsdienstleister eine Behandlungsbeziehung mit Ihnen.
    [one] { $count } Gesundheitsdienstleister hat eine Behandlungsbeziehung mit Ihnen.
   *[other] { $count } Gesundheitsdienstleister haben eine Behandlungsbeziehung mit Ihnen.
}
