home-title = Ihre Gesundheitsdaten an einem Ort
home-intro = Carnet zeigt Ihnen, was Krankenhäuser, Ärzte und Apotheker in den belgischen Gesundheitsnetzwerken über Sie geteilt haben: heute Ihre Impfungen, bald auch Ihre Dokumente, Medikamente und Allergien. Sie entscheiden, wer sie sehen darf.
home-login-explain = Melden Sie sich mit Ihrer eID-Karte oder mit itsme an. In dieser lokalen Demo fragt eine Demo-Anmeldeseite nach einem Benutzernamen und einem Passwort.
home-login-button = Anmelden und meine Daten ansehen

## The page after logging out
logged-out-title = Sie sind abgemeldet
logged-out-text = Sie wurden von Carnet und vom Anmeldedienst abgemeldet. Wenn Sie einen Computer mit anderen teilen, schließen Sie bitte auch den Browser.
