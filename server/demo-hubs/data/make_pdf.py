#!/usr/bin/env python3
"""Makes the small PDF documents of the demo hubs and embeds them in the demo data.

Every document is a one-page PDF 1.4 file: one uncompressed text content stream in Helvetica
(WinAnsiEncoding), a correct cross-reference table and a fixed creation date, so running this
script twice gives the same bytes. Each stays under 4 KB. The inputs (who wrote what, when, in
which language) are the DOCUMENTS table below; every document says in its footer that it is
fictitious.

A document's key says where its base64 goes:
- the id of a FHIR `Binary` in `vitalink/Binary.json` or `brusafe/Binary.json` (its `data`);
- the LOCAL id of a KMEHR transaction in `rsw/`, `rsb/` or `cozo/` (the content of the
  transaction's `<lnk TYPE="multimedia" MEDIATYPE="application/pdf">`).

Usage (standard library only):
  python3 make_pdf.py            regenerate every PDF and embed it in the data files
  python3 make_pdf.py --check    exit 1 when an embedded PDF differs from what the table makes
  python3 make_pdf.py --out DIR  also write the PDFs as DIR/<key>.pdf, to look at them
"""

import base64
import json
import re
import sys
import textwrap
from pathlib import Path

DATA = Path(__file__).resolve().parent
FHIR_VAULTS = ("vitalink", "brusafe")
KMEHR_HUBS = ("rsw", "rsb", "cozo")
MAX_BYTES = 4096

FOOTER = {
    "nl": "Fictief document, enkel voor demonstratie (Carnet). Geen echte patiënt of zorgverlener.",
    "fr": "Document fictif, pour démonstration uniquement (Carnet). Aucun patient ni soignant réel.",
}
LABELS = {
    "nl": {"patient": "Patiënt", "born": "geboren", "date": "Datum", "to": "Aan"},
    "fr": {"patient": "Patient(e)", "born": "né(e) le", "date": "Date", "to": "À"},
}

SOFIE = ("Sofie Janssens", "1985-04-12")
MARC = ("Marc Dubois", "1980-09-03")
EMMA = ("Emma Dubois", "2021-06-15")
MARIA = ("Maria Van den Bossche", "1941-02-27")
PIETER = ("Pieter Van den Bossche", "1968-08-14")
JONAS = ("Jonas Wouters", "1999-09-21")
HOSTILE = ("Hostile Tester", "1977-07-07")

# A body is a list of blocks: a string is a paragraph (wrapped), "" a blank line,
# ("h", text) a bold heading, ("row", name, value, flag, reference) a line of a result table.
DOCUMENTS = {
    # Sofie Janssens (nl)
    "cozo-sofie-001": {
        "lang": "nl", "patient": SOFIE, "date": "2019-08-16",
        "org": "AZ Sint-Jan Brugge", "dept": "Dienst Orthopedie en Traumatologie - Brugge",
        "title": "Ontslagbrief", "to": "Dr. Annelies Peeters, huisarts, Leuven",
        "body": [
            "Geachte collega,",
            "Uw patiënte werd van 14/08/2019 tot 16/08/2019 opgenomen na een val met de fiets in Blankenberge.",
            "",
            ("h", "Diagnose"),
            "Verplaatste extra-articulaire distale radiusfractuur rechts.",
            ("h", "Behandeling"),
            "Gesloten repositie onder locoregionale anesthesie op 14/08/2019, gipsspalk onderarm rechts. "
            "Controle-RX na repositie: goede stand.",
            ("h", "Medicatie bij ontslag"),
            "Dafalgan 500 mg: 1 tot 2 tabletten, maximaal 4 keer per dag, indien pijn.",
            ("h", "Beleid"),
            "Gips gedurende 5 weken. Controle met RX op de raadpleging orthopedie van UZ Leuven binnen "
            "een week. Kinesitherapie na het verwijderen van de gips.",
            "",
            "Met collegiale groeten,",
        ],
        "sign": "Dr. Pieter-Jan Vandamme, orthopedisch chirurg",
    },
    "cozo-sofie-002": {
        "lang": "nl", "patient": SOFIE, "date": "2019-08-14",
        "org": "AZ Sint-Jan Brugge", "dept": "Dienst Medische Beeldvorming - Brugge",
        "title": "Radiologieverslag: RX pols rechts", "to": "Spoedgevallen AZ Sint-Jan Brugge",
        "body": [
            ("h", "Klinische inlichtingen"),
            "Val op de uitgestrekte hand. Pijn en zwelling van de pols rechts.",
            ("h", "Bevindingen"),
            "Verplaatste extra-articulaire fractuur van de distale radius rechts met dorsale kanteling "
            "van ongeveer 20° en lichte verkorting. Geen gewrichtsbetrokkenheid. Kleine afrukking van de "
            "processus styloideus ulnae. Carpale beenderen intact.",
            ("h", "Besluit"),
            "Verplaatste distale radiusfractuur rechts (type Colles).",
        ],
        "sign": "Dr. Sarah Dewulf, radioloog",
    },
    "cozo-sofie-003": {
        "lang": "nl", "patient": SOFIE, "date": "2026-09-28",
        "org": "UZ Leuven", "dept": "Laboratoriumgeneeskunde - Leuven",
        "title": "Laboratoriumresultaten", "to": "Dr. Annelies Peeters, huisarts, Leuven",
        "body": [
            "Staalname 28/09/2026 om 08:12, nuchter.",
            ("h", "Hematologie"),
            ("row", "Hemoglobine", "13,1 g/dL", "", "12,0 - 16,0"),
            ("row", "Leukocyten", "6,4 x10^9/L", "", "4,0 - 10,0"),
            ("row", "Trombocyten", "245 x10^9/L", "", "150 - 400"),
            ("h", "Klinische scheikunde"),
            ("row", "Creatinine", "0,78 mg/dL", "", "0,51 - 0,95"),
            ("row", "eGFR (CKD-EPI)", "> 90 mL/min/1,73m²", "", "> 60"),
            ("row", "Ferritine", "28 µg/L", "", "15 - 150"),
            ("row", "TSH", "1,9 mU/L", "", "0,27 - 4,20"),
            ("row", "25-OH-vitamine D", "14 ng/mL", "L", "30 - 100"),
            "",
            "Commentaar: vitamine D-deficiëntie, suppletie aangewezen. Overige waarden normaal.",
        ],
        "sign": "Gevalideerd door Dr. Lies Vanhoof, klinisch bioloog",
    },
    "rsb-sofie-001": {
        "lang": "nl", "patient": SOFIE, "date": "2022-06-09",
        "org": "Cliniques universitaires Saint-Luc", "dept": "Dienst Allergologie - Brussel",
        "title": "Consultatieverslag allergologie", "to": "Dr. Annelies Peeters, huisarts, Leuven",
        "body": [
            ("h", "Reden van verwijzing"),
            "Gegeneraliseerde urticaria en zwelling van de lippen, twee uur na inname van amoxicilline "
            "(april 2022).",
            ("h", "Onderzoek"),
            "Huidtesten (priktest en intradermale test) met penicillinedeterminanten: positief voor "
            "benzylpenicilline en amoxicilline. Negatieve controle negatief.",
            ("h", "Besluit"),
            "IgE-gemedieerde allergie voor penicillines. Hoog risico op een ernstige reactie.",
            ("h", "Advies"),
            "Alle penicillines vermijden (amoxicilline, flucloxacilline, piperacilline ...). Macroliden "
            "(claritromycine) en cefalosporines van de derde generatie mogen gebruikt worden. "
            "Allergie registreren in het dossier en bij de apotheker.",
        ],
        "sign": "Dr. Hélène Marchal, allergoloog",
    },
    "pdf-sofie-echo-2023": {
        "lang": "nl", "patient": SOFIE, "date": "2023-05-11",
        "org": "UZ Leuven", "dept": "Radiologie - Leuven",
        "title": "Echografie abdomen", "to": "Dr. Annelies Peeters, huisarts, Leuven",
        "body": [
            ("h", "Klinische inlichtingen"),
            "Epigastrische pijn en zuurbranden sinds drie maanden.",
            ("h", "Bevindingen"),
            "Lever normaal van grootte en echostructuur. Galblaas zonder stenen, wand niet verdikt. "
            "Galwegen niet verwijd. Pancreas voor zover zichtbaar normaal. Beide nieren normaal. "
            "Milt 10 cm. Geen vrij vocht.",
            ("h", "Besluit"),
            "Normale echografie van het abdomen.",
        ],
        "sign": "Dr. Wim Goossens, radioloog",
    },
    "pdf-sofie-referral-2026": {
        "lang": "nl", "patient": SOFIE, "date": "2026-09-15",
        "org": "Huisartsenpraktijk Dr. Annelies Peeters", "dept": "Leuven",
        "title": "Verwijsbrief gastro-enterologie", "to": "Dienst Gastro-enterologie, UZ Leuven",
        "body": [
            "Geachte collega,",
            "Graag uw advies en een gastroscopie voor deze 41-jarige patiënte met aanhoudende "
            "refluxklachten ondanks pantoprazol 40 mg sinds 2023. Geen gewichtsverlies, geen "
            "slikklachten, geen andere alarmsymptomen. Echografie abdomen (2023) normaal.",
            ("h", "Voorgeschiedenis"),
            "Distale radiusfractuur rechts (2019).",
            ("h", "Allergie"),
            "Penicilline: urticaria en angio-oedeem (2022), bevestigd met huidtesten.",
            ("h", "Medicatie"),
            "Pantoprazol 40 mg 1x per dag; Dafalgan 500 mg indien nodig; mometason neusspray "
            "(onderbroken buiten het pollenseizoen).",
            "",
            "Met collegiale groeten,",
        ],
        "sign": "Dr. Annelies Peeters, huisarts",
    },
    "pdf-sofie-travel-2019": {
        "lang": "nl", "patient": SOFIE, "date": "2019-03-04",
        "org": "CHU Saint-Pierre", "dept": "Reisraadpleging - Brussel",
        "title": "Reisgeneeskundig advies", "to": "Dr. Annelies Peeters, huisarts, Leuven",
        "body": [
            ("h", "Reis"),
            "Vietnam en Cambodja, drie weken, april 2019, rondreis met verblijf op het platteland.",
            ("h", "Vaccinaties"),
            "Hepatitis B: eerste dosis vandaag toegediend. Tweede en derde dosis na 1 en 6 maanden via "
            "de huisarts. Hepatitis A: vandaag elders gevaccineerd. Difterie-tetanus: in orde (2015).",
            ("h", "Malaria"),
            "Geen chemoprofylaxe nodig voor de geplande route. Muggenwerende middelen (DEET 30%) en "
            "klamboe. Bij koorts tijdens of na de reis onmiddellijk een arts raadplegen.",
        ],
        "sign": "Dr. Nadia El Amrani, reisgeneeskunde",
    },
    # Marc Dubois and his children (fr)
    "rsw-marc-001": {
        "lang": "fr", "patient": MARC, "date": "2025-06-12",
        "org": "CHU UCL Namur", "dept": "Laboratoire de biologie clinique - site Godinne",
        "title": "Résultats de laboratoire", "to": "Dr. Jean Lambert, médecin généraliste, Namur",
        "body": [
            "Prélèvement du 12/06/2025 à 07:45, à jeun.",
            ("h", "Biochimie"),
            ("row", "Cholestérol total", "248 mg/dL", "H", "< 190"),
            ("row", "Cholestérol LDL", "171 mg/dL", "H", "< 115"),
            ("row", "Cholestérol HDL", "46 mg/dL", "", "> 40"),
            ("row", "Triglycérides", "155 mg/dL", "H", "< 150"),
            ("row", "Glycémie à jeun", "98 mg/dL", "", "70 - 100"),
            ("row", "HbA1c", "5,6 %", "", "< 6,0"),
            ("row", "Créatinine", "0,95 mg/dL", "", "0,70 - 1,20"),
            ("row", "ALAT", "31 U/L", "", "< 41"),
            "",
            "Commentaire : hypercholestérolémie (LDL). Réévaluation du risque cardiovasculaire conseillée.",
        ],
        "sign": "Validé par Dr. Claire Hennaux, biologiste clinique",
    },
    "rsw-marc-002": {
        "lang": "fr", "patient": MARC, "date": "2024-02-20",
        "org": "Clinique Saint-Luc Bouge", "dept": "Service d'imagerie médicale - Namur",
        "title": "Protocole d'IRM du genou gauche", "to": "Dr. Jean Lambert, médecin généraliste, Namur",
        "body": [
            ("h", "Indication"),
            "Gonalgie gauche après une torsion au football, épisodes de blocage.",
            ("h", "Technique"),
            "IRM 1,5 T, séquences pondérées T1 et DP avec saturation de graisse, sans injection.",
            ("h", "Résultats"),
            "Déchirure horizontale de la corne postérieure du ménisque interne atteignant la surface "
            "articulaire inférieure. Ménisque externe intact. Ligaments croisés et collatéraux intacts. "
            "Cartilage fémoro-tibial préservé. Discret épanchement articulaire.",
            ("h", "Conclusion"),
            "Lésion de la corne postérieure du ménisque interne, sans lésion ligamentaire.",
        ],
        "sign": "Dr. Olivier Masson, radiologue",
    },
    "rsw-emma-001": {
        "lang": "fr", "patient": EMMA, "date": "2025-12-03",
        "org": "Clinique Saint-Luc Bouge", "dept": "Service de pédiatrie - Namur",
        "title": "Rapport de consultation pédiatrique", "to": "Dr. Jean Lambert, médecin généraliste, Namur",
        "body": [
            ("h", "Motif"),
            "Otites moyennes aiguës à répétition : quatre épisodes depuis septembre 2025.",
            ("h", "Examen"),
            "Enfant en bon état général. Poids 18,2 kg (P50), taille 108 cm (P50). Tympans : "
            "épanchement rétrotympanique bilatéral sans signe inflammatoire aigu. Reste de l'examen normal.",
            ("h", "Avis"),
            "Otite séromuqueuse bilatérale. Contrôle ORL avec audiogramme dans trois mois ; en cas de "
            "persistance, discussion de drains transtympaniques.",
            ("h", "Vaccinations"),
            "À jour selon le calendrier de la Fédération Wallonie-Bruxelles. Rappel DTPa-IPV prévu à "
            "l'école (PSE) à 5-6 ans.",
        ],
        "sign": "Dr. Anne-Catherine Poncelet, pédiatre",
    },
    # Maria Van den Bossche (nl)
    "cozo-maria-001": {
        "lang": "nl", "patient": MARIA, "date": "2024-01-22",
        "org": "AZ Sint-Lucas Gent", "dept": "Dienst Geriatrie - Gent",
        "title": "Ontslagbrief", "to": "Dr. Koen Maes, huisarts, Gent",
        "body": [
            "Opname van 08/01/2024 tot 22/01/2024.",
            ("h", "Reden van opname"),
            "Val thuis, onvermogen om recht te staan: pertrochantere femurfractuur links.",
            ("h", "Verloop"),
            "Osteosynthese met intramedullaire nagel op 09/01/2024. Overbrugging van Marcoumar met "
            "laagmoleculaire heparine. Postoperatief delier, opgeklaard na drie dagen.",
            ("h", "Medicatie bij ontslag"),
            "Marcoumar volgens INR-schema (streefwaarde 2-3); Kredex 25 mg 2x/d; Pantomed 40 mg 1x/d; "
            "Jardiance 10 mg 1x/d; Dafalgan 500 mg 2 tabl. 3x/d; Durogesic 50 µg/u om de 3 dagen "
            "(af te bouwen); D-Cure 25.000 IE 1x/maand; Laxido 1 zakje indien nodig.",
            ("h", "Beleid"),
            "Dagelijks thuisverpleging, kinesitherapie 3x per week, INR-controle via de huisarts, "
            "controle orthopedie met RX over zes weken.",
        ],
        "sign": "Dr. Griet Vermeulen, geriater",
    },
    "cozo-maria-002": {
        "lang": "nl", "patient": MARIA, "date": "2024-01-08",
        "org": "AZ Sint-Lucas Gent", "dept": "Dienst Medische Beeldvorming - Gent",
        "title": "Radiologieverslag: RX bekken en heup links", "to": "Spoedgevallen AZ Sint-Lucas Gent",
        "body": [
            ("h", "Klinische inlichtingen"),
            "Val thuis, pijn in de linker heup, verkort en uitwendig geroteerd been.",
            ("h", "Bevindingen"),
            "Pertrochantere fractuur van het linker femur met lichte varusstand. Geen luxatie. Diffuse "
            "osteopenie. Degeneratieve veranderingen lumbosacraal.",
            ("h", "Besluit"),
            "Pertrochantere femurfractuur links.",
        ],
        "sign": "Dr. Koenraad De Vos, radioloog",
    },
    "cozo-maria-003": {
        "lang": "nl", "patient": MARIA, "date": "2025-09-15",
        "org": "AZ Sint-Lucas Gent", "dept": "Klinisch Laboratorium - Gent",
        "title": "Laboratoriumresultaten", "to": "Dr. Koen Maes, huisarts, Gent",
        "body": [
            "Staalname 15/09/2025 om 09:05 (thuisverpleging).",
            ("row", "INR", "2,6", "", "2,0 - 3,0 (therapeutisch)"),
            ("row", "Hemoglobine", "11,4 g/dL", "L", "12,0 - 16,0"),
            ("row", "Creatinine", "1,12 mg/dL", "H", "0,51 - 0,95"),
            ("row", "eGFR (CKD-EPI)", "46 mL/min/1,73m²", "L", "> 60"),
            ("row", "Natrium", "139 mmol/L", "", "136 - 145"),
            ("row", "Kalium", "4,6 mmol/L", "", "3,5 - 5,1"),
            ("row", "NT-proBNP", "1450 pg/mL", "H", "< 738"),
            ("row", "HbA1c", "6,8 %", "", "< 7,0 (streefwaarde)"),
            "",
            "Commentaar: stabiele nierfunctie (CKD stadium 3a). INR binnen de streefwaarden.",
        ],
        "sign": "Gevalideerd door Dr. Jan Verhaeghe, klinisch bioloog",
    },
    # Pieter Van den Bossche (nl)
    "cozo-pieter-001": {
        "lang": "nl", "patient": PIETER, "date": "2025-11-04",
        "org": "AZ Sint-Lucas Gent", "dept": "Klinisch Laboratorium - Gent",
        "title": "Laboratoriumresultaten", "to": "Dr. Tom Desmet, huisarts, Gent",
        "body": [
            "Staalname 04/11/2025 om 07:58, nuchter.",
            ("row", "Glucose nuchter", "104 mg/dL", "H", "70 - 100"),
            ("row", "Cholesterol totaal", "205 mg/dL", "", "< 190 (streefwaarde)"),
            ("row", "LDL-cholesterol", "128 mg/dL", "", "< 130"),
            ("row", "Creatinine", "1,01 mg/dL", "", "0,67 - 1,17"),
            ("row", "Kalium", "4,2 mmol/L", "", "3,5 - 5,1"),
            ("row", "PSA totaal", "1,2 ng/mL", "", "< 4,0"),
            "",
            "Commentaar: licht verhoogde nuchtere glycemie; controle over een jaar.",
        ],
        "sign": "Gevalideerd door Dr. Jan Verhaeghe, klinisch bioloog",
    },
    # Jonas Wouters (fr)
    "rsb-jonas-001": {
        "lang": "fr", "patient": JONAS, "date": "2024-05-13",
        "org": "CHU Saint-Pierre", "dept": "Consultation de médecine du sport - Bruxelles",
        "title": "Rapport de consultation", "to": "Dr. Claire Dumont, médecin généraliste, Bruxelles",
        "body": [
            ("h", "Motif"),
            "Entorse de la cheville droite en jouant au basket le 11/05/2024.",
            ("h", "Examen"),
            "Tuméfaction latérale, douleur à la palpation du ligament talo-fibulaire antérieur. "
            "Radiographie : pas de fracture.",
            ("h", "Conclusion"),
            "Entorse du ligament latéral externe de la cheville droite, grade II.",
            ("h", "Traitement"),
            "Attelle pendant trois semaines, six séances de kinésithérapie, reprise progressive du sport "
            "après quatre à six semaines.",
        ],
        "sign": "Dr. Karim Benali, médecine du sport",
    },
    "pdf-jonas-urgences-2023": {
        "lang": "fr", "patient": JONAS, "date": "2023-11-06",
        "org": "CHU Brugmann", "dept": "Service des urgences - Bruxelles",
        "title": "Lettre de sortie des urgences", "to": "Dr. Claire Dumont, médecin généraliste, Bruxelles",
        "body": [
            ("h", "Motif"),
            "Vomissements et diarrhées depuis 24 heures, vertiges.",
            ("h", "Examen"),
            "Déshydratation légère. Abdomen souple, non douloureux. Biologie : ionogramme normal, "
            "fonction rénale normale.",
            ("h", "Traitement"),
            "Réhydratation intraveineuse (1 litre), antiémétique. Bonne évolution.",
            ("h", "Conclusion et suite"),
            "Gastro-entérite aiguë. Retour à domicile, hydratation orale, consulter si fièvre ou sang "
            "dans les selles.",
        ],
        "sign": "Dr. Laura Mertens, urgentiste",
    },
    # Hostile Tester (README, "Hostile"): real PDFs next to that person's attacks. The second
    # is served by its vault as text/html; the third carries markup in its letterhead, as
    # text of the PDF (harmless there, but the same names reach the portal's pages).
    "hostile-pdf-letter": {
        "lang": "nl", "patient": HOSTILE, "date": "2024-02-12",
        "org": "AZ Groeninge", "dept": "Dienst Cardiologie - Kortrijk",
        "title": "Verwijsbrief cardiologie", "to": "Dr. Nadia El Amrani, huisarts, Kortrijk",
        "body": [
            "Geachte collega,",
            "Dank voor de verwijzing van uw patiënt wegens hartkloppingen bij inspanning.",
            ("h", "Onderzoek"),
            "ECG: sinusritme, geen geleidingsstoornissen. Echocardiografie: normale functie.",
            ("h", "Besluit"),
            "Geen structurele hartziekte. Geen behandeling nodig; controle indien klachten terugkeren.",
        ],
        "sign": "Dr. Bart Claeys, cardioloog",
    },
    "hostile-pdf-declared-html": {
        "lang": "nl", "patient": HOSTILE, "date": "2024-06-03",
        "org": "AZ Groeninge", "dept": "Dienst Medische Beeldvorming - Kortrijk",
        "title": "Radiologieverslag: RX thorax", "to": "Dr. Nadia El Amrani, huisarts, Kortrijk",
        "body": [
            "Dit is een echt PDF-bestand, dat de bron als text/html aankondigt.",
            ("h", "Besluit"),
            "Normale RX thorax. Geen longafwijkingen.",
        ],
        "sign": "Dr. Ines Vermeulen, radioloog",
    },
    "rsb-hostile-001": {
        "lang": "fr", "patient": HOSTILE, "date": "2024-03-01",
        "org": "Clinique \"><svg onload=alert(1)>", "dept": "<script>alert(1)</script> - Bruxelles",
        "title": "Rapport de consultation </title><script>alert(1)</script>", "to": "{{constructor.constructor('alert(1)')()}}",
        "body": [
            ("h", "Motif"),
            "Contrôle annuel. <img src=x onerror=alert(1)>",
            ("h", "Conclusion"),
            "Examen normal.",
        ],
        "sign": "Dr. <img src=x onerror=alert(1)>",
    },
}


def pdf_escape(text: str) -> bytes:
    """A PDF literal string in WinAnsiEncoding (cp1252), with \\, ( and ) escaped."""
    raw = text.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def display_date(iso: str) -> str:
    """2019-08-16 -> 16/08/2019, as Belgian letters write dates."""
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


class Page:
    """Builds one page's content stream line by line, top to bottom."""

    LEFT = 56
    RIGHT = 539
    WRAP = 96  # characters per body line at 10 pt Helvetica

    def __init__(self) -> None:
        self.ops: list[bytes] = [b"BT"]
        self.y = 800
        self.font = b""

    def text(self, font: bytes, size: int, text: str, dy: int) -> None:
        """Writes `text` on a new line `dy` points below the previous one."""
        self.y -= dy
        chosen = b"/%s %d Tf" % (font, size)
        if chosen != self.font:
            self.ops.append(chosen)
            self.font = chosen
        self.ops.append(b"1 0 0 1 %d %d Tm %s Tj" % (self.LEFT, self.y, pdf_escape(text)))

    def row(self, cells: tuple[str, str, str, str]) -> None:
        """One line of a result table: name, value, flag, reference range."""
        self.y -= 13
        if self.font != b"/F1 10 Tf":
            self.ops.append(b"/F1 10 Tf")
            self.font = b"/F1 10 Tf"
        for x, cell in zip((self.LEFT + 8, 230, 355, 380), cells):
            if cell:
                self.ops.append(b"1 0 0 1 %d %d Tm %s Tj" % (x, self.y, pdf_escape(cell)))

    def rule(self) -> None:
        """A horizontal line under the letterhead."""
        self.y -= 8
        self.ops.append(b"ET %d %d m %d %d l 0.5 w S BT" % (self.LEFT, self.y, self.RIGHT, self.y))

    def stream(self) -> bytes:
        return b"\n".join(self.ops + [b"ET"]) + b"\n"


def content(doc: dict) -> bytes:
    """The content stream of one document: letterhead, title, patient, body, signature, footer."""
    labels = LABELS[doc["lang"]]
    page = Page()
    page.text(b"F2", 13, doc["org"], 0)
    page.text(b"F1", 9, doc["dept"], 13)
    page.rule()
    page.text(b"F2", 15, doc["title"], 28)
    name, born = doc["patient"]
    page.text(b"F1", 10, f"{labels['patient']}: {name}, {labels['born']} {display_date(born)}", 22)
    page.text(b"F1", 10, f"{labels['date']}: {display_date(doc['date'])}", 14)
    if doc.get("to"):
        page.text(b"F1", 10, f"{labels['to']}: {doc['to']}", 14)
    page.y -= 10
    for block in doc["body"]:
        if isinstance(block, tuple) and block[0] == "h":
            page.text(b"F2", 10, block[1], 18)
        elif isinstance(block, tuple) and block[0] == "row":
            page.row(block[1:])
        elif block == "":
            page.y -= 8
        else:
            for line in textwrap.wrap(block, Page.WRAP):
                page.text(b"F1", 10, line, 14)
    page.text(b"F1", 10, doc["sign"], 30)
    page.y = 48
    page.text(b"F1", 7, FOOTER[doc["lang"]], 0)
    return page.stream()


def pdf(doc: dict) -> bytes:
    """A complete one-page PDF 1.4 file with a correct cross-reference table."""
    stream = content(doc)
    created = doc["date"].replace("-", "") + "120000"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Title %s /Author %s /Creator (Carnet demo data, make_pdf.py) /CreationDate (D:%s) >>"
        % (pdf_escape(doc["title"]), pdf_escape(doc["org"]), created.encode()),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    if len(out) >= MAX_BYTES:
        raise SystemExit(f"{doc['title']}: {len(out)} bytes, more than {MAX_BYTES}: shorten the text")
    return bytes(out)


def pdf_base64(key: str) -> str:
    """The base64 of the PDF of document `key`, as embedded in the data files."""
    return base64.b64encode(pdf(DOCUMENTS[key])).decode("ascii")


def embed_fhir(path: Path, check: bool) -> tuple[set[str], list[str]]:
    """Puts each document's base64 in the `data` of the Binary with the same id."""
    resources = json.loads(path.read_text(encoding="utf-8"))
    found, stale = set(), []
    for resource in resources:
        key = resource.get("id")
        if key in DOCUMENTS:
            found.add(key)
            wanted = pdf_base64(key)
            if resource.get("data") != wanted:
                stale.append(key)
                resource["data"] = wanted
    if stale and not check:
        path.write_text(json.dumps(resources, indent=1, ensure_ascii=False), encoding="utf-8")
    return found, stale


TRANSACTION = re.compile(r"<transaction>.*?</transaction>", re.S)
LOCAL_ID = re.compile(r'<id S="LOCAL" SL="[a-z]+" SV="1\.0">([a-z]+-[a-z]+-\d{3})</id>')
PDF_LNK = re.compile(r'(<lnk TYPE="multimedia" MEDIATYPE="application/pdf">)([^<]*)(</lnk>)')


def embed_kmehr(path: Path, check: bool) -> tuple[set[str], list[str]]:
    """Puts each document's base64 in the PDF link of the transaction with that LOCAL id."""
    xml = path.read_text(encoding="utf-8")
    found, stale = set(), []

    def replace(transaction: re.Match) -> str:
        text = transaction.group(0)
        local = LOCAL_ID.search(text)
        if not local or local.group(1) not in DOCUMENTS:
            return text
        key = local.group(1)
        found.add(key)
        wanted = pdf_base64(key)
        link = PDF_LNK.search(text)
        if link is None:
            raise SystemExit(f"{path}: transaction {key} has no PDF <lnk>")
        if link.group(2) != wanted:
            stale.append(key)
        return PDF_LNK.sub(lambda m: m.group(1) + wanted + m.group(3), text, count=1)

    updated = TRANSACTION.sub(replace, xml)
    if stale and not check:
        path.write_text(updated, encoding="utf-8")
    return found, stale


def main(argv: list[str]) -> int:
    check = "--check" in argv
    if "--out" in argv:
        out = Path(argv[argv.index("--out") + 1])
        out.mkdir(parents=True, exist_ok=True)
        for key, doc in DOCUMENTS.items():
            (out / f"{key}.pdf").write_bytes(pdf(doc))
    found, stale = set(), []
    for vault in FHIR_VAULTS:
        path = DATA / vault / "Binary.json"
        if path.exists():
            f, s = embed_fhir(path, check)
            found |= f
            stale += s
    for hub in KMEHR_HUBS:
        for path in sorted((DATA / hub).glob("*.xml")):
            f, s = embed_kmehr(path, check)
            found |= f
            stale += s
    missing = sorted(set(DOCUMENTS) - found)
    if missing:
        print("documents with no place in the data:", ", ".join(missing), file=sys.stderr)
        return 1
    if check and stale:
        print("embedded PDFs out of date:", ", ".join(sorted(stale)), file=sys.stderr)
        return 1
    verb = "out of date" if check else "updated"
    print(f"{len(found)} PDFs, {len(stale)} {verb}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
