# Support codes (the citizen's side) and the helpdesk's console.

## The citizen's support codes
nav-support = Support code
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

## The helpdesk's console
helpdesk-title = Helpdesk
helpdesk-enter-title = Enter a support code
helpdesk-enter-what = Ask the caller for their national register number and the code they see on their page. You will see only what they chose, read-only, until the code ends.
helpdesk-field-citizen = The caller's national register number
helpdesk-field-code = Support code (8 characters)
helpdesk-redeem = Open with this code
helpdesk-redeemed = The code is yours: you see the caller's record, read-only.
helpdesk-held-title = Codes you hold
helpdesk-held-none = You hold no support code right now.
helpdesk-held-until = Runs until { $until }
helpdesk-diagnostics-title = Diagnostics
helpdesk-request-id = Request id of this page: { $id }
helpdesk-asked-at = The sources were asked at { $time } (Belgian time), for this page; the request id above finds each call in the logs.
helpdesk-source-ok = answered now
helpdesk-source-stale = failed now ({ $kind }); the answer shown is { $minutes } min old
helpdesk-source-failed = failed now ({ $kind }); nothing to show
helpdesk-open-part = Open this part
support-error-malformed = The number or the code is not written correctly: check the 11 digits and the 8 characters.
support-error-wrong = This code does not work for this person: it may be wrong, expired or stopped. Ask the caller to read it again.
support-error-held = Another helpdesk agent already uses this code. Ask the caller to make a new one.
support-error-locked = Too many wrong codes: entering codes is locked for 15 minutes.
support-own-while-acting = You are looking at the record of { $name }, but the codes here are for your own record only.
