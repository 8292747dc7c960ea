# Eine Zusammenfassung teilen (/share) und was sieht, wer den Link hat (/s/<Link>).
nav-share = Teilen
share-title = Teilen Sie Ihre Zusammenfassung
share-what = Erstellen Sie einen Link zu Teilen Ihrer Gesundheitszusammenfassung für eine Gesundheitsfachperson, hier oder im Ausland. Wer den Link hat, kann diese Teile lesen, ohne Anmeldung, in der eigenen Sprache.
share-how = Der Link funktioniert so lange, wie Sie wählen, dann hört er auf. Mit einem Zugangscode geben Sie den Code getrennt weiter (zum Beispiel am Telefon). Sie können einen Link jederzeit beenden und sehen jedes Öffnen.
share-only-own = Nur { $name } kann die eigene Akte teilen.
share-make-title = Einen Link erstellen
share-field-parts = Was darf der Leser sehen?
share-field-hours = Wie lange?
share-hours-1 = 1 Stunde
share-hours-24 = 1 Tag
share-hours-168 = 7 Tage
share-hours-720 = 30 Tage
share-field-passcode = Zugangscode (freiwillig)
share-field-passcode-hint = 4 bis 40 Zeichen. Der Leser muss ihn eingeben, bevor er etwas sieht.
share-field-label = Ein Hinweis für den Leser (freiwillig)
share-field-label-hint = Zum Beispiel: „Für Dr. Müller, Berlin“. Höchstens 80 Zeichen. Schreiben Sie hier keine Gesundheitsdaten.
share-make = Link erstellen
share-error-no-part = Wählen Sie mindestens einen Teil.
share-error-passcode = Ein Zugangscode hat 4 bis 40 Zeichen.
share-done-made = Ihr Link ist fertig. Geben Sie ihn dem Leser, und den Zugangscode getrennt.
share-done-revoked = Der Link ist beendet. Niemand kann ihn mehr öffnen.
share-list-title = Ihre Links
share-none = Sie haben noch keinen Link erstellt.
share-of = Link vom { $date }
share-moment = { $date } um { $time } Uhr
share-contains = Zeigt: { $parts }.
share-state-open = Offen bis { $until }
share-state-locked = Nach falschen Zugangscodes gesperrt bis { $until }
share-state-expired = Beendet am { $at }
share-state-revoked = Von Ihnen beendet
share-state-closed = Nach zu vielen falschen Zugangscodes geschlossen
share-openings = { $count ->
    [0] noch nicht geöffnet
    [one] einmal geöffnet
   *[other] { $count }-mal geöffnet
}
share-with-passcode = mit Zugangscode
share-without-passcode = ohne Zugangscode
share-link = Der Link
share-qr = Der Link als QR-Code
share-qr-caption = Der Leser kann diesen Code mit einem Telefon scannen.
share-revoke = Diesen Link beenden
shared-title = Geteilte Gesundheitszusammenfassung
shared-needs-passcode = Diese Zusammenfassung ist mit einem Zugangscode geschützt. Die Person, die sie geteilt hat, hat ihn Ihnen getrennt gegeben.
shared-passcode = Zugangscode
shared-open = Öffnen
shared-until = Dieser Link funktioniert bis { $until }.
shared-now = Er zeigt, was die Quellen jetzt aufbewahren. Carnet ändert nichts daran.
share-wrong = { $left ->
    [one] Dieser Zugangscode stimmt nicht. Sie können es noch einmal versuchen, danach wird der Link 15 Minuten gesperrt.
   *[other] Dieser Zugangscode stimmt nicht. Sie können es noch { $left }-mal versuchen.
}
share-locked = Zu viele falsche Zugangscodes: Dieser Link ist 15 Minuten gesperrt.
share-gone = Dieser Link funktioniert nicht: Er ist abgelaufen oder wurde beendet. Bitten Sie die Person, die ihn geteilt hat, um einen neuen.
share-refused = Dieser Link zeigt nichts mehr: Wer ihn erstellt hat, darf diese Teile vielleicht nicht mehr sehen.
share-unavailable = Die Zusammenfassung kann gerade nicht angezeigt werden. Versuchen Sie es gleich noch einmal.
access-share-someone = Jemand mit Ihrem Link
access-share-made = haben einen Link zu { $parts } erstellt
access-share-revoked = haben einen Link beendet
access-share-opened = hat { $parts } geöffnet
access-share-open-refused = hat versucht, { $parts } zu öffnen, und wurde abgewiesen
