-- Changes a citizen asked for at a source (consent, relationships, exclusions): one row per
-- form submitted, keyed by the form's one-time key, so a second submit of the same form
-- finds the row and changes nothing. The row is written with the audit entry of the
-- attempt (before the source is asked) and updated with the entry of its outcome.
CREATE TABLE change_requests (
    form_key TEXT PRIMARY KEY NOT NULL,
    actor TEXT NOT NULL,
    subject TEXT NOT NULL,
    verb TEXT NOT NULL,
    -- The report shown after the change (JSON): what, about whom, each source's status.
    report TEXT NOT NULL,
    done BIGINT NOT NULL,
    created_ms BIGINT NOT NULL,
    request_id TEXT
);
CREATE INDEX change_requests_subject ON change_requests (subject, created_ms);

-- Until when the citizen has seen who opened their record (the dashboard's alert of new
-- accesses): their own state, changed with an audit entry.
CREATE TABLE access_seen (
    subject TEXT PRIMARY KEY NOT NULL,
    seen_until_ms BIGINT NOT NULL
);
