## The citizen's support codes
support-title = A support code for the helpdesk
support-what = When you call the helpdesk, they may need to look at part of your record to help you. Make a code here and read it to them over the phone. They can only look, never change anything, only at the parts you choose, and only while the code runs. You see here who holds it, and you can stop it at any moment. Everything they look at is in your access log.
support-running = Running now
support-code-label = Your code — read it to the helpdesk:
support-waiting = Nobody has used it yet. It runs until { $until } ({ $minutes } min).
support-in-use = Helpdesk agent { $agent } is using it, until { $until }.
support-revoke = Stop this code now
support-issue-title = Make a new code
support-issue-what = The code runs for { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}. The first helpdesk agent who enters it holds it; nobody else can use it.
support-field-scopes = What may the helpdesk look at?
support-read-only = The helpdesk can only look: they cannot change your consent, your care team, your exclusions or anything else.
support-issue-submit = Make the code
support-past = Earlier today
support-past-held = Code made at { $issued }, used by { $agent }: { $status }
support-past-unused = Code made at { $issued }, not used: { $status }
support-status-waiting = waiting
support-status-in-use = in use
support-status-expired = expired
support-status-revoked = stopped
support-done-issued = Your code is ready. Read it to the helpdesk.
support-done-revoked = The code is stopped. The helpdesk can no longer see your record.
support-error-scope = Choose at least one part of your record.
support-own-while-acting = You are looking at the record of { $name }, but the codes here are for your own record only.
