vaccinations-title = Impfungen
vaccinations-count = { $count ->
    [one] { $count } Impfung
   *[other] { $count } Impfungen
}
vaccinations-none = Für Sie sind keine Impfungen eingetragen.
vaccinations-sort-newest = Neueste zuerst
vaccinations-sort-oldest = Älteste zuerst
vaccinations-sort-label = Reihenfolge
vaccinations-sorted-newest = Sortiert: neueste zuerst.
vaccinations-sorted-oldest = Sortiert: älteste zuerst.
vaccination-col-date = Datum
vaccination-col-vaccine = Impfstoff
vaccination-col-dose = Dosis
vaccination-col-performer = Geimpft von
vaccination-col-source = Quelle
vaccination-dose-number = Dosis { $number }
vaccination-status-not-done = Nicht verabreicht
vaccination-status-entered-in-error = Irrtümlich eingetragen
vaccination-status-other = Status: { $status }
vaccination-reason = Grund: { $reason }
vaccination-lot = Charge { $lot }
vaccination-unreadable = Dieser Eintrag konnte nicht gelesen werden.
vaccination-unreadable-detail = Die Quelle hat Daten gesendet, die Carnet nicht versteht. Die anderen Einträge werden angezeigt.
vaccination-unknown-code = { $system }-Code { $code }
date-unknown = Datum unbekannt
performer-nihdi = Gesundheitsdienstleister (LIKIV-Nr. { $number })
performer-person = Ein Gesundheitsdienstleister
source-state-ok = { $source }: aktuell
source-error-timeout = { $source } hat nicht rechtzeitig geantwortet. Versuchen Sie es später erneut.
source-error-unreachable = { $source } ist gerade nicht erreichbar. Versuchen Sie es später erneut.
source-error-error = { $source } hat mit einem Fehler geantwortet. Versuchen Sie es später erneut.
source-error-malformed = { $source } hat Daten gesendet, die Carnet nicht lesen konnte.
source-stale = { $source } antwortet gerade nicht. Sie sehen die Daten von vor { $minutes ->
    [0] weniger als einer Minute
    [one] { $minutes } Minute
   *[other] { $minutes } Minuten
}.
vaccinations-history = Alle Impfungen
vaccinations-intro = Die Impfungen, die Ihre Quellen kennen, und was der belgische Impfkalender Ihnen empfiehlt.
vaccinations-proof-for = Impfungen von { $name }, wie sie den belgischen Gesundheitsnetzwerken am { $date } bekannt sind.
vaccinations-print-help = Um diese Übersicht als Nachweis auszudrucken, nutzen Sie den Befehl „Drucken“ Ihres Browsers (Strg+P).
