documents-title = Documents
documents-intro = Reports, letters, results and summaries that your care providers shared through the health networks.
documents-none = No documents are recorded for you.
documents-filter-label = Filter documents
documents-search = Search
documents-type = Type
documents-institution = Institution
documents-source = Source
documents-any = All
documents-period = Period
documents-from = From
documents-to = To
documents-apply = Show
documents-clear = Clear filters
documents-count = { $count ->
    [0] No documents.
    [one] { $count } document.
   *[other] { $count } documents.
}
documents-count-filtered = { $total ->
    [one] { $count } of { $total } document matches.
   *[other] { $count } of { $total } documents match.
}
documents-col-date = Date
documents-col-document = Document
documents-col-author = Author
documents-col-institution = Institution
documents-col-source = Source
documents-pages = Pages
documents-previous = Previous page
documents-next = Next page
documents-page-of = Page { $page } of { $pages }
documents-back = Back to documents
document-title = Document
document-untitled = Document
document-open-pdf = Open the PDF
document-open-file = Open the file
document-download = Download
document-cannot-show = Carnet cannot show this kind of document here. You can download it and open it with another program.

documents-not-shared = not shared with you
documents-not-shared-why = Documents marked “not shared with you” hold a part of the record (such as the health summary, the medication schedule or vaccinations) that you may not see.
document-parts-not-shared = Some parts of this document are not shown.

## Dashboard tile
tile-documents = Newest documents
documents-all = { $count ->
    [0] Go to documents
    [one] See your { $count } document
   *[other] See all { $count } documents
}
