vaccinations-title = Vaccinaties
vaccinations-count = { $count ->
    [one] { $count } vaccinatie
   *[other] { $count } vaccinaties
}
vaccinations-none = Er zijn voor u geen vaccinaties geregistreerd.
vaccinations-sort-newest = Nieuwste eerst
vaccinations-sort-oldest = Oudste eerst
vaccinations-sort-label = Volgorde
vaccinations-sorted-newest = Gesorteerd: nieuwste eerst.
vaccinations-sorted-oldest = Gesorteerd: oudste eerst.
vaccination-col-date = Datum
vaccination-col-vaccine = Vaccin
vaccination-col-dose = Dosis
vaccination-col-performer = Gegeven door
vaccination-col-source = Bron
vaccination-dose-number = Dosis { $number }
vaccination-status-not-done = Niet gegeven
vaccination-status-entered-in-error = Per vergissing ingevoerd
vaccination-status-other = Status: { $status }
vaccination-reason = Reden: { $reason }
vaccination-lot = Lot { $lot }
vaccination-unreadable = Dit gegeven kon niet worden gelezen.
vaccination-unreadable-detail = De bron stuurde gegevens die Carnet niet begrijpt. De andere gegevens worden wel getoond.
vaccination-unknown-code = { $system }-code { $code }
date-unknown = Datum onbekend
performer-nihdi = Zorgverlener (RIZIV-nr. { $number })
performer-person = Een zorgverlener
source-state-ok = { $source }: bijgewerkt
source-error-timeout = { $source } heeft niet op tijd geantwoord. Probeer het later opnieuw.
source-error-unreachable = { $source } is nu niet bereikbaar. Probeer het later opnieuw.
source-error-error = { $source } antwoordde met een fout. Probeer het later opnieuw.
source-error-malformed = { $source } stuurde gegevens die Carnet niet kon lezen.
source-stale = { $source } antwoordt nu niet. U ziet de gegevens van { $minutes ->
    [0] minder dan een minuut geleden
    [one] { $minutes } minuut geleden
   *[other] { $minutes } minuten geleden
}.
vaccinations-history = Alle vaccinaties
vaccinations-intro = De vaccinaties die uw bronnen kennen, en wat het Belgische vaccinatieschema u aanraadt.
vaccinations-proof-for = Vaccinaties van { $name }, zoals bekend bij de Belgische gezondheidsnetwerken op { $date }.
vaccinations-print-help = Wilt u dit overzicht afdrukken als bewijs? Gebruik dan de opdracht „Afdrukken” van uw browser (Ctrl+P).
