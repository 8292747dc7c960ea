# The citizen's controls: consent, care team, exclusions, and what every change reports.

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
error-bad-request = This form is out of date or incomplete, so nothing was done. Open the page again and retry.

## Consent
consent-title = Your consent to share health data
consent-tile-manage = See or change your consent
consent-what = With your informed consent, the health networks (hubs) may share your health data between the care providers who treat you.
consent-effect-given = When you give it: care providers who have a care relationship with you can see the documents and data that the hub shares. Care providers you excluded still cannot.
consent-effect-revoked = When you revoke it: from then on, no care provider can see your shared data through that hub, not even your GP. Nothing is deleted: you can give your consent again later.
consent-per-hub = Each hub keeps its own state: giving or revoking your consent at one hub changes nothing at the others.
consent-revoked-on = revoked on { $date }
consent-unknown = unknown: this hub did not answer
consent-col-hub = Hub
consent-col-state = Your consent
consent-col-action = Change
consent-action-give = Give my consent at { $source }
consent-action-revoke = Revoke my consent at { $source }
consent-confirm-give-title = Give your consent at { $source }?
consent-confirm-revoke-title = Revoke your consent at { $source }?
consent-confirm-only-this-hub = This changes your consent at { $source } only.
consent-confirm-revoke-emergency = In an emergency, too, care providers will not see your data through this hub.
consent-confirm-give = Yes, give my consent at { $source }
consent-confirm-revoke = Yes, revoke my consent at { $source }

## Care team
care-team-title = Your care team
care-team-tile-manage = See your care team
care-team-what = These care providers have a care relationship with you at a hub. With your consent, that lets them see the data the hub shares about you.
care-team-end-what = You can end a relationship: that care provider then no longer sees your shared data through that hub.
care-team-current = Care relationships now
care-team-ended = Ended care relationships
care-team-none = There is no care relationship here.
care-team-col-who = Care provider
care-team-col-profession = Profession
care-team-col-institution = Institution
care-team-col-hub = Hub
care-team-col-since = Since
care-team-col-until = Until
care-team-col-action = Change
care-team-no-end = no end date
care-team-action-end = End the relationship with { $who }
care-team-confirm-title = End your care relationship with { $who } at { $source }?
care-team-confirm-effect = { $who } will no longer see your shared data through { $source }.
care-team-confirm-kept = What they have already seen or written stays in your record.
care-team-confirm-again = A new relationship starts when you are treated by them again (for example when they read your eID card). To keep them out for good, exclude them.
care-team-confirm-submit = Yes, end the relationship with { $who }

## Exclusions
exclusions-title = Excluded care providers
exclusions-tile-manage = Exclude a care provider
exclusions-what = An excluded care provider cannot see your shared health data through the hubs, even if they treat you and you gave your consent.
exclusions-all-hubs = An exclusion is added or lifted at every hub at once.
exclusions-current = Exclusions in force
exclusions-none = You have not excluded anyone.
exclusions-col-who = Care provider
exclusions-col-hubs = At the hubs
exclusions-col-since = Since
exclusions-col-action = Change
exclusions-no-date = The hubs do not say since when.
exclusions-action-lift = Lift the exclusion of { $who }
exclusions-add = Exclude a care provider
exclusions-search-label = Name or NIHII number of the care provider
exclusions-search-help = For example "Verbiest" or "1-33027-85-580". The search looks in the directory of the hubs.
exclusions-search = Search
exclusions-found = { $count ->
    [one] { $count } care provider found:
   *[other] { $count } care providers found:
}
exclusions-found-none = No care provider found for "{ $query }". Check the spelling, or search by NIHII number.
exclusions-nihdi = NIHII { $number }
exclusions-action-choose = Exclude { $who }…
exclusions-confirm-add-title = Exclude { $who }?
exclusions-confirm-add-effect = { $who } will no longer be able to see your shared health data through the hubs, even if they treat you.
exclusions-confirm-add-emergency = This also holds in an emergency. You can lift the exclusion at any time.
exclusions-confirm-add-submit = Yes, exclude { $who }
exclusions-confirm-lift-title = Lift the exclusion of { $who }?
exclusions-confirm-lift-effect = { $who } will again be able to see your shared health data if they have a care relationship with you and you gave your consent.
exclusions-confirm-lift-submit = Yes, lift the exclusion of { $who }
directory-error-too-short = Type at least two letters of a name, or an NIHII number.
directory-error-not-a-number = An NIHII number has 11 digits. Check the number, or search by name.
directory-error-too-long = That is too long for a name. Type a shorter part of it.
