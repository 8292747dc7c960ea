medication-title = Geneesmiddelen
medication-intro = Wat u volgens uw bronnen neemt, wanneer en hoeveel. Volg altijd wat uw arts of apotheker u gezegd heeft.
medication-views = Weergaven
medication-day-view = Dag
medication-week-view = Week
medication-day-title = { $date }
medication-week-title = Week van { $date }
medication-previous = Vorige
medication-next = Volgende
medication-today = Vandaag
medication-nothing-today = Volgens uw bronnen hoeft u op deze dag niets te nemen.
medication-nothing-week = Volgens uw bronnen hoeft u in deze week niets te nemen.
medication-as-needed = Indien nodig
medication-suspended = Geschorst
medication-stopped = Gestopt
medication-completed = Afgerond
medication-ended = Einddatum voorbij
medication-entered-in-error = Per vergissing ingevoerd
medication-lines = Alle geneesmiddelen
medication-col-medicine = Geneesmiddel
medication-col-how = Hoe innemen
medication-col-since = Sinds
medication-col-until = Tot
medication-col-by = Voorgeschreven door
medication-col-record = Geregistreerd als
medication-no-end = Geen einddatum
medication-kind-prescribed = Voorgeschreven
medication-kind-delivered = Afgeleverd door een apotheek
medication-kind-taken = In uw medicatieschema
dosage-as-needed = indien nodig: { $amount }
slot-morning = Ochtend
slot-noon = Middag
slot-evening = Avond
slot-night = Voor het slapengaan
slot-any-time = Tijdens de dag

## Dashboard tile
tile-medication = Geneesmiddelen voor vandaag
medication-today-count = { $count ->
    [0] Volgens uw bronnen hoeft u vandaag niets te nemen.
    [one] Vandaag neemt u { $count } geneesmiddel.
   *[other] Vandaag neemt u { $count } geneesmiddelen.
}
medication-see-schedule = Uw medicatieschema bekijken
