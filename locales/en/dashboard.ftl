dashboard-title = My dashboard
dashboard-greeting = Hello, { $name }
dashboard-intro = Here is what the health networks hold about you right now.
dashboard-loading = Fetching your data from the health networks…
