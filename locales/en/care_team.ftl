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

## Dashboard tile
tile-care-team = Your care team
care-team-count = { $count ->
    [0] No care provider has a care relationship with you right now.
    [one] { $count } care provider has a care relationship with you.
   *[other] { $count } care providers have a care relationship with you.
}
