# Namen van codes die bronnen sturen. Id: code-<systeem>-<code>.
# hcparty: KMEHR CD-HCPARTY (soorten zorgverleners).
code-hcparty-persphysician = Arts
code-hcparty-persgp = Huisarts
code-hcparty-perspharmacist = Apotheker
code-hcparty-persnurse = Verpleegkundige
code-hcparty-persdentist = Tandarts
code-hcparty-persphysiotherapist = Kinesitherapeut
code-hcparty-persmidwife = Vroedvrouw
code-hcparty-orghospital = Ziekenhuis
code-hcparty-orgpharmacy = Apotheek
code-hcparty-orgprevention = Preventiedienst
code-hcparty-orglaboratory = Laboratorium
