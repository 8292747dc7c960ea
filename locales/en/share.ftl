# Sharing a summary (/share) and what whoever holds a link sees (/s/<link>).
nav-share = Share
share-title = Share your summary
share-what = Make a link to parts of your health summary for a care provider, here or abroad. Whoever has the link can read those parts, without logging in, in their own language.
share-how = The link works for the time you choose, then it stops. With a passcode, give the passcode separately (by phone, for example). You can stop a link at any time, and you see each time it was opened.
share-only-own = Only { $name } can share their own record.
share-make-title = Make a link
share-field-parts = What may the reader see?
share-field-hours = For how long?
share-hours-1 = 1 hour
share-hours-24 = 1 day
share-hours-168 = 7 days
share-hours-720 = 30 days
share-field-passcode = Passcode (optional)
share-field-passcode-hint = 4 to 40 characters. The reader must type it before seeing anything.
share-field-label = A note for the reader (optional)
share-field-label-hint = For example: "For Dr. Müller, Berlin". At most 80 characters. Do not write health data here.
share-make = Make the link
share-error-no-part = Choose at least one part.
share-error-passcode = A passcode has 4 to 40 characters.
share-done-made = Your link is ready. Give it to the reader, and the passcode separately.
share-done-revoked = The link is stopped. Nobody can open it any more.
share-list-title = Your links
share-none = You have not made a link yet.
share-of = Link of { $date }
share-moment = { $date } at { $time }
share-contains = Shows: { $parts }.
share-state-open = Open until { $until }
share-state-locked = Locked after wrong passcodes, until { $until }
share-state-expired = Ended on { $at }
share-state-revoked = Stopped by you
share-state-closed = Closed after too many wrong passcodes
share-openings = { $count ->
    [0] not opened yet
    [one] opened once
   *[other] opened { $count } times
}
share-with-passcode = with a passcode
share-without-passcode = without a passcode
share-link = The link
share-qr = The link as a QR code
share-qr-caption = The reader can scan this code with a phone.
share-revoke = Stop this link
shared-title = Shared health summary
shared-needs-passcode = This summary is protected by a passcode. The person who shared it gave it to you separately.
shared-passcode = Passcode
shared-open = Open
shared-until = This link works until { $until }.
shared-now = It shows what the sources hold now. Carnet changes nothing in it.
share-wrong = { $left ->
    [one] That passcode is not right. You can try once more, then the link locks for 15 minutes.
   *[other] That passcode is not right. You can try { $left } more times.
}
share-locked = Too many wrong passcodes: this link is locked for 15 minutes.
share-gone = This link does not work: it ended, or it was stopped. Ask the person who shared it for a new one.
share-refused = This link no longer shows anything: the person who made it may no longer see these parts.
share-unavailable = The summary cannot be shown right now. Try again in a moment.
access-share-someone = Someone with your link
access-share-made = made a link to { $parts }
access-share-revoked = stopped a link
access-share-opened = opened { $parts }
access-share-open-refused = tried to open { $parts } and was refused
