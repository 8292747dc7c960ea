# Für andere handeln: Vollmachten für Vertrauenspersonen, und welche Akte eine Sitzung öffnet.

## Was eine Vollmacht umfasst (die Bereiche aus der Regelung), in einfachen Worten
grant-documents = Dokumente
grant-documents-what = Ihre Dokumente lesen: Briefe, Berichte, Ergebnisse und Bilder von Krankenhäusern und Ärzten.
grant-vaccinations = Impfungen
grant-vaccinations-what = Ihre Impfungen sehen, und welche fällig sind.
grant-medication = Medikamente
grant-medication-what = Die Medikamente sehen, die Sie nehmen, und wann.
grant-summary = Allergien und Gesundheitsübersicht
grant-summary-what = Ihre Allergien sehen, und die Gesundheitsübersicht, die Ihr Hausarzt führt.
grant-consents-manage = Verwalten, wer Ihre Akte sehen darf
grant-consents-manage-what = Ihre Zustimmung, Ihr Behandlungsteam und Ihre Ausschlüsse sehen und ändern — so wie Sie selbst.
grant-access-log = Wer Ihre Akte angesehen hat
grant-access-log-what = Sehen, welche Gesundheitsdienstleister Ihre Akte geöffnet haben, und wann.

## Seite mit den Vollmachten
mandates-title = Vertrauenspersonen
mandates-what = Mit einer Vollmacht kann eine Person, der Sie vertrauen (ein Sohn, eine Tochter, ein Freund), für Sie Teile Ihrer Akte ansehen oder Ihre Akte verwalten. Diese Person meldet sich dafür selbst an. Sie wählen, welche Teile und wie lange. Die Person muss die Vollmacht zuerst annehmen. Sie können die Vollmacht jederzeit beenden. Alles, was die Person tut, steht in Ihrem Zugriffsprotokoll.
mandates-own-while-acting = Sie sehen die Akte von { $name }, aber dies sind Ihre eigenen Vollmachten: die Sie gegeben haben und die Sie bekommen haben.
mandates-held = Vollmachten, die Sie bekommen haben
mandates-held-none = Niemand hat Ihnen eine Vollmacht gegeben.
mandates-given = Vollmachten, die Sie gegeben haben
mandates-given-none = Sie haben niemandem eine Vollmacht gegeben.
mandate-from = Von { $who }
mandate-to = Für { $who }
mandate-covers = Umfasst: { $scopes }
mandate-status-pending = Wartet auf Annahme
mandate-status-not-yet-started = Angenommen, noch nicht begonnen
mandate-status-active = Aktiv, bis sie zurückgezogen wird
mandate-status-ended = Beendet
mandate-status-declined = Abgelehnt
mandate-status-revoked = Beendet (zurückgezogen)
mandate-active-until = Aktiv bis einschließlich { $until }
mandate-starts = Angenommen; beginnt am { $from }
mandate-accept = Die Vollmacht von { $who } annehmen
mandate-decline = Ablehnen
mandate-give-back = Diese Vollmacht beenden
mandate-open-record = Die Akte von { $who } öffnen
mandate-name-mismatch = { $who } hat diese Vollmacht an „{ $name }“ gegeben. Das ist nicht der Name, mit dem Sie sich anmelden. Bitten Sie { $who }, Ihnen die Vollmacht neu zu geben, mit Ihrem Namen genau wie auf Ihrem Personalausweis.
mandate-revoke = Die Vollmacht für { $who } beenden
mandate-revoke-title = Die Vollmacht für { $who } beenden?
mandate-revoke-effect = Ab jetzt kann { $who } über Carnet nichts mehr in Ihrer Akte sehen oder tun — auch nicht auf einer Seite, die schon offen ist.
mandate-revoke-kept = Was { $who } vorher getan hat, bleibt in Ihrem Zugriffsprotokoll. Sie können später eine neue Vollmacht geben.
mandate-revoke-submit = Ja, die Vollmacht für { $who } jetzt beenden
mandate-done-given = Die Vollmacht ist gegeben. Sie beginnt, sobald Ihre Vertrauensperson sie in Carnet annimmt.
mandate-done-accept = Sie haben die Vollmacht angenommen. Sie können jetzt die Akte dieser Person öffnen.
mandate-done-decline = Sie haben die Vollmacht abgelehnt.
mandate-done-revoke = Die Vollmacht ist beendet. Ihre Vertrauensperson kann Ihre Akte nicht mehr sehen.
mandate-done-give-back = Die Vollmacht ist beendet.

## Eine Vollmacht geben
mandate-give-title = Eine Vollmacht geben
mandate-field-ssin = Nationalregisternummer Ihrer Vertrauensperson
mandate-field-ssin-hint = 11 Ziffern, auf der Rückseite des Personalausweises dieser Person (zum Beispiel 68.08.14-203.85).
mandate-field-name = Vorname und Nachname dieser Person
mandate-field-name-hint = Wie auf dem Personalausweis: Es muss derselbe Name sein, mit dem sich die Person anmeldet.
mandate-field-scopes = Was darf die Person sehen oder tun?
mandate-field-first-day = Ab
mandate-field-first-day-hint = Leer lassen, um heute zu beginnen.
mandate-field-last-day = Bis einschließlich (optional)
mandate-field-last-day-hint = Der letzte Tag, an dem die Vollmacht gilt. Wenn Sie das Feld leer lassen, gilt sie, bis Sie sie beenden.
mandate-give-next = Weiter
mandate-form-errors = Bitte korrigieren Sie Folgendes:
mandate-error-ssin = Das ist keine gültige Nationalregisternummer. Prüfen Sie die 11 Ziffern.
mandate-error-self = Das ist Ihre eigene Nationalregisternummer. Eine Vollmacht ist für eine andere Person.
mandate-error-name = Geben Sie den Namen Ihrer Vertrauensperson ein.
mandate-error-scope = Wählen Sie mindestens einen Teil Ihrer Akte.
mandate-error-first-day = Geben Sie den ersten Tag als Datum ein.
mandate-error-first-day-passed = Der erste Tag darf nicht in der Vergangenheit liegen.
mandate-error-last-day = Geben Sie den letzten Tag als Datum ein, oder lassen Sie das Feld leer.
mandate-error-last-before-first = Der letzte Tag liegt vor dem ersten Tag.
mandate-error-name-mismatch = Der Name stimmt nicht überein.
mandate-confirm-title = { $who } eine Vollmacht geben?
mandate-confirm-intro = { $who } kann dann Folgendes in Ihrer Akte tun und meldet sich dafür selbst an:
mandate-confirm-no-changes = { $who } kann Ihre Zustimmung, Ihr Behandlungsteam und Ihre Ausschlüsse nicht ändern.
mandate-confirm-from = Ab { $from }, bis Sie die Vollmacht beenden.
mandate-confirm-from-until = Von { $from } bis einschließlich { $until }.
mandate-confirm-accept-first = { $who } muss die Vollmacht in Carnet annehmen, bevor sie beginnt.
mandate-confirm-revoke-any-time = Sie können die Vollmacht jederzeit auf dieser Seite beenden.
mandate-confirm-submit = Ja, { $who } die Vollmacht geben
mandate-confirm-edit = Etwas ändern
mandate-today = heute

## Welche Akte
act-for-title = Welche Akte möchten Sie öffnen?
act-for-what = Sie können Ihre eigene Akte öffnen oder die Akte einer Person, die Ihnen eine Vollmacht gegeben hat. Sie sehen dann nur, was diese Person erlaubt hat.
act-for-own = Ihre eigene Akte
act-for-open-own = Meine eigene Akte öffnen
act-for-under-mandate = Mit der Vollmacht, die diese Person Ihnen gegeben hat.
act-for-as-parent = Als Elternteil dieses Kindes ({ $age } Jahre alt).
act-for-mandate-covers = Sie dürfen sehen: { $scopes }
act-for-open = Die Akte von { $name } öffnen
act-for-mandates-link = Vollmachten, die Sie bekommen und gegeben haben
acting-for-banner = Sie handeln für { $name }
acting-for-back = Zurück zu meiner eigenen Akte
nav-act-for = Welche Akte
nav-mandates = Vertrauenspersonen

## Eltern und Minderjährige: die Altersgruppen aus der Regeltabelle, in einfachen Worten (IDs: minor-band-<band id>)
minor-band-under-12 = { $name } ist { $age } Jahre alt: Unter 12 Jahren sieht und verwaltet ein Elternteil die ganze Akte, auch die Zustimmung.
minor-band-from-12-to-16 = { $name } ist { $age } Jahre alt: Von 12 bis 16 Jahren sieht ein Elternteil nur die Impfungen, die Allergien und die Gesundheitsübersicht. Der Rest der Akte bleibt privat, nur für { $name }.
minor-band-from-16 = { $name } ist { $age } Jahre alt: Ab 16 Jahren verwaltet { $name } die eigene Akte und die eigene Zustimmung selbst. Eltern können die Akte nicht mehr sehen.
minor-rule-reference = Regel: { $reference }
minor-self-band-under-12 = { $name } kann als Ihr Elternteil Ihre ganze Akte sehen und verwalten, weil Sie unter 12 Jahre alt sind.
minor-self-band-from-12-to-16 = { $name } kann nur Ihre Impfungen, Ihre Allergien und Ihre Gesundheitsübersicht sehen, weil Sie zwischen 12 und 16 Jahre alt sind. Der Rest Ihrer Akte ist privat.
minor-self-band-from-16 = { $name } ist als Ihr Elternteil eingetragen, kann Ihre Akte aber nicht mehr sehen: Ab 16 Jahren verwalten Sie Ihre Akte selbst, und Ihre Zustimmung geben nur Sie.
who-parents-title = Ihre Eltern
who-parents-unavailable = Das Nationalregister hat nicht geantwortet: Carnet kann zurzeit nicht sagen, was Ihre Eltern sehen dürfen.
who-trusted-title = Personen, denen Sie eine Vollmacht gegeben haben
