-- Mandates: a citizen (the giver) lets a trusted person (the holder) act for them in the
-- scopes they chose (comma-separated grant scope names), from first_day to last_day
-- (ISO days, Belgian calendar; no last day: until revoked). State: pending, accepted,
-- declined, revoked. Every change is written with its audit entry (same transaction).
-- The policy reads the rows between two people on every request: a revocation holds at
-- the very next request, on every instance.
CREATE TABLE mandates (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    giver TEXT NOT NULL,
    giver_name TEXT NOT NULL,
    holder TEXT NOT NULL,
    holder_name TEXT NOT NULL,
    scopes TEXT NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT,
    state TEXT NOT NULL,
    given_ms BIGINT NOT NULL,
    changed_ms BIGINT NOT NULL,
    -- The one-time key of the form that gave it: a second submit gives nothing more.
    form_key TEXT NOT NULL UNIQUE
);
CREATE INDEX mandates_giver ON mandates (giver);
CREATE INDEX mandates_holder ON mandates (holder, giver);

-- Support codes a citizen issued for the helpdesk. The code itself is kept only as a
-- keyed hash (to find it when an agent enters it) and sealed with the portal's key (so
-- the citizen's own page can show it while it runs; cleared when it is revoked). The
-- first agent to redeem it holds it.
CREATE TABLE support_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    citizen TEXT NOT NULL,
    code_hash TEXT NOT NULL UNIQUE,
    code_sealed TEXT,
    scopes TEXT NOT NULL,
    issued_ms BIGINT NOT NULL,
    expires_ms BIGINT NOT NULL,
    revoked BIGINT NOT NULL,
    holder TEXT,
    holder_name TEXT,
    redeemed_ms BIGINT,
    form_key TEXT NOT NULL UNIQUE
);
CREATE INDEX support_codes_citizen ON support_codes (citizen, expires_ms);

-- Wrong support codes entered, for the throttle (per agent, and per citizen named).
CREATE TABLE support_failures (
    agent TEXT NOT NULL,
    citizen TEXT NOT NULL,
    at_ms BIGINT NOT NULL
);
CREATE INDEX support_failures_agent ON support_failures (agent, at_ms);
CREATE INDEX support_failures_citizen ON support_failures (citizen, at_ms);
