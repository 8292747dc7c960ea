# Shared by every page.
app-name = Carnet
app-tagline = Your health data, in one place
skip-to-content = Skip to main content
nav-label = Main menu
nav-home = Home
nav-dashboard = My dashboard
language-switch-label = Language
login = Log in
logout = Log out
logged-in-as = Logged in as { $name }
footer-text = Carnet shows what the Belgian health hubs and vaults hold about you. Your data stays at its source.
# The search engines' summary of the site: the footer's sentence.
meta-description = { footer-text }
page-not-found-title = Page not found
page-not-found-text = This page does not exist. Check the address or go back to the start page.

## Navigation, and the banner while acting for someone else
nav-documents = Documents
nav-vaccinations = Vaccinations
nav-medication = Medication
nav-summary = Health summary
nav-glossary = Glossary
menu = Menu
nav-privacy = Who can see
nav-controls-label = Your privacy
nav-who-can-see = Who can see your record
nav-consent = Consent
nav-care-team = Care team
nav-exclusions = Exclusions
nav-access-log = Access log
nav-act-for = Whose record
nav-mandates = Trusted persons
nav-support = Support code
acting-for-banner = You are acting for { $name }
acting-for-back = Back to my own record

## Dates: { $month } is the month's name below.
date-full = { $day } { $month } { $year }
date-month = { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-unknown = Date unknown
since-date = since { $date }

## Days of the week, Monday is 0.
weekday-0 = Mon
weekday-1 = Tue
weekday-2 = Wed
weekday-3 = Thu
weekday-4 = Fri
weekday-5 = Sat
weekday-6 = Sun

## Words every page may use: loading, values, people, codes, columns
page-loading = Fetching your data from the health networks…
value-yes = yes
value-no = no
party-unresolved = A care provider
performer-nihdi = Care provider (NIHDI no. { $number })
performer-person = A care provider
vaccination-unknown-code = { $system } code { $code }
also-recorded-at = also recorded at { $sources }
vaccination-col-source = Source

## Sources: their state, and items that could not be read
source-state-ok = { $source }: up to date
source-error-timeout = { $source } did not answer in time. Try again later.
source-error-unreachable = { $source } cannot be reached right now. Try again later.
source-error-error = { $source } answered with an error. Try again later.
source-error-malformed = { $source } sent data that Carnet could not read.
source-stale = { $source } is not answering right now. Showing its data from { $minutes ->
    [0] less than a minute ago
    [one] { $minutes } minute ago
   *[other] { $minutes } minutes ago
}.
items-unreadable = { $count ->
    [one] { $count } item could not be read. The source sent something Carnet cannot interpret; the other items are shown.
   *[other] { $count } items could not be read. The source sent something Carnet cannot interpret; the other items are shown.
}

## Errors, and the problem page that shows them
problem-title = Something went wrong
problem-back-home = Back to the start page
error-ssin-missing = The login service did not give your national register number, so Carnet cannot show your data. Try again, or contact the helpdesk.
error-ssin-invalid = The national register number from the login service is not valid, so Carnet cannot show your data. Contact the helpdesk.
error-login-failed = Logging in did not succeed. Please try again.
error-login-expired = Your login attempt took too long or was already used. Please log in again.
error-login-unavailable = The login service cannot be reached right now. Please try again in a few minutes.
error-unauthenticated = You are not logged in, or your session has ended. Please log in again.
error-forbidden = You are not allowed to see this.
error-internal = Something went wrong on our side. Please try again later.
error-not-found = This item was not found. It may have been removed at its source, or the link is out of date. Go back to the list and open it again.
error-source-unavailable = The source that holds this cannot be reached right now. Try again in a few minutes.
error-csrf = This request did not come from a Carnet page, so nothing was done. If you used a form, open the page again and retry.
error-rate-limited = Too many requests in a short time. Please wait a minute and try again.
error-too-large = What was sent is too large, so nothing was done.
error-session-unavailable = Carnet cannot check your login right now, so nothing is shown and nothing was done. You are still logged in: please try again in a moment.
error-unreadable = The source sent this item, but in a form Carnet cannot read safely, so it is not shown. Trying again will not help; the care provider who recorded it can check it.
error-bad-request = This form is out of date or incomplete, so nothing was done. Open the page again and retry.
login-again = Log in again

## After a change
change-result-done = Done.
change-result-partial = Not everything could be changed.
change-result-failed = Nothing was changed.
change-someone = this care provider
change-done-give = Your consent is given at { $source }.
change-done-revoke = Your consent is revoked at { $source }.
change-done-end = Your care relationship with { $who } at { $source } has ended.
change-done-add = { $who } is excluded at { $source }.
change-done-lift = { $who } is no longer excluded at { $source }.
change-refused = { $source } refused this change, so nothing changed there.
change-unavailable = { $source } did not answer, so nothing changed there. Please try again in a few minutes.
change-not-found = { $source } no longer holds this: it may have changed already. Nothing else was changed there.
change-pending = { $source } has not answered yet. Reload this page in a moment to see the result.
change-cancel = Cancel, change nothing

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

## Parts of the record by name (the access log and the helpdesk's diagnostics)
access-part-documents = documents
access-part-sumehr = the health summary
access-part-vaccinations = vaccinations
access-part-medication = medication
access-part-allergies = allergies
access-part-consent = consent
access-part-relationships = the care team
access-part-exclusions = exclusions
access-part-access-events = the access log

## What a grant does not cover, left out of a page
withheld-part = This part is not shared with you: { $name } has not given you access to it.
withheld-part-minor = This part is not shared with you: at { $name }’s age, the rules for minors do not give a parent access to it.

## Acting for someone: words that the mandates, whose-record, support, helpdesk and who-can-see pages share
mandate-covers = Covers: { $scopes }
mandate-active-until = Active until { $until } (included)
mandate-revoke = End the mandate of { $who }
act-for-open = Open the record of { $name }
act-for-mandate-covers = You may see: { $scopes }
minor-rule-reference = Rule: { $reference }

## Parents and minors: the rule table's bands in plain words (ids: minor-band-<band id>)
minor-band-under-12 = { $name } is { $age }: under 12, a parent sees and manages the whole record, consent included.
minor-band-from-12-to-16 = { $name } is { $age }: from 12 to 16, a parent sees only the vaccinations, allergies and health summary. The rest of the record stays private to { $name }.
minor-band-from-16 = { $name } is { $age }: from 16, { $name } manages their own record and consent. Parents can no longer see it.
minor-band-any-own-record = { $name } is { $age }: at this age { $name } manages their own record and consent. Parents can no longer see it.
minor-band-any-nothing = { $name } is { $age }: at this age the rules for minors give a parent no access to the record.
minor-band-any-some = { $name } is { $age }: at this age a parent sees only the parts below. The rest of the record stays private to { $name }.
