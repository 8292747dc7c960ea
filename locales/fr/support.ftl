# Codes d’assistance (côté citoyen) et console du helpdesk.

## Les codes d’assistance du citoyen
nav-support = Code d’assistance
support-title = Un code d’assistance pour le helpdesk
support-what = Quand vous appelez le helpdesk, il peut avoir besoin de consulter une partie de votre dossier pour vous aider. Créez un code ici et lisez-le au téléphone. Le helpdesk peut seulement consulter, sans jamais rien modifier, uniquement les parties que vous choisissez, et seulement tant que le code est valable. Vous voyez ici qui utilise le code, et vous pouvez l’arrêter à tout moment. Tout ce que le helpdesk consulte apparaît dans votre journal des accès.
support-running = En cours
support-code-label = Votre code — lisez-le au helpdesk :
support-waiting = Personne ne l’a encore utilisé. Il est valable jusqu’à { $until } ({ $minutes } min).
support-in-use = L’agent du helpdesk { $agent } l’utilise jusqu’à { $until }.
support-revoke = Arrêter ce code maintenant
support-issue-title = Créer un nouveau code
support-issue-what = Le code est valable { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}. Le premier agent du helpdesk qui le saisit l’obtient. Personne d’autre ne peut l’utiliser.
support-field-scopes = Que peut consulter le helpdesk ?
support-read-only = Le helpdesk peut seulement consulter : il ne peut pas modifier votre consentement, votre équipe de soins, vos exclusions ni rien d’autre.
support-issue-submit = Créer le code
support-past = Plus tôt aujourd’hui
support-past-held = Code créé à { $issued }, utilisé par { $agent } : { $status }
support-past-unused = Code créé à { $issued }, non utilisé : { $status }
support-status-waiting = en attente
support-status-in-use = en cours d’utilisation
support-status-expired = expiré
support-status-revoked = arrêté
support-done-issued = Votre code est prêt. Lisez-le au helpdesk.
support-done-revoked = Le code est arrêté. Le helpdesk ne peut plus voir votre dossier.
support-error-scope = Choisissez au moins une partie de votre dossier.

## La console du helpdesk
helpdesk-title = Helpdesk
helpdesk-enter-title = Saisir un code d’assistance
helpdesk-enter-what = Demandez à la personne qui appelle son numéro de registre national et le code affiché sur sa page. Tant que le code est valable, vous verrez uniquement ce qu’elle a choisi, en lecture seule.
helpdesk-field-citizen = Numéro de registre national de la personne qui appelle
helpdesk-field-code = Code d’assistance (8 caractères)
helpdesk-redeem = Ouvrir avec ce code
helpdesk-redeemed = Le code est à vous : vous voyez le dossier de la personne qui appelle, en lecture seule.
helpdesk-held-title = Codes que vous utilisez
helpdesk-held-none = Vous n’utilisez aucun code d’assistance pour le moment.
helpdesk-held-until = Valable jusqu’à { $until }
helpdesk-diagnostics-title = Diagnostic
helpdesk-request-id = Identifiant de requête de cette page : { $id }
helpdesk-asked-at = Les sources ont été interrogées à { $time } (heure belge) pour cette page ; l’identifiant de requête ci-dessus permet de retrouver chaque appel dans les journaux.
helpdesk-source-ok = a répondu à l’instant
helpdesk-source-stale = a échoué à l’instant ({ $kind }) ; la réponse affichée date de { $minutes } min
helpdesk-source-failed = a échoué à l’instant ({ $kind }) ; rien à afficher
helpdesk-open-part = Ouvrir cette partie
support-error-malformed = Le numéro ou le code n’est pas écrit correctement : vérifiez les 11 chiffres et les 8 caractères.
support-error-wrong = Ce code ne fonctionne pas pour cette personne : il est peut-être erroné, expiré ou arrêté. Demandez à la personne qui appelle de le relire.
support-error-held = Un autre agent du helpdesk utilise déjà ce code. Demandez à la personne qui appelle d’en créer un nouveau.
support-error-locked = Trop de codes erronés : la saisie de codes est bloquée pendant 15 minutes.
support-own-while-acting = Vous consultez le dossier de { $name }, mais les codes créés ici valent uniquement pour votre propre dossier.
