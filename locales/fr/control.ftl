# The citizen's controls: consent, care team, exclusions, and what every change reports.

## After a change
change-result-done = C’est fait.
change-result-partial = Tout n’a pas pu être modifié.
change-result-failed = Rien n’a été modifié.
change-someone = ce prestataire de soins
change-done-give = { $source } : votre consentement est donné.
change-done-revoke = { $source } : votre consentement est retiré.
change-done-end = { $source } : votre relation de soins avec { $who } a pris fin.
change-done-add = { $source } : vous avez exclu { $who }.
change-done-lift = { $source } : vous n’excluez plus { $who }.
change-refused = { $source } a refusé cette modification. Rien n’y a donc changé.
change-unavailable = { $source } n’a pas répondu. Rien n’y a donc changé. Veuillez réessayer dans quelques minutes.
change-not-found = { $source } ne conserve plus cet élément : il a peut-être déjà été modifié. Rien d’autre n’y a changé.
change-pending = { $source } n’a pas encore répondu. Rechargez cette page dans un instant pour voir le résultat.
change-cancel = Annuler, ne rien modifier
error-bad-request = Ce formulaire n’est plus à jour ou il est incomplet : rien n’a été fait. Rouvrez la page et réessayez.

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

## Care team
care-team-title = Votre équipe de soins
care-team-tile-manage = Voir votre équipe de soins
care-team-what = Ces prestataires de soins ont une relation de soins avec vous dans un hub. Avec votre consentement, ils peuvent donc voir les données que le hub partage à votre sujet.
care-team-end-what = Vous pouvez mettre fin à une relation de soins. Ce prestataire de soins ne voit alors plus vos données partagées via ce hub.
care-team-current = Relations de soins actuelles
care-team-ended = Relations de soins terminées
care-team-none = Il n’y a aucune relation de soins ici.
care-team-col-who = Prestataire de soins
care-team-col-profession = Profession
care-team-col-institution = Institution
care-team-col-hub = Hub
care-team-col-since = Depuis
care-team-col-until = Jusqu’au
care-team-col-action = Modifier
care-team-no-end = pas de date de fin
care-team-action-end = Mettre fin à la relation avec { $who }
care-team-confirm-title = Mettre fin à votre relation de soins avec { $who } dans le hub { $source } ?
care-team-confirm-effect = { $who } ne verra plus vos données partagées via { $source }.
care-team-confirm-kept = Ce que ce prestataire de soins a déjà vu ou écrit reste dans votre dossier.
care-team-confirm-again = Une nouvelle relation de soins commence si ce prestataire de soins vous soigne de nouveau (par exemple s’il lit votre carte eID). Pour qu’il ne voie plus jamais vos données, excluez-le.
care-team-confirm-submit = Oui, mettre fin à la relation avec { $who }

## Exclusions
exclusions-title = Prestataires de soins exclus
exclusions-tile-manage = Exclure un prestataire de soins
exclusions-what = Un prestataire de soins exclu ne peut pas voir vos données de santé partagées via les hubs, même s’il vous soigne et que vous avez donné votre consentement.
exclusions-all-hubs = Une exclusion est ajoutée ou levée dans tous les hubs en même temps.
exclusions-current = Exclusions en vigueur
exclusions-none = Vous n’avez exclu personne.
exclusions-col-who = Prestataire de soins
exclusions-col-hubs = Dans les hubs
exclusions-col-since = Depuis
exclusions-col-action = Modifier
exclusions-no-date = Les hubs n’indiquent pas depuis quand.
exclusions-action-lift = Ne plus exclure { $who }
exclusions-add = Exclure un prestataire de soins
exclusions-search-label = Nom ou numéro INAMI du prestataire de soins
exclusions-search-help = Par exemple « Verbiest » ou « 1-33027-85-580 ». La recherche se fait dans l’annuaire des hubs.
exclusions-search = Rechercher
exclusions-found = { $count ->
    [one] { $count } prestataire de soins trouvé :
   *[other] { $count } prestataires de soins trouvés :
}
exclusions-found-none = Aucun prestataire de soins trouvé pour « { $query } ». Vérifiez l’orthographe, ou cherchez par numéro INAMI.
exclusions-nihdi = Numéro INAMI { $number }
exclusions-action-choose = Exclure { $who }…
exclusions-confirm-add-title = Exclure { $who } ?
exclusions-confirm-add-effect = { $who } ne pourra plus voir vos données de santé partagées via les hubs, même si cette personne vous soigne.
exclusions-confirm-add-emergency = Cela vaut aussi en cas d’urgence. Vous pouvez lever l’exclusion à tout moment.
exclusions-confirm-add-submit = Oui, exclure { $who }
exclusions-confirm-lift-title = Ne plus exclure { $who } ?
exclusions-confirm-lift-effect = { $who } pourra de nouveau voir vos données de santé partagées, si cette personne a une relation de soins avec vous et que vous avez donné votre consentement.
exclusions-confirm-lift-submit = Oui, ne plus exclure { $who }
directory-error-too-short = Tapez au moins deux lettres d’un nom, ou un numéro INAMI.
directory-error-not-a-number = Un numéro INAMI compte 11 chiffres. Vérifiez le numéro, ou cherchez par nom.
directory-error-too-long = C’est trop long pour un nom. Tapez une partie plus courte du nom.
