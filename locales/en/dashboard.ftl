dashboard-title = My dashboard
dashboard-greeting = Hello, { $name }
dashboard-intro = Here is what the health networks hold about you right now.
dashboard-loading = Fetching your data from the health networks…
dashboard-sources-checking = Checking your sources…
dashboard-sources-none = No source holds data of this kind.
dashboard-tile-waiting = Still waiting for a source. This part appears here as soon as it answers.
tile-sources = Your sources
tile-documents = Newest documents
tile-vaccinations = Vaccinations
tile-medication = Medication for today
tile-allergies = Allergies
tile-consent = Consent
tile-care-team = Your care team
tile-access = Who looked at your record
tile-sumehr = Health summary
tile-exclusions = Excluded care providers
documents-all = { $count ->
    [0] Go to documents
    [one] See your { $count } document
   *[other] See all { $count } documents
}
vaccinations-latest = Most recent:
vaccinations-see-all = See all vaccinations
medication-today-count = { $count ->
    [0] Nothing to take today according to your sources.
    [one] { $count } medicine to take today.
   *[other] { $count } medicines to take today.
}
medication-see-schedule = See your medication schedule
summary-see = See allergies and health summary
consent-tile-intro = Whether you allowed the health networks to share your data:
consent-given = given
consent-given-since = given since { $date }
consent-revoked = withdrawn
consent-not-given = not given
care-team-count = { $count ->
    [0] No care provider has a care relationship with you right now.
    [one] { $count } care provider has a care relationship with you.
   *[other] { $count } care providers have a care relationship with you.
}
access-none = No access is recorded.
access-someone = Someone
