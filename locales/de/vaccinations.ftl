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
vaccination-dose-number = Dosis { $number }
vaccination-status-not-done = Nicht verabreicht
vaccination-status-entered-in-error = Irrtümlich eingetragen
vaccination-status-other = Status: { $status }
vaccination-reason = Grund: { $reason }
vaccination-lot = Charge { $lot }
vaccination-unreadable = Dieser Eintrag konnte nicht gelesen werden.
vaccination-unreadable-detail = Die Quelle hat Daten gesendet, die Carnet nicht versteht. Die anderen Einträge werden angezeigt.
vaccinations-history = Alle Impfungen
vaccinations-intro = Die Impfungen, die Ihre Quellen kennen, und was der belgische Impfkalender Ihnen empfiehlt.
vaccinations-proof-for = Impfungen von { $name }, wie sie den belgischen Gesundheitsnetzwerken am { $date } bekannt sind.
vaccinations-print-help = Um diese Übersicht als Nachweis auszudrucken, nutzen Sie den Befehl „Drucken“ Ihres Browsers (Strg+P).

## Dashboard tile
tile-vaccinations = Impfungen
vaccinations-latest = Zuletzt:
vaccinations-see-all = Alle Impfungen ansehen

## The basic vaccination schedule
# Seite Basisimpfkalender. IDs der Krankheiten: siehe server/core/data/be-vaccination-schedule.toml.
schedule-title = Impfkalender
schedule-intro = Der Basisimpfkalender ist die offizielle Empfehlung des Hohen Gesundheitsrates: welche Impfungen alle Menschen bekommen sollten, die in Belgien wohnen, und in welchem Alter. Die meisten Impfstoffe für Kinder und Jugendliche sind kostenlos, denn die Deutschsprachige, die Flämische und die Französische Gemeinschaft bezahlen sie.
# { $date } is the month and year of the official version.
schedule-reference = Quelle: Hoher Gesundheitsrat, Basisimpfschema (Gutachten 9606), Fassung von { $date }, mit den Impfprogrammen der Gemeinschaften.
schedule-disclaimer = Diese Übersicht wird aus den Impfungen berechnet, die Ihre Quellen kennen. Wenn hier eine Impfung fehlt, heißt das nicht immer, dass Sie sie nicht bekommen haben: Ältere Impfungen stehen oft nur in einem Impfpass aus Papier. Sprechen Sie im Zweifel mit Ihrem Arzt.

## Status einer Dosis, mit einer kurzen Erklärung.
schedule-status-done = Erledigt
schedule-status-done-help = Sie haben diese Impfung bekommen. Eine Ihrer Quellen hat sie eingetragen.
schedule-status-due = Jetzt fällig
schedule-status-due-help = Jetzt ist die Zeit für diese Impfung. Vereinbaren Sie einen Termin bei Ihrem Hausarzt. Für ein Kind geht das auch bei Kaleido Ostbelgien, Kind en Gezin oder ONE.
schedule-status-overdue = Überfällig
schedule-status-overdue-help = Diese Impfung hätte schon gegeben werden sollen, aber keine Ihrer Quellen hat sie eingetragen. Fragen Sie Ihren Hausarzt. Für ein Kind können Sie sich auch an Kaleido Ostbelgien, Kind en Gezin oder ONE wenden. Oft kann die Impfung noch nachgeholt werden.
schedule-status-later = Später
schedule-status-later-help = Diese Impfung kommt später. Sie haben das Alter dafür noch nicht erreicht.
schedule-status-not-applicable = Entfällt
schedule-status-not-applicable-help = Diese Impfung ist nicht für Ihr Alter gedacht, oder der Zeitpunkt dafür ist vorbei.

## Dosen und Alter. { $age } ist einer der age-*-Texte unten.
# Die age-*-Texte stehen im Dativ, weil sie nach „mit“ in schedule-age folgen („mit 15 Monaten“).
schedule-dose = Dosis { $number }
schedule-age = mit { $age }
age-weeks = { $n ->
    [one] { $n } Woche
   *[other] { $n } Wochen
}
age-months = { $n ->
    [one] { $n } Monat
   *[other] { $n } Monaten
}
age-years = { $n ->
    [one] { $n } Jahr
   *[other] { $n } Jahren
}

## Krankheiten: disease-<id>, zuerst der gängige Name.
disease-diphtheria = Diphtherie
disease-tetanus = Tetanus (Wundstarrkrampf)
disease-pertussis = Keuchhusten (Pertussis)
disease-polio = Polio (Kinderlähmung)
disease-hib = Hib (Haemophilus influenzae Typ b)
disease-hepatitis-b = Hepatitis B
disease-measles = Masern
disease-mumps = Mumps
disease-rubella = Röteln
disease-pneumococcal = Pneumokokken-Infektionen
disease-meningococcal = Meningokokken-Infektionen (Hirnhautentzündung)
disease-rotavirus = Rotaviren (Magen-Darm-Infektion mit Durchfall)
disease-hpv = HPV (humane Papillomviren)
disease-influenza = Grippe (Influenza)
disease-hepatitis-a = Hepatitis A
disease-covid-19 = COVID-19

## Der Stand auf der Impfseite und der Übersicht.
schedule-dose-every = { $years ->
    [one] Jedes Jahr
   *[other] Alle { $years } Jahre
}
schedule-given-on = Erhalten am { $date }
schedule-next-from = Letzte am { $given }. Nächste ab { $date }.
schedule-due-since = Fällig seit { $date }
schedule-from = Ab { $date }
schedule-summary-overdue = { $count ->
    [one] 1 Impfung überfällig
   *[other] { $count } Impfungen überfällig
}
schedule-summary-due = { $count ->
    [one] 1 Impfung jetzt fällig
   *[other] { $count } Impfungen jetzt fällig
}
schedule-summary-up-to-date = Sie sind auf dem Stand des Basisimpfschemas.
schedule-no-birth-date = Carnet kann Ihre Impfungen nicht mit dem Basisschema vergleichen, weil Ihr Geburtsdatum nicht vollständig bekannt ist.
schedule-tile-intro = Verglichen mit dem Basisimpfschema:
schedule-moments = Was das Schema Ihnen empfiehlt
schedule-col-against = Gegen
schedule-col-dose = Dosis
schedule-col-age = Empfohlenes Alter
schedule-col-status = Stand
schedule-not-applicable-hidden = Impfungen, die nicht für Ihr Alter oder Ihre Generation gedacht sind, werden nicht aufgeführt.
schedule-legend = Was die Angaben bedeuten
schedule-reference-link = Das Schema auf der Website des Hohen Gesundheitsrates
schedule-by-disease = Nach Krankheit
schedule-by-disease-intro = Ein Kombinationsimpfstoff schützt gegen mehrere Krankheiten zugleich: Er steht bei jeder davon.
schedule-col-disease = Krankheit
schedule-col-vaccinations = Impfungen
schedule-none-recorded = Keine Angaben
schedule-disease-up-to-date = Auf dem Stand
schedule-not-in-schedule = Nicht im Basisschema
