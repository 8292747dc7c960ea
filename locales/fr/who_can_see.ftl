# Who can see the record, and why.

who-title = Qui peut voir votre dossier
who-intro = Qui peut voir en ce moment les données de santé que les hubs partagent à votre sujet, pourquoi, et comment le modifier.
who-you-title = Vous
who-you = Vous pouvez voir tout votre dossier, car c’est votre propre dossier.
who-can-title = Prestataires de soins qui peuvent le voir
who-can-help = Un prestataire de soins peut voir ce qu’un hub partage s’il a une relation de soins avec vous dans ce hub et que vous y avez donné votre consentement.
who-can-none = Aucun prestataire de soins ne peut voir vos données partagées en ce moment.
who-cannot-title = Prestataires de soins qui ne peuvent pas le voir
who-why-can = Via { $source } : une relation de soins depuis { $since }, et votre consentement à { $source }.
who-until = Jusqu’au { $date }.
who-until-you-end = Jusqu’à ce que vous mettiez fin à la relation de soins.
who-why-no-consent = Pas via { $source } : ce prestataire de soins y a une relation de soins avec vous, mais votre consentement à { $source } n’est pas donné.
who-why-excluded = Ne peut pas le voir via { $source }, car vous avez exclu ce prestataire de soins (les hubs n’indiquent pas depuis quand).
who-why-unknown = Via { $source } : inconnu pour le moment, car { $source } n’a pas répondu.
who-action-end = Mettre fin à la relation
who-action-exclude = Exclure { $who }
who-action-consent = Donner mon consentement à { $source }
who-action-lift = Lever l’exclusion
who-else-title = Autres personnes
who-else = Personne d’autre ne peut voir votre dossier via Carnet : vous n’avez ni personne de confiance ni code d’assistance pour le helpdesk.

## Your parents and the people you gave a mandate (ids: minor-self-band-<band id>)
minor-self-band-under-12 = { $name } peut voir et gérer tout votre dossier en tant que parent, car vous avez moins de 12 ans.
minor-self-band-from-12-to-16 = { $name } peut voir seulement vos vaccinations, vos allergies et votre résumé de santé, car vous avez entre 12 et 16 ans. Le reste de votre dossier est privé.
minor-self-band-from-16 = { $name } figure comme votre parent, mais ne peut plus voir votre dossier : à partir de 16 ans, vous le gérez vous-même, et c’est à vous de donner votre consentement.
who-parents-title = Vos parents
who-parents-unavailable = Le registre national n’a pas répondu : Carnet ne peut pas dire pour le moment ce que vos parents peuvent voir.
who-trusted-title = Personnes à qui vous avez donné un mandat
