# The access log and the dashboard's alert of new accesses.

access-log-title = Who looked at your record
access-log-intro = Every access that the hubs and vaults recorded, and everything done with your record through Carnet, newest first.
access-you = You
access-through = through { $source }
access-when = { $date }, { $time }
access-unreadable = { $count ->
    [one] { $count } access could not be read and is not shown.
   *[other] { $count } accesses could not be read and are not shown.
}
access-count = { $count ->
    [0] No access matches.
    [one] { $count } access
   *[other] { $count } accesses
}
access-none-filtered = Change or clear the filters to see more.
access-pages = Pages of the access log
access-previous = Newer
access-next = Older
access-page-of = Page { $page } of { $pages }

## What a care provider did
access-did-opened = opened { $target }
access-did-searched = looked through { $target }
access-did-added = added to { $target }
access-did-changed = changed something in { $target }
access-did-deleted = removed something from { $target }
access-target-record = your record
access-target-document = a document
access-target-sumehr = your health summary
access-target-vaccinations = your vaccinations
access-target-medication = your medication
access-target-allergies = your allergies

## What was done through Carnet
access-portal-read = looked at { $parts }
access-portal-read-refused = tried to look at { $parts } and was refused
access-portal-exported = downloaded { $parts } as a patient summary
access-portal-export-refused = tried to download { $parts } as a patient summary and was refused
access-change-give = gave consent at { $sources }
access-change-revoke = revoked consent at { $sources }
access-change-end = ended the care relationship with { $who } at { $sources }
access-change-add = excluded { $who } at { $sources }
access-change-lift = lifted the exclusion of { $who } at { $sources }
access-change-unconfirmed = asked, but the answer is not known
access-change-failed = it did not go through
access-change-partial = not at every hub
access-change-refused = refused
access-portal-change-refused = tried to change { $parts } and was refused
access-other-read = looked at { $parts }
access-other-read-refused = tried to look at { $parts } and was refused
access-other-exported = downloaded { $parts } as a patient summary
access-other-export-refused = tried to download { $parts } as a patient summary and was refused
access-other-change-refused = tried to change { $parts } and was refused
access-other-other = did something else
access-portal-seen = marked the new accesses as seen
access-portal-login = logged in
access-portal-logout = logged out
access-portal-other = did something else

## Filters
access-filter-title = Filter the access log
access-filter-who = Who
access-filter-everyone = Everyone
access-filter-providers = Care providers and organisations
access-filter-you = You, through Carnet
access-filter-what = What
access-filter-everything = Everything
access-category-documents = Documents
access-category-sumehr = Health summary
access-category-vaccinations = Vaccinations
access-category-medication = Medication
access-category-allergies = Allergies
access-category-changes = Changes you made
access-category-sessions = Logging in and out
access-filter-source = Source
access-filter-all-sources = All sources
access-filter-from = From
access-filter-to = Until
access-filter-apply = Show
access-filter-clear = Clear the filters

## The dashboard's alert
access-alert-title = New since your last visit
access-alert-line = { $who } opened your record on { $when }, through { $source }.
access-alert-more = { $count ->
    [one] And { $count } more.
   *[other] And { $count } more.
}
access-alert-unexpected = Do you not expect one of these? You can end the care relationship or exclude that care provider.
access-alert-see = See the access log
access-alert-dismiss = Hide until the next access

## Acting for others, in the timeline
access-mandate-given = gave a mandate to { $who }
access-mandate-accepted = accepted the mandate ({ $who })
access-mandate-declined = declined the mandate ({ $who })
access-mandate-revoked = ended the mandate of { $who }
access-mandate-given-back = gave back the mandate ({ $who })
access-opened-record = opened your record
access-opened-record-refused = tried to open your record and was refused
access-basis-mandate = under your mandate
access-basis-parent = as your parent
access-basis-support-code = helpdesk, under your support code
access-support-issued = made a support code
access-support-revoked = stopped a support code
access-support-redeemed = entered your support code
access-support-redeem-refused = entered a support code for your record that was refused (wrong, stopped, expired or held by another agent)
access-support-revoke-refused = tried to stop one of your support codes, which was refused
access-changes-not-shared = Changes to consent, the care team and exclusions are not listed here.

## Dashboard tile
tile-access = Who looked at your record
access-see-log = See the full access log
access-none = No access is recorded.
access-someone = Someone
