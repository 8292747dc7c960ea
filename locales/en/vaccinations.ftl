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
vaccination-col-source = Source
vaccination-dose-number = Dose { $number }
vaccination-status-not-done = Not given
vaccination-status-entered-in-error = Entered by mistake
vaccination-status-other = Status: { $status }
vaccination-reason = Reason: { $reason }
vaccination-lot = Batch { $lot }
vaccination-unreadable = Could not read this item.
vaccination-unreadable-detail = The source sent a record that Carnet cannot interpret. The other records are shown.
vaccination-unknown-code = { $system } code { $code }
date-unknown = Date unknown
performer-nihdi = Care provider (NIHDI no. { $number })
performer-person = A care provider
source-state-ok = { $source }: up to date
source-error-timeout = { $source } did not answer in time. Try again later.
source-error-unreachable = { $source } cannot be reached right now. Try again later.
source-error-error = { $source } answered with an error. Try again later.
source-error-malformed = { $source } sent data that Carnet could not read.
source-stale = { $source } is not answering right now. Showing its data from { $minutes ->
    [0] less than a minute ago
    [one] { $minutes } minute ago
   *[other] { $minutes } minutes ago
}.
vaccinations-history = All vaccinations
vaccinations-intro = The vaccinations your sources know about, and what the Belgian vaccination schedule recommends for you.
vaccinations-proof-for = Vaccinations of { $name }, as known to the Belgian health networks on { $date }.
vaccinations-print-help = To print this overview as a proof, use your browser's Print command (Ctrl+P).
