# Een samenvatting delen (/share) en wat wie de link heeft ziet (/s/<link>).
nav-share = Delen
share-title = Deel je samenvatting
share-what = Maak een link naar delen van je gezondheidssamenvatting voor een zorgverlener, hier of in het buitenland. Wie de link heeft, kan die delen lezen, zonder aan te melden, in de eigen taal.
share-how = De link werkt zolang je kiest en stopt daarna. Met een toegangscode geef je de code apart (bijvoorbeeld telefonisch). Je kunt een link altijd stoppen, en je ziet elke keer dat hij geopend werd.
share-only-own = Alleen { $name } kan het eigen dossier delen.
share-make-title = Maak een link
share-field-parts = Wat mag de lezer zien?
share-field-hours = Hoe lang?
share-hours-1 = 1 uur
share-hours-24 = 1 dag
share-hours-168 = 7 dagen
share-hours-720 = 30 dagen
share-field-passcode = Toegangscode (niet verplicht)
share-field-passcode-hint = 4 tot 40 tekens. De lezer moet ze intypen voor hij iets ziet.
share-field-label = Een woordje voor de lezer (niet verplicht)
share-field-label-hint = Bijvoorbeeld: "Voor dr. Müller, Berlijn". Hoogstens 80 tekens. Schrijf hier geen gezondheidsgegevens.
share-make = Maak de link
share-error-no-part = Kies minstens één deel.
share-error-passcode = Een toegangscode heeft 4 tot 40 tekens.
share-done-made = Je link is klaar. Geef hem aan de lezer, en de toegangscode apart.
share-done-revoked = De link is gestopt. Niemand kan hem nog openen.
share-list-title = Je links
share-none = Je hebt nog geen link gemaakt.
share-of = Link van { $date }
share-moment = { $date } om { $time }
share-contains = Toont: { $parts }.
share-state-open = Open tot { $until }
share-state-locked = Geblokkeerd na foute toegangscodes, tot { $until }
share-state-expired = Afgelopen op { $at }
share-state-revoked = Door jou gestopt
share-state-closed = Gesloten na te veel foute toegangscodes
share-openings = { $count ->
    [0] nog niet geopend
    [one] één keer geopend
   *[other] { $count } keer geopend
}
share-with-passcode = met toegangscode
share-without-passcode = zonder toegangscode
share-link = De link
share-qr = De link als QR-code
share-qr-caption = De lezer kan deze code scannen met een telefoon.
share-revoke = Stop deze link
shared-title = Gedeelde gezondheidssamenvatting
shared-needs-passcode = Deze samenvatting is beveiligd met een toegangscode. De persoon die ze deelde, gaf je die apart.
shared-passcode = Toegangscode
shared-open = Openen
shared-until = Deze link werkt tot { $until }.
shared-now = Hij toont wat de bronnen nu bewaren. Carnet verandert er niets aan.
share-wrong = { $left ->
    [one] Die toegangscode klopt niet. Je kunt het nog één keer proberen, daarna wordt de link 15 minuten geblokkeerd.
   *[other] Die toegangscode klopt niet. Je kunt het nog { $left } keer proberen.
}
share-locked = Te veel foute toegangscodes: deze link is 15 minuten geblokkeerd.
share-gone = Deze link werkt niet: hij is afgelopen of gestopt. Vraag de persoon die hem deelde om een nieuwe.
share-refused = Deze link toont niets meer: wie hem maakte, mag deze delen misschien niet meer zien.
share-unavailable = De samenvatting kan nu niet getoond worden. Probeer het zo dadelijk opnieuw.
access-share-someone = Iemand met je link
access-share-made = heeft een link gemaakt naar { $parts }
access-share-revoked = heeft een link gestopt
access-share-opened = heeft { $parts } geopend
access-share-open-refused = heeft geprobeerd { $parts } te openen, maar dat werd geweigerd
