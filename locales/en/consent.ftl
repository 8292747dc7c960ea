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

## Dashboard tile (the consent page shows the same states)
tile-consent = Consent
consent-tile-intro = Whether you allowed the health networks to share your data:
consent-given = given
consent-given-since = given since { $date }
consent-revoked = withdrawn
consent-not-given = not given
