# Names of codes that sources often send without a display text, per language.
# Id: vaccine-snomed-<SNOMED CT code>.
vaccine-snomed-871751006 = Vaccin contre l’hépatite A
vaccine-snomed-871822003 = Vaccin contre l’hépatite B
vaccine-snomed-871765008 = Vaccin contre la rougeole
vaccine-snomed-871831003 = Vaccin RRO (rougeole, oreillons, rubéole)
vaccine-snomed-871826000 = Vaccin contre le tétanos et la diphtérie
vaccine-snomed-871895005 = Vaccin hexavalent (diphtérie, tétanos, coqueluche, polio, Hib, hépatite B)
vaccine-snomed-871761004 = Vaccin contre le rotavirus
vaccine-snomed-28531000087107 = Vaccin contre la COVID-19
vaccine-snomed-1181000221105 = Vaccin contre la grippe (influenza)
vaccine-snomed-911000221103 = Vaccin contre le HPV (papillomavirus humain)
