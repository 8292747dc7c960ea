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

## Dashboard tile
tile-care-team = Votre équipe de soins
care-team-count = { $count ->
    [0] Aucun prestataire de soins n’a de relation de soins avec vous pour le moment.
    [one] { $count } prestataire de soins a une relation de soins avec vous.
   *[other] { $count } prestataires de soins ont une relation de soins avec vous.
}
