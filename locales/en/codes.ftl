# Names of codes that sources send, per language. Id: code-<system>-<code>.
# hcparty: KMEHR CD-HCPARTY (kinds of care providers).
code-hcparty-persphysician = Doctor
code-hcparty-persgp = General practitioner
code-hcparty-perspharmacist = Pharmacist
code-hcparty-persnurse = Nurse
code-hcparty-persdentist = Dentist
code-hcparty-persphysiotherapist = Physiotherapist
code-hcparty-persmidwife = Midwife
code-hcparty-orghospital = Hospital
code-hcparty-orgpharmacy = Pharmacy
code-hcparty-orgprevention = Prevention service
code-hcparty-orglaboratory = Laboratory
code-actreason-medprec = a medical reason
code-actreason-patobj = the patient refused
code-actreason-immune = already immune
code-actreason-ostock = the vaccine was out of stock
code-actreason-relig = a religious objection
code-actreason-philisop = a personal objection
code-actreason-vaceff = doubts about the vaccine's effect
code-actreason-vacsaf = doubts about the vaccine's safety
code-vaccination-reason-other = another reason
