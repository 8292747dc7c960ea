documents-title = Documenten
documents-intro = Verslagen, brieven, resultaten en samenvattingen die uw zorgverleners hebben gedeeld via de gezondheidsnetwerken.
documents-none = Er zijn voor u geen documenten geregistreerd.
documents-filter-label = Documenten filteren
documents-search = Zoeken
documents-type = Type
documents-institution = Instelling
documents-source = Bron
documents-any = Alle
documents-period = Periode
documents-from = Van
documents-to = Tot
documents-apply = Tonen
documents-clear = Filters wissen
documents-count = { $count ->
    [0] Geen documenten.
    [one] { $count } document.
   *[other] { $count } documenten.
}
documents-count-filtered = { $total ->
    [one] Gevonden: { $count } van { $total } document.
   *[other] Gevonden: { $count } van { $total } documenten.
}
documents-col-date = Datum
documents-col-document = Document
documents-col-author = Auteur
documents-col-institution = Instelling
documents-col-source = Bron
documents-pages = Pagina's
documents-previous = Vorige pagina
documents-next = Volgende pagina
documents-page-of = Pagina { $page } van { $pages }
documents-back = Terug naar de documenten
document-title = Document
document-untitled = Document
document-open-pdf = De pdf openen
document-open-file = Het bestand openen
document-download = Downloaden
document-cannot-show = Carnet kan dit soort document hier niet tonen. U kunt het downloaden en openen met een ander programma.

documents-not-shared = niet met u gedeeld
documents-not-shared-why = Documenten met “niet met u gedeeld” bevatten een deel van het dossier (zoals de gezondheidssamenvatting, het medicatieschema of vaccinaties) dat u niet mag zien.
document-parts-not-shared = Sommige delen van dit document worden niet getoond.

## Dashboard tile
tile-documents = Nieuwste documenten
documents-all = { $count ->
    [0] Naar de documenten
    [one] { $count } document bekijken
   *[other] Alle { $count } documenten bekijken
}
