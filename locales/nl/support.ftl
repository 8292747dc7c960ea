## De ondersteuningscodes van de burger
support-title = Een ondersteuningscode voor de helpdesk
support-what = Als u de helpdesk belt, moet de helpdesk misschien een deel van uw dossier bekijken om u te helpen. Maak hier een code en lees die voor aan de telefoon. De helpdesk kan alleen kijken en nooit iets wijzigen, alleen in de delen die u kiest, en alleen zolang de code geldig is. U ziet hier wie de code gebruikt, en u kunt de code op elk moment stoppen. Alles wat de helpdesk bekijkt, staat in uw toegangslogboek.
support-running = Nu actief
support-code-label = Uw code — lees die voor aan de helpdesk:
support-waiting = Niemand heeft de code nog gebruikt. De code is geldig tot { $until } ({ $minutes } min).
support-in-use = Helpdeskmedewerker { $agent } gebruikt de code, tot { $until }.
support-revoke = Deze code nu stoppen
support-issue-title = Een nieuwe code maken
support-issue-what = De code is { $minutes ->
    [one] { $minutes } minuut
   *[other] { $minutes } minuten
} geldig. De eerste helpdeskmedewerker die de code ingeeft, krijgt de code. Niemand anders kan de code dan nog gebruiken.
support-field-scopes = Wat mag de helpdesk bekijken?
support-read-only = De helpdesk kan alleen kijken en niets wijzigen: niet uw toestemming, niet uw zorgteam, niet uw uitsluitingen en ook niets anders.
support-issue-submit = De code maken
support-past = Eerder vandaag
support-past-held = Code gemaakt om { $issued }, gebruikt door { $agent }: { $status }
support-past-unused = Code gemaakt om { $issued }, niet gebruikt: { $status }
support-status-waiting = in afwachting
support-status-in-use = in gebruik
support-status-expired = verlopen
support-status-revoked = gestopt
support-done-issued = Uw code is klaar. Lees de code voor aan de helpdesk.
support-done-revoked = De code is gestopt. De helpdesk kan uw dossier niet meer zien.
support-error-scope = Kies minstens één deel van uw dossier.
support-own-while-acting = U bekijkt het dossier van { $name }, maar de codes hier gelden alleen voor uw eigen dossier.
