dashboard-title = Mijn overzicht
dashboard-greeting = Goedendag, { $name }
dashboard-intro = Hier ziet u wat de gezondheidsnetwerken op dit moment over u bewaren.
dashboard-loading = Uw gegevens worden opgehaald bij de gezondheidsnetwerken…
