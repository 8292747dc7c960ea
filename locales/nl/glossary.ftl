# The glossary: words used in Carnet, explained simply.
# Per term: term-<id> (as in running text), term-<id>-title (glossary heading),
# term-<id>-text (1 to 3 short sentences, plain language, B1).
glossary-title = Woordenlijst
glossary-intro = Hier vindt u de woorden die Carnet gebruikt, eenvoudig uitgelegd.
glossary-more = Meer in de woordenlijst
# Accessible name of the small button next to a term that opens its explanation.
glossary-explain = Wat betekent „{ $term }”?

# Where your data comes from.
term-sumehr = SumEHR
term-sumehr-title = SumEHR (samenvatting van uw elektronisch patiëntendossier)
term-sumehr-text = Een korte samenvatting van uw gezondheid, gemaakt door uw huisarts. Er staan uw gezondheidsproblemen, allergieën, geneesmiddelen en vaccinaties in. Andere zorgverleners kunnen ze lezen, bijvoorbeeld bij een noodgeval.
term-hub = hub
term-hub-title = Hub
term-hub-text = Een regionaal netwerk van ziekenhuizen, zoals CoZo, het Réseau Santé Wallon of het Réseau Santé Bruxellois. Een hub weet welke documenten er over u bestaan en waar ze bewaard worden. De hubs zijn met elkaar verbonden via de metahub, zodat een zorgverlener ze overal in België kan vinden.
term-vault = kluis
term-vault-title = Kluis
term-vault-text = Een veilige online opslagplaats waar uw huisarts, apotheker en andere zorgverleners gedeelde gegevens over u bewaren, zoals uw medicatieschema en vaccinaties. In Vlaanderen is dat Vitalink, in Wallonië Intermed en in Brussel BruSafe+.
term-source = bron
term-source-title = Bron
term-source-text = De plaats waar Carnet uw gegevens ophaalt: een hub of een kluis. Uw gegevens blijven daar; Carnet toont ze alleen. Antwoordt een bron niet, dan zegt Carnet dat en toont het de rest.

# Who may see your data.
term-therapeutic-relationship = therapeutische relatie
term-therapeutic-relationship-title = Therapeutische relatie
term-therapeutic-relationship-text = Een band tussen u en een zorgverlener die u behandelt, zoals uw huisarts, uw apotheker of een ziekenhuis. Zorgverleners hebben die band en uw toestemming nodig om uw gedeelde gegevens te zien. De band begint bijvoorbeeld als u bij een bezoek uw eID-kaart toont, en u kunt hem beëindigen in Carnet.
term-informed-consent = geïnformeerde toestemming
term-informed-consent-title = Geïnformeerde toestemming
term-informed-consent-text = Uw toestemming om uw gezondheidsgegevens veilig te delen tussen de zorgverleners die u behandelen. U geeft ze één keer, voor heel België, via het eHealth-platform. U kunt ze op elk moment geven of intrekken in Carnet.
term-exclusion = uitsluiting
term-exclusion-title = Uitsluiting
term-exclusion-text = U verbiedt één zorgverlener om uw gedeelde gezondheidsgegevens te zien, ook als die u behandelt. U kunt een uitsluiting toevoegen of weer opheffen in Carnet.
term-mandate = mandaat
term-mandate-title = Mandaat
term-mandate-text = Uw toestemming aan een vertrouwenspersoon om een deel van uw gezondheidsgegevens voor u te bekijken of te beheren. U kiest wat die persoon mag doen en tot wanneer. U kunt een mandaat meteen stoppen, en u ziet alles wat die persoon doet.
term-support-code = ondersteuningscode
term-support-code-title = Ondersteuningscode
term-support-code-text = Een korte code die u in Carnet maakt als u de helpdesk belt. Daarmee kan de helpdesk korte tijd alleen de delen lezen die u kiest, en niets veranderen. U ziet elke keer dat ze kijken in uw toegangslogboek.
term-access-log = toegangslogboek
term-access-log-title = Toegangslogboek
term-access-log-text = Een lijst van wie uw gegevens heeft bekeken, wat en wanneer: zorgverleners, ziekenhuizen, vertrouwenspersonen en de helpdesk. Ziet u iets wat u niet verwacht? Dan kunt u de therapeutische relatie beëindigen of die zorgverlener uitsluiten.

# Numbers, codes and standards.
term-nihdi-number = RIZIV-nummer
term-nihdi-number-title = RIZIV-nummer (Rijksinstituut voor ziekte- en invaliditeitsverzekering)
term-nihdi-number-text = Het officiële nummer van een zorgverlener in België. Daarmee kan uw ziekenfonds een deel van de kosten terugbetalen. Carnet toont het als de naam van de zorgverlener niet bekend is.
term-cnk = CNK-code
term-cnk-title = CNK-code (nationale code van een geneesmiddel)
term-cnk-text = Het nummer van een verpakking van een geneesmiddel in de Belgische apotheken. Elk merk, elke sterkte en elke grootte van verpakking heeft een eigen CNK-code. Uw apotheker gebruikt die om het juiste geneesmiddel te vinden.
term-atc = ATC-code
term-atc-title = ATC-code (anatomisch-therapeutisch-chemische indeling)
term-atc-text = Een code van de Wereldgezondheidsorganisatie die geneesmiddelen indeelt volgens het deel van het lichaam waarop ze werken en volgens hun werkzame stof. Geneesmiddelen met een andere merknaam maar dezelfde stof hebben dezelfde ATC-code.
term-snomed-ct = SNOMED CT
term-snomed-ct-title = SNOMED CT (internationale lijst van medische termen)
term-snomed-ct-text = Een internationale lijst van medische woorden, elk met een nummer. Zorgverleners gebruiken ze voor ziekten, allergieën en vaccins, zodat computers elkaar begrijpen. Carnet zet die nummers om in woorden die u kunt lezen.
term-kmehr = KMEHR
term-kmehr-title = KMEHR (Belgisch formaat voor gezondheidsdocumenten)
term-kmehr-text = De Belgische manier om gezondheidsdocumenten te schrijven zodat computers ze kunnen lezen. Hubs en zorgverleners gebruiken het voor brieven, verslagen en de SumEHR. Carnet toont die documenten als gewone pagina's.
term-fhir = FHIR
term-fhir-title = FHIR (Fast Healthcare Interoperability Resources)
term-fhir-text = Een internationale manier waarop computers gezondheidsgegevens uitwisselen. De kluizen gebruiken het. U kunt uw gegevens ook in dit formaat uit Carnet downloaden, om ze in een andere app te gebruiken.
term-ehealth = eHealth-platform
term-ehealth-title = eHealth-platform
term-ehealth-text = Een Belgische openbare dienst die zorgt dat gezondheidsgegevens veilig worden uitgewisseld. Het bewaart uw toestemming, uw therapeutische relaties en uw uitsluitingen. Uw medische gegevens zelf bewaart het niet.

# Allergies.
term-allergy = allergie
term-allergy-title = Allergie
term-allergy-text = Uw lichaam reageert sterk op iets, zoals een geneesmiddel, een voedingsmiddel of een insectensteek. Sommige reacties kunnen gevaarlijk zijn. Uw zorgverleners noteren het, zodat ze het kunnen vermijden.
term-intolerance = intolerantie
term-intolerance-title = Intolerantie
term-intolerance-text = U verdraagt iets niet goed, bijvoorbeeld een geneesmiddel waar u last van uw maag van krijgt. Het is geen allergie en meestal minder gevaarlijk, maar uw zorgverleners noteren het toch.
term-criticality = ernst
term-criticality-title = Ernst van een reactie
term-criticality-text = Hoe ernstig een reactie kan zijn als u opnieuw met de stof in contact komt: laag, hoog of onbekend. Vraag het aan uw arts als u niet zeker weet wat het voor u betekent.

# Medication.
term-medication-schedule = medicatieschema
term-medication-schedule-title = Medicatieschema
term-medication-schedule-text = Een lijst van alle geneesmiddelen die u neemt: wat, hoeveel, wanneer en sinds wanneer. Uw huisarts of apotheker houdt het bij in een kluis. Als er iets niet klopt, zeg het dan aan uw huisarts of apotheker.
term-dosage = dosering
term-dosage-title = Dosering
term-dosage-text = Hoeveel u van een geneesmiddel neemt en hoe vaak, bijvoorbeeld één tablet 's morgens en één 's avonds.
term-as-needed = indien nodig
term-as-needed-title = Indien nodig
term-as-needed-text = Neem dit geneesmiddel alleen als u het nodig hebt, bijvoorbeeld als u pijn hebt, en niet op vaste tijden. Neem niet meer dan het maximum per dag.

# Vaccinations.
term-basic-vaccination-schedule = basisvaccinatieschema
term-basic-vaccination-schedule-title = Basisvaccinatieschema
term-basic-vaccination-schedule-text = De vaccins die de overheid in België voor iedereen aanraadt, en op welke leeftijd. Veel ervan zijn gratis voor kinderen en jongeren. Waar het van toepassing is, toont Carnet of uw vaccinaties dit schema volgen.
term-booster = herhalingsprik
term-booster-title = Herhalingsprik
term-booster-text = Een extra dosis van een vaccin, een tijd na de eerste dosissen, zodat u beschermd blijft. Volwassenen krijgen bijvoorbeeld de raad om elke 10 jaar een herhalingsprik tegen tetanus te halen.
term-combined-vaccine = combinatievaccin
term-combined-vaccine-title = Combinatievaccin
term-combined-vaccine-text = Eén vaccin dat tegen meerdere ziekten tegelijk beschermt, bijvoorbeeld tegen mazelen, bof en rodehond. In Carnet kan één prik meetellen voor meerdere ziekten.

# Documents and overview.
term-document-type = documenttype
term-document-type-title = Documenttype
term-document-type-text = De soort document, bijvoorbeeld een ontslagbrief, een labresultaat of een verslag van medische beeldvorming. U kunt er uw documenten mee filteren.
term-care-team = zorgteam
term-care-team-title = Zorgteam
term-care-team-text = De zorgverleners die u nu behandelen en een therapeutische relatie met u hebben, zoals uw huisarts, apotheker, verpleegkundige of ziekenhuis.
term-health-summary = gezondheidsoverzicht
term-health-summary-title = Gezondheidsoverzicht
term-health-summary-text = Een kort overzicht in Carnet van uw belangrijkste gezondheidsgegevens: gezondheidsproblemen, allergieën, geneesmiddelen en vaccinaties. Het vervangt geen gesprek met uw arts.
term-ssin = rijksregisternummer
term-ssin-title = Rijksregisternummer (INSZ)
term-ssin-text = Uw persoonlijk nummer van 11 cijfers in België. Het staat op de achterkant van uw eID-kaart. Zorgverleners en Carnet gebruiken het om uw gegevens te vinden.

# More terms: your GP's file on you.
term-gmd = globaal medisch dossier
term-gmd-title = Globaal medisch dossier (GMD)
term-gmd-text = Het dossier waarin uw huisarts al uw gezondheidsgegevens samen bijhoudt. Daardoor betaalt u minder voor een bezoek aan uw huisarts. Het kost u niets: vraag uw huisarts om het te openen.

# More terms: people who act for you.
term-trusted-person = vertrouwenspersoon
term-trusted-person-title = Vertrouwenspersoon
term-trusted-person-text = Iemand die u vertrouwt en die in Carnet dingen voor u kan bekijken of doen, omdat u die persoon een mandaat gaf. Ouders kunnen ook optreden voor hun jonge kinderen.

# More terms: from prescription to pharmacy.
term-prescription = voorschrift
term-prescription-title = Voorschrift
term-prescription-text = De opdracht van een arts voor een geneesmiddel. De meeste voorschriften zijn elektronisch: de apotheker vindt ze met uw eID-kaart.
term-delivery = aflevering
term-delivery-title = Aflevering
term-delivery-text = De apotheker geeft u een geneesmiddel mee. Carnet kan tonen wat werd voorgeschreven en wat u bij de apotheek kreeg, als de bron dat doorgeeft.
term-suspension = geschorst
term-suspension-title = Geschorst geneesmiddel
term-suspension-text = Uw arts heeft gezegd dat u een tijd moet stoppen met een geneesmiddel, bijvoorbeeld voor een operatie. Neem het pas opnieuw als uw arts dat zegt.

# More terms: what you add yourself.
term-own-data = zelf ingevoerde gegevens
term-own-data-title = Zelf ingevoerde gegevens
term-own-data-text = Gegevens die u zelf in Carnet toevoegt, zoals geneesmiddelen die u zonder voorschrift koopt, notities of metingen. Carnet duidt ze duidelijk aan, zodat ze nooit verward worden met gegevens van zorgverleners.

# More terms: taking your record along.
term-patient-summary = patiëntsamenvatting
term-patient-summary-title = Patiëntsamenvatting (International Patient Summary)
term-patient-summary-text = Een korte samenvatting van je gezondheid in een formaat dat in Europa is afgesproken: je geneesmiddelen, allergieën, gezondheidsproblemen en vaccinaties. De software van een arts, waar ook in Europa, kan ze lezen, in de eigen taal.
