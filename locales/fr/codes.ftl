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
code-actreason-medprec = une raison médicale
code-actreason-patobj = le patient a refusé
code-actreason-immune = déjà immunisé
code-actreason-ostock = le vaccin était en rupture de stock
code-actreason-relig = une objection religieuse
code-actreason-philisop = une objection personnelle
code-actreason-vaceff = des doutes sur l’efficacité du vaccin
code-actreason-vacsaf = des doutes sur la sécurité du vaccin
code-vaccination-reason-other = une autre raison
