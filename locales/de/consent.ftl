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

## Dashboard tile (the consent page shows the same states)
tile-consent = Zustimmung
consent-tile-intro = Ihre Zustimmung, Ihre Daten über die Gesundheitsnetzwerke zu teilen:
consent-given = erteilt
consent-given-since = erteilt seit dem { $date }
consent-revoked = zurückgezogen
consent-not-given = nicht erteilt
