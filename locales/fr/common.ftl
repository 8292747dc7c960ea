# Shared by every page.
app-name = Carnet
app-tagline = Vos données de santé, en un seul endroit
skip-to-content = Aller au contenu principal
nav-label = Menu principal
nav-home = Accueil
nav-dashboard = Mon tableau de bord
language-switch-label = Langue
login = Se connecter
logout = Se déconnecter
logged-in-as = Connecté en tant que { $name }
footer-text = Carnet affiche ce que les hubs et coffres-forts de santé belges conservent à votre sujet. Vos données restent là où elles sont conservées.
# The search engines' summary of the site: the footer's sentence.
meta-description = { footer-text }
page-not-found-title = Page introuvable
page-not-found-text = Cette page n’existe pas. Vérifiez l’adresse ou retournez à la page d’accueil.

## Navigation, and the banner while acting for someone else
nav-documents = Documents
nav-vaccinations = Vaccinations
nav-medication = Médicaments
nav-summary = Résumé de santé
nav-glossary = Glossaire
menu = Menu
nav-privacy = Qui peut voir
nav-controls-label = Votre vie privée
nav-who-can-see = Qui peut voir votre dossier
nav-consent = Consentement
nav-care-team = Équipe de soins
nav-exclusions = Exclusions
nav-access-log = Journal des accès
nav-act-for = Quel dossier
nav-mandates = Personnes de confiance
nav-support = Code d’assistance
acting-for-banner = Vous agissez pour { $name }
acting-for-back = Retour à mon propre dossier

## Dates: { $month } is the month’s name below.
date-full = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
date-month = { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
date-unknown = Date inconnue
since-date = depuis { $date }

## Days of the week, Monday is 0.
weekday-0 = lun.
weekday-1 = mar.
weekday-2 = mer.
weekday-3 = jeu.
weekday-4 = ven.
weekday-5 = sam.
weekday-6 = dim.

## Words every page may use: loading, values, people, codes, columns
page-loading = Nous cherchons vos données auprès des réseaux de santé…
value-yes = oui
value-no = non
party-unresolved = Un prestataire de soins
performer-nihdi = Prestataire de soins (n° INAMI { $number })
performer-person = Un prestataire de soins
vaccination-unknown-code = Code { $system } { $code }
also-recorded-at = aussi enregistré chez { $sources }
vaccination-col-source = Source

## Sources: their state, and items that could not be read
source-state-ok = { $source } : à jour
source-error-timeout = { $source } n’a pas répondu à temps. Réessayez plus tard.
source-error-unreachable = { $source } n’est pas joignable pour le moment. Réessayez plus tard.
source-error-error = { $source } a répondu par une erreur. Réessayez plus tard.
source-error-malformed = { $source } a envoyé des données que Carnet n’a pas pu lire.
source-stale = { $source } ne répond pas pour le moment. Vous voyez ses données d’il y a { $minutes ->
    [0] moins d’une minute
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}.
items-unreadable = { $count ->
    [one] { $count } élément n’a pas pu être lu. La source a envoyé quelque chose que Carnet ne comprend pas. Les autres éléments sont affichés.
   *[other] { $count } éléments n’ont pas pu être lus. La source a envoyé quelque chose que Carnet ne comprend pas. Les autres éléments sont affichés.
}

## Errors, and the problem page that shows them
problem-title = Un problème est survenu
problem-back-home = Retour à la page d’accueil
error-ssin-missing = Le service de connexion n’a pas transmis votre numéro de registre national. Carnet ne peut donc pas afficher vos données. Réessayez ou contactez le helpdesk.
error-ssin-invalid = Le numéro de registre national reçu du service de connexion n’est pas valable. Carnet ne peut donc pas afficher vos données. Contactez le helpdesk.
error-login-failed = La connexion n’a pas réussi. Veuillez réessayer.
error-login-expired = Votre connexion a pris trop de temps ou a déjà été utilisée. Veuillez vous reconnecter.
error-login-unavailable = Le service de connexion n’est pas joignable pour le moment. Veuillez réessayer dans quelques minutes.
error-unauthenticated = Votre session n’est pas ouverte ou a pris fin. Veuillez vous reconnecter.
error-forbidden = Vous n’avez pas l’autorisation de voir ceci.
error-internal = Un problème est survenu de notre côté. Veuillez réessayer plus tard.
error-not-found = Cet élément est introuvable. Il a peut-être été supprimé à sa source, ou le lien n’est plus à jour. Retournez à la liste et ouvrez-le de nouveau.
error-source-unavailable = La source qui conserve ces données n’est pas joignable pour le moment. Réessayez dans quelques minutes.
error-csrf = Cette demande ne venait pas d’une page de Carnet : rien n’a été fait. Si vous avez utilisé un formulaire, rouvrez la page et réessayez.
error-rate-limited = Trop de demandes en peu de temps. Veuillez attendre une minute et réessayer.
error-too-large = Ce qui a été envoyé est trop volumineux : rien n’a été fait.
error-session-unavailable = Carnet ne peut pas vérifier votre connexion pour le moment : rien n’est affiché et rien n’a été fait. Votre session reste ouverte : réessayez dans un instant.
error-unreadable = La source a envoyé cet élément, mais sous une forme que Carnet ne peut pas lire en toute sécurité : il n’est donc pas affiché. Réessayer n’y changera rien ; le prestataire de soins qui l’a enregistré peut le vérifier.
error-bad-request = Ce formulaire n’est plus à jour ou il est incomplet : rien n’a été fait. Rouvrez la page et réessayez.
login-again = Se reconnecter

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

## Parts of the record by name (the access log and the helpdesk's diagnostics)
access-part-documents = les documents
access-part-sumehr = le résumé de santé
access-part-vaccinations = les vaccinations
access-part-medication = les médicaments
access-part-allergies = les allergies
access-part-consent = votre consentement
access-part-relationships = l’équipe de soins
access-part-exclusions = les exclusions
access-part-access-events = le journal des accès

## What a grant does not cover, left out of a page
withheld-part = Cette partie n’est pas partagée avec vous : { $name } ne vous y a pas donné accès.
withheld-part-minor = Cette partie n’est pas partagée avec vous : à l’âge de { $name }, les règles pour les mineurs ne donnent pas accès à un parent.

## Acting for someone: words that the mandates, whose-record, support, helpdesk and who-can-see pages share
mandate-covers = Concerne : { $scopes }
mandate-active-until = Actif jusqu’au { $until } inclus
mandate-revoke = Mettre fin au mandat donné à { $who }
act-for-open = Ouvrir le dossier de { $name }
act-for-mandate-covers = Vous pouvez voir : { $scopes }
minor-rule-reference = Règle : { $reference }

## Parents et mineurs : les tranches d’âge du tableau des règles, en mots simples (ids : minor-band-<band id>)
minor-band-under-12 = { $name } a { $age } ans : à moins de 12 ans, un parent voit et gère tout le dossier, y compris le consentement.
minor-band-from-12-to-16 = { $name } a { $age } ans : de 12 à 16 ans, un parent voit seulement les vaccinations, les allergies et le résumé de santé. Le reste du dossier est privé : il est réservé à { $name }.
minor-band-from-16 = { $name } a { $age } ans : à partir de 16 ans, { $name } gère son propre dossier et son consentement. Les parents ne peuvent plus voir le dossier.
minor-band-any-own-record = { $name } a { $age } ans : à cet âge, { $name } gère son propre dossier et son consentement. Les parents ne peuvent plus le voir.
minor-band-any-nothing = { $name } a { $age } ans : à cet âge, les règles pour les mineurs ne donnent à un parent aucun accès au dossier.
minor-band-any-some = { $name } a { $age } ans : à cet âge, un parent voit uniquement les parties ci-dessous. Le reste du dossier reste privé pour { $name }.
