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

## Dashboard tile
