medication-title = Medikamente
medication-intro = Was Sie laut Ihren Quellen nehmen, wann und wie viel. Halten Sie sich immer an das, was Ihr Arzt oder Apotheker Ihnen gesagt hat.
medication-views = Ansichten
medication-day-view = Tag
medication-week-view = Woche
medication-day-title = { $date }
medication-week-title = Woche vom { $date }
medication-previous = Zurück
medication-next = Weiter
medication-today = Heute
medication-nothing-today = Laut Ihren Quellen müssen Sie an diesem Tag nichts nehmen.
medication-nothing-week = Laut Ihren Quellen müssen Sie in dieser Woche nichts nehmen.
medication-as-needed = Bei Bedarf
medication-suspended = Ausgesetzt
medication-stopped = Abgesetzt
medication-completed = Abgeschlossen
medication-ended = Enddatum vorbei
medication-entered-in-error = Irrtümlich eingetragen
medication-lines = Alle Medikamente
medication-col-medicine = Medikament
medication-col-how = Wie einnehmen
medication-col-since = Seit
medication-col-until = Bis
medication-col-by = Verschrieben von
medication-col-record = Erfasst als
medication-no-end = Kein Enddatum
medication-kind-prescribed = Verschrieben
medication-kind-delivered = Von einer Apotheke abgegeben
medication-kind-taken = In Ihrem Medikationsschema
dosage-as-needed = bei Bedarf: { $amount }
slot-morning = Morgens
slot-noon = Mittags
slot-evening = Abends
slot-night = Zur Nacht
slot-any-time = Im Laufe des Tages

## Dashboard tile
tile-medication = Medikamente für heute
medication-today-count = { $count ->
    [0] Laut Ihren Quellen müssen Sie heute nichts nehmen.
    [one] Heute nehmen Sie { $count } Medikament.
   *[other] Heute nehmen Sie { $count } Medikamente.
}
medication-see-schedule = Ihr Medikationsschema ansehen
