dashboard-title = Meine Übersicht
dashboard-greeting = Guten Tag, { $name }
dashboard-intro = Hier sehen Sie, was die Gesundheitsnetzwerke zurzeit über Sie gespeichert haben.
dashboard-loading = Ihre Daten werden von den Gesundheitsnetzwerken abgerufen…
dashboard-sources-checking = Ihre Quellen werden geprüft…
dashboard-sources-none = Keine Quelle speichert Daten dieser Art.
dashboard-tile-waiting = Wir warten noch auf eine Quelle. Dieser Teil erscheint hier, sobald sie antwortet.
tile-sources = Ihre Quellen
tile-documents = Neueste Dokumente
tile-vaccinations = Impfungen
tile-medication = Medikamente für heute
tile-allergies = Allergien
tile-consent = Zustimmung
tile-care-team = Ihr Behandlungsteam
tile-access = Wer Ihre Daten angesehen hat
tile-sumehr = Gesundheitsübersicht
tile-exclusions = Ausgeschlossene Gesundheitsdienstleister
documents-all = { $count ->
    [0] Zu den Dokumenten
    [one] { $count } Dokument ansehen
   *[other] Alle { $count } Dokumente ansehen
}
vaccinations-latest = Zuletzt:
vaccinations-see-all = Alle Impfungen ansehen
medication-today-count = { $count ->
    [0] Laut Ihren Quellen müssen Sie heute nichts nehmen.
    [one] Heute nehmen Sie { $count } Medikament.
   *[other] Heute nehmen Sie { $count } Medikamente.
}
medication-see-schedule = Ihr Medikationsschema ansehen
summary-see = Allergien und Gesundheitsübersicht ansehen
consent-tile-intro = Ihre Zustimmung, Ihre Daten über die Gesundheitsnetzwerke zu teilen:
consent-given = erteilt
consent-given-since = erteilt seit dem { $date }
consent-revoked = zurückgezogen
consent-not-given = nicht erteilt
care-team-count = { $count ->
    [0] Zurzeit hat kein Gesundheitsdienstleister eine Behandlungsbeziehung mit Ihnen.
    [one] { $count } Gesundheitsdienstleister hat eine Behandlungsbeziehung mit Ihnen.
   *[other] { $count } Gesundheitsdienstleister haben eine Behandlungsbeziehung mit Ihnen.
}
access-none = Es ist kein Zugriff eingetragen.
access-someone = Jemand
