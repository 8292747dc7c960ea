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

## Dashboard tile
tile-care-team = Uw zorgteam
care-team-count = { $count ->
    [0] Op dit moment heeft geen enkele zorgverlener een zorgrelatie met u.
    [one] { $count } zorgverlener heeft een zorgrelatie met u.
   *[other] { $count } zorgverleners hebben een zorgrelatie met u.
}
