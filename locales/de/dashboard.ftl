dashboard-title = Meine Übersicht
dashboard-greeting = Guten Tag, { $name }
dashboard-intro = Hier sehen Sie, was die Gesundheitsnetzwerke zurzeit über Sie gespeichert haben.
dashboard-loading = Ihre Daten werden von den Gesundheitsnetzwerken abgerufen…
