# Names of codes that sources often send without a display text, per language.
# Id: vaccine-snomed-<SNOMED CT code>.
vaccine-snomed-871751006 = Hepatitis A vaccine
vaccine-snomed-871822003 = Hepatitis B vaccine
vaccine-snomed-871765008 = Measles vaccine
vaccine-snomed-871831003 = Measles, mumps and rubella vaccine (MMR)
vaccine-snomed-871826000 = Tetanus and diphtheria vaccine
vaccine-snomed-871895005 = Hexavalent vaccine (diphtheria, tetanus, whooping cough, polio, Hib, hepatitis B)
vaccine-snomed-871761004 = Rotavirus vaccine
vaccine-snomed-28531000087107 = COVID-19 vaccine
vaccine-snomed-1181000221105 = Influenza (flu) vaccine
vaccine-snomed-911000221103 = HPV vaccine (human papillomavirus)
