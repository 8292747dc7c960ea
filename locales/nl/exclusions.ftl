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

## Dashboard tile
