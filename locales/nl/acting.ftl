# Handelen voor anderen: mandaten voor vertrouwenspersonen, en welk dossier een sessie opent.

## Wat een mandaat toelaat (de onderdelen uit het beleid), in eenvoudige woorden
grant-documents = Documenten
grant-documents-what = Uw documenten lezen: brieven, verslagen, resultaten en beelden van ziekenhuizen en artsen.
grant-vaccinations = Vaccinaties
grant-vaccinations-what = Uw vaccinaties zien, en welke u nog moet krijgen.
grant-medication = Geneesmiddelen
grant-medication-what = De geneesmiddelen zien die u neemt, en wanneer.
grant-summary = Allergieën en gezondheidsoverzicht
grant-summary-what = Uw allergieën zien, en het gezondheidsoverzicht dat uw huisarts bijhoudt.
grant-consents-manage = Beheren wie uw dossier mag zien
grant-consents-manage-what = Uw toestemming, uw zorgteam en uw uitsluitingen zien en wijzigen — zoals u dat zelf zou doen.
grant-access-log = Wie uw dossier heeft bekeken
grant-access-log-what = Zien welke zorgverleners uw dossier hebben geopend, en wanneer.

## Pagina met mandaten
mandates-title = Vertrouwenspersonen
mandates-what = Met een mandaat kan iemand die u vertrouwt (een zoon, een dochter, een vriend) voor u delen van uw dossier bekijken of uw dossier beheren. Die persoon meldt zich daarvoor zelf aan. U kiest welke delen en voor hoelang. Die persoon moet het mandaat eerst aanvaarden. U kunt het mandaat op elk moment beëindigen. Alles wat die persoon doet, ziet u in uw toegangslogboek.
mandates-own-while-acting = U bekijkt het dossier van { $name }, maar dit zijn uw eigen mandaten: die u hebt gegeven en die u hebt gekregen.
mandates-held = Mandaten die u hebt gekregen
mandates-held-none = Niemand heeft u een mandaat gegeven.
mandates-given = Mandaten die u hebt gegeven
mandates-given-none = U hebt aan niemand een mandaat gegeven.
mandate-from = Van { $who }
mandate-to = Aan { $who }
mandate-covers = Geldt voor: { $scopes }
mandate-status-pending = Wacht op aanvaarding
mandate-status-not-yet-started = Aanvaard, nog niet begonnen
mandate-status-active = Actief, tot het mandaat wordt ingetrokken
mandate-status-ended = Beëindigd
mandate-status-declined = Geweigerd
mandate-status-revoked = Beëindigd (ingetrokken)
mandate-active-until = Actief tot en met { $until }
mandate-starts = Aanvaard; begint op { $from }
mandate-accept = Het mandaat van { $who } aanvaarden
mandate-decline = Weigeren
mandate-give-back = Dit mandaat beëindigen
mandate-open-record = Het dossier van { $who } openen
mandate-name-mismatch = { $who } heeft dit mandaat gegeven aan „{ $name }”. Dat is niet de naam waarmee u zich aanmeldt. Vraag { $who } om het mandaat opnieuw te geven, met uw naam precies zoals op uw identiteitskaart.
mandate-revoke = Het mandaat voor { $who } beëindigen
mandate-revoke-title = Het mandaat voor { $who } beëindigen?
mandate-revoke-effect = Vanaf nu kan { $who } via Carnet niets meer zien of doen in uw dossier — ook niet op een pagina die al open is.
mandate-revoke-kept = Wat { $who } eerder heeft gedaan, blijft in uw toegangslogboek. U kunt later een nieuw mandaat geven.
mandate-revoke-submit = Ja, het mandaat voor { $who } nu beëindigen
mandate-done-given = Het mandaat is gegeven. Het gaat in zodra uw vertrouwenspersoon het in Carnet aanvaardt.
mandate-done-accept = U hebt het mandaat aanvaard. U kunt nu het dossier van die persoon openen.
mandate-done-decline = U hebt het mandaat geweigerd.
mandate-done-revoke = Het mandaat is beëindigd. Uw vertrouwenspersoon kan uw dossier niet meer zien.
mandate-done-give-back = Het mandaat is beëindigd.

## Een mandaat geven
mandate-give-title = Een mandaat geven
mandate-field-ssin = Rijksregisternummer van uw vertrouwenspersoon
mandate-field-ssin-hint = 11 cijfers, op de achterkant van de identiteitskaart van die persoon (bijvoorbeeld 68.08.14-203.85).
mandate-field-name = Voornaam en familienaam van die persoon
mandate-field-name-hint = Zoals op de identiteitskaart. Het moet dezelfde naam zijn als de naam waarmee die persoon zich aanmeldt.
mandate-field-scopes = Wat mag die persoon zien of doen?
mandate-field-first-day = Vanaf
mandate-field-first-day-hint = Laat dit leeg als het mandaat vandaag moet ingaan.
mandate-field-last-day = Tot en met (niet verplicht)
mandate-field-last-day-hint = De laatste dag waarop het mandaat geldt. Laat u dit leeg, dan geldt het tot u het beëindigt.
mandate-give-next = Verder
mandate-form-errors = Verbeter het volgende:
mandate-error-ssin = Dit is geen geldig rijksregisternummer. Controleer de 11 cijfers.
mandate-error-self = Dit is uw eigen rijksregisternummer. Een mandaat is voor iemand anders.
mandate-error-name = Vul de naam van uw vertrouwenspersoon in.
mandate-error-scope = Kies minstens één deel van uw dossier.
mandate-error-first-day = Vul de eerste dag in als een datum.
mandate-error-first-day-passed = De eerste dag kan niet in het verleden liggen.
mandate-error-last-day = Vul de laatste dag in als een datum, of laat dit leeg.
mandate-error-last-before-first = De laatste dag ligt vóór de eerste dag.
mandate-error-name-mismatch = De naam komt niet overeen.
mandate-confirm-title = Een mandaat geven aan { $who }?
mandate-confirm-intro = { $who } meldt zich zelf aan en kan dan het volgende doen in uw dossier:
mandate-confirm-no-changes = { $who } kan uw toestemming, uw zorgteam en uw uitsluitingen niet wijzigen.
mandate-confirm-from = Vanaf { $from }, tot u het mandaat beëindigt.
mandate-confirm-from-until = Van { $from } tot en met { $until }.
mandate-confirm-accept-first = { $who } moet het mandaat eerst in Carnet aanvaarden. Pas dan gaat het in.
mandate-confirm-revoke-any-time = U kunt het mandaat op elk moment beëindigen op deze pagina.
mandate-confirm-submit = Ja, het mandaat geven aan { $who }
mandate-confirm-edit = Iets wijzigen
mandate-today = vandaag

## Welk dossier
act-for-title = Welk dossier wilt u openen?
act-for-what = U kunt uw eigen dossier openen, of het dossier van iemand die u een mandaat heeft gegeven. U ziet dan alleen wat die persoon heeft toegestaan.
act-for-own = Uw eigen dossier
act-for-open-own = Mijn eigen dossier openen
act-for-under-mandate = Met het mandaat dat deze persoon u heeft gegeven.
act-for-as-parent = Als ouder van dit kind ({ $age } jaar oud).
act-for-mandate-covers = U mag zien: { $scopes }
act-for-open = Het dossier van { $name } openen
act-for-mandates-link = Mandaten die u hebt gekregen en gegeven
acting-for-banner = U handelt voor { $name }
acting-for-back = Terug naar mijn eigen dossier
nav-act-for = Welk dossier
nav-mandates = Vertrouwenspersonen

## Ouders en minderjarigen: de leeftijdsgroepen uit de regeltabel, in eenvoudige woorden (ids: minor-band-<band id>)
minor-band-under-12 = { $name } is { $age } jaar: onder de 12 jaar ziet en beheert een ouder het hele dossier, ook de toestemming.
minor-band-from-12-to-16 = { $name } is { $age } jaar: van 12 tot 16 jaar ziet een ouder alleen de vaccinaties, de allergieën en het gezondheidsoverzicht. De rest van het dossier blijft privé, alleen voor { $name }.
minor-band-from-16 = { $name } is { $age } jaar: vanaf 16 jaar beheert { $name } zelf het eigen dossier en de eigen toestemming. Ouders kunnen het dossier niet meer zien.
minor-band-any-own-record = { $name } is { $age }: op deze leeftijd beheert { $name } het eigen dossier en de eigen toestemming. Ouders kunnen het niet meer zien.
minor-band-any-nothing = { $name } is { $age }: op deze leeftijd geven de regels voor minderjarigen een ouder geen toegang tot het dossier.
minor-band-any-some = { $name } is { $age }: op deze leeftijd ziet een ouder alleen de onderdelen hieronder. De rest van het dossier blijft privé voor { $name }.
minor-rule-reference = Regel: { $reference }
minor-self-band-under-12 = { $name } kan als uw ouder uw hele dossier zien en beheren, omdat u jonger bent dan 12 jaar.
minor-self-band-from-12-to-16 = { $name } kan alleen uw vaccinaties, uw allergieën en uw gezondheidsoverzicht zien, omdat u tussen 12 en 16 jaar bent. De rest van uw dossier is privé.
minor-self-band-from-16 = { $name } staat geregistreerd als uw ouder, maar kan uw dossier niet meer zien. Vanaf 16 jaar beheert u uw dossier zelf, en geeft u zelf uw toestemming.
who-parents-title = Uw ouders
who-parents-unavailable = Het rijksregister heeft niet geantwoord. Carnet kan nu niet zeggen wat uw ouders mogen zien.
who-trusted-title = Personen aan wie u een mandaat hebt gegeven

## What a grant does not cover, left out of a page
withheld-part = Dit deel wordt niet met u gedeeld: { $name } heeft u er geen toegang toe gegeven.
withheld-part-minor = Dit deel wordt niet met u gedeeld: op de leeftijd van { $name } geven de regels voor minderjarigen een ouder er geen toegang toe.
