# Names of codes that sources often send without a display text, per language.
# Id: vaccine-snomed-<SNOMED CT code>.
vaccine-snomed-871751006 = Hepatitis A-vaccin
vaccine-snomed-871822003 = Hepatitis B-vaccin
vaccine-snomed-871765008 = Mazelenvaccin
vaccine-snomed-871831003 = Mazelen-, bof- en rodehondvaccin (BMR)
vaccine-snomed-871826000 = Tetanus- en difterievaccin
vaccine-snomed-871895005 = Hexavalent vaccin (difterie, tetanus, kinkhoest, polio, Hib, hepatitis B)
vaccine-snomed-871761004 = Rotavirusvaccin
vaccine-snomed-28531000087107 = COVID-19-vaccin
vaccine-snomed-1181000221105 = Griepvaccin (influenza)
vaccine-snomed-911000221103 = HPV-vaccin (humaan papillomavirus)
