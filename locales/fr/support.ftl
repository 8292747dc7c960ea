## Les codes d’assistance du citoyen
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
support-own-while-acting = Vous consultez le dossier de { $name }, mais les codes créés ici valent uniquement pour votre propre dossier.
