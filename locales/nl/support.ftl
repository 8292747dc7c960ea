# Ondersteuningscodes (de kant van de burger) en de console van de helpdesk.

## De ondersteuningscodes van de burger
nav-support = Ondersteuningscode
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

## De console van de helpdesk
helpdesk-title = Helpdesk
helpdesk-enter-title = Een ondersteuningscode ingeven
helpdesk-enter-what = Vraag de beller naar het rijksregisternummer en naar de code die op zijn of haar pagina staat. Tot de code afloopt, ziet u alleen wat de beller heeft gekozen, en kunt u niets wijzigen.
helpdesk-field-citizen = Rijksregisternummer van de beller
helpdesk-field-code = Ondersteuningscode (8 tekens)
helpdesk-redeem = Openen met deze code
helpdesk-redeemed = De code is nu van u: u kunt het dossier van de beller bekijken, maar niets wijzigen.
helpdesk-held-title = Codes die u gebruikt
helpdesk-held-none = U gebruikt nu geen ondersteuningscode.
helpdesk-held-until = Geldig tot { $until }
helpdesk-diagnostics-title = Diagnose
helpdesk-request-id = Aanvraag-id van deze pagina: { $id }
helpdesk-asked-at = De bronnen werden om { $time } (Belgische tijd) bevraagd voor deze pagina; met de aanvraag-id hierboven vindt u elke oproep in de logs.
helpdesk-source-ok = heeft net geantwoord
helpdesk-source-stale = net mislukt ({ $kind }); het getoonde antwoord is { $minutes } min oud
helpdesk-source-failed = net mislukt ({ $kind }); niets te tonen
helpdesk-open-part = Dit deel openen
support-error-malformed = Het nummer of de code is niet juist geschreven: controleer de 11 cijfers en de 8 tekens.
support-error-wrong = Deze code werkt niet voor deze persoon: misschien is de code fout, verlopen of gestopt. Vraag de beller om de code opnieuw voor te lezen.
support-error-held = Een andere helpdeskmedewerker gebruikt deze code al. Vraag de beller om een nieuwe code te maken.
support-error-locked = Te veel foute codes: het ingeven van codes is 15 minuten geblokkeerd.
support-own-while-acting = U bekijkt het dossier van { $name }, maar de codes hier gelden alleen voor uw eigen dossier.
