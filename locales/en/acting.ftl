# Acting for others: mandates for trusted persons, whose record a session opens.

## What a grant covers (the policy's scopes), in plain words
grant-documents = Documents
grant-documents-what = Read your documents: letters, reports, results and images from hospitals and doctors.
grant-vaccinations = Vaccinations
grant-vaccinations-what = See your vaccinations and which ones are due.
grant-medication = Medication
grant-medication-what = See the medicines you take, and when.
grant-summary = Allergies and health summary
grant-summary-what = See your allergies and the health summary your GP keeps.
grant-consents-manage = Manage who may see your record
grant-consents-manage-what = See and change your consent, your care team and your exclusions — as you would yourself.
grant-access-log = Who looked at your record
grant-access-log-what = See which care providers opened your record, and when.

## Mandates page
mandates-title = Trusted persons
mandates-what = A mandate lets someone you trust (a son, a daughter, a friend) look at parts of your record for you, or manage it, with their own login. You choose which parts and for how long. They must accept it first, and you can end it at any moment. Everything they do is shown in your access log.
mandates-own-while-acting = You are looking at the record of { $name }, but these are your own mandates: the ones you gave and the ones given to you.
mandates-held = Mandates given to you
mandates-held-none = Nobody has given you a mandate.
mandates-given = Mandates you gave
mandates-given-none = You have not given anyone a mandate.
mandate-from = From { $who }
mandate-to = To { $who }
mandate-covers = Covers: { $scopes }
mandate-status-pending = Waiting to be accepted
mandate-status-not-yet-started = Accepted, not started yet
mandate-status-active = Active, until it is revoked
mandate-status-ended = Ended
mandate-status-declined = Declined
mandate-status-revoked = Ended (revoked)
mandate-active-until = Active until { $until } (included)
mandate-starts = Accepted; starts on { $from }
mandate-accept = Accept the mandate of { $who }
mandate-decline = Decline
mandate-give-back = End this mandate
mandate-open-record = Open the record of { $who }
mandate-name-mismatch = { $who } gave this mandate to "{ $name }", which is not the name you log in with. Ask { $who } to give it again with your name exactly as on your identity card.
mandate-revoke = End the mandate of { $who }
mandate-revoke-title = End the mandate of { $who }?
mandate-revoke-effect = From now on { $who } can no longer see or do anything in your record through Carnet — even on a page that is already open.
mandate-revoke-kept = What { $who } did before stays in your access log. You can give a new mandate later.
mandate-revoke-submit = Yes, end the mandate of { $who } now
mandate-done-given = The mandate is given. It starts once your trusted person accepts it in Carnet.
mandate-done-accept = You accepted the mandate. You can now open their record.
mandate-done-decline = You declined the mandate.
mandate-done-revoke = The mandate has ended. Your trusted person can no longer see your record.
mandate-done-give-back = The mandate has ended.

## Giving a mandate
mandate-give-title = Give a mandate
mandate-field-ssin = National register number of your trusted person
mandate-field-ssin-hint = 11 digits, on the back of their identity card (for example 68.08.14-203.85).
mandate-field-name = Their first and last name
mandate-field-name-hint = As on their identity card: it must match the name they log in with.
mandate-field-scopes = What may they see or do?
mandate-field-first-day = From
mandate-field-first-day-hint = Leave empty to start today.
mandate-field-last-day = Until (optional)
mandate-field-last-day-hint = The last day it is valid. Leave empty: until you end it.
mandate-give-next = Continue
mandate-form-errors = Please correct the following:
mandate-error-ssin = This is not a valid national register number: check the 11 digits.
mandate-error-self = This is your own national register number: a mandate is for someone else.
mandate-error-name = Enter the name of your trusted person.
mandate-error-scope = Choose at least one part of your record.
mandate-error-first-day = Enter the first day as a date.
mandate-error-first-day-passed = The first day cannot be in the past.
mandate-error-last-day = Enter the last day as a date, or leave it empty.
mandate-error-last-before-first = The last day comes before the first day.
mandate-error-name-mismatch = The name does not match.
mandate-confirm-title = Give a mandate to { $who }?
mandate-confirm-intro = { $who } will be able to do the following in your record, with their own login:
mandate-confirm-no-changes = { $who } will not be able to change your consent, your care team or your exclusions.
mandate-confirm-from = From { $from }, until you end it.
mandate-confirm-from-until = From { $from } until { $until } (included).
mandate-confirm-accept-first = { $who } must accept the mandate in Carnet before it starts.
mandate-confirm-revoke-any-time = You can end it at any moment on this page.
mandate-confirm-submit = Yes, give the mandate to { $who }
mandate-confirm-edit = Change something
mandate-today = today

## Whose record
act-for-title = Whose record do you want to open?
act-for-what = You can open your own record, or the record of someone who gave you a mandate. You then see only what they allowed.
act-for-own = Your own record
act-for-open-own = Open my own record
act-for-under-mandate = Under the mandate they gave you.
act-for-as-parent = As their parent ({ $age } years old).
act-for-mandate-covers = You may see: { $scopes }
act-for-open = Open the record of { $name }
act-for-mandates-link = Mandates given to you and by you
acting-for-banner = You are acting for { $name }
acting-for-back = Back to my own record
nav-act-for = Whose record
nav-mandates = Trusted persons

## Parents and minors: the rule table's bands in plain words (ids: minor-band-<band id>)
minor-band-under-12 = { $name } is { $age }: under 12, a parent sees and manages the whole record, consent included.
minor-band-from-12-to-16 = { $name } is { $age }: from 12 to 16, a parent sees only the vaccinations, allergies and health summary. The rest of the record stays private to { $name }.
minor-band-from-16 = { $name } is { $age }: from 16, { $name } manages their own record and consent. Parents can no longer see it.
minor-band-any-own-record = { $name } is { $age }: at this age { $name } manages their own record and consent. Parents can no longer see it.
minor-band-any-nothing = { $name } is { $age }: at this age the rules for minors give a parent no access to the record.
minor-band-any-some = { $name } is { $age }: at this age a parent sees only the parts below. The rest of the record stays private to { $name }.
minor-rule-reference = Rule: { $reference }
minor-self-band-under-12 = { $name } can see and manage your whole record as your parent, because you are under 12.
minor-self-band-from-12-to-16 = { $name } can see only your vaccinations, allergies and health summary, because you are between 12 and 16. The rest of your record is private.
minor-self-band-from-16 = { $name } is registered as your parent, but can no longer see your record: from 16 you manage it yourself, and your consent is yours to give.
who-parents-title = Your parents
who-parents-unavailable = The national register did not answer: Carnet cannot say right now what your parents may see.
who-trusted-title = People you gave a mandate

## What a grant does not cover, left out of a page
withheld-part = This part is not shared with you: { $name } has not given you access to it.
withheld-part-minor = This part is not shared with you: at { $name }’s age, the rules for minors do not give a parent access to it.
