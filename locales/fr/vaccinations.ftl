vaccinations-title = Vaccinations
vaccinations-count = { $count ->
    [one] { $count } vaccination
   *[other] { $count } vaccinations
}
vaccinations-none = Aucune vaccination n’est enregistrée à votre nom.
vaccinations-sort-newest = Plus récentes d’abord
vaccinations-sort-oldest = Plus anciennes d’abord
vaccinations-sort-label = Ordre
vaccinations-sorted-newest = Tri : plus récentes d’abord.
vaccinations-sorted-oldest = Tri : plus anciennes d’abord.
vaccination-col-date = Date
vaccination-col-vaccine = Vaccin
vaccination-col-dose = Dose
vaccination-col-performer = Administré par
vaccination-dose-number = Dose { $number }
vaccination-status-not-done = Non administré
vaccination-status-entered-in-error = Encodé par erreur
vaccination-status-other = Statut : { $status }
vaccination-reason = Raison : { $reason }
vaccination-lot = Lot { $lot }
vaccination-unreadable = Impossible de lire cet élément.
vaccination-unreadable-detail = La source a envoyé des données que Carnet ne comprend pas. Les autres données sont affichées.
vaccinations-history = Toutes les vaccinations
vaccinations-intro = Les vaccinations que vos sources connaissent, et ce que le calendrier vaccinal belge vous recommande.
vaccinations-proof-for = Vaccinations de { $name }, telles que connues des réseaux de santé belges le { $date }.
vaccinations-print-help = Pour imprimer cet aperçu comme preuve, utilisez la commande « Imprimer » de votre navigateur (Ctrl+P).

## Dashboard tile
tile-vaccinations = Vaccinations
vaccinations-latest = La plus récente :
vaccinations-see-all = Voir toutes les vaccinations

## The basic vaccination schedule
# Page du calendrier vaccinal de base. Identifiants des maladies : voir server/core/data/be-vaccination-schedule.toml.
schedule-title = Calendrier vaccinal
schedule-intro = Le calendrier vaccinal de base est l’avis officiel du Conseil Supérieur de la Santé : quelles vaccinations sont recommandées pour toute personne qui vit en Belgique, et à quel âge. La plupart des vaccins pour les enfants et les jeunes sont gratuits, car les Communautés française, flamande et germanophone les paient.
# { $date } is the month and year of the official version.
schedule-reference = Source : Conseil Supérieur de la Santé, calendrier vaccinal de base (avis 9606), version de { $date }, avec les programmes de vaccination des communautés.
schedule-disclaimer = Cet aperçu est calculé à partir des vaccinations que vos sources connaissent. Si une vaccination manque ici, cela ne veut pas toujours dire que vous ne l’avez pas reçue : les anciennes vaccinations sont souvent notées uniquement dans un carnet papier. En cas de doute, parlez-en à votre médecin.

## Statut d’une dose, avec une courte explication.
schedule-status-done = En ordre
schedule-status-done-help = Vous avez reçu cette vaccination. Une de vos sources l’a enregistrée.
schedule-status-due = À faire maintenant
schedule-status-due-help = C’est le moment de faire cette vaccination. Prenez rendez-vous chez votre médecin généraliste. Pour un enfant, vous pouvez aussi aller à l’ONE, chez Kind en Gezin ou au service de promotion de la santé à l’école (PSE).
schedule-status-overdue = En retard
schedule-status-overdue-help = Cette vaccination aurait déjà dû être faite, mais aucune de vos sources ne l’a enregistrée. Demandez conseil à votre médecin généraliste. Pour un enfant, vous pouvez aussi vous adresser à l’ONE, à Kind en Gezin ou au service de promotion de la santé à l’école (PSE). Souvent, la vaccination peut encore être rattrapée.
schedule-status-later = Plus tard
schedule-status-later-help = Cette vaccination viendra plus tard. Vous n’avez pas encore l’âge pour la recevoir.
schedule-status-not-applicable = Pas d’application
schedule-status-not-applicable-help = Cette vaccination n’est pas prévue à votre âge, ou le moment pour la faire est passé.

## Doses et âges. { $age } est un des textes age-* ci-dessous.
schedule-dose = Dose { $number }
schedule-age = à { $age }
age-weeks = { $n ->
    [one] { $n } semaine
   *[other] { $n } semaines
}
age-months = { $n ->
    [one] { $n } mois
   *[other] { $n } mois
}
age-years = { $n ->
    [one] { $n } an
   *[other] { $n } ans
}

## Maladies : disease-<id>, d’abord le nom courant.
disease-diphtheria = Diphtérie
disease-tetanus = Tétanos
disease-pertussis = Coqueluche
disease-polio = Polio (poliomyélite)
disease-hib = Hib (Haemophilus influenzae de type b)
disease-hepatitis-b = Hépatite B
disease-measles = Rougeole
disease-mumps = Oreillons
disease-rubella = Rubéole
disease-pneumococcal = Infections à pneumocoques
disease-meningococcal = Infections à méningocoques (méningite)
disease-rotavirus = Rotavirus (gastro-entérite avec diarrhée)
disease-hpv = HPV (papillomavirus humain)
disease-influenza = Grippe (influenza)
disease-hepatitis-a = Hépatite A
disease-covid-19 = COVID-19

## Le statut sur la page des vaccinations et le tableau de bord.
schedule-dose-every = { $years ->
    [one] Chaque année
   *[other] Tous les { $years } ans
}
schedule-given-on = Reçu le { $date }
schedule-next-from = Dernier le { $given }. Prochain à partir du { $date }.
schedule-due-since = À faire depuis le { $date }
schedule-from = À partir du { $date }
schedule-summary-overdue = { $count ->
    [one] 1 vaccination en retard
   *[other] { $count } vaccinations en retard
}
schedule-summary-due = { $count ->
    [one] 1 vaccination à faire maintenant
   *[other] { $count } vaccinations à faire maintenant
}
schedule-summary-up-to-date = Vous êtes en ordre avec le calendrier vaccinal de base.
schedule-no-birth-date = Carnet ne peut pas comparer vos vaccinations au calendrier de base, car votre date de naissance n'est pas entièrement connue.
schedule-tile-intro = Par rapport au calendrier vaccinal de base :
schedule-moments = Ce que le calendrier vous recommande
schedule-col-against = Contre
schedule-col-dose = Dose
schedule-col-age = Âge recommandé
schedule-col-status = Statut
schedule-not-applicable-hidden = Les vaccinations qui ne sont pas prévues pour votre âge ou votre génération ne sont pas affichées.
schedule-legend = Ce que veulent dire les statuts
schedule-reference-link = Le calendrier sur le site du Conseil Supérieur de la Santé
schedule-by-disease = Par maladie
schedule-by-disease-intro = Un vaccin combiné protège contre plusieurs maladies à la fois : il apparaît sous chacune d'elles.
schedule-col-disease = Maladie
schedule-col-vaccinations = Vaccinations
schedule-none-recorded = Aucune donnée
schedule-disease-up-to-date = En ordre
schedule-not-in-schedule = Hors calendrier de base
