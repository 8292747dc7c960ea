## Consent
consent-title = Uw toestemming om gezondheidsgegevens te delen
consent-tile-manage = Uw toestemming bekijken of wijzigen
consent-what = Met uw geïnformeerde toestemming mogen de gezondheidsnetwerken (hubs) uw gezondheidsgegevens delen tussen de zorgverleners die u behandelen.
consent-effect-given = Als u ze geeft: zorgverleners die een zorgrelatie met u hebben, kunnen de documenten en gegevens zien die de hub deelt. Zorgverleners die u hebt uitgesloten, kunnen dat nog altijd niet.
consent-effect-revoked = Als u ze intrekt: vanaf dan kan geen enkele zorgverlener uw gedeelde gegevens via die hub zien, ook uw huisarts niet. Er wordt niets gewist: u kunt uw toestemming later opnieuw geven.
consent-per-hub = Elke hub bewaart uw keuze apart: als u uw toestemming bij één hub geeft of intrekt, verandert er niets bij de andere hubs.
consent-revoked-on = ingetrokken op { $date }
consent-unknown = onbekend: deze hub heeft niet geantwoord
consent-col-hub = Hub
consent-col-state = Uw toestemming
consent-col-action = Wijzigen
consent-action-give = Mijn toestemming geven bij { $source }
consent-action-revoke = Mijn toestemming intrekken bij { $source }
consent-confirm-give-title = Uw toestemming geven bij { $source }?
consent-confirm-revoke-title = Uw toestemming intrekken bij { $source }?
consent-confirm-only-this-hub = Dit wijzigt alleen uw toestemming bij { $source }.
consent-confirm-revoke-emergency = Ook bij een noodgeval zien zorgverleners uw gegevens dan niet via deze hub.
consent-confirm-give = Ja, mijn toestemming geven bij { $source }
consent-confirm-revoke = Ja, mijn toestemming intrekken bij { $source }

## Dashboard tile (the consent page shows the same states)
tile-consent = Toestemming
consent-tile-intro = Uw toestemming om uw gegevens te delen via de gezondheidsnetwerken:
consent-given = gegeven
consent-given-since = gegeven sinds { $date }
consent-revoked = ingetrokken
consent-not-given = niet gegeven
