# Namen von Codes, die Quellen senden. Id: code-<System>-<Code>.
# hcparty: KMEHR CD-HCPARTY (Arten von Gesundheitsdienstleistern).
code-hcparty-persphysician = Arzt/Ärztin
code-hcparty-persgp = Hausarzt/Hausärztin
code-hcparty-perspharmacist = Apotheker/in
code-hcparty-persnurse = Krankenpfleger/in
code-hcparty-persdentist = Zahnarzt/Zahnärztin
code-hcparty-persphysiotherapist = Physiotherapeut/in
code-hcparty-persmidwife = Hebamme
code-hcparty-orghospital = Krankenhaus
code-hcparty-orgpharmacy = Apotheke
code-hcparty-orgprevention = Präventionsdienst
code-hcparty-orglaboratory = Labor
