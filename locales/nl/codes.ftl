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
code-actreason-medprec = een medische reden
code-actreason-patobj = de patiënt weigerde
code-actreason-immune = al immuun
code-actreason-ostock = het vaccin was niet op voorraad
code-actreason-relig = een religieus bezwaar
code-actreason-philisop = een persoonlijk bezwaar
code-actreason-vaceff = twijfel over de werking van het vaccin
code-actreason-vacsaf = twijfel over de veiligheid van het vaccin
code-vaccination-reason-other = een andere reden
