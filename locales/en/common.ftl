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
nav-documents = Documents
nav-vaccinations = Vaccinations
nav-medication = Medication
nav-summary = Health summary
nav-glossary = Glossary
page-loading = Fetching your data from the health networks…
items-unreadable = { $count ->
    [one] { $count } item could not be read. The source sent something Carnet cannot interpret; the other items are shown.
   *[other] { $count } items could not be read. The source sent something Carnet cannot interpret; the other items are shown.
}
since-date = since { $date }
value-yes = yes
value-no = no
## Days of the week, Monday is 0.
weekday-0 = Mon
weekday-1 = Tue
weekday-2 = Wed
weekday-3 = Thu
weekday-4 = Fri
weekday-5 = Sat
weekday-6 = Sun
menu = Menu
nav-privacy = Who can see
nav-controls-label = Your privacy
nav-who-can-see = Who can see your record
nav-consent = Consent
nav-care-team = Care team
nav-exclusions = Exclusions
nav-access-log = Access log
party-unresolved = A care provider
also-recorded-at = also recorded at { $sources }
