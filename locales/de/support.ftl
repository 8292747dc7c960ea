## Die Support-Codes der Bürger
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
support-own-while-acting = Sie sehen die Akte von { $name }, aber die Codes hier gelten nur für Ihre eigene Akte.
