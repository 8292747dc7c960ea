# Who can see the record, and why.

who-title = Who can see your record
who-intro = Who can see the health data that the hubs share about you right now, why, and how to change it.
who-you-title = You
who-you = You can see everything in your record, because it is your own record.
who-can-title = Care providers who can see it
who-can-help = A care provider can see what a hub shares when they have a care relationship with you at that hub and you gave your consent there.
who-can-none = No care provider can see your shared data right now.
who-cannot-title = Care providers who cannot see it
who-why-can = Through { $source }: a care relationship since { $since }, and your consent at { $source }.
who-until = Until { $date }.
who-until-you-end = Until you end it.
who-why-no-consent = Not through { $source }: they have a care relationship there, but your consent at { $source } is not given.
who-why-excluded = Cannot see it through { $source }, because you excluded them (the hubs do not say since when).
who-why-unknown = Through { $source }: not known right now, because { $source } did not answer.
who-action-end = End the relationship
who-action-exclude = Exclude { $who }
who-action-consent = Give consent at { $source }
who-action-lift = Lift the exclusion
who-else-title = Anyone else
who-else = No one else can see your record through Carnet: you have no trusted person and no helpdesk support code.

## Your parents and the people you gave a mandate (ids: minor-self-band-<band id>)
minor-self-band-under-12 = { $name } can see and manage your whole record as your parent, because you are under 12.
minor-self-band-from-12-to-16 = { $name } can see only your vaccinations, allergies and health summary, because you are between 12 and 16. The rest of your record is private.
minor-self-band-from-16 = { $name } is registered as your parent, but can no longer see your record: from 16 you manage it yourself, and your consent is yours to give.
who-parents-title = Your parents
who-parents-unavailable = The national register did not answer: Carnet cannot say right now what your parents may see.
who-trusted-title = People you gave a mandate
