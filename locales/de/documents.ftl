documents-title = Dokumente
documents-intro = Berichte, Briefe, Ergebnisse und Zusammenfassungen, die Ihre Gesundheitsdienstleister über die Gesundheitsnetzwerke geteilt haben.
documents-none = Für Sie sind keine Dokumente eingetragen.
documents-filter-label = Dokumente filtern
documents-search = Suchen
documents-type = Art
documents-institution = Einrichtung
documents-source = Quelle
documents-any = Alle
documents-period = Zeitraum
documents-from = Von
documents-to = Bis
documents-apply = Anzeigen
documents-clear = Filter zurücksetzen
documents-count = { $count ->
    [0] Keine Dokumente.
    [one] { $count } Dokument.
   *[other] { $count } Dokumente.
}
documents-count-filtered = { $total ->
    [one] Gefunden: { $count } von { $total } Dokument.
   *[other] Gefunden: { $count } von { $total } Dokumenten.
}
documents-col-date = Datum
documents-col-document = Dokument
documents-col-author = Autor
documents-col-institution = Einrichtung
documents-col-source = Quelle
documents-pages = Seiten
documents-previous = Vorherige Seite
documents-next = Nächste Seite
documents-page-of = Seite { $page } von { $pages }
documents-back = Zurück zu den Dokumenten
document-title = Dokument
document-untitled = Dokument
document-open-pdf = PDF öffnen
document-open-file = Datei öffnen
document-download = Herunterladen
document-cannot-show = Carnet kann diese Art von Dokument hier nicht anzeigen. Sie können es herunterladen und mit einem anderen Programm öffnen.

documents-not-shared = nicht mit Ihnen geteilt
documents-not-shared-why = Dokumente mit „nicht mit Ihnen geteilt“ enthalten einen Teil der Akte (etwa die Gesundheitszusammenfassung, den Medikationsplan oder Impfungen), den Sie nicht sehen dürfen.
document-parts-not-shared = Einige Teile dieses Dokuments werden nicht angezeigt.

## Dashboard tile
tile-documents = Neueste Dokumente
documents-all = { $count ->
    [0] Zu den Dokumenten
    [one] { $count } Dokument ansehen
   *[other] Alle { $count } Dokumente ansehen
}
