# Names of codes that sources often send without a display text, per language.
# Id: vaccine-snomed-<SNOMED CT code>.
vaccine-snomed-871751006 = Hepatitis-A-Impfstoff
vaccine-snomed-871822003 = Hepatitis-B-Impfstoff
vaccine-snomed-871765008 = Masern-Impfstoff
vaccine-snomed-871831003 = MMR-Impfstoff (Masern, Mumps, Röteln)
vaccine-snomed-871826000 = Tetanus-Diphtherie-Impfstoff
vaccine-snomed-871895005 = Sechsfach-Impfstoff (Diphtherie, Tetanus, Keuchhusten, Polio, Hib, Hepatitis B)
vaccine-snomed-871761004 = Rotavirus-Impfstoff
vaccine-snomed-28531000087107 = COVID-19-Impfstoff
vaccine-snomed-1181000221105 = Grippe-Impfstoff (Influenza)
vaccine-snomed-911000221103 = HPV-Impfstoff (humane Papillomviren)
