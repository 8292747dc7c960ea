# The citizen's controls: consent, care team, exclusions, and what every change reports.

## After a change
change-result-done = Gelukt.
change-result-partial = Niet alles kon worden gewijzigd.
change-result-failed = Er is niets gewijzigd.
change-someone = deze zorgverlener
change-done-give = Bij { $source } is uw toestemming nu gegeven.
change-done-revoke = Bij { $source } is uw toestemming nu ingetrokken.
change-done-end = Uw zorgrelatie met { $who } bij { $source } is beëindigd.
change-done-add = Bij { $source } is { $who } nu uitgesloten.
change-done-lift = Bij { $source } is { $who } niet langer uitgesloten.
change-refused = { $source } heeft deze wijziging geweigerd. Daar is dus niets gewijzigd.
change-unavailable = { $source } heeft niet geantwoord. Daar is dus niets gewijzigd. Probeer het over een paar minuten opnieuw.
change-not-found = { $source } heeft dit niet meer: misschien is het al gewijzigd. Verder is daar niets gewijzigd.
change-pending = { $source } heeft nog niet geantwoord. Laad deze pagina over een ogenblik opnieuw om het resultaat te zien.
change-cancel = Annuleren, niets wijzigen
error-bad-request = Dit formulier is verouderd of onvolledig, dus er is niets gebeurd. Open de pagina opnieuw en probeer het nog eens.

## Consent
consent-title = Uw toestemming om gezondheidsgegevens te delen
consent-tile-manage = Uw toestemming bekijken of wijzigen
consent-what = Met uw geïnformeerde toestemming mogen de gezondheidsnetwerken (hubs) uw gezondheidsgegevens delen tussen de zorgverleners die u behandelen.
consent-effect-given = Als u ze geeft: zorgverleners die een zorgrelatie met u hebben, kunnen de documenten en gegevens zien die de hub deelt. Zorgverleners die u hebt uitgesloten, kunnen dat nog altijd niet.
consent-effect-revoked = Als u ze intrekt: vanaf dan kan geen enkele zorgverlener uw gedeelde gegevens via die hub zien, ook uw huisarts niet. Er wordt niets gewist: u kunt uw toestemming later opnieuw geven.
consent-per-hub = Elke hub bewaart uw keuze apart: als u uw toestemming bij één hub geeft of intrekt, verandert er niets bij de andere hubs.
consent-revoked-on = ingetrokken op { $date }
consent-unknown = onbekend: deze hub heeft niet geantwoord
consent-col-hub = Hub
consent-col-state = Uw toestemming
consent-col-action = Wijzigen
consent-action-give = Mijn toestemming geven bij { $source }
consent-action-revoke = Mijn toestemming intrekken bij { $source }
consent-confirm-give-title = Uw toestemming geven bij { $source }?
consent-confirm-revoke-title = Uw toestemming intrekken bij { $source }?
consent-confirm-only-this-hub = Dit wijzigt alleen uw toestemming bij { $source }.
consent-confirm-revoke-emergency = Ook bij een noodgeval zien zorgverleners uw gegevens dan niet via deze hub.
consent-confirm-give = Ja, mijn toestemming geven bij { $source }
consent-confirm-revoke = Ja, mijn toestemming intrekken bij { $source }

## Care team
care-team-title = Uw zorgteam
care-team-tile-manage = Uw zorgteam bekijken
care-team-what = Deze zorgverleners hebben bij een hub een zorgrelatie met u. Met uw toestemming kunnen ze daardoor de gegevens zien die de hub over u deelt.
care-team-end-what = U kunt een zorgrelatie beëindigen. Die zorgverlener ziet uw gedeelde gegevens dan niet meer via die hub.
care-team-current = Huidige zorgrelaties
care-team-ended = Beëindigde zorgrelaties
care-team-none = Er is hier geen zorgrelatie.
care-team-col-who = Zorgverlener
care-team-col-profession = Beroep
care-team-col-institution = Instelling
care-team-col-hub = Hub
care-team-col-since = Sinds
care-team-col-until = Tot
care-team-col-action = Wijzigen
care-team-no-end = geen einddatum
care-team-action-end = De zorgrelatie met { $who } beëindigen
care-team-confirm-title = Uw zorgrelatie met { $who } bij { $source } beëindigen?
care-team-confirm-effect = { $who } ziet uw gedeelde gegevens dan niet meer via { $source }.
care-team-confirm-kept = Wat die zorgverlener al gezien of geschreven heeft, blijft in uw dossier.
care-team-confirm-again = Er begint een nieuwe zorgrelatie als die zorgverlener u opnieuw behandelt (bijvoorbeeld bij het lezen van uw eID-kaart). Wilt u dat die zorgverlener uw gegevens nooit meer ziet? Sluit die zorgverlener dan uit.
care-team-confirm-submit = Ja, de zorgrelatie met { $who } beëindigen

## Exclusions
exclusions-title = Uitgesloten zorgverleners
exclusions-tile-manage = Een zorgverlener uitsluiten
exclusions-what = Een uitgesloten zorgverlener kan uw gedeelde gezondheidsgegevens niet zien via de hubs. Ook niet als die u behandelt en u uw toestemming hebt gegeven.
exclusions-all-hubs = Een uitsluiting wordt bij alle hubs tegelijk toegevoegd of opgeheven.
exclusions-current = Geldende uitsluitingen
exclusions-none = U hebt niemand uitgesloten.
exclusions-col-who = Zorgverlener
exclusions-col-hubs = Bij de hubs
exclusions-col-since = Sinds
exclusions-col-action = Wijzigen
exclusions-no-date = De hubs zeggen niet sinds wanneer.
exclusions-action-lift = De uitsluiting van { $who } opheffen
exclusions-add = Een zorgverlener uitsluiten
exclusions-search-label = Naam of RIZIV-nummer van de zorgverlener
exclusions-search-help = Bijvoorbeeld „Verbiest” of „1-33027-85-580”. Er wordt gezocht in de lijst van zorgverleners van de hubs.
exclusions-search = Zoeken
exclusions-found = { $count ->
    [one] { $count } zorgverlener gevonden:
   *[other] { $count } zorgverleners gevonden:
}
exclusions-found-none = Geen zorgverlener gevonden voor „{ $query }”. Controleer de spelling, of zoek op RIZIV-nummer.
exclusions-nihdi = RIZIV-nummer { $number }
exclusions-action-choose = { $who } uitsluiten…
exclusions-confirm-add-title = { $who } uitsluiten?
exclusions-confirm-add-effect = { $who } kan uw gedeelde gezondheidsgegevens dan niet meer zien via de hubs. Ook niet als die zorgverlener u behandelt.
exclusions-confirm-add-emergency = Dat geldt ook bij een noodgeval. U kunt de uitsluiting op elk moment opheffen.
exclusions-confirm-add-submit = Ja, { $who } uitsluiten
exclusions-confirm-lift-title = De uitsluiting van { $who } opheffen?
exclusions-confirm-lift-effect = { $who } kan uw gedeelde gezondheidsgegevens dan weer zien, als die zorgverlener een zorgrelatie met u heeft en u uw toestemming hebt gegeven.
exclusions-confirm-lift-submit = Ja, de uitsluiting van { $who } opheffen
directory-error-too-short = Typ minstens twee letters van een naam, of een RIZIV-nummer.
directory-error-not-a-number = Een RIZIV-nummer heeft 11 cijfers. Controleer het nummer, of zoek op naam.
directory-error-too-long = Dat is te lang voor een naam. Typ een korter deel van de naam.
