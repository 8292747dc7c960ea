-- Every change or deletion of a live session tells the other instances, which keep
-- sessions in an in-process cache (see sessions.rs): the payload is the SHA-256 of the
-- session's id, never the id. Rows swept after their expiry need no notification.
CREATE FUNCTION carnet_session_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.expires_at <= extract(epoch FROM now()) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_notify('carnet_sessions', encode(sha256(convert_to(OLD.id, 'UTF8')), 'hex'));
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER sessions_changed AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION carnet_session_changed();
