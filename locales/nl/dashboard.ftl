dashboard-title = Mijn overzicht
dashboard-greeting = Goedendag, { $name }
dashboard-intro = Hier ziet u wat de gezondheidsnetwerken op dit moment over u bewaren.
dashboard-loading = Uw gegevens worden opgehaald bij de gezondheidsnetwerken…
dashboard-sources-checking = Uw bronnen worden gecontroleerd…
dashboard-sources-none = Geen enkele bron bewaart dit soort gegevens.
dashboard-tile-waiting = We wachten nog op een bron. Dit deel verschijnt hier zodra de bron antwoordt.
tile-sources = Uw bronnen
tile-documents = Nieuwste documenten
tile-vaccinations = Vaccinaties
tile-medication = Geneesmiddelen voor vandaag
tile-allergies = Allergieën
tile-consent = Toestemming
tile-care-team = Uw zorgteam
tile-access = Wie uw gegevens heeft bekeken
tile-sumehr = Gezondheidsoverzicht
tile-exclusions = Uitgesloten zorgverleners
documents-all = { $count ->
    [0] Naar de documenten
    [one] { $count } document bekijken
   *[other] Alle { $count } documenten bekijken
}
vaccinations-latest = Meest recent:
vaccinations-see-all = Alle vaccinaties bekijken
medication-today-count = { $count ->
    [0] Volgens uw bronnen hoeft u vandaag niets te nemen.
    [one] Vandaag neemt u { $count } geneesmiddel.
   *[other] Vandaag neemt u { $count } geneesmiddelen.
}
medication-see-schedule = Uw medicatieschema bekijken
summary-see = Allergieën en gezondheidsoverzicht bekijken
consent-tile-intro = Uw toestemming om uw gegevens te delen via de gezondheidsnetwerken:
consent-given = gegeven
consent-given-since = gegeven sinds { $date }
consent-revoked = ingetrokken
consent-not-given = niet gegeven
care-team-count = { $count ->
    [0] Op dit moment heeft geen enkele zorgverlener een zorgrelatie met u.
    [one] { $count } zorgverlener heeft een zorgrelatie met u.
   *[other] { $count } zorgverleners hebben een zorgrelatie met u.
}
access-none = Er is geen toegang geregistreerd.
access-someone = Iemand
