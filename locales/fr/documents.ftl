documents-title = Documents
documents-intro = Rapports, lettres, résultats et résumés que vos prestataires de soins ont partagés via les réseaux de santé.
documents-none = Aucun document n’est enregistré à votre nom.
documents-filter-label = Filtrer les documents
documents-search = Rechercher
documents-type = Type
documents-institution = Établissement
documents-source = Source
documents-any = Tous
documents-period = Période
documents-from = Du
documents-to = Au
documents-apply = Afficher
documents-clear = Effacer les filtres
documents-count = { $count ->
    [0] Aucun document.
    [one] { $count } document.
   *[other] { $count } documents.
}
documents-count-filtered = { $total ->
    [one] Résultat : { $count } sur { $total } document.
   *[other] Résultat : { $count } sur { $total } documents.
}
documents-col-date = Date
documents-col-document = Document
documents-col-author = Auteur
documents-col-institution = Établissement
documents-col-source = Source
documents-pages = Pages
documents-previous = Page précédente
documents-next = Page suivante
documents-page-of = Page { $page } sur { $pages }
documents-back = Retour aux documents
document-title = Document
document-untitled = Document
document-open-pdf = Ouvrir le PDF
document-open-file = Ouvrir le fichier
document-download = Télécharger
document-cannot-show = Carnet ne peut pas afficher ce type de document ici. Vous pouvez le télécharger et l’ouvrir avec un autre programme.

documents-not-shared = non partagé avec vous
documents-not-shared-why = Les documents marqués « non partagé avec vous » contiennent une partie du dossier (comme le résumé de santé, le schéma de médication ou les vaccinations) que vous ne pouvez pas voir.
document-parts-not-shared = Certaines parties de ce document ne sont pas affichées.

## Dashboard tile
tile-documents = Documents les plus récents
documents-all = { $count ->
    [0] Aller aux documents
    [one] Voir { $count } document
   *[other] Voir les { $count } documents
}
