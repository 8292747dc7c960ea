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
vaccination-dose-number = Dosis { $number }
vaccination-status-not-done = Niet gegeven
vaccination-status-entered-in-error = Per vergissing ingevoerd
vaccination-status-other = Status: { $status }
vaccination-reason = Reden: { $reason }
vaccination-lot = Lot { $lot }
vaccination-unreadable = Dit gegeven kon niet worden gelezen.
vaccination-unreadable-detail = De bron stuurde gegevens die Carnet niet begrijpt. De andere gegevens worden wel getoond.
vaccinations-history = Alle vaccinaties
vaccinations-intro = De vaccinaties die uw bronnen kennen, en wat het Belgische vaccinatieschema u aanraadt.
vaccinations-proof-for = Vaccinaties van { $name }, zoals bekend bij de Belgische gezondheidsnetwerken op { $date }.
vaccinations-print-help = Wilt u dit overzicht afdrukken als bewijs? Gebruik dan de opdracht „Afdrukken” van uw browser (Ctrl+P).

## Dashboard tile
tile-vaccinations = Vaccinaties
vaccinations-latest = Meest recent:
vaccinations-see-all = Alle vaccinaties bekijken

## The basic vaccination schedule
# Pagina basisvaccinatieschema. Ids van ziekten: zie server/core/data/be-vaccination-schedule.toml.
schedule-title = Vaccinatieschema
schedule-intro = Het basisvaccinatieschema is het officiële advies van de Hoge Gezondheidsraad: welke vaccinaties iedereen die in België woont best krijgt, en op welke leeftijd. De meeste vaccins voor kinderen en jongeren zijn gratis, want de Vlaamse, de Franse en de Duitstalige Gemeenschap betalen ze.
# { $date } is the month and year of the official version.
schedule-reference = Bron: Hoge Gezondheidsraad, basisvaccinatieschema (advies 9606), versie van { $date }, met de vaccinatieprogramma's van de gemeenschappen.
schedule-disclaimer = Dit overzicht is berekend uit de vaccinaties die uw bronnen kennen. Als een vaccinatie hier ontbreekt, wil dat niet altijd zeggen dat u ze niet gekregen hebt: oudere vaccinaties staan vaak alleen in een papieren boekje. Twijfelt u? Spreek erover met uw arts.

## Status van één dosis, met een korte uitleg.
schedule-status-done = In orde
schedule-status-done-help = U hebt deze vaccinatie gekregen. Een van uw bronnen heeft ze geregistreerd.
schedule-status-due = Nu aan de beurt
schedule-status-due-help = Het is nu tijd voor deze vaccinatie. Maak een afspraak bij uw huisarts. Voor een kind kan dat ook bij Kind en Gezin, ONE of het CLB.
schedule-status-overdue = Te laat
schedule-status-overdue-help = Deze vaccinatie had al gegeven moeten zijn, maar geen van uw bronnen heeft ze geregistreerd. Vraag raad aan uw huisarts. Voor een kind kunt u ook terecht bij Kind en Gezin, ONE of het CLB. Vaak kan de vaccinatie nog ingehaald worden.
schedule-status-later = Later
schedule-status-later-help = Deze vaccinatie komt later. U bent er nog niet oud genoeg voor.
schedule-status-not-applicable = Niet van toepassing
schedule-status-not-applicable-help = Deze vaccinatie is niet voor uw leeftijd, of het moment ervoor is voorbij.

## Dosissen en leeftijden. { $age } is een van de age-*-teksten hieronder.
schedule-dose = Dosis { $number }
schedule-age = op { $age }
age-weeks = { $n ->
    [one] { $n } week
   *[other] { $n } weken
}
age-months = { $n ->
    [one] { $n } maand
   *[other] { $n } maanden
}
age-years = { $n ->
    [one] { $n } jaar
   *[other] { $n } jaar
}

## Ziekten: disease-<id>, eerst de gewone naam.
disease-diphtheria = Difterie (kroep)
disease-tetanus = Tetanus (klem)
disease-pertussis = Kinkhoest (pertussis)
disease-polio = Polio (kinderverlamming)
disease-hib = Hib (Haemophilus influenzae type b)
disease-hepatitis-b = Hepatitis B
disease-measles = Mazelen
disease-mumps = Bof (dikoor)
disease-rubella = Rodehond (rubella)
disease-pneumococcal = Pneumokokkeninfecties
disease-meningococcal = Meningokokkeninfecties (hersenvliesontsteking)
disease-rotavirus = Rotavirus (buikgriep met diarree)
disease-hpv = HPV (humaan papillomavirus)
disease-influenza = Griep (influenza)
disease-hepatitis-a = Hepatitis A
disease-covid-19 = COVID-19

## De status op de vaccinatiepagina en het overzicht.
schedule-dose-every = { $years ->
    [one] Elk jaar
   *[other] Om de { $years } jaar
}
schedule-given-on = Gekregen op { $date }
schedule-next-from = Laatste op { $given }. Volgende vanaf { $date }.
schedule-due-since = Nodig sinds { $date }
schedule-from = Vanaf { $date }
schedule-summary-overdue = { $count ->
    [one] 1 vaccinatie te laat
   *[other] { $count } vaccinaties te laat
}
schedule-summary-due = { $count ->
    [one] 1 vaccinatie nu aan de beurt
   *[other] { $count } vaccinaties nu aan de beurt
}
schedule-summary-up-to-date = U bent in orde met het basisvaccinatieschema.
schedule-no-birth-date = Carnet kan uw vaccinaties niet met het basisschema vergelijken, omdat uw geboortedatum niet volledig bekend is.
schedule-tile-intro = Vergeleken met het basisvaccinatieschema:
schedule-moments = Wat het schema u aanraadt
schedule-col-against = Tegen
schedule-col-dose = Dosis
schedule-col-age = Aanbevolen leeftijd
schedule-col-status = Status
schedule-not-applicable-hidden = Vaccinaties die niet bedoeld zijn voor uw leeftijd of uw generatie staan hier niet.
schedule-legend = Wat de statussen betekenen
schedule-reference-link = Het schema op de website van de Hoge Gezondheidsraad
schedule-by-disease = Per ziekte
schedule-by-disease-intro = Een combinatievaccin beschermt tegen meerdere ziekten tegelijk: het staat bij elk van die ziekten.
schedule-col-disease = Ziekte
schedule-col-vaccinations = Vaccinaties
schedule-none-recorded = Geen gegevens
schedule-disease-up-to-date = In orde
schedule-not-in-schedule = Niet in het basisschema
