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

## Dashboard tile
