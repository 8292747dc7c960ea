# The glossary: words used in Carnet, explained simply.
# Per term: term-<id> (as in running text), term-<id>-title (glossary heading),
# term-<id>-text (1 to 3 short sentences, plain language, B1).
glossary-title = Glossar
glossary-intro = Hier finden Sie die Wörter, die Carnet benutzt, einfach erklärt.
glossary-more = Mehr im Glossar
# Accessible name of the small button next to a term that opens its explanation.
glossary-explain = Was bedeutet „{ $term }“?

# Where your data comes from.
term-sumehr = SumEHR
term-sumehr-title = SumEHR (Zusammenfassung Ihrer elektronischen Patientenakte)
term-sumehr-text = Eine kurze Zusammenfassung Ihrer Gesundheit, erstellt von Ihrem Hausarzt. Darin stehen Ihre Gesundheitsprobleme, Allergien, Medikamente und Impfungen. Andere Gesundheitsdienstleister können sie lesen, zum Beispiel im Notfall.
term-hub = Hub
term-hub-title = Hub
term-hub-text = Ein regionales Netzwerk von Krankenhäusern, wie das Réseau Santé Wallon, das Réseau Santé Bruxellois oder CoZo. Ein Hub weiß, welche Dokumente es über Sie gibt und wo sie gespeichert sind. Die Hubs sind über den Metahub verbunden, damit ein Gesundheitsdienstleister sie überall in Belgien finden kann.
term-vault = Datentresor
term-vault-title = Datentresor
term-vault-text = Ein sicherer Online-Speicher, in dem Ihr Hausarzt, Ihr Apotheker und andere Gesundheitsdienstleister geteilte Daten über Sie speichern, zum Beispiel Ihr Medikationsschema und Ihre Impfungen. In der Wallonie und in Ostbelgien ist das Intermed, in Brüssel BruSafe+ und in Flandern Vitalink.
term-source = Quelle
term-source-title = Quelle
term-source-text = Der Ort, an dem Carnet Ihre Daten abruft: ein Hub oder ein Datentresor. Ihre Daten bleiben dort; Carnet zeigt sie nur an. Wenn eine Quelle nicht antwortet, sagt Carnet Ihnen das und zeigt den Rest.

# Who may see your data.
term-therapeutic-relationship = therapeutische Beziehung
term-therapeutic-relationship-title = Therapeutische Beziehung
term-therapeutic-relationship-text = Eine Verbindung zwischen Ihnen und einem Gesundheitsdienstleister, der Sie behandelt, zum Beispiel Ihrem Hausarzt, Ihrem Apotheker oder einem Krankenhaus. Gesundheitsdienstleister brauchen diese Verbindung und Ihre Zustimmung, um Ihre geteilten Daten zu sehen. Die Verbindung beginnt zum Beispiel, wenn Sie bei einem Besuch Ihre eID-Karte vorzeigen, und Sie können sie in Carnet beenden.
term-informed-consent = informierte Zustimmung
term-informed-consent-title = Informierte Zustimmung
term-informed-consent-text = Ihr Einverständnis, dass Ihre Gesundheitsdaten sicher zwischen den Gesundheitsdienstleistern geteilt werden, die Sie behandeln. Sie geben es einmal, für ganz Belgien, über die eHealth-Plattform. Sie können es jederzeit in Carnet geben oder zurückziehen.
term-exclusion = Ausschluss
term-exclusion-title = Ausschluss
term-exclusion-text = Sie verbieten einem Gesundheitsdienstleister, Ihre geteilten Gesundheitsdaten zu sehen, auch wenn er Sie behandelt. Sie können einen Ausschluss in Carnet hinzufügen oder wieder aufheben.
term-mandate = Mandat
term-mandate-title = Mandat
term-mandate-text = Ihre Erlaubnis für eine Vertrauensperson, einen Teil Ihrer Gesundheitsdaten für Sie anzusehen oder zu verwalten. Sie wählen, was diese Person tun darf und bis wann. Sie können ein Mandat sofort beenden, und Sie sehen alles, was die Person tut.
term-support-code = Support-Code
term-support-code-title = Support-Code
term-support-code-text = Ein kurzer Code, den Sie in Carnet erstellen, wenn Sie den Helpdesk anrufen. Damit kann der Helpdesk kurze Zeit nur die Teile lesen, die Sie gewählt haben, und nichts ändern. Jeden Blick darauf sehen Sie in Ihrem Zugriffsprotokoll.
term-access-log = Zugriffsprotokoll
term-access-log-title = Zugriffsprotokoll
term-access-log-text = Eine Liste, wer Ihre Daten angesehen hat, was und wann: Gesundheitsdienstleister, Krankenhäuser, Vertrauenspersonen und der Helpdesk. Sehen Sie etwas, das Sie nicht erwarten? Dann können Sie die therapeutische Beziehung beenden oder diesen Gesundheitsdienstleister ausschließen.

# Numbers, codes and standards.
term-nihdi-number = LIKIV-Nummer
term-nihdi-number-title = LIKIV-Nummer (Landesinstitut für Kranken- und Invalidenversicherung)
term-nihdi-number-text = Die offizielle Nummer eines Gesundheitsdienstleisters in Belgien. Damit kann Ihre Krankenkasse einen Teil der Kosten zurückzahlen. Carnet zeigt sie, wenn der Name des Gesundheitsdienstleisters nicht bekannt ist.
term-cnk = CNK-Code
term-cnk-title = CNK-Code (nationaler Code eines Medikaments)
term-cnk-text = Die Nummer einer Medikamentenpackung in den belgischen Apotheken. Jede Marke, jede Stärke und jede Packungsgröße hat einen eigenen CNK-Code. Ihr Apotheker benutzt ihn, um das richtige Medikament zu finden.
term-atc = ATC-Code
term-atc-title = ATC-Code (anatomisch-therapeutisch-chemische Klassifikation)
term-atc-text = Ein Code der Weltgesundheitsorganisation, der Medikamente nach dem Körperteil ordnet, auf den sie wirken, und nach ihrem Wirkstoff. Medikamente mit einem anderen Markennamen, aber demselben Wirkstoff haben denselben ATC-Code.
term-snomed-ct = SNOMED CT
term-snomed-ct-title = SNOMED CT (internationale Liste medizinischer Begriffe)
term-snomed-ct-text = Eine internationale Liste medizinischer Wörter, jedes mit einer Nummer. Gesundheitsdienstleister benutzen sie für Krankheiten, Allergien und Impfstoffe, damit Computer sich verstehen. Carnet macht aus diesen Nummern Wörter, die Sie lesen können.
term-kmehr = KMEHR
term-kmehr-title = KMEHR (belgisches Format für Gesundheitsdokumente)
term-kmehr-text = Die belgische Art, Gesundheitsdokumente so zu schreiben, dass Computer sie lesen können. Hubs und Gesundheitsdienstleister benutzen sie für Briefe, Berichte und den SumEHR. Carnet zeigt diese Dokumente als normale Seiten.
term-fhir = FHIR
term-fhir-title = FHIR (Fast Healthcare Interoperability Resources)
term-fhir-text = Eine internationale Art, wie Computer Gesundheitsdaten austauschen. Die Datentresore benutzen sie. Sie können Ihre Daten auch in diesem Format aus Carnet herunterladen, um sie in einer anderen App zu nutzen.
term-ehealth = eHealth-Plattform
term-ehealth-title = eHealth-Plattform
term-ehealth-text = Ein belgischer öffentlicher Dienst, der dafür sorgt, dass Gesundheitsdaten sicher ausgetauscht werden. Er speichert Ihre Zustimmung, Ihre therapeutischen Beziehungen und Ihre Ausschlüsse. Ihre medizinischen Daten selbst speichert er nicht.

# Allergies.
term-allergy = Allergie
term-allergy-title = Allergie
term-allergy-text = Ihr Körper reagiert stark auf etwas, zum Beispiel auf ein Medikament, ein Lebensmittel oder einen Insektenstich. Manche Reaktionen können gefährlich sein. Ihre Gesundheitsdienstleister notieren es, damit sie es vermeiden können.
term-intolerance = Unverträglichkeit
term-intolerance-title = Unverträglichkeit
term-intolerance-text = Sie vertragen etwas nicht gut, zum Beispiel ein Medikament, das Ihnen Magenschmerzen macht. Das ist keine Allergie und meist weniger gefährlich, aber Ihre Gesundheitsdienstleister notieren es trotzdem.
term-criticality = Schweregrad
term-criticality-title = Schweregrad einer Reaktion
term-criticality-text = Wie schwer eine Reaktion sein könnte, wenn Sie wieder mit dem Stoff in Kontakt kommen: niedrig, hoch oder unbekannt. Fragen Sie Ihren Arzt, wenn Sie nicht sicher sind, was das für Sie bedeutet.

# Medication.
term-medication-schedule = Medikationsschema
term-medication-schedule-title = Medikationsschema
term-medication-schedule-text = Eine Liste aller Medikamente, die Sie nehmen: was, wie viel, wann und seit wann. Ihr Hausarzt oder Apotheker hält sie in einem Datentresor aktuell. Wenn etwas nicht stimmt, sagen Sie es Ihrem Hausarzt oder Apotheker.
term-dosage = Dosierung
term-dosage-title = Dosierung
term-dosage-text = Wie viel Sie von einem Medikament nehmen und wie oft, zum Beispiel eine Tablette morgens und eine abends.
term-as-needed = bei Bedarf
term-as-needed-title = Bei Bedarf
term-as-needed-text = Nehmen Sie dieses Medikament nur, wenn Sie es brauchen, zum Beispiel bei Schmerzen, und nicht zu festen Zeiten. Nehmen Sie nicht mehr als die Höchstmenge pro Tag.

# Vaccinations.
term-basic-vaccination-schedule = Basisimpfschema
term-basic-vaccination-schedule-title = Basisimpfschema
term-basic-vaccination-schedule-text = Die Impfungen, die die Gesundheitsbehörden allen Menschen in Belgien empfehlen, und in welchem Alter. Viele davon sind für Kinder und Jugendliche kostenlos. Wo es passt, zeigt Carnet, ob Ihre Impfungen diesem Schema folgen.
term-booster = Auffrischimpfung
term-booster-title = Auffrischimpfung
term-booster-text = Eine zusätzliche Dosis eines Impfstoffs, einige Zeit nach den ersten Dosen, damit Sie geschützt bleiben. Erwachsenen wird zum Beispiel alle 10 Jahre eine Auffrischimpfung gegen Tetanus empfohlen.
term-combined-vaccine = Kombinationsimpfstoff
term-combined-vaccine-title = Kombinationsimpfstoff
term-combined-vaccine-text = Ein Impfstoff, der gleichzeitig gegen mehrere Krankheiten schützt, zum Beispiel gegen Masern, Mumps und Röteln. In Carnet kann eine Spritze für mehrere Krankheiten zählen.

# Documents and overview.
term-document-type = Dokumentart
term-document-type-title = Dokumentart
term-document-type-text = Die Art des Dokuments, zum Beispiel ein Entlassungsbrief, ein Laborergebnis oder ein Bericht über eine Röntgen- oder Ultraschalluntersuchung. Damit können Sie Ihre Dokumente filtern.
term-care-team = Behandlungsteam
term-care-team-title = Behandlungsteam
term-care-team-text = Die Gesundheitsdienstleister, die Sie jetzt behandeln und eine therapeutische Beziehung mit Ihnen haben, zum Beispiel Ihr Hausarzt, Ihr Apotheker, Ihre Pflegekraft oder ein Krankenhaus.
term-health-summary = Gesundheitsübersicht
term-health-summary-title = Gesundheitsübersicht
term-health-summary-text = Eine kurze Übersicht in Carnet über Ihre wichtigsten Gesundheitsdaten: Gesundheitsprobleme, Allergien, Medikamente und Impfungen. Sie ersetzt kein Gespräch mit Ihrem Arzt.
term-ssin = Nationalregisternummer
term-ssin-title = Nationalregisternummer (ENSS)
term-ssin-text = Ihre persönliche Nummer mit 11 Ziffern in Belgien. Sie steht auf der Rückseite Ihrer eID-Karte. Gesundheitsdienstleister und Carnet benutzen sie, um Ihre Daten zu finden.

# More terms: your GP's file on you.
term-gmd = globale medizinische Akte
term-gmd-title = Globale medizinische Akte (GMA)
term-gmd-text = Die Akte, in der Ihr Hausarzt alle Ihre Gesundheitsdaten zusammenführt. Damit zahlen Sie weniger für einen Besuch bei Ihrem Hausarzt. Sie kostet Sie nichts: Bitten Sie Ihren Hausarzt, sie anzulegen.

# More terms: people who act for you.
term-trusted-person = Vertrauensperson
term-trusted-person-title = Vertrauensperson
term-trusted-person-text = Jemand, dem Sie vertrauen und der in Carnet Dinge für Sie ansehen oder erledigen kann, weil Sie ihm ein Mandat gegeben haben. Eltern können auch für ihre jungen Kinder handeln.

# More terms: from prescription to pharmacy.
term-prescription = Verschreibung
term-prescription-title = Verschreibung (Rezept)
term-prescription-text = Der Auftrag eines Arztes für ein Medikament. Die meisten Verschreibungen sind elektronisch: Der Apotheker findet sie mit Ihrer eID-Karte.
term-delivery = Abgabe
term-delivery-title = Abgabe in der Apotheke
term-delivery-text = Der Apotheker gibt Ihnen ein Medikament. Carnet kann zeigen, was verschrieben wurde und was Sie in der Apotheke bekommen haben, wenn die Quelle das übermittelt.
term-suspension = ausgesetzt
term-suspension-title = Ausgesetztes Medikament
term-suspension-text = Ihr Arzt hat Ihnen gesagt, ein Medikament eine Zeit lang nicht zu nehmen, zum Beispiel vor einer Operation. Nehmen Sie es erst wieder, wenn Ihr Arzt es sagt.

# More terms: what you add yourself.
term-own-data = selbst eingetragene Daten
term-own-data-title = Selbst eingetragene Daten
term-own-data-text = Daten, die Sie selbst in Carnet hinzufügen, zum Beispiel Medikamente, die Sie ohne Rezept kaufen, Notizen oder Messwerte. Carnet kennzeichnet sie deutlich, damit sie nie mit Daten von Gesundheitsdienstleistern verwechselt werden.

# More terms: taking your record along.
term-patient-summary = Patientenkurzakte
term-patient-summary-title = Patientenkurzakte (International Patient Summary)
term-patient-summary-text = Eine kurze Zusammenfassung Ihrer Gesundheit in einem in Europa vereinbarten Format: Ihre Arzneimittel, Allergien, Gesundheitsprobleme und Impfungen. Die Software einer Ärztin oder eines Arztes überall in Europa kann sie lesen, in der eigenen Sprache.
