# Für andere handeln: Mandate für Vertrauenspersonen, und welche Akte eine Sitzung öffnet.

## Was ein Mandat umfasst (die Bereiche aus der Regelung), in einfachen Worten
grant-documents = Dokumente
grant-documents-what = Ihre Dokumente lesen: Briefe, Berichte, Ergebnisse und Bilder von Krankenhäusern und Ärzten.
grant-vaccinations = Impfungen
grant-vaccinations-what = Ihre Impfungen sehen und welche Impfungen fällig sind.
grant-medication = Medikamente
grant-medication-what = Die Medikamente sehen, die Sie nehmen, und wann.
grant-summary = Allergien und Gesundheitsübersicht
grant-summary-what = Ihre Allergien und die Gesundheitsübersicht sehen, die Ihr Hausarzt führt.
grant-consents-manage = Verwalten, wer Ihre Akte sehen darf
grant-consents-manage-what = Ihre Zustimmung, Ihr Behandlungsteam und Ihre Ausschlüsse sehen und ändern — so wie Sie selbst.
grant-access-log = Wer Ihre Akte angesehen hat
grant-access-log-what = Sehen, welche Gesundheitsdienstleister Ihre Akte geöffnet haben, und wann.

## Seite mit den Mandaten
mandates-title = Vertrauenspersonen
mandates-what = Mit einem Mandat kann eine Person, der Sie vertrauen (ein Sohn, eine Tochter, ein Freund), für Sie Teile Ihrer Akte ansehen oder Ihre Akte verwalten. Diese Person meldet sich dafür selbst an. Sie bestimmen, welche Teile und für wie lange. Die Person muss das Mandat zuerst annehmen. Sie können das Mandat jederzeit beenden. Alles, was die Person tut, steht in Ihrem Zugriffsprotokoll.
mandates-own-while-acting = Sie sehen die Akte von { $name }, aber hier stehen Ihre eigenen Mandate: die Sie gegeben und die Sie bekommen haben.
mandates-held = Mandate, die Sie bekommen haben
mandates-held-none = Niemand hat Ihnen ein Mandat gegeben.
mandates-given = Mandate, die Sie gegeben haben
mandates-given-none = Sie haben niemandem ein Mandat gegeben.
mandate-from = Von { $who }
mandate-to = Für { $who }
mandate-covers = Umfasst: { $scopes }
mandate-status-pending = Wartet auf Annahme
mandate-status-not-yet-started = Angenommen, noch nicht begonnen
mandate-status-active = Aktiv, bis es zurückgezogen wird
mandate-status-ended = Beendet
mandate-status-declined = Abgelehnt
mandate-status-revoked = Beendet (zurückgezogen)
mandate-active-until = Aktiv bis einschließlich { $until }
mandate-starts = Angenommen; beginnt am { $from }
mandate-accept = Das Mandat von { $who } annehmen
mandate-decline = Ablehnen
mandate-give-back = Dieses Mandat beenden
mandate-open-record = Die Akte von { $who } öffnen
mandate-name-mismatch = { $who } hat dieses Mandat auf den Namen „{ $name }“ ausgestellt. Das ist nicht der Name, mit dem Sie sich anmelden. Bitten Sie { $who }, Ihnen das Mandat noch einmal zu geben, mit Ihrem Namen genau wie auf Ihrem Personalausweis.
mandate-revoke = Das Mandat für { $who } beenden
mandate-revoke-title = Das Mandat für { $who } beenden?
mandate-revoke-effect = Ab jetzt kann { $who } über Carnet nichts mehr in Ihrer Akte sehen oder tun — auch nicht auf einer Seite, die schon offen ist.
mandate-revoke-kept = Was { $who } vorher getan hat, bleibt in Ihrem Zugriffsprotokoll. Sie können später ein neues Mandat geben.
mandate-revoke-submit = Ja, das Mandat für { $who } jetzt beenden
mandate-done-given = Sie haben das Mandat gegeben. Es beginnt, sobald Ihre Vertrauensperson es in Carnet annimmt.
mandate-done-accept = Sie haben das Mandat angenommen. Sie können jetzt die Akte dieser Person öffnen.
mandate-done-decline = Sie haben das Mandat abgelehnt.
mandate-done-revoke = Das Mandat ist beendet. Ihre Vertrauensperson kann Ihre Akte nicht mehr sehen.
mandate-done-give-back = Das Mandat ist beendet.

## Ein Mandat geben
mandate-give-title = Ein Mandat geben
mandate-field-ssin = Nationalregisternummer Ihrer Vertrauensperson
mandate-field-ssin-hint = 11 Ziffern, auf der Rückseite des Personalausweises dieser Person (zum Beispiel 68.08.14-203.85).
mandate-field-name = Vorname und Nachname dieser Person
mandate-field-name-hint = Wie auf dem Personalausweis: Es muss derselbe Name sein, mit dem sich die Person anmeldet.
mandate-field-scopes = Was darf die Person sehen oder tun?
mandate-field-first-day = Ab
mandate-field-first-day-hint = Lassen Sie das Feld leer, damit das Mandat heute beginnt.
mandate-field-last-day = Bis einschließlich (optional)
mandate-field-last-day-hint = Der letzte Tag, an dem das Mandat gilt. Wenn Sie das Feld leer lassen, gilt es, bis Sie es beenden.
mandate-give-next = Weiter
mandate-form-errors = Bitte korrigieren Sie Folgendes:
mandate-error-ssin = Das ist keine gültige Nationalregisternummer. Prüfen Sie die 11 Ziffern.
mandate-error-self = Das ist Ihre eigene Nationalregisternummer. Ein Mandat ist für eine andere Person gedacht.
mandate-error-name = Geben Sie den Namen Ihrer Vertrauensperson ein.
mandate-error-scope = Wählen Sie mindestens einen Teil Ihrer Akte.
mandate-error-first-day = Geben Sie den ersten Tag als Datum ein.
mandate-error-first-day-passed = Der erste Tag darf nicht in der Vergangenheit liegen.
mandate-error-last-day = Geben Sie den letzten Tag als Datum ein, oder lassen Sie das Feld leer.
mandate-error-last-before-first = Der letzte Tag liegt vor dem ersten Tag.
mandate-error-name-mismatch = Der Name stimmt nicht überein.
mandate-confirm-title = { $who } ein Mandat geben?
mandate-confirm-intro = { $who } meldet sich selbst an und kann dann Folgendes in Ihrer Akte tun:
mandate-confirm-no-changes = { $who } kann Ihre Zustimmung, Ihr Behandlungsteam und Ihre Ausschlüsse nicht ändern.
mandate-confirm-from = Ab { $from }, bis Sie das Mandat beenden.
mandate-confirm-from-until = Von { $from } bis einschließlich { $until }.
mandate-confirm-accept-first = { $who } muss das Mandat in Carnet annehmen, bevor es beginnt.
mandate-confirm-revoke-any-time = Sie können das Mandat jederzeit auf dieser Seite beenden.
mandate-confirm-submit = Ja, { $who } das Mandat geben
mandate-confirm-edit = Etwas ändern
mandate-today = heute

## Welche Akte
act-for-title = Welche Akte möchten Sie öffnen?
act-for-what = Sie können Ihre eigene Akte öffnen oder die Akte einer Person, die Ihnen ein Mandat gegeben hat. Sie sehen dann nur, was diese Person erlaubt hat.
act-for-own = Ihre eigene Akte
act-for-open-own = Meine eigene Akte öffnen
act-for-under-mandate = Mit dem Mandat, das diese Person Ihnen gegeben hat.
act-for-as-parent = Als Elternteil dieses Kindes ({ $age } Jahre alt).
act-for-mandate-covers = Sie dürfen sehen: { $scopes }
act-for-open = Die Akte von { $name } öffnen
act-for-mandates-link = Mandate, die Sie bekommen und gegeben haben
acting-for-banner = Sie handeln für { $name }
acting-for-back = Zurück zu meiner eigenen Akte
nav-act-for = Welche Akte
nav-mandates = Vertrauenspersonen

## Eltern und Minderjährige: die Altersgruppen aus der Regeltabelle, in einfachen Worten (IDs: minor-band-<band id>)
minor-band-under-12 = { $name } ist { $age } Jahre alt: Unter 12 Jahren sieht und verwaltet ein Elternteil die ganze Akte, auch die Zustimmung.
minor-band-from-12-to-16 = { $name } ist { $age } Jahre alt: Von 12 bis 16 Jahren sieht ein Elternteil nur die Impfungen, die Allergien und die Gesundheitsübersicht. Der Rest der Akte bleibt privat, nur für { $name }.
minor-band-from-16 = { $name } ist { $age } Jahre alt: Ab 16 Jahren verwaltet { $name } die eigene Akte und die eigene Zustimmung selbst. Eltern können die Akte nicht mehr sehen.
minor-band-any-own-record = { $name } ist { $age }: In diesem Alter verwaltet { $name } die eigene Akte und die eigene Zustimmung. Eltern können sie nicht mehr sehen.
minor-band-any-nothing = { $name } ist { $age }: In diesem Alter geben die Regeln für Minderjährige einem Elternteil keinen Zugang zur Akte.
minor-band-any-some = { $name } ist { $age }: In diesem Alter sieht ein Elternteil nur die Teile unten. Der Rest der Akte bleibt für { $name } privat.
minor-rule-reference = Regel: { $reference }
minor-self-band-under-12 = { $name } kann als Ihr Elternteil Ihre ganze Akte sehen und verwalten, weil Sie unter 12 Jahre alt sind.
minor-self-band-from-12-to-16 = { $name } kann nur Ihre Impfungen, Ihre Allergien und Ihre Gesundheitsübersicht sehen, weil Sie zwischen 12 und 16 Jahre alt sind. Der Rest Ihrer Akte ist privat.
minor-self-band-from-16 = { $name } ist als Ihr Elternteil eingetragen, kann Ihre Akte aber nicht mehr sehen: Ab 16 Jahren verwalten Sie Ihre Akte selbst, und Ihre Zustimmung geben nur Sie.
who-parents-title = Ihre Eltern
who-parents-unavailable = Das Nationalregister hat nicht geantwortet: Carnet kann zurzeit nicht sagen, was Ihre Eltern sehen dürfen.
who-trusted-title = Personen, denen Sie ein Mandat gegeben haben

## What a grant does not cover, left out of a page
withheld-part = Dieser Teil wird nicht mit Ihnen geteilt: { $name } hat Ihnen keinen Zugang dazu gegeben.
withheld-part-minor = Dieser Teil wird nicht mit Ihnen geteilt: Im Alter von { $name } geben die Regeln für Minderjährige einem Elternteil keinen Zugang dazu.
