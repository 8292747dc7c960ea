# Agir pour d’autres personnes : mandats pour des personnes de confiance, et dossier qu’une session ouvre.

## Ce que couvre un mandat (les parties prévues par la politique), en mots simples
grant-documents = Documents
grant-documents-what = Lire vos documents : lettres, rapports, résultats et images des hôpitaux et des médecins.
grant-vaccinations = Vaccinations
grant-vaccinations-what = Voir vos vaccinations, et celles que vous devez encore recevoir.
grant-medication = Médicaments
grant-medication-what = Voir les médicaments que vous prenez, et quand.
grant-summary = Allergies et résumé de santé
grant-summary-what = Voir vos allergies, et le résumé de santé que tient votre médecin généraliste.
grant-consents-manage = Gérer qui peut voir votre dossier
grant-consents-manage-what = Voir et modifier votre consentement, votre équipe de soins et vos exclusions — comme vous le feriez vous-même.
grant-access-log = Qui a consulté votre dossier
grant-access-log-what = Voir quels prestataires de soins ont ouvert votre dossier, et quand.

## Page des mandats
mandates-title = Personnes de confiance
mandates-what = Un mandat permet à une personne de confiance (un fils, une fille, un ami) de consulter des parties de votre dossier pour vous, ou de le gérer. Cette personne se connecte elle-même. Vous choisissez les parties concernées et la durée. Elle doit d’abord accepter le mandat. Vous pouvez y mettre fin à tout moment. Tout ce qu’elle fait apparaît dans votre journal des accès.
mandates-own-while-acting = Vous consultez le dossier de { $name }, mais voici vos propres mandats : ceux que vous avez donnés et ceux que vous avez reçus.
mandates-held = Mandats que vous avez reçus
mandates-held-none = Personne ne vous a donné de mandat.
mandates-given = Mandats que vous avez donnés
mandates-given-none = Vous n’avez donné de mandat à personne.
mandate-from = De la part de { $who }
mandate-to = Donné à { $who }
mandate-covers = Concerne : { $scopes }
mandate-status-pending = En attente d’acceptation
mandate-status-not-yet-started = Accepté, pas encore commencé
mandate-status-active = Actif, jusqu’à ce qu’il soit retiré
mandate-status-ended = Terminé
mandate-status-declined = Refusé
mandate-status-revoked = Terminé (retiré)
mandate-active-until = Actif jusqu’au { $until } inclus
mandate-starts = Accepté ; commence le { $from }
mandate-accept = Accepter le mandat donné par { $who }
mandate-decline = Refuser
mandate-give-back = Mettre fin à ce mandat
mandate-open-record = Ouvrir le dossier de { $who }
mandate-name-mismatch = { $who } a donné ce mandat à « { $name } ». Ce n’est pas le nom avec lequel vous vous connectez. Demandez à { $who } de vous redonner le mandat, avec votre nom exactement comme sur votre carte d’identité.
mandate-revoke = Mettre fin au mandat donné à { $who }
mandate-revoke-title = Mettre fin au mandat donné à { $who } ?
mandate-revoke-effect = À partir de maintenant, { $who } ne peut plus rien voir ni rien faire dans votre dossier via Carnet — même sur une page déjà ouverte.
mandate-revoke-kept = Ce que { $who } a fait auparavant reste dans votre journal des accès. Vous pourrez donner un nouveau mandat plus tard.
mandate-revoke-submit = Oui, mettre fin maintenant au mandat donné à { $who }
mandate-done-given = Le mandat a été donné. Il commencera dès que votre personne de confiance l’aura accepté dans Carnet.
mandate-done-accept = Vous avez accepté le mandat. Vous pouvez maintenant ouvrir le dossier de cette personne.
mandate-done-decline = Vous avez refusé le mandat.
mandate-done-revoke = Le mandat a pris fin. Votre personne de confiance ne peut plus voir votre dossier.
mandate-done-give-back = Le mandat a pris fin.

## Donner un mandat
mandate-give-title = Donner un mandat
mandate-field-ssin = Numéro de registre national de votre personne de confiance
mandate-field-ssin-hint = 11 chiffres, au dos de sa carte d’identité (par exemple 68.08.14-203.85).
mandate-field-name = Son prénom et son nom
mandate-field-name-hint = Comme sur sa carte d’identité : ce nom doit être le même que celui avec lequel cette personne se connecte.
mandate-field-scopes = Que peut voir ou faire cette personne ?
mandate-field-first-day = Début
mandate-field-first-day-hint = Laissez vide pour que le mandat commence aujourd’hui.
mandate-field-last-day = Fin (facultatif)
mandate-field-last-day-hint = Le dernier jour où le mandat est valable. Si vous laissez ce champ vide, il dure jusqu’à ce que vous y mettiez fin.
mandate-give-next = Continuer
mandate-form-errors = Veuillez corriger les points suivants :
mandate-error-ssin = Ce numéro de registre national n’est pas valable. Vérifiez les 11 chiffres.
mandate-error-self = C’est votre propre numéro de registre national. Un mandat est destiné à une autre personne.
mandate-error-name = Indiquez le nom de votre personne de confiance.
mandate-error-scope = Choisissez au moins une partie de votre dossier.
mandate-error-first-day = Indiquez le premier jour sous forme de date.
mandate-error-first-day-passed = Le premier jour ne peut pas être dans le passé.
mandate-error-last-day = Indiquez le dernier jour sous forme de date, ou laissez ce champ vide.
mandate-error-last-before-first = Le dernier jour tombe avant le premier jour.
mandate-error-name-mismatch = Le nom ne correspond pas.
mandate-confirm-title = Donner un mandat à { $who } ?
mandate-confirm-intro = { $who } pourra faire ceci dans votre dossier, avec sa propre connexion :
mandate-confirm-no-changes = { $who } ne pourra pas modifier votre consentement, votre équipe de soins ni vos exclusions.
mandate-confirm-from = Début : { $from }. Pas de date de fin : le mandat dure jusqu’à ce que vous y mettiez fin.
mandate-confirm-from-until = Début : { $from }. Fin : { $until } (ce jour compris).
mandate-confirm-accept-first = { $who } doit accepter le mandat dans Carnet avant qu’il commence.
mandate-confirm-revoke-any-time = Vous pouvez y mettre fin à tout moment sur cette page.
mandate-confirm-submit = Oui, donner le mandat à { $who }
mandate-confirm-edit = Modifier quelque chose
mandate-today = aujourd’hui

## Quel dossier
act-for-title = Quel dossier voulez-vous ouvrir ?
act-for-what = Vous pouvez ouvrir votre propre dossier, ou le dossier d’une personne qui vous a donné un mandat. Vous ne voyez alors que ce qu’elle a permis.
act-for-own = Votre propre dossier
act-for-open-own = Ouvrir mon propre dossier
act-for-under-mandate = Avec le mandat que cette personne vous a donné.
act-for-as-parent = En tant que parent de cet enfant ({ $age } ans).
act-for-mandate-covers = Vous pouvez voir : { $scopes }
act-for-open = Ouvrir le dossier de { $name }
act-for-mandates-link = Mandats reçus et donnés
acting-for-banner = Vous agissez pour { $name }
acting-for-back = Retour à mon propre dossier
nav-act-for = Quel dossier
nav-mandates = Personnes de confiance

## Parents et mineurs : les tranches d’âge du tableau des règles, en mots simples (ids : minor-band-<band id>)
minor-band-under-12 = { $name } a { $age } ans : à moins de 12 ans, un parent voit et gère tout le dossier, y compris le consentement.
minor-band-from-12-to-16 = { $name } a { $age } ans : de 12 à 16 ans, un parent voit seulement les vaccinations, les allergies et le résumé de santé. Le reste du dossier est privé : il est réservé à { $name }.
minor-band-from-16 = { $name } a { $age } ans : à partir de 16 ans, { $name } gère son propre dossier et son consentement. Les parents ne peuvent plus voir le dossier.
minor-band-any-own-record = { $name } a { $age } ans : à cet âge, { $name } gère son propre dossier et son consentement. Les parents ne peuvent plus le voir.
minor-band-any-nothing = { $name } a { $age } ans : à cet âge, les règles pour les mineurs ne donnent à un parent aucun accès au dossier.
minor-band-any-some = { $name } a { $age } ans : à cet âge, un parent voit uniquement les parties ci-dessous. Le reste du dossier reste privé pour { $name }.
minor-rule-reference = Règle : { $reference }
minor-self-band-under-12 = { $name } peut voir et gérer tout votre dossier en tant que parent, car vous avez moins de 12 ans.
minor-self-band-from-12-to-16 = { $name } peut voir seulement vos vaccinations, vos allergies et votre résumé de santé, car vous avez entre 12 et 16 ans. Le reste de votre dossier est privé.
minor-self-band-from-16 = { $name } figure comme votre parent, mais ne peut plus voir votre dossier : à partir de 16 ans, vous le gérez vous-même, et c’est à vous de donner votre consentement.
who-parents-title = Vos parents
who-parents-unavailable = Le registre national n’a pas répondu : Carnet ne peut pas dire pour le moment ce que vos parents peuvent voir.
who-trusted-title = Personnes à qui vous avez donné un mandat

## What a grant does not cover, left out of a page
withheld-part = Cette partie n’est pas partagée avec vous : { $name } ne vous y a pas donné accès.
withheld-part-minor = Cette partie n’est pas partagée avec vous : à l’âge de { $name }, les règles pour les mineurs ne donnent pas accès à un parent.
