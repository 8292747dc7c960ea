# Die Akte mitnehmen (/export): eine Patientenkurzakte im europäischen Format.
nav-export = Mitnehmen
export-title = Nehmen Sie Ihre Akte mit
export-what = Laden Sie eine Zusammenfassung Ihrer Akte im europäischen Format für Patientenkurzakten herunter. Nehmen Sie sie zu einer neuen Ärztin oder einem neuen Arzt mit, oder ins Ausland.
export-what-for = Laden Sie eine Zusammenfassung der Akte von { $name } im europäischen Format für Patientenkurzakten herunter.
export-who-reads = Die Datei ist für die Software von Ärzten gemacht: Die meisten Gesundheitsdienstleister in Europa können sie lesen. Sie wählen, was hineinkommt.
export-field-parts = Was soll die Zusammenfassung enthalten?
export-part-medication = Arzneimittel
export-part-medication-what = Die Arzneimittel auf Ihrem Medikationsplan, mit ihrer Einnahme.
export-part-allergies = Allergien und Unverträglichkeiten
export-part-allergies-what = Worauf Sie schlecht reagieren, und wie schwer.
export-part-sumehr = Gesundheitsprobleme
export-part-sumehr-what = Die Probleme, die Ihre Hausärztin oder Ihr Hausarzt in Ihre Gesundheitsübersicht geschrieben hat.
export-part-vaccinations = Impfungen
export-part-vaccinations-what = Jede Impfung, mit Datum und wer sie gegeben hat.
export-left-out = Nicht enthalten, weil Sie es nicht sehen dürfen: { $parts }.
export-audited = Für die Zusammenfassung liest Carnet diese Teile bei Ihren Quellen. Das erscheint danach in Ihrem Zugriffsprotokoll.
export-make = Zusammenfassung erstellen
export-error-no-part = Wählen Sie mindestens einen Teil.
export-nothing-to-export = Aus dieser Akte dürfen Sie nichts mitnehmen.
export-parts = Enthält: { $parts }.
export-working = Ihre Zusammenfassung wird erstellt …
export-waiting = Noch warten auf:
export-check-again = Erneut prüfen
export-ready = Ihre Zusammenfassung ist fertig.
export-missing = Diese Quellen haben nicht geantwortet, ihre Daten fehlen daher in der Zusammenfassung: { $sources }. Sie können es später erneut versuchen.
export-stale = Einige Daten stammen aus einer früheren Antwort ihrer Quelle, weil die Quelle jetzt nicht geantwortet hat.
export-download-ips = Zusammenfassung herunterladen (FHIR-Datei)
export-download-ips-what = Eine FHIR-Datei (JSON), das Format, das die Software von Gesundheitsdienstleistern liest. Sie enthält Ihren Namen, Ihre Nationalregisternummer und Ihre Gesundheitsdaten: Bewahren Sie sie sicher auf.
export-kept-until = Sie können sie bis { $time } Uhr herunterladen. Danach löscht Carnet sie.
export-another = Eine weitere Zusammenfassung erstellen
export-again = Eine neue Zusammenfassung erstellen
export-gone = Diese Zusammenfassung ist nicht mehr verfügbar. Carnet bewahrt eine Zusammenfassung 30 Minuten auf.
export-failed = Die Zusammenfassung konnte nicht erstellt werden. Nichts wurde aufbewahrt.
export-lost = Das Erstellen der Zusammenfassung wurde unterbrochen. Nichts wurde aufbewahrt.
export-download-pdf = Zusammenfassung zum Drucken herunterladen (PDF)
export-download-proof = Impfnachweis herunterladen (PDF)
export-download-proof-what = Jede Impfung, die Sie erhalten haben, und wo Sie im Vergleich zum belgischen Basisimpfschema stehen: für eine Schule oder einen Arbeitgeber.

# Die PDFs.
pdf-summary-title = Patientenkurzakte
pdf-proof-title = Impfnachweis
pdf-person = { $name }, geboren am { $born }
pdf-made = Erstellt am { $date } um { $time } Uhr mit Carnet.
pdf-made-by = Erstellt am { $date } um { $time } Uhr mit Carnet von { $by }.
pdf-page = Seite { $n } von { $m }
pdf-source = Quelle: { $source }
pdf-source-failed = { $source } hat nicht geantwortet: Die Daten dieser Quelle fehlen hier.
pdf-source-stale = { $source } hat nicht geantwortet: Die Daten sind so, wie die Quelle sie vor { $minutes } Minuten geschickt hat.
pdf-unreadable = { $count ->
    [one] { $source } hat einen Eintrag geschickt, der nicht gelesen werden konnte.
   *[other] { $source } hat { $count } Einträge geschickt, die nicht gelesen werden konnten.
}
pdf-none = Nichts erfasst.
pdf-since-until = Vom { $since } bis { $until }
pdf-recorded = Erfasst am { $date }
pdf-from-summary = Aus der Gesundheitsübersicht vom { $date } von { $by }
pdf-given-by = Verabreicht von { $who }
pdf-proof-given = Erhaltene Impfungen
pdf-proof-schedule = Im Vergleich zum belgischen Basisimpfschema
pdf-proof-no-schedule = Das Schema konnte nicht geprüft werden.
pdf-about = Carnet zeigt, was die Hubs und Datentresore aufbewahren; es ändert nichts. Wenn etwas nicht stimmt, fragen Sie die Gesundheitsfachperson, die es erfasst hat.
