# Noms des codes envoyés par les sources. Id : code-<système>-<code>.
# hcparty : KMEHR CD-HCPARTY (types de prestataires de soins).
code-hcparty-persphysician = Médecin
code-hcparty-persgp = Médecin généraliste
code-hcparty-perspharmacist = Pharmacien
code-hcparty-persnurse = Infirmier/Infirmière
code-hcparty-persdentist = Dentiste
code-hcparty-persphysiotherapist = Kinésithérapeute
code-hcparty-persmidwife = Sage-femme
code-hcparty-orghospital = Hôpital
code-hcparty-orgpharmacy = Pharmacie
code-hcparty-orgprevention = Service de prévention
code-hcparty-orglaboratory = Laboratoire
