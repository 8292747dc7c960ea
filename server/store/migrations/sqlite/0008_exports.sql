-- Exports of a record (the patient summary) a person asked for: one row per form
-- submitted, keyed by the form's one-time key, so a second submit finds the same export.
-- While it runs, the row says which sources are still answering (their ids: no health
-- data); once done, it holds what was read, sealed with the instances' secret key, and
-- each source's state, until it expires: then the row is deleted, data and all.
CREATE TABLE exports (
    form_key TEXT PRIMARY KEY NOT NULL,
    actor TEXT NOT NULL,
    subject TEXT NOT NULL,
    -- The parts of the record asked for (scope names, comma-separated).
    parts TEXT NOT NULL,
    -- The sources still answering (ids, comma-separated).
    pending TEXT NOT NULL,
    -- 0 running, 1 ready, 2 failed.
    done BIGINT NOT NULL,
    -- Each source's state once done (JSON: ids, names and statuses, no health data).
    states TEXT,
    -- What was read, sealed (XChaCha20-Poly1305, the key bound to this row's key).
    sealed TEXT,
    created_ms BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL
);
CREATE INDEX exports_expiry ON exports (expires_ms);
