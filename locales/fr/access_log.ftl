# The access log and the dashboard's alert of new accesses.

access-log-title = Qui a consulté votre dossier
access-log-intro = Tous les accès enregistrés par les hubs et les coffres-forts, et tout ce qui a été fait avec votre dossier via Carnet, du plus récent au plus ancien.
access-you = Vous
access-through = via { $source }
access-when = { $date }, { $time }
access-unreadable = { $count ->
    [one] { $count } accès n’a pas pu être lu et n’est pas affiché.
   *[other] { $count } accès n’ont pas pu être lus et ne sont pas affichés.
}
access-count = { $count ->
    [0] Aucun accès ne correspond.
    [one] { $count } accès
   *[other] { $count } accès
}
access-none-filtered = Modifiez ou effacez les filtres pour en voir plus.
access-pages = Pages du journal des accès
access-previous = Plus récents
access-next = Plus anciens
access-page-of = Page { $page } sur { $pages }

## What a care provider did
access-did-opened = a ouvert { $target }
access-did-searched = a fait une recherche dans { $target }
access-did-added = a ajouté quelque chose à { $target }
access-did-changed = a modifié quelque chose dans { $target }
access-did-deleted = a supprimé quelque chose dans { $target }
access-target-record = votre dossier
access-target-document = un document
access-target-sumehr = votre résumé de santé
access-target-vaccinations = vos vaccinations
access-target-medication = vos médicaments
access-target-allergies = vos allergies

## What was done through Carnet
access-portal-read = avez consulté { $parts }
access-portal-read-refused = avez essayé de consulter { $parts }, mais cela a été refusé
access-portal-exported = avez téléchargé { $parts } sous forme de résumé patient
access-portal-export-refused = avez essayé de télécharger { $parts } sous forme de résumé patient, mais cela a été refusé
access-change-give = avez donné votre consentement à { $sources }
access-change-revoke = avez retiré votre consentement à { $sources }
access-change-end = avez mis fin à la relation de soins avec { $who } auprès de { $sources }
access-change-add = avez exclu { $who } auprès de { $sources }
access-change-lift = avez levé l’exclusion pour { $who } auprès de { $sources }
access-change-unconfirmed = demandé, mais la réponse n’est pas connue
access-change-failed = cela n’a pas abouti
access-change-partial = pas dans tous les hubs
access-change-refused = refusé
access-portal-change-refused = avez tenté de modifier { $parts }, ce qui a été refusé
access-other-read = a consulté { $parts }
access-other-read-refused = a tenté de consulter { $parts }, ce qui a été refusé
access-other-exported = a téléchargé { $parts } sous forme de résumé patient
access-other-export-refused = a tenté de télécharger { $parts } sous forme de résumé patient, ce qui a été refusé
access-other-change-refused = a tenté de modifier { $parts }, ce qui a été refusé
access-other-other = a fait autre chose
access-portal-seen = avez marqué les nouveaux accès comme vus
access-portal-login = avez ouvert une session
access-portal-logout = avez fermé la session
access-portal-other = avez fait autre chose

## Filters
access-filter-title = Filtrer le journal des accès
access-filter-who = Qui
access-filter-everyone = Tout le monde
access-filter-providers = Prestataires de soins et organisations
access-filter-you = Vous, via Carnet
access-filter-what = Quoi
access-filter-everything = Tout
access-category-documents = Documents
access-category-sumehr = Résumé de santé
access-category-vaccinations = Vaccinations
access-category-medication = Médicaments
access-category-allergies = Allergies
access-category-changes = Modifications que vous avez faites
access-category-sessions = Connexions et déconnexions
access-filter-source = Source
access-filter-all-sources = Toutes les sources
access-filter-from = Du
access-filter-to = Au
access-filter-apply = Afficher
access-filter-clear = Effacer les filtres

## The dashboard's alert
access-alert-title = Nouveau depuis votre dernière visite
access-alert-line = { $who } a ouvert votre dossier le { $when }, via { $source }.
access-alert-more = { $count ->
    [one] Et { $count } autre.
   *[other] Et { $count } autres.
}
access-alert-unexpected = L’un de ces accès vous surprend ? Vous pouvez mettre fin à la relation de soins ou exclure ce prestataire de soins.
access-alert-see = Voir le journal des accès
access-alert-dismiss = Masquer jusqu’au prochain accès

## Agir pour d’autres, dans la chronologie
access-mandate-given = avez donné un mandat à { $who }
access-mandate-accepted = a accepté le mandat ({ $who })
access-mandate-declined = a refusé le mandat ({ $who })
access-mandate-revoked = avez mis fin au mandat donné à { $who }
access-mandate-given-back = a rendu le mandat ({ $who })
access-opened-record = a ouvert votre dossier
access-opened-record-refused = a tenté d’ouvrir votre dossier, ce qui a été refusé
access-basis-mandate = avec votre mandat
access-basis-parent = en tant que parent
access-basis-support-code = helpdesk, avec votre code d’assistance
access-support-issued = avez créé un code d’assistance
access-support-revoked = avez arrêté un code d’assistance
access-support-redeemed = a saisi votre code d’assistance
access-support-redeem-refused = a saisi pour votre dossier un code d’assistance refusé (erroné, arrêté, expiré ou utilisé par un autre agent)
access-support-revoke-refused = a tenté d’arrêter l’un de vos codes d’assistance, ce qui a été refusé
access-changes-not-shared = Les modifications du consentement, de l’équipe de soins et des exclusions ne sont pas affichées ici.

## Dashboard tile
tile-access = Qui a consulté vos données
access-see-log = Voir tout le journal des accès
access-none = Aucun accès n’est enregistré.
access-someone = Quelqu’un
