# The dashboard page's own words. Each kind's tile is in that kind's file.

dashboard-title = Mijn overzicht
dashboard-greeting = Goedendag, { $name }
dashboard-intro = Hier ziet u wat de gezondheidsnetwerken op dit moment over u bewaren.
dashboard-loading = Uw gegevens worden opgehaald bij de gezondheidsnetwerken…
dashboard-sources-checking = Uw bronnen worden gecontroleerd…
dashboard-sources-none = Geen enkele bron bewaart dit soort gegevens.
dashboard-tile-waiting = We wachten nog op een bron. Dit deel verschijnt hier zodra de bron antwoordt.
tile-sources = Uw bronnen
