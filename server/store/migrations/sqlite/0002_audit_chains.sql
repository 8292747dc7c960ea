-- The audit log becomes keyed (HMAC) chains, one per running instance. The unkeyed log of
-- 0001 is kept, read-only and no longer written, as audit_log_v1.
ALTER TABLE audit_log RENAME TO audit_log_v1;

CREATE TABLE audit_entries (
    chain TEXT NOT NULL,
    seq INTEGER NOT NULL,
    at_ms INTEGER NOT NULL,
    actor TEXT NOT NULL,
    subject TEXT NOT NULL,
    action TEXT NOT NULL,
    basis TEXT NOT NULL,
    outcome TEXT NOT NULL,
    sources TEXT NOT NULL,
    request_id TEXT,
    prev_mac TEXT NOT NULL,
    mac TEXT NOT NULL,
    PRIMARY KEY (chain, seq)
);
CREATE INDEX audit_entries_subject ON audit_entries (subject, at_ms);

CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
