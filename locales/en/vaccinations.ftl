vaccinations-title = Vaccinations
vaccinations-count = { $count ->
    [one] { $count } vaccination
   *[other] { $count } vaccinations
}
vaccinations-none = No vaccinations are recorded for you.
vaccinations-sort-newest = Newest first
vaccinations-sort-oldest = Oldest first
vaccinations-sort-label = Order
vaccinations-sorted-newest = Sorted newest first.
vaccinations-sorted-oldest = Sorted oldest first.
vaccination-col-date = Date
vaccination-col-vaccine = Vaccine
vaccination-col-dose = Dose
vaccination-col-performer = Given by
vaccination-dose-number = Dose { $number }
vaccination-status-not-done = Not given
vaccination-status-entered-in-error = Entered by mistake
vaccination-status-other = Status: { $status }
vaccination-reason = Reason: { $reason }
vaccination-lot = Batch { $lot }
vaccination-unreadable = Could not read this item.
vaccination-unreadable-detail = The source sent a record that Carnet cannot interpret. The other records are shown.
vaccinations-history = All vaccinations
vaccinations-intro = The vaccinations your sources know about, and what the Belgian vaccination schedule recommends for you.
vaccinations-proof-for = Vaccinations of { $name }, as known to the Belgian health networks on { $date }.
vaccinations-print-help = To print this overview as a proof, use your browser's Print command (Ctrl+P).

## Dashboard tile
tile-vaccinations = Vaccinations
vaccinations-latest = Most recent:
vaccinations-see-all = See all vaccinations

## The basic vaccination schedule
# Basic vaccination schedule page. Disease ids: see server/core/data/be-vaccination-schedule.toml.
schedule-title = Vaccination schedule
schedule-intro = The basic vaccination schedule is the official advice of the Superior Health Council: which vaccinations everyone who lives in Belgium should get, and at what age. Most vaccines for children and young people are free, because the Flemish, French-speaking and German-speaking Communities pay for them.
# { $date } is the month and year of the official version.
schedule-reference = Source: Superior Health Council, basic vaccination schedule (report 9606), version of { $date }, with the regional vaccination programmes.
schedule-disclaimer = This overview is calculated from the vaccinations that your sources know about. A missing record does not always mean a missing vaccination: older vaccinations are often only written in a paper booklet. If you are unsure, talk to your doctor.

## Status of one dose, with a short explanation.
schedule-status-done = Done
schedule-status-done-help = You have received this vaccination. One of your sources has a record of it.
schedule-status-due = Due now
schedule-status-due-help = It is time for this vaccination now. Make an appointment with your GP. For a child, you can also go to Kind en Gezin, ONE or Kaleido, or to the school health service.
schedule-status-overdue = Overdue
schedule-status-overdue-help = This vaccination should have been given already, but none of your sources has a record of it. Ask your GP. For a child, you can also ask Kind en Gezin, ONE or Kaleido, or the school health service. You can often still catch up.
schedule-status-later = Later
schedule-status-later-help = This vaccination comes later. You are not old enough for it yet.
schedule-status-not-applicable = Not applicable
schedule-status-not-applicable-help = This vaccination is not for your age, or the moment for it has passed.

## Doses and ages. { $age } is one of the age-* texts below.
schedule-dose = Dose { $number }
schedule-age = at { $age }
age-weeks = { $n ->
    [one] { $n } week
   *[other] { $n } weeks
}
age-months = { $n ->
    [one] { $n } month
   *[other] { $n } months
}
age-years = { $n ->
    [one] { $n } year
   *[other] { $n } years
}

## Diseases: disease-<id>, plain name first.
disease-diphtheria = Diphtheria
disease-tetanus = Tetanus
disease-pertussis = Whooping cough (pertussis)
disease-polio = Polio
disease-hib = Hib (Haemophilus influenzae type b)
disease-hepatitis-b = Hepatitis B
disease-measles = Measles
disease-mumps = Mumps
disease-rubella = Rubella (German measles)
disease-pneumococcal = Pneumococcal infections
disease-meningococcal = Meningococcal infections (meningitis)
disease-rotavirus = Rotavirus (stomach bug with diarrhoea)
disease-hpv = HPV (human papillomavirus)
disease-influenza = Flu (influenza)
disease-hepatitis-a = Hepatitis A
disease-covid-19 = COVID-19

## The status on the vaccinations page and the dashboard.
schedule-dose-every = { $years ->
    [one] Every year
   *[other] Every { $years } years
}
schedule-given-on = Given on { $date }
schedule-next-from = Last one on { $given }. Next one from { $date }.
schedule-due-since = Due since { $date }
schedule-from = From { $date }
schedule-summary-overdue = { $count ->
    [one] 1 vaccination overdue
   *[other] { $count } vaccinations overdue
}
schedule-summary-due = { $count ->
    [one] 1 vaccination due now
   *[other] { $count } vaccinations due now
}
schedule-summary-up-to-date = You are up to date with the basic vaccination schedule.
schedule-no-birth-date = Carnet cannot compare your vaccinations with the basic schedule, because your date of birth is not fully known.
schedule-tile-intro = Compared with the basic vaccination schedule:
schedule-moments = What the schedule recommends for you
schedule-col-against = Against
schedule-col-dose = Dose
schedule-col-age = Recommended age
schedule-col-status = Status
schedule-not-applicable-hidden = Vaccinations that are not meant for your age or your generation are not listed.
schedule-legend = What the statuses mean
schedule-reference-link = The schedule on the website of the Superior Health Council
schedule-by-disease = By disease
schedule-by-disease-intro = A combined vaccine protects against several diseases at once: it is listed under each of them.
schedule-col-disease = Disease
schedule-col-vaccinations = Vaccinations
schedule-none-recorded = None recorded
schedule-disease-up-to-date = Up to date
schedule-not-in-schedule = Not in the basic schedule
