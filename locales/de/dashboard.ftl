# The dashboard page's own words. Each kind's tile is in that kind's file.

dashboard-title = Meine Übersicht
dashboard-greeting = Guten Tag, { $name }
dashboard-intro = Hier sehen Sie, was die Gesundheitsnetzwerke zurzeit über Sie gespeichert haben.
dashboard-loading = Ihre Daten werden von den Gesundheitsnetzwerken abgerufen…
dashboard-sources-checking = Ihre Quellen werden geprüft…
dashboard-sources-none = Keine Quelle speichert Daten dieser Art.
dashboard-tile-waiting = Wir warten noch auf eine Quelle. Dieser Teil erscheint hier, sobald sie antwortet.
tile-sources = Ihre Quellen
