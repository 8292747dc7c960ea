# The glossary: words used in Carnet, explained simply.
# Per term: term-<id> (as in running text), term-<id>-title (glossary heading),
# term-<id>-text (1 to 3 short sentences, plain language, B1).
glossary-title = Glossaire
glossary-intro = Vous trouvez ici les mots utilisés dans Carnet, expliqués simplement.
glossary-more = Plus dans le glossaire
# Accessible name of the small button next to a term that opens its explanation.
glossary-explain = Que signifie « { $term } » ?

# Where your data comes from.
term-sumehr = SumEHR
term-sumehr-title = SumEHR (résumé de votre dossier de santé informatisé)
term-sumehr-text = Un court résumé de votre santé, fait par votre médecin généraliste. Il reprend vos problèmes de santé, vos allergies, vos médicaments et vos vaccinations. D’autres prestataires de soins peuvent le lire, par exemple en cas d’urgence.
term-hub = hub
term-hub-title = Hub
term-hub-text = Un réseau régional d’hôpitaux, comme le Réseau Santé Wallon, le Réseau Santé Bruxellois ou CoZo. Un hub sait quels documents existent à votre sujet et où ils sont conservés. Les hubs sont reliés entre eux par le metahub : un prestataire de soins peut donc les trouver partout en Belgique.
term-vault = coffre-fort
term-vault-title = Coffre-fort
term-vault-text = Un espace en ligne sécurisé où votre médecin généraliste, votre pharmacien et d’autres prestataires de soins conservent des données partagées sur vous, comme votre schéma de médication et vos vaccinations. En Wallonie, c’est Intermed, à Bruxelles BruSafe+ et en Flandre Vitalink.
term-source = source
term-source-title = Source
term-source-text = L’endroit où Carnet va chercher vos données : un hub ou un coffre-fort. Vos données restent là ; Carnet ne fait que les afficher. Si une source ne répond pas, Carnet vous le dit et affiche le reste.

# Who may see your data.
term-therapeutic-relationship = relation thérapeutique
term-therapeutic-relationship-title = Relation thérapeutique
term-therapeutic-relationship-text = Un lien entre vous et un prestataire de soins qui vous soigne, comme votre médecin généraliste, votre pharmacien ou un hôpital. Les prestataires de soins ont besoin de ce lien et de votre consentement pour voir vos données partagées. Le lien commence par exemple quand vous montrez votre carte eID lors d’une visite, et vous pouvez y mettre fin dans Carnet.
term-informed-consent = consentement éclairé
term-informed-consent-title = Consentement éclairé
term-informed-consent-text = Votre accord pour partager vos données de santé de façon sécurisée entre les prestataires de soins qui vous soignent. Vous le donnez une seule fois, pour toute la Belgique, via la plate-forme eHealth. Vous pouvez le donner ou le retirer à tout moment dans Carnet.
term-exclusion = exclusion
term-exclusion-title = Exclusion
term-exclusion-text = Vous interdisez à un prestataire de soins de voir vos données de santé partagées, même s’il vous soigne. Vous pouvez ajouter une exclusion ou la lever dans Carnet.
term-mandate = mandat
term-mandate-title = Mandat
term-mandate-text = Votre accord pour qu’une personne de confiance consulte ou gère une partie de vos données de santé pour vous. Vous choisissez ce qu’elle peut faire et jusqu’à quand. Vous pouvez arrêter un mandat tout de suite, et vous voyez tout ce qu’elle fait.
term-support-code = code d’assistance
term-support-code-title = Code d’assistance
term-support-code-text = Un code court que vous créez dans Carnet quand vous appelez le helpdesk. Avec ce code, le helpdesk peut lire pendant peu de temps uniquement les parties que vous avez choisies, sans rien modifier. Vous voyez chaque consultation dans votre journal des accès.
term-access-log = journal des accès
term-access-log-title = Journal des accès
term-access-log-text = La liste des personnes qui ont consulté vos données, de ce qu’elles ont vu et de quand : prestataires de soins, hôpitaux, personnes de confiance et helpdesk. Vous voyez quelque chose d’inattendu ? Vous pouvez mettre fin à la relation thérapeutique ou exclure ce prestataire de soins.

# Numbers, codes and standards.
term-nihdi-number = numéro INAMI
term-nihdi-number-title = Numéro INAMI (Institut national d’assurance maladie-invalidité)
term-nihdi-number-text = Le numéro officiel d’un prestataire de soins en Belgique. Grâce à lui, votre mutualité peut rembourser une partie des frais. Carnet l’affiche quand le nom du prestataire de soins n’est pas connu.
term-cnk = code CNK
term-cnk-title = Code CNK (code national d’un médicament)
term-cnk-text = Le numéro d’un emballage de médicament dans les pharmacies belges. Chaque marque, dosage et taille d’emballage a son propre code CNK. Votre pharmacien l’utilise pour trouver le bon médicament.
term-atc = code ATC
term-atc-title = Code ATC (classification anatomique, thérapeutique et chimique)
term-atc-text = Un code de l’Organisation mondiale de la santé qui classe les médicaments selon la partie du corps sur laquelle ils agissent et selon leur substance active. Des médicaments de marques différentes avec la même substance ont le même code ATC.
term-snomed-ct = SNOMED CT
term-snomed-ct-title = SNOMED CT (liste internationale de termes médicaux)
term-snomed-ct-text = Une liste internationale de mots médicaux, chacun avec un numéro. Les prestataires de soins l’utilisent pour les maladies, les allergies et les vaccins, afin que les ordinateurs se comprennent. Carnet transforme ces numéros en mots que vous pouvez lire.
term-kmehr = KMEHR
term-kmehr-title = KMEHR (format belge pour les documents de santé)
term-kmehr-text = La façon belge d’écrire les documents de santé pour que les ordinateurs puissent les lire. Les hubs et les prestataires de soins l’utilisent pour les lettres, les rapports et le SumEHR. Carnet affiche ces documents comme des pages normales.
term-fhir = FHIR
term-fhir-title = FHIR (Fast Healthcare Interoperability Resources)
term-fhir-text = Une façon internationale d’échanger des données de santé entre ordinateurs. Les coffres-forts l’utilisent. Vous pouvez aussi télécharger vos données de Carnet dans ce format, pour les utiliser dans une autre application.
term-ehealth = plate-forme eHealth
term-ehealth-title = Plate-forme eHealth
term-ehealth-text = Un service public belge qui veille à ce que les données de santé soient échangées de façon sécurisée. Elle conserve votre consentement, vos relations thérapeutiques et vos exclusions. Elle ne conserve pas vos données médicales elles-mêmes.

# Allergies.
term-allergy = allergie
term-allergy-title = Allergie
term-allergy-text = Votre corps réagit fortement à quelque chose, comme un médicament, un aliment ou une piqûre d’insecte. Certaines réactions peuvent être dangereuses. Vos prestataires de soins le notent pour pouvoir l’éviter.
term-intolerance = intolérance
term-intolerance-title = Intolérance
term-intolerance-text = Vous supportez mal quelque chose, par exemple un médicament qui vous donne mal à l’estomac. Ce n’est pas une allergie et c’est en général moins dangereux, mais vos prestataires de soins le notent quand même.
term-criticality = gravité
term-criticality-title = Gravité d’une réaction
term-criticality-text = La gravité possible d’une réaction si vous êtes de nouveau en contact avec la substance : faible, élevée ou inconnue. Demandez à votre médecin si vous ne savez pas bien ce que cela veut dire pour vous.

# Medication.
term-medication-schedule = schéma de médication
term-medication-schedule-title = Schéma de médication
term-medication-schedule-text = La liste de tous les médicaments que vous prenez : quoi, combien, quand et depuis quand. Votre médecin généraliste ou votre pharmacien le tient à jour dans un coffre-fort. Si quelque chose n’est pas correct, dites-le à votre médecin généraliste ou à votre pharmacien.
term-dosage = posologie
term-dosage-title = Posologie
term-dosage-text = La quantité d’un médicament que vous prenez et à quelle fréquence, par exemple un comprimé le matin et un le soir.
term-as-needed = si nécessaire
term-as-needed-title = Si nécessaire
term-as-needed-text = Prenez ce médicament seulement quand vous en avez besoin, par exemple quand vous avez mal, et pas à heures fixes. Ne dépassez pas le maximum par jour.

# Vaccinations.
term-basic-vaccination-schedule = calendrier vaccinal de base
term-basic-vaccination-schedule-title = Calendrier vaccinal de base
term-basic-vaccination-schedule-text = Les vaccins que les autorités de santé conseillent à tout le monde en Belgique, et à quel âge. Beaucoup sont gratuits pour les enfants et les jeunes. Quand c’est utile, Carnet montre si vos vaccinations suivent ce calendrier.
term-booster = rappel
term-booster-title = Rappel
term-booster-text = Une dose en plus d’un vaccin, un certain temps après les premières doses, pour garder votre protection. Par exemple, on conseille aux adultes un rappel contre le tétanos tous les 10 ans.
term-combined-vaccine = vaccin combiné
term-combined-vaccine-title = Vaccin combiné
term-combined-vaccine-text = Un seul vaccin qui protège contre plusieurs maladies à la fois, par exemple la rougeole, les oreillons et la rubéole. Dans Carnet, une seule injection peut compter pour plusieurs maladies.

# Documents and overview.
term-document-type = type de document
term-document-type-title = Type de document
term-document-type-text = La sorte de document, par exemple une lettre de sortie, un résultat de laboratoire ou un protocole d’imagerie médicale. Vous pouvez l’utiliser pour filtrer vos documents.
term-care-team = équipe de soins
term-care-team-title = Équipe de soins
term-care-team-text = Les prestataires de soins qui vous soignent en ce moment et qui ont une relation thérapeutique avec vous, comme votre médecin généraliste, votre pharmacien, votre infirmier ou un hôpital.
term-health-summary = résumé de santé
term-health-summary-title = Résumé de santé
term-health-summary-text = Un court aperçu dans Carnet de vos principales données de santé : problèmes de santé, allergies, médicaments et vaccinations. Il ne remplace pas une discussion avec votre médecin.
term-ssin = numéro de registre national
term-ssin-title = Numéro de registre national (NISS)
term-ssin-text = Votre numéro personnel de 11 chiffres en Belgique. Il se trouve au dos de votre carte eID. Les prestataires de soins et Carnet l’utilisent pour trouver vos données.

# More terms: your GP's file on you.
term-gmd = dossier médical global
term-gmd-title = Dossier médical global (DMG)
term-gmd-text = Le dossier dans lequel votre médecin généraliste rassemble toutes vos données de santé. Grâce à lui, vous payez moins cher une visite chez votre médecin généraliste. Il ne vous coûte rien : demandez à votre médecin généraliste de l’ouvrir.

# More terms: people who act for you.
term-trusted-person = personne de confiance
term-trusted-person-title = Personne de confiance
term-trusted-person-text = Une personne en qui vous avez confiance et qui peut consulter ou faire des choses pour vous dans Carnet, parce que vous lui avez donné un mandat. Les parents peuvent aussi agir pour leurs jeunes enfants.

# More terms: from prescription to pharmacy.
term-prescription = prescription
term-prescription-title = Prescription
term-prescription-text = La demande d’un médecin pour un médicament. La plupart des prescriptions sont électroniques : le pharmacien les trouve avec votre carte eID.
term-delivery = délivrance
term-delivery-title = Délivrance
term-delivery-text = Le pharmacien vous remet un médicament. Carnet peut montrer ce qui a été prescrit et ce que vous avez reçu à la pharmacie, si la source le transmet.
term-suspension = suspendu
term-suspension-title = Médicament suspendu
term-suspension-text = Votre médecin vous a dit d’arrêter un médicament pendant un certain temps, par exemple avant une opération. Ne le reprenez que quand votre médecin vous le dit.

# More terms: what you add yourself.
term-own-data = données encodées par vous
term-own-data-title = Données encodées par vous
term-own-data-text = Les données que vous ajoutez vous-même dans Carnet, comme des médicaments achetés sans prescription, des notes ou des mesures. Carnet les indique clairement, pour qu’elles ne soient jamais confondues avec les données des prestataires de soins.

# More terms: taking your record along.
term-patient-summary = résumé patient
term-patient-summary-title = Résumé patient (International Patient Summary)
term-patient-summary-text = Un court résumé de votre santé dans un format convenu en Europe : vos médicaments, allergies, problèmes de santé et vaccinations. Le logiciel d’un médecin, partout en Europe, peut le lire, dans sa propre langue.
