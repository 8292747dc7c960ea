medication-title = Médicaments
medication-intro = Ce que vous prenez selon vos sources, quand et en quelle quantité. Suivez toujours ce que votre médecin ou votre pharmacien vous a dit.
medication-views = Affichage
medication-day-view = Jour
medication-week-view = Semaine
medication-day-title = { $date }
medication-week-title = Semaine du { $date }
medication-previous = Précédent
medication-next = Suivant
medication-today = Aujourd’hui
medication-nothing-today = Selon vos sources, vous n’avez rien à prendre ce jour-là.
medication-nothing-week = Selon vos sources, vous n’avez rien à prendre cette semaine-là.
medication-as-needed = Si nécessaire
medication-suspended = Suspendu
medication-stopped = Arrêté
medication-completed = Terminé
medication-ended = Date de fin passée
medication-entered-in-error = Encodé par erreur
medication-lines = Tous les médicaments
medication-col-medicine = Médicament
medication-col-how = Comment le prendre
medication-col-since = Depuis
medication-col-until = Jusqu’à
medication-col-by = Prescrit par
medication-col-record = Enregistré comme
medication-no-end = Pas de date de fin
medication-kind-prescribed = Prescrit
medication-kind-delivered = Délivré par une pharmacie
medication-kind-taken = Dans votre schéma de médication
dosage-as-needed = si nécessaire : { $amount }
slot-morning = Matin
slot-noon = Midi
slot-evening = Soir
slot-night = Au coucher
slot-any-time = Pendant la journée

## Dashboard tile
tile-medication = Médicaments du jour
medication-today-count = { $count ->
    [0] Selon vos sources, vous n’avez rien à prendre aujourd’hui.
    [one] { $count } médicament à prendre aujourd’hui.
   *[other] { $count } médicaments à prendre aujourd’hui.
}
medication-see-schedule = Voir votre schéma de médication
