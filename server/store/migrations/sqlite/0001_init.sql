-- Carnet's own state (SQLite). Health data is not stored here: it stays at its source.

CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    data TEXT NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE accounts (
    ssin TEXT PRIMARY KEY NOT NULL,
    display_name TEXT NOT NULL,
    first_login_ms INTEGER NOT NULL,
    last_login_ms INTEGER NOT NULL
);

-- Append-only and hash-chained: each row's hash covers its content and the previous hash.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY NOT NULL,
    at_ms INTEGER NOT NULL,
    actor TEXT NOT NULL,
    subject TEXT NOT NULL,
    action TEXT NOT NULL,
    basis TEXT NOT NULL,
    outcome TEXT NOT NULL,
    sources TEXT NOT NULL,
    request_id TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_log_subject ON audit_log (subject, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
