# Who can see the record, and why.

who-title = Wer Ihre Akte sehen kann
who-intro = Wer die Gesundheitsdaten sehen kann, die die Hubs zurzeit über Sie teilen, warum, und wie Sie das ändern können.
who-you-title = Sie
who-you = Sie können alles in Ihrer Akte sehen, denn es ist Ihre eigene Akte.
who-can-title = Gesundheitsdienstleister, die Ihre Daten sehen können
who-can-help = Ein Gesundheitsdienstleister kann sehen, was ein Hub teilt, wenn er bei diesem Hub eine Behandlungsbeziehung mit Ihnen hat und Sie dort Ihre Zustimmung gegeben haben.
who-can-none = Zurzeit kann kein Gesundheitsdienstleister Ihre geteilten Daten sehen.
who-cannot-title = Gesundheitsdienstleister, die Ihre Daten nicht sehen können
who-why-can = Über { $source }: eine Behandlungsbeziehung seit { $since } und Ihre Zustimmung bei { $source }.
who-until = Bis { $date }.
who-until-you-end = Bis Sie die Behandlungsbeziehung beenden.
who-why-no-consent = Nicht über { $source }: Dort besteht eine Behandlungsbeziehung, aber Ihre Zustimmung bei { $source } ist nicht erteilt.
who-why-excluded = Kann Ihre Daten über { $source } nicht sehen, weil Sie diese Person ausgeschlossen haben (die Hubs sagen nicht, seit wann).
who-why-unknown = Über { $source }: zurzeit nicht bekannt, weil { $source } nicht geantwortet hat.
who-action-end = Behandlungsbeziehung beenden
who-action-exclude = { $who } ausschließen
who-action-consent = Meine Zustimmung bei { $source } geben
who-action-lift = Ausschluss aufheben
who-else-title = Andere Personen
who-else = Über Carnet kann sonst niemand Ihre Akte sehen: Sie haben keine Vertrauensperson und keinen Support-Code für den Helpdesk.

## Your parents and the people you gave a mandate (ids: minor-self-band-<band id>)
minor-self-band-under-12 = { $name } kann als Ihr Elternteil Ihre ganze Akte sehen und verwalten, weil Sie unter 12 Jahre alt sind.
minor-self-band-from-12-to-16 = { $name } kann nur Ihre Impfungen, Ihre Allergien und Ihre Gesundheitsübersicht sehen, weil Sie zwischen 12 und 16 Jahre alt sind. Der Rest Ihrer Akte ist privat.
minor-self-band-from-16 = { $name } ist als Ihr Elternteil eingetragen, kann Ihre Akte aber nicht mehr sehen: Ab 16 Jahren verwalten Sie Ihre Akte selbst, und Ihre Zustimmung geben nur Sie.
who-parents-title = Ihre Eltern
who-parents-unavailable = Das Nationalregister hat nicht geantwortet: Carnet kann zurzeit nicht sagen, was Ihre Eltern sehen dürfen.
who-trusted-title = Personen, denen Sie ein Mandat gegeben haben
