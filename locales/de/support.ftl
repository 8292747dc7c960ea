# Support-Codes (die Seite der Bürger) und die Konsole des Helpdesks.

## Die Support-Codes der Bürger
nav-support = Support-Code
support-title = Ein Support-Code für den Helpdesk
support-what = Wenn Sie den Helpdesk anrufen, muss er vielleicht einen Teil Ihrer Akte ansehen, um Ihnen zu helfen. Erstellen Sie hier einen Code und lesen Sie ihn am Telefon vor. Der Helpdesk kann nur ansehen und nie etwas ändern, und das nur bei den Teilen, die Sie wählen, und nur solange der Code gilt. Hier sehen Sie, wer den Code verwendet, und Sie können ihn jederzeit beenden. Alles, was der Helpdesk ansieht, steht in Ihrem Zugriffsprotokoll.
support-running = Jetzt aktiv
support-code-label = Ihr Code — lesen Sie ihn dem Helpdesk vor:
support-waiting = Niemand hat ihn bisher verwendet. Er gilt bis { $until } ({ $minutes } Min.).
support-in-use = { $agent } vom Helpdesk verwendet ihn bis { $until }.
support-revoke = Diesen Code jetzt beenden
support-issue-title = Einen neuen Code erstellen
support-issue-what = Der Code gilt { $minutes ->
    [one] { $minutes } Minute
   *[other] { $minutes } Minuten
}. Der erste Helpdesk-Mitarbeiter, der ihn eingibt, erhält ihn. Niemand sonst kann ihn verwenden.
support-field-scopes = Was darf der Helpdesk ansehen?
support-read-only = Der Helpdesk kann nur ansehen und nichts ändern: nicht Ihre Zustimmung, nicht Ihr Behandlungsteam, nicht Ihre Ausschlüsse und auch sonst nichts.
support-issue-submit = Code erstellen
support-past = Frühere Codes von heute
support-past-held = Code erstellt um { $issued }, verwendet von { $agent }: { $status }
support-past-unused = Code erstellt um { $issued }, nicht verwendet: { $status }
support-status-waiting = wartet
support-status-in-use = in Gebrauch
support-status-expired = abgelaufen
support-status-revoked = beendet
support-done-issued = Ihr Code ist bereit. Lesen Sie ihn dem Helpdesk vor.
support-done-revoked = Der Code ist beendet. Der Helpdesk kann Ihre Akte nicht mehr sehen.
support-error-scope = Wählen Sie mindestens einen Teil Ihrer Akte.

## Die Konsole des Helpdesks
helpdesk-title = Helpdesk
helpdesk-enter-title = Einen Support-Code eingeben
helpdesk-enter-what = Fragen Sie die anrufende Person nach ihrer Nationalregisternummer und nach dem Code auf ihrer Seite. Bis der Code endet, sehen Sie nur das, was die anrufende Person gewählt hat, und Sie können nichts ändern.
helpdesk-field-citizen = Nationalregisternummer der anrufenden Person
helpdesk-field-code = Support-Code (8 Zeichen)
helpdesk-redeem = Mit diesem Code öffnen
helpdesk-redeemed = Der Code gehört jetzt Ihnen: Sie können die Akte der anrufenden Person ansehen, aber nichts ändern.
helpdesk-held-title = Codes, die Sie verwenden
helpdesk-held-none = Sie verwenden zurzeit keinen Support-Code.
helpdesk-held-until = Gilt bis { $until }
helpdesk-diagnostics-title = Diagnose
helpdesk-request-id = Anfrage-ID dieser Seite: { $id }
helpdesk-asked-at = Die Quellen wurden um { $time } (belgische Zeit) für diese Seite abgefragt; mit der Anfrage-ID oben finden Sie jeden Aufruf in den Protokollen.
helpdesk-source-ok = hat gerade geantwortet
helpdesk-source-stale = gerade fehlgeschlagen ({ $kind }); die angezeigte Antwort ist { $minutes } Min. alt
helpdesk-source-failed = gerade fehlgeschlagen ({ $kind }); nichts anzuzeigen
helpdesk-open-part = Diesen Teil öffnen
support-error-malformed = Die Nummer oder der Code ist nicht richtig geschrieben: Prüfen Sie die 11 Ziffern und die 8 Zeichen.
support-error-wrong = Dieser Code funktioniert für diese Person nicht: Er ist vielleicht falsch, abgelaufen oder beendet. Bitten Sie die anrufende Person, ihn noch einmal vorzulesen.
support-error-held = Ein anderer Helpdesk-Mitarbeiter verwendet diesen Code schon. Bitten Sie die anrufende Person, einen neuen Code zu erstellen.
support-error-locked = Zu viele falsche Codes: Die Eingabe von Codes ist 15 Minuten lang gesperrt.
support-own-while-acting = Sie sehen die Akte von { $name }, aber die Codes hier gelten nur für Ihre eigene Akte.
