# The dashboard page's own words. Each kind's tile is in that kind's file.

dashboard-title = My dashboard
dashboard-greeting = Hello, { $name }
dashboard-intro = Here is what the health networks hold about you right now.
dashboard-loading = Fetching your data from the health networks…
dashboard-sources-checking = Checking your sources…
dashboard-sources-none = No source holds data of this kind.
dashboard-tile-waiting = Still waiting for a source. This part appears here as soon as it answers.
tile-sources = Your sources
