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

## Dashboard tile
