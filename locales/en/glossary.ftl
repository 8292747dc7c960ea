# The glossary: words used in Carnet, explained simply.
# Per term: term-<id> (as in running text), term-<id>-title (glossary heading),
# term-<id>-text (1 to 3 short sentences, plain language, B1).
glossary-title = Glossary
glossary-intro = Here you find the words used in Carnet, explained simply.
glossary-more = More in the glossary
# Accessible name of the small button next to a term that opens its explanation.
glossary-explain = What does “{ $term }” mean?

# Where your data comes from.
term-sumehr = SumEHR
term-sumehr-title = SumEHR (Summarised Electronic Health Record)
term-sumehr-text = A short summary of your health, made by your GP. It lists your health problems, allergies, medicines and vaccinations. Other care providers can read it, for example in an emergency.
term-hub = hub
term-hub-title = Hub
term-hub-text = A regional network of hospitals, such as CoZo, the Réseau Santé Wallon or the Réseau Santé Bruxellois. A hub knows which documents exist about you and where they are kept. The hubs are linked together through the metahub, so a care provider anywhere in Belgium can find them.
term-vault = vault
term-vault-title = Vault
term-vault-text = A safe online store where your GP, pharmacist and other care providers keep shared data about you, such as your medication schedule and vaccinations. In Flanders this is Vitalink, in Wallonia Intermed, and in Brussels BruSafe+.
term-source = source
term-source-title = Source
term-source-text = The place where Carnet gets your data: a hub or a vault. Your data stays there; Carnet only shows it. If a source does not answer, Carnet tells you and shows the rest.

# Who may see your data.
term-therapeutic-relationship = therapeutic relationship
term-therapeutic-relationship-title = Therapeutic relationship
term-therapeutic-relationship-text = A link between you and a care provider who treats you, such as your GP, your pharmacist or a hospital. Care providers need this link and your consent to see your shared data. The link starts for example when you show your eID card at a visit, and you can end it in Carnet.
term-informed-consent = informed consent
term-informed-consent-title = Informed consent
term-informed-consent-text = Your permission to share your health data safely between the care providers who treat you. You give it once, for all of Belgium, through the eHealth platform. You can give it or take it back at any time in Carnet.
term-exclusion = exclusion
term-exclusion-title = Exclusion
term-exclusion-text = You forbid one care provider to see your shared health data, even if they treat you. You can add an exclusion or lift it again in Carnet.
term-mandate = mandate
term-mandate-title = Mandate
term-mandate-text = Your permission for a trusted person to see or manage part of your health data for you. You choose what they may do and until when. You can stop a mandate at once, and you see everything they do.
term-support-code = support code
term-support-code-title = Support code
term-support-code-text = A short code that you make in Carnet when you call the helpdesk. With it, the helpdesk can read only the parts you chose, for a short time, and they cannot change anything. You see every look in your access log.
term-access-log = access log
term-access-log-title = Access log
term-access-log-text = A list of who looked at your data, what they saw, and when: care providers, hospitals, trusted persons and the helpdesk. If you see something you do not expect, you can end the therapeutic relationship or exclude that care provider.

# Numbers, codes and standards.
term-nihdi-number = NIHDI number
term-nihdi-number-title = NIHDI number (National Institute for Health and Disability Insurance)
term-nihdi-number-text = The official number of a care provider in Belgium. With it, your health insurance fund can pay back part of the costs. Carnet shows it when the name of the care provider is not known.
term-cnk = CNK code
term-cnk-title = CNK code (national code of a medicine)
term-cnk-text = The number of a medicine package in Belgian pharmacies. Each brand, strength and package size has its own CNK code. Your pharmacist uses it to find the right medicine.
term-atc = ATC code
term-atc-title = ATC code (Anatomical Therapeutic Chemical classification)
term-atc-text = A code from the World Health Organization that groups medicines by the part of the body they act on and by their active substance. Medicines with a different brand name but the same substance have the same ATC code.
term-snomed-ct = SNOMED CT
term-snomed-ct-title = SNOMED CT (international list of medical terms)
term-snomed-ct-text = An international list of medical words, each with a number. Care providers use it for diseases, allergies and vaccines, so that computers understand each other. Carnet turns these numbers into words you can read.
term-kmehr = KMEHR
term-kmehr-title = KMEHR (Belgian format for health documents)
term-kmehr-text = The Belgian way to write health documents so that computers can read them. Hubs and care providers use it for letters, reports and the SumEHR. Carnet shows these documents as normal pages.
term-fhir = FHIR
term-fhir-title = FHIR (Fast Healthcare Interoperability Resources)
term-fhir-text = An international way for computers to exchange health data. The vaults use it. You can also download your data from Carnet in this format, to use it in another app.
term-ehealth = eHealth platform
term-ehealth-title = eHealth platform
term-ehealth-text = A Belgian public service that makes sure health data is exchanged safely. It keeps your consent, your therapeutic relationships and your exclusions. It does not keep your medical data itself.

# Allergies.
term-allergy = allergy
term-allergy-title = Allergy
term-allergy-text = Your body reacts strongly to something, such as a medicine, a food or an insect sting. Some reactions can be dangerous. Your care providers note it so that they can avoid it.
term-intolerance = intolerance
term-intolerance-title = Intolerance
term-intolerance-text = You do not tolerate something well, for example a medicine that upsets your stomach. It is not an allergy and is usually less dangerous, but your care providers still note it.
term-criticality = criticality
term-criticality-title = Criticality
term-criticality-text = How serious a reaction could be if you come into contact with the substance again: low, high, or not known. Ask your doctor if you are not sure what it means for you.

# Medication.
term-medication-schedule = medication schedule
term-medication-schedule-title = Medication schedule
term-medication-schedule-text = A list of all the medicines you take: what, how much, when and since when. Your GP or pharmacist keeps it up to date in a vault. If something is wrong, tell your GP or pharmacist.
term-dosage = dosage
term-dosage-title = Dosage
term-dosage-text = How much of a medicine you take and how often, for example one tablet in the morning and one in the evening.
term-as-needed = as needed
term-as-needed-title = As needed
term-as-needed-text = Take this medicine only when you need it, for example when you are in pain, not at fixed times. Do not take more than the maximum per day.

# Vaccinations.
term-basic-vaccination-schedule = basic vaccination schedule
term-basic-vaccination-schedule-title = Basic vaccination schedule
term-basic-vaccination-schedule-text = The vaccines that the health authorities advise for everyone in Belgium, and at what age. Many of them are free for children and young people. Where it applies, Carnet shows if your vaccinations follow this schedule.
term-booster = booster
term-booster-title = Booster
term-booster-text = An extra dose of a vaccine, some time after the first doses, to keep you protected. For example, adults are advised to get a tetanus booster every 10 years.
term-combined-vaccine = combined vaccine
term-combined-vaccine-title = Combined vaccine
term-combined-vaccine-text = One vaccine that protects against several diseases at once, for example measles, mumps and rubella. In Carnet, one injection can count for several diseases.

# Documents and overview.
term-document-type = document type
term-document-type-title = Document type
term-document-type-text = The kind of document, for example a discharge letter, a lab result or an imaging report. You can use it to filter your documents.
term-care-team = care team
term-care-team-title = Care team
term-care-team-text = The care providers who are treating you now and have a therapeutic relationship with you, such as your GP, pharmacist, nurse or hospital.
term-health-summary = health summary
term-health-summary-title = Health summary
term-health-summary-text = A short overview in Carnet of your main health data: health problems, allergies, medicines and vaccinations. It does not replace a talk with your doctor.
term-ssin = national register number
term-ssin-title = National register number (SSIN)
term-ssin-text = Your personal number of 11 digits in Belgium. It is on the back of your eID card. Care providers and Carnet use it to find your data.

# More terms: your GP's file on you.
term-gmd = global medical record
term-gmd-title = Global medical record (GMD/DMG)
term-gmd-text = The file in which your GP keeps all your health data together. With it, you pay less for a visit to your GP. It costs you nothing: ask your GP to open it.

# More terms: people who act for you.
term-trusted-person = trusted person
term-trusted-person-title = Trusted person
term-trusted-person-text = Someone you trust who can see or do things in Carnet for you, because you gave them a mandate. Parents can also act for their young children.

# More terms: from prescription to pharmacy.
term-prescription = prescription
term-prescription-title = Prescription
term-prescription-text = A doctor's order for a medicine. Most prescriptions are electronic: the pharmacist finds them with your eID card.
term-delivery = delivery
term-delivery-title = Delivery
term-delivery-text = The pharmacist gives you a medicine. Carnet can show what was prescribed and what you got at the pharmacy, if the source sends it.
term-suspension = suspended
term-suspension-title = Suspended medicine
term-suspension-text = Your doctor has told you to stop a medicine for a while, for example before an operation. Do not take it again until your doctor says so.

# More terms: what you add yourself.
term-own-data = self-entered data
term-own-data-title = Self-entered data
term-own-data-text = Data that you add yourself in Carnet, such as medicines you buy without prescription, notes or measurements. Carnet marks it clearly, so it is never mixed up with data from care providers.

# More terms: taking your record along.
term-patient-summary = patient summary
term-patient-summary-title = Patient summary (International Patient Summary)
term-patient-summary-text = A short summary of your health in a format agreed in Europe: your medicines, allergies, health problems and vaccinations. A doctor’s software anywhere in Europe can read it, in their own language.
