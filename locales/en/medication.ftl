medication-title = Medication
medication-intro = What your sources say you take, when and how much. Always follow what your doctor or pharmacist told you.
medication-views = Views
medication-day-view = Day
medication-week-view = Week
medication-day-title = { $date }
medication-week-title = Week of { $date }
medication-previous = Previous
medication-next = Next
medication-today = Today
medication-nothing-today = Nothing to take on this day according to your sources.
medication-nothing-week = Nothing to take in this week according to your sources.
medication-as-needed = When needed
medication-suspended = Suspended
medication-stopped = Stopped
medication-completed = Finished
medication-ended = Ended
medication-entered-in-error = Entered by mistake
medication-lines = All medicines
medication-col-medicine = Medicine
medication-col-how = How to take it
medication-col-since = Since
medication-col-until = Until
medication-col-by = Prescribed by
medication-col-record = Recorded as
medication-no-end = No end date
medication-kind-prescribed = Prescribed
medication-kind-delivered = Delivered by a pharmacy
medication-kind-taken = In your medication schedule
dosage-as-needed = when needed: { $amount }
slot-morning = Morning
slot-noon = Noon
slot-evening = Evening
slot-night = Bedtime
slot-any-time = During the day

## Dashboard tile
tile-medication = Medication for today
medication-today-count = { $count ->
    [0] Nothing to take today according to your sources.
    [one] { $count } medicine to take today.
   *[other] { $count } medicines to take today.
}
medication-see-schedule = See your medication schedule
