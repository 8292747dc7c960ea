home-title = Uw gezondheidsgegevens op één plek
home-intro = Carnet toont u wat ziekenhuizen, artsen en apothekers over u hebben gedeeld in de Belgische gezondheidsnetwerken: nu uw vaccinaties, en binnenkort ook uw documenten, geneesmiddelen en allergieën. U beslist wie ze mag zien.
home-login-explain = Meld u aan met uw eID-kaart of met itsme. In deze lokale demo vraagt een demo-aanmeldpagina om een gebruikersnaam en een wachtwoord.
home-login-button = Aanmelden om mijn gegevens te zien

## The page after logging out
logged-out-title = U bent afgemeld
logged-out-text = U bent afgemeld bij Carnet en bij de aanmeldingsdienst. Gebruikt u een gedeelde computer? Sluit dan ook de browser.
