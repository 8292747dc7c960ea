# The access log and the dashboard's alert of new accesses.

access-log-title = Wie uw dossier heeft bekeken
access-log-intro = Elke toegang die de hubs en kluizen hebben geregistreerd, en alles wat via Carnet met uw dossier is gedaan. De nieuwste staan bovenaan.
access-you = U
access-through = via { $source }
access-when = { $date }, { $time }
access-unreadable = { $count ->
    [one] { $count } toegang kon niet worden gelezen en wordt niet getoond.
   *[other] { $count } toegangen konden niet worden gelezen en worden niet getoond.
}
access-count = { $count ->
    [0] Geen toegang gevonden.
    [one] { $count } toegang
   *[other] { $count } toegangen
}
access-none-filtered = Wijzig of wis de filters om meer te zien.
access-pages = Pagina's van het toegangslogboek
access-previous = Nieuwer
access-next = Ouder
access-page-of = Pagina { $page } van { $pages }

## What a care provider did
access-did-opened = heeft { $target } geopend
access-did-searched = heeft { $target } doorzocht
access-did-added = heeft iets toegevoegd aan { $target }
access-did-changed = heeft iets gewijzigd in { $target }
access-did-deleted = heeft iets verwijderd uit { $target }
access-target-record = uw dossier
access-target-document = een document
access-target-sumehr = uw gezondheidsoverzicht
access-target-vaccinations = uw vaccinaties
access-target-medication = uw geneesmiddelen
access-target-allergies = uw allergieën

## What was done through Carnet
access-portal-read = heeft { $parts } bekeken
access-portal-read-refused = heeft geprobeerd { $parts } te bekijken, maar dat werd geweigerd
access-portal-exported = heeft { $parts } gedownload als patiëntsamenvatting
access-portal-export-refused = heeft geprobeerd { $parts } te downloaden als patiëntsamenvatting, maar dat werd geweigerd
access-change-give = heeft uw toestemming gegeven bij { $sources }
access-change-revoke = heeft uw toestemming ingetrokken bij { $sources }
access-change-end = heeft de zorgrelatie met { $who } bij { $sources } beëindigd
access-change-add = heeft { $who } uitgesloten bij { $sources }
access-change-lift = heeft de uitsluiting van { $who } opgeheven bij { $sources }
access-change-unconfirmed = gevraagd, maar het antwoord is onbekend
access-change-failed = het is niet gelukt
access-change-partial = niet bij elke hub
access-change-refused = geweigerd
access-portal-change-refused = heeft geprobeerd { $parts } te wijzigen, maar dat werd geweigerd
access-other-read = heeft { $parts } bekeken
access-other-read-refused = heeft geprobeerd { $parts } te bekijken, maar dat werd geweigerd
access-other-exported = heeft { $parts } gedownload als patiëntsamenvatting
access-other-export-refused = heeft geprobeerd { $parts } te downloaden als patiëntsamenvatting, maar dat werd geweigerd
access-other-change-refused = heeft geprobeerd { $parts } te wijzigen, maar dat werd geweigerd
access-other-other = heeft iets anders gedaan
access-portal-seen = heeft de nieuwe toegangen als gezien aangeduid
access-portal-login = heeft zich aangemeld
access-portal-logout = heeft zich afgemeld
access-portal-other = heeft iets anders gedaan

## Filters
access-filter-title = Het toegangslogboek filteren
access-filter-who = Wie
access-filter-everyone = Iedereen
access-filter-providers = Zorgverleners en organisaties
access-filter-you = U, via Carnet
access-filter-what = Wat
access-filter-everything = Alles
access-category-documents = Documenten
access-category-sumehr = Gezondheidsoverzicht
access-category-vaccinations = Vaccinaties
access-category-medication = Geneesmiddelen
access-category-allergies = Allergieën
access-category-changes = Wijzigingen die u hebt gedaan
access-category-sessions = Aanmelden en afmelden
access-filter-source = Bron
access-filter-all-sources = Alle bronnen
access-filter-from = Van
access-filter-to = Tot
access-filter-apply = Tonen
access-filter-clear = De filters wissen

## The dashboard's alert
access-alert-title = Nieuw sinds uw vorige bezoek
access-alert-line = { $who } heeft uw dossier geopend op { $when }, via { $source }.
access-alert-more = { $count ->
    [one] En nog { $count }.
   *[other] En nog { $count }.
}
access-alert-unexpected = Had u een van deze toegangen niet verwacht? Dan kunt u de zorgrelatie beëindigen of die zorgverlener uitsluiten.
access-alert-see = Het toegangslogboek bekijken
access-alert-dismiss = Verbergen tot de volgende toegang

## Handelen voor anderen, in de tijdlijn
access-mandate-given = heeft een mandaat gegeven aan { $who }
access-mandate-accepted = heeft het mandaat aanvaard ({ $who })
access-mandate-declined = heeft het mandaat geweigerd ({ $who })
access-mandate-revoked = heeft het mandaat voor { $who } beëindigd
access-mandate-given-back = heeft het mandaat teruggegeven ({ $who })
access-opened-record = heeft uw dossier geopend
access-opened-record-refused = heeft geprobeerd uw dossier te openen, maar dat werd geweigerd
access-basis-mandate = met uw mandaat
access-basis-parent = als uw ouder
access-basis-support-code = helpdesk, met uw ondersteuningscode
access-support-issued = heeft een ondersteuningscode gemaakt
access-support-revoked = heeft een ondersteuningscode gestopt
access-support-redeemed = heeft uw ondersteuningscode ingegeven
access-support-redeem-refused = heeft voor uw dossier een ondersteuningscode ingegeven die geweigerd werd (fout, gestopt, verlopen of in gebruik bij een andere medewerker)
access-support-revoke-refused = heeft geprobeerd een van uw ondersteuningscodes te stoppen, maar dat werd geweigerd
access-changes-not-shared = Wijzigingen aan de toestemming, het zorgteam en de uitsluitingen staan hier niet.

## Dashboard tile
tile-access = Wie uw gegevens heeft bekeken
access-see-log = Het volledige toegangslogboek bekijken
access-none = Er is geen toegang geregistreerd.
access-someone = Iemand
