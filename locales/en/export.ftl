# Taking the record along (/export): a patient summary in the European format.
nav-export = Take along
export-title = Take your record along
export-what = Download a summary of your record in the European format for patient summaries. Take it to a new doctor, or abroad.
export-what-for = Download a summary of { $name }’s record in the European format for patient summaries.
export-who-reads = The file is made for doctors’ software: most care providers in Europe can read it. You choose what goes in.
export-field-parts = What should the summary contain?
export-part-medication = Medicines
export-part-medication-what = The medicines on your medication schedule, with how to take them.
export-part-allergies = Allergies and intolerances
export-part-allergies-what = What you react badly to, and how serious it is.
export-part-sumehr = Health problems
export-part-sumehr-what = The problems your GP wrote in your health summary.
export-part-vaccinations = Vaccinations
export-part-vaccinations-what = Each vaccination, with its date and who gave it.
export-left-out = Not included, because you may not see it: { $parts }.
export-audited = Making the summary reads these parts from your sources. It appears in your access log.
export-make = Make the summary
export-error-no-part = Choose at least one part.
export-nothing-to-export = There is nothing you may take along from this record.
export-parts = Contains: { $parts }.
export-working = Your summary is being made…
export-waiting = Still waiting for:
export-check-again = Check again
export-ready = Your summary is ready.
export-missing = These sources did not answer, so their data is missing from the summary: { $sources }. You can try again later.
export-stale = Some data comes from an earlier answer of its source, because the source did not answer now.
export-download-ips = Download the summary (FHIR file)
export-download-ips-what = A FHIR file (JSON), the format care providers’ software reads. It holds your name, your national register number and your health data: keep it safe.
export-kept-until = You can download it until { $time }. After that Carnet deletes it.
export-another = Make another summary
export-again = Make a new summary
export-gone = This summary is no longer available. Carnet keeps a summary for 30 minutes.
export-failed = The summary could not be made. Nothing was kept.
export-lost = Making the summary was interrupted. Nothing was kept.
export-download-pdf = Download the summary to print (PDF)
export-download-proof = Download the vaccination proof (PDF)
export-download-proof-what = Each vaccination you were given, and where you stand against the Belgian basic vaccination schedule: for a school or an employer.

# The PDFs.
pdf-summary-title = Patient summary
pdf-proof-title = Vaccination proof
pdf-person = { $name }, born { $born }
pdf-made = Made on { $date } at { $time } with Carnet.
pdf-made-by = Made on { $date } at { $time } with Carnet by { $by }.
pdf-page = Page { $n } of { $m }
pdf-source = Source: { $source }
pdf-source-failed = { $source } did not answer: its data is missing here.
pdf-source-stale = { $source } did not answer: its data is as it sent it { $minutes } minutes earlier.
pdf-unreadable = { $count ->
    [one] { $source } sent one item that could not be read.
   *[other] { $source } sent { $count } items that could not be read.
}
pdf-none = Nothing recorded.
pdf-since-until = From { $since } until { $until }
pdf-recorded = Recorded { $date }
pdf-from-summary = From the health summary of { $date } by { $by }
pdf-given-by = Given by { $who }
pdf-proof-given = Vaccinations given
pdf-proof-schedule = Against the Belgian basic vaccination schedule
pdf-proof-no-schedule = The schedule could not be checked.
pdf-about = Carnet shows what the hubs and vaults hold; it changes nothing. If something is wrong, ask the care provider who recorded it.
