# Who can see the record, and why.

who-title = Wie uw dossier kan zien
who-intro = Wie de gezondheidsgegevens kan zien die de hubs op dit moment over u delen, waarom, en hoe u dat kunt wijzigen.
who-you-title = U
who-you = U kunt alles in uw dossier zien, want het is uw eigen dossier.
who-can-title = Zorgverleners die het kunnen zien
who-can-help = Een zorgverlener kan zien wat een hub deelt als die zorgverlener bij die hub een zorgrelatie met u heeft en u daar uw toestemming hebt gegeven.
who-can-none = Op dit moment kan geen enkele zorgverlener uw gedeelde gegevens zien.
who-cannot-title = Zorgverleners die het niet kunnen zien
who-why-can = Via { $source }: een zorgrelatie sinds { $since }, en uw toestemming bij { $source }.
who-until = Tot { $date }.
who-until-you-end = Tot u de zorgrelatie beëindigt.
who-why-no-consent = Niet via { $source }: die zorgverlener heeft daar een zorgrelatie met u, maar uw toestemming bij { $source } is niet gegeven.
who-why-excluded = Kan het niet zien via { $source }, omdat u die zorgverlener hebt uitgesloten (de hubs zeggen niet sinds wanneer).
who-why-unknown = Via { $source }: op dit moment niet bekend, omdat { $source } niet heeft geantwoord.
who-action-end = De zorgrelatie beëindigen
who-action-exclude = { $who } uitsluiten
who-action-consent = Mijn toestemming geven bij { $source }
who-action-lift = De uitsluiting opheffen
who-else-title = Andere personen
who-else = Niemand anders kan uw dossier zien via Carnet: u hebt geen vertrouwenspersoon en geen ondersteuningscode voor de helpdesk.

## Your parents and the people you gave a mandate (ids: minor-self-band-<band id>)
minor-self-band-under-12 = { $name } kan als uw ouder uw hele dossier zien en beheren, omdat u jonger bent dan 12 jaar.
minor-self-band-from-12-to-16 = { $name } kan alleen uw vaccinaties, uw allergieën en uw gezondheidsoverzicht zien, omdat u tussen 12 en 16 jaar bent. De rest van uw dossier is privé.
minor-self-band-from-16 = { $name } staat geregistreerd als uw ouder, maar kan uw dossier niet meer zien. Vanaf 16 jaar beheert u uw dossier zelf, en geeft u zelf uw toestemming.
who-parents-title = Uw ouders
who-parents-unavailable = Het rijksregister heeft niet geantwoord. Carnet kan nu niet zeggen wat uw ouders mogen zien.
who-trusted-title = Personen aan wie u een mandaat hebt gegeven
