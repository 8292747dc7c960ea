# Je dossier meenemen (/export): een patiëntsamenvatting in het Europese formaat.
nav-export = Meenemen
export-title = Neem je dossier mee
export-what = Download een samenvatting van je dossier in het Europese formaat voor patiëntsamenvattingen. Neem ze mee naar een nieuwe arts, of naar het buitenland.
export-what-for = Download een samenvatting van het dossier van { $name } in het Europese formaat voor patiëntsamenvattingen.
export-who-reads = Het bestand is gemaakt voor de software van artsen: de meeste zorgverleners in Europa kunnen het lezen. Jij kiest wat erin komt.
export-field-parts = Wat moet de samenvatting bevatten?
export-part-medication = Geneesmiddelen
export-part-medication-what = De geneesmiddelen op je medicatieschema, met hoe je ze neemt.
export-part-allergies = Allergieën en intoleranties
export-part-allergies-what = Waar je slecht op reageert, en hoe ernstig dat is.
export-part-sumehr = Gezondheidsproblemen
export-part-sumehr-what = De problemen die je huisarts in je gezondheidssamenvatting schreef.
export-part-vaccinations = Vaccinaties
export-part-vaccinations-what = Elke vaccinatie, met de datum en wie ze gaf.
export-left-out = Niet opgenomen, omdat je het niet mag zien: { $parts }.
export-audited = Om de samenvatting te maken, leest Carnet deze delen bij je bronnen. Dat staat daarna in je toegangslogboek.
export-make = Maak de samenvatting
export-error-no-part = Kies minstens één deel.
export-nothing-to-export = Er is niets uit dit dossier dat je mag meenemen.
export-parts = Bevat: { $parts }.
export-working = Je samenvatting wordt gemaakt…
export-waiting = Nog aan het wachten op:
export-check-again = Opnieuw kijken
export-ready = Je samenvatting is klaar.
export-missing = Deze bronnen antwoordden niet, dus hun gegevens ontbreken in de samenvatting: { $sources }. Je kunt het later opnieuw proberen.
export-stale = Sommige gegevens komen uit een eerder antwoord van hun bron, omdat de bron nu niet antwoordde.
export-download-ips = Download de samenvatting (FHIR-bestand)
export-download-ips-what = Een FHIR-bestand (JSON), het formaat dat de software van zorgverleners leest. Het bevat je naam, je rijksregisternummer en je gezondheidsgegevens: bewaar het veilig.
export-kept-until = Je kunt ze downloaden tot { $time }. Daarna wist Carnet ze.
export-another = Maak nog een samenvatting
export-again = Maak een nieuwe samenvatting
export-gone = Deze samenvatting is niet meer beschikbaar. Carnet bewaart een samenvatting 30 minuten.
export-failed = De samenvatting kon niet worden gemaakt. Er werd niets bewaard.
export-lost = Het maken van de samenvatting werd onderbroken. Er werd niets bewaard.
export-download-pdf = Download de samenvatting om af te drukken (pdf)
export-download-proof = Download het vaccinatiebewijs (pdf)
export-download-proof-what = Elke vaccinatie die je kreeg, en hoe je ervoor staat ten opzichte van het Belgische basisvaccinatieschema: voor een school of een werkgever.

# De pdf's.
pdf-summary-title = Patiëntsamenvatting
pdf-proof-title = Vaccinatiebewijs
pdf-person = { $name }, geboren op { $born }
pdf-made = Gemaakt op { $date } om { $time } met Carnet.
pdf-made-by = Gemaakt op { $date } om { $time } met Carnet door { $by }.
pdf-page = Pagina { $n } van { $m }
pdf-source = Bron: { $source }
pdf-source-failed = { $source } antwoordde niet: de gegevens ervan ontbreken hier.
pdf-source-stale = { $source } antwoordde niet: de gegevens zijn zoals de bron ze { $minutes } minuten eerder stuurde.
pdf-unreadable = { $count ->
    [one] { $source } stuurde één gegeven dat niet gelezen kon worden.
   *[other] { $source } stuurde { $count } gegevens die niet gelezen konden worden.
}
pdf-none = Niets geregistreerd.
pdf-since-until = Van { $since } tot { $until }
pdf-recorded = Geregistreerd op { $date }
pdf-from-summary = Uit de gezondheidssamenvatting van { $date } door { $by }
pdf-given-by = Gegeven door { $who }
pdf-proof-given = Gekregen vaccinaties
pdf-proof-schedule = Ten opzichte van het Belgische basisvaccinatieschema
pdf-proof-no-schedule = Het schema kon niet worden nagekeken.
pdf-about = Carnet toont wat de hubs en kluizen bewaren; het verandert niets. Klopt er iets niet, vraag het aan de zorgverlener die het noteerde.
