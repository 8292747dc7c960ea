-- Shares a citizen made: an expiring link to parts of their patient summary. The link's
-- id is kept only as a keyed hash (link_hash); the link itself (its id and the key that
-- encrypts its files) is kept sealed for the citizen's page while the share is open, then
-- forgotten with the passcode's hash. Whoever opens it reads the record as it is then,
-- through the policy: nothing of the record is kept here.
CREATE TABLE shares (
    id BIGSERIAL PRIMARY KEY,
    link_hash TEXT NOT NULL UNIQUE,
    link_sealed TEXT,
    maker TEXT NOT NULL,
    subject TEXT NOT NULL,
    -- The parts shared (scope names, comma-separated) and the citizen's label.
    parts TEXT NOT NULL,
    label TEXT,
    passcode_hash TEXT,
    made_ms BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL,
    -- 0 open, 1 revoked by the citizen, 2 closed after too many wrong passcodes.
    revoked BIGINT NOT NULL,
    wrong_in_row BIGINT NOT NULL,
    wrong_in_all BIGINT NOT NULL,
    locked_until_ms BIGINT NOT NULL,
    openings BIGINT NOT NULL,
    form_key TEXT UNIQUE
);
CREATE INDEX shares_subject ON shares (subject, made_ms);
