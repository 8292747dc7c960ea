vaccinations-title = Vaccinations
vaccinations-count = { $count ->
    [one] { $count } vaccination
   *[other] { $count } vaccinations
}
vaccinations-none = Aucune vaccination n’est enregistrée à votre nom.
vaccinations-sort-newest = Plus récentes d’abord
vaccinations-sort-oldest = Plus anciennes d’abord
vaccinations-sort-label = Ordre
vaccinations-sorted-newest = Tri : plus récentes d’abord.
vaccinations-sorted-oldest = Tri : plus anciennes d’abord.
vaccination-col-date = Date
vaccination-col-vaccine = Vaccin
vaccination-col-dose = Dose
vaccination-col-performer = Administré par
vaccination-col-source = Source
vaccination-dose-number = Dose { $number }
vaccination-status-not-done = Non administré
vaccination-status-entered-in-error = Encodé par erreur
vaccination-status-other = Statut : { $status }
vaccination-reason = Raison : { $reason }
vaccination-lot = Lot { $lot }
vaccination-unreadable = Impossible de lire cet élément.
vaccination-unreadable-detail = La source a envoyé des données que Carnet ne comprend pas. Les autres données sont affichées.
vaccination-unknown-code = Code { $system } { $code }
date-unknown = Date inconnue
performer-nihdi = Prestataire de soins (n° INAMI { $number })
performer-person = Un prestataire de soins
source-state-ok = { $source } : à jour
source-error-timeout = { $source } n’a pas répondu à temps. Réessayez plus tard.
source-error-unreachable = { $source } n’est pas joignable pour le moment. Réessayez plus tard.
source-error-error = { $source } a répondu par une erreur. Réessayez plus tard.
source-error-malformed = { $source } a envoyé des données que Carnet n’a pas pu lire.
source-stale = { $source } ne répond pas pour le moment. Vous voyez ses données d’il y a { $minutes ->
    [0] moins d’une minute
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.
vaccinations-history = Toutes les vaccinations
vaccinations-intro = Les vaccinations que vos sources connaissent, et ce que le calendrier vaccinal belge vous recommande.
vaccinations-proof-for = Vaccinations de { $name }, telles que connues des réseaux de santé belges le { $date }.
vaccinations-print-help = Pour imprimer cet aperçu comme preuve, utilisez la commande « Imprimer » de votre navigateur (Ctrl+P).
