# Emporter son dossier (/export) : un résumé patient au format européen.
nav-export = Emporter
export-title = Emportez votre dossier
export-what = Téléchargez un résumé de votre dossier au format européen des résumés patients. Emportez-le chez un nouveau médecin, ou à l’étranger.
export-what-for = Téléchargez un résumé du dossier de { $name } au format européen des résumés patients.
export-who-reads = Le fichier est fait pour les logiciels des médecins : la plupart des prestataires de soins en Europe peuvent le lire. Vous choisissez ce qu’il contient.
export-field-parts = Que doit contenir le résumé ?
export-part-medication = Médicaments
export-part-medication-what = Les médicaments de votre schéma de médication, avec la façon de les prendre.
export-part-allergies = Allergies et intolérances
export-part-allergies-what = Ce à quoi vous réagissez mal, et la gravité de la réaction.
export-part-sumehr = Problèmes de santé
export-part-sumehr-what = Les problèmes que votre médecin généraliste a notés dans votre résumé de santé.
export-part-vaccinations = Vaccinations
export-part-vaccinations-what = Chaque vaccination, avec sa date et qui l’a faite.
export-left-out = Non inclus, car vous ne pouvez pas le voir : { $parts }.
export-audited = Pour faire le résumé, Carnet lit ces parties auprès de vos sources. Cela apparaît ensuite dans votre journal des accès.
export-make = Faire le résumé
export-error-no-part = Choisissez au moins une partie.
export-nothing-to-export = Vous ne pouvez rien emporter de ce dossier.
export-parts = Contient : { $parts }.
export-working = Votre résumé est en cours de préparation…
export-waiting = Encore en attente de :
export-check-again = Vérifier à nouveau
export-ready = Votre résumé est prêt.
export-missing = Ces sources n’ont pas répondu, leurs données manquent donc dans le résumé : { $sources }. Vous pouvez réessayer plus tard.
export-stale = Certaines données viennent d’une réponse antérieure de leur source, car la source n’a pas répondu maintenant.
export-download-ips = Télécharger le résumé (fichier FHIR)
export-download-ips-what = Un fichier FHIR (JSON), le format que lisent les logiciels des prestataires de soins. Il contient votre nom, votre numéro de registre national et vos données de santé : conservez-le en lieu sûr.
export-kept-until = Vous pouvez le télécharger jusqu’à { $time }. Ensuite, Carnet le supprime.
export-another = Faire un autre résumé
export-again = Faire un nouveau résumé
export-gone = Ce résumé n’est plus disponible. Carnet garde un résumé pendant 30 minutes.
export-failed = Le résumé n’a pas pu être fait. Rien n’a été gardé.
export-lost = La préparation du résumé a été interrompue. Rien n’a été gardé.
export-download-pdf = Télécharger le résumé à imprimer (PDF)
export-download-proof = Télécharger la preuve de vaccination (PDF)
export-download-proof-what = Chaque vaccination que vous avez reçue, et où vous en êtes par rapport au schéma de vaccination de base belge : pour une école ou un employeur.

# Les PDF.
pdf-summary-title = Résumé patient
pdf-proof-title = Preuve de vaccination
pdf-person = { $name }, né·e le { $born }
pdf-made = Fait le { $date } à { $time } avec Carnet.
pdf-made-by = Fait le { $date } à { $time } avec Carnet par { $by }.
pdf-page = Page { $n } sur { $m }
pdf-source = Source : { $source }
pdf-source-failed = { $source } n’a pas répondu : ses données manquent ici.
pdf-source-stale = { $source } n’a pas répondu : ses données sont telles qu’elle les a envoyées il y a { $minutes } minutes.
pdf-unreadable = { $count ->
    [one] { $source } a envoyé un élément illisible.
   *[other] { $source } a envoyé { $count } éléments illisibles.
}
pdf-none = Rien d’enregistré.
pdf-since-until = Du { $since } au { $until }
pdf-recorded = Enregistré le { $date }
pdf-from-summary = Du résumé de santé du { $date } par { $by }
pdf-given-by = Administré par { $who }
pdf-proof-given = Vaccinations reçues
pdf-proof-schedule = Par rapport au schéma de vaccination de base belge
pdf-proof-no-schedule = Le schéma n’a pas pu être vérifié.
pdf-about = Carnet montre ce que les hubs et les coffres-forts conservent ; il ne change rien. Si quelque chose est faux, demandez-le au prestataire de soins qui l’a noté.
