-- What others did with a person's record (trusted persons, parents, the helpdesk), found
-- without reading the person's own entries: the dashboard's alert of new accesses asks it on
-- every view, and the access log reads that side apart from the person's own use.
CREATE INDEX audit_entries_by_others ON audit_entries (subject, at_ms) WHERE actor <> subject;
