## Consent
consent-title = Votre consentement au partage de vos données de santé
consent-tile-manage = Voir ou modifier votre consentement
consent-what = Avec votre consentement éclairé, les réseaux de santé (hubs) peuvent partager vos données de santé entre les prestataires de soins qui vous soignent.
consent-effect-given = Si vous le donnez : les prestataires de soins qui ont une relation de soins avec vous peuvent voir les documents et les données que le hub partage. Les prestataires de soins que vous avez exclus ne le peuvent toujours pas.
consent-effect-revoked = Si vous le retirez : à partir de ce moment, plus aucun prestataire de soins ne peut voir vos données partagées via ce hub, pas même votre médecin généraliste. Rien n’est effacé : vous pourrez redonner votre consentement plus tard.
consent-per-hub = Chaque hub garde votre choix séparément : si vous donnez ou retirez votre consentement auprès d’un hub, rien ne change auprès des autres hubs.
consent-revoked-on = retiré le { $date }
consent-unknown = inconnu : ce hub n’a pas répondu
consent-col-hub = Hub
consent-col-state = Votre consentement
consent-col-action = Modifier
consent-action-give = Donner mon consentement à { $source }
consent-action-revoke = Retirer mon consentement à { $source }
consent-confirm-give-title = Donner votre consentement à { $source } ?
consent-confirm-revoke-title = Retirer votre consentement à { $source } ?
consent-confirm-only-this-hub = Cela ne modifie votre consentement que pour { $source }.
consent-confirm-revoke-emergency = Même en cas d’urgence, les prestataires de soins ne verront pas vos données via ce hub.
consent-confirm-give = Oui, donner mon consentement à { $source }
consent-confirm-revoke = Oui, retirer mon consentement à { $source }

## Dashboard tile (the consent page shows the same states)
tile-consent = Consentement
consent-tile-intro = Votre accord pour partager vos données via les réseaux de santé :
consent-given = donné
consent-given-since = donné depuis le { $date }
consent-revoked = retiré
consent-not-given = pas donné
