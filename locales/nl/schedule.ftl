# Pagina basisvaccinatieschema. Ids van ziekten: zie server/core/data/be-vaccination-schedule.toml.
schedule-title = Vaccinatieschema
schedule-intro = Het basisvaccinatieschema is het officiële advies van de Hoge Gezondheidsraad: welke vaccinaties iedereen die in België woont best krijgt, en op welke leeftijd. De meeste vaccins voor kinderen en jongeren zijn gratis, want de Vlaamse, de Franse en de Duitstalige Gemeenschap betalen ze.
# { $reference } is de naam van de officiële bron, { $date } de datum ervan.
schedule-reference = Bron: { $reference }, { $date }
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
schedule-dose-booster = Herhalingsprik
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
