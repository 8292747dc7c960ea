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
code-actreason-medprec = ein medizinischer Grund
code-actreason-patobj = der Patient hat abgelehnt
code-actreason-immune = bereits immun
code-actreason-ostock = der Impfstoff war nicht vorrätig
code-actreason-relig = ein religiöser Einwand
code-actreason-philisop = ein persönlicher Einwand
code-actreason-vaceff = Zweifel an der Wirkung des Impfstoffs
code-actreason-vacsaf = Zweifel an der Sicherheit des Impfstoffs
code-vaccination-reason-other = ein anderer Grund
