-- The audit log becomes keyed (HMAC) chains, one per running instance: appends of different
-- instances no longer wait for a table lock. The unkeyed log of 0001 is kept, read-only and
-- no longer written, as audit_log_v1.
ALTER TABLE audit_log RENAME TO audit_log_v1;
ALTER INDEX audit_log_subject RENAME TO audit_log_v1_subject;

CREATE TABLE audit_entries (
    chain TEXT NOT NULL,
    seq BIGINT NOT NULL,
    at_ms BIGINT NOT NULL,
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

CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_v1_no_truncate BEFORE TRUNCATE ON audit_log_v1
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
