//! Exports of a record (the patient summary), by their form's one-time key: claimed when
//! asked for, their progress noted while the sources answer (which are still answering,
//! never what they said), finished with the audit entry of what was read in one
//! transaction, and deleted, sealed data and all, once expired.

use carnet_core::audit::AuditEvent;
use carnet_core::change::FormKey;
use carnet_core::policy::{Act, Authorized};
use sqlx::Row;

use crate::{Store, StoreError, now_ms};

/// Where an export stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportDone {
    Running,
    Ready,
    Failed,
}

impl ExportDone {
    fn code(self) -> i64 {
        match self {
            ExportDone::Running => 0,
            ExportDone::Ready => 1,
            ExportDone::Failed => 2,
        }
    }

    fn of(code: i64) -> ExportDone {
        match code {
            0 => ExportDone::Running,
            1 => ExportDone::Ready,
            _ => ExportDone::Failed,
        }
    }
}

/// An export as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    /// The parts asked for (scope names, comma-separated).
    pub parts: String,
    /// The sources still answering (ids, comma-separated).
    pub pending: String,
    pub done: ExportDone,
    /// Each source's state (JSON), once done.
    pub states: Option<String>,
    /// What was read, sealed, once ready.
    pub sealed: Option<String>,
    pub created_ms: i64,
    pub expires_ms: i64,
}

impl Store {
    /// Claims `key` for an export of the proof's subject's record by its actor. `false`:
    /// the same person asked with this key before (the export goes on, or is done). A key
    /// of someone else's export is refused.
    #[tracing::instrument(name = "store.claim_export", skip_all)]
    pub async fn claim_export<A: Act>(
        &self,
        proof: &Authorized<A>,
        key: &FormKey,
        parts: &str,
        pending: &str,
        expires_ms: i64,
    ) -> Result<bool, StoreError> {
        let inserted = sqlx::query(
            "INSERT INTO exports (form_key, actor, subject, parts, pending, done, created_ms, expires_ms) \
             VALUES ($1, $2, $3, $4, $5, 0, $6, $7) ON CONFLICT (form_key) DO NOTHING",
        )
        .bind(key.as_str())
        .bind(proof.actor().expose())
        .bind(proof.subject().expose())
        .bind(parts)
        .bind(pending)
        .bind(now_ms())
        .bind(expires_ms)
        .execute(self.pool())
        .await?;
        if inserted.rows_affected() == 1 {
            return Ok(true);
        }
        match self.export(proof, key).await? {
            Some(_) => Ok(false),
            None => Err(StoreError::Corrupt("this form's key belongs to another export".into())),
        }
    }

    /// Notes which sources are still answering, while the export runs.
    pub async fn note_export_pending<A: Act>(
        &self,
        proof: &Authorized<A>,
        key: &FormKey,
        pending: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE exports SET pending = $1 WHERE form_key = $2 AND actor = $3 AND done = 0")
            .bind(pending)
            .bind(key.as_str())
            .bind(proof.actor().expose())
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Finishes the export: ready with what was read (`sealed`) and each source's state,
    /// written with the audit entries of the reading in one transaction (no entry, no
    /// data); or failed, with nothing.
    #[tracing::instrument(name = "store.finish_export", skip_all)]
    pub async fn finish_export<A: Act>(
        &self,
        proof: &Authorized<A>,
        key: &FormKey,
        finished: Option<(String, String)>,
        events: &[AuditEvent],
    ) -> Result<(), StoreError> {
        let (done, states, sealed) = match finished {
            Some((states, sealed)) => (ExportDone::Ready, Some(states), Some(sealed)),
            None => (ExportDone::Failed, None, None),
        };
        let (form_key, actor) = (key.as_str().to_owned(), proof.actor().expose().to_owned());
        self.with_audit(events, move |tx| {
            Box::pin(async move {
                sqlx::query(
                    "UPDATE exports SET done = $1, pending = '', states = $2, sealed = $3 \
                     WHERE form_key = $4 AND actor = $5 AND done = 0",
                )
                .bind(done.code())
                .bind(states)
                .bind(sealed)
                .bind(form_key)
                .bind(actor)
                .execute(&mut **tx)
                .await?;
                Ok(Some(()))
            })
        })
        .await?;
        Ok(())
    }

    /// The export made with `key` by the proof's actor of its subject's record, unless it
    /// expired.
    pub async fn export<A: Act>(&self, proof: &Authorized<A>, key: &FormKey) -> Result<Option<ExportRow>, StoreError> {
        let row = sqlx::query(
            "SELECT parts, pending, done, states, sealed, created_ms, expires_ms FROM exports \
             WHERE form_key = $1 AND actor = $2 AND subject = $3 AND expires_ms > $4",
        )
        .bind(key.as_str())
        .bind(proof.actor().expose())
        .bind(proof.subject().expose())
        .bind(now_ms())
        .fetch_optional(self.pool())
        .await?;
        let Some(row) = row else { return Ok(None) };
        Ok(Some(ExportRow {
            parts: row.try_get(0)?,
            pending: row.try_get(1)?,
            done: ExportDone::of(row.try_get(2)?),
            states: row.try_get(3)?,
            sealed: row.try_get(4)?,
            created_ms: row.try_get(5)?,
            expires_ms: row.try_get(6)?,
        }))
    }

    /// The parts of the export made with `key` by `actor` of `subject`'s record (scope
    /// names, comma-separated: no health data), for the policy to decide again before
    /// anything else of it is read.
    pub async fn export_parts(
        &self,
        actor: &carnet_core::Ssin,
        subject: &carnet_core::Ssin,
        key: &FormKey,
    ) -> Result<Option<String>, StoreError> {
        let row = sqlx::query(
            "SELECT parts FROM exports WHERE form_key = $1 AND actor = $2 AND subject = $3 AND expires_ms > $4",
        )
        .bind(key.as_str())
        .bind(actor.expose())
        .bind(subject.expose())
        .bind(now_ms())
        .fetch_optional(self.pool())
        .await?;
        row.map(|row| row.try_get(0)).transpose().map_err(StoreError::from)
    }

    /// Deletes every export that expired before `now_ms`, sealed data and all. Returns how
    /// many.
    pub async fn forget_expired_exports(&self, now_ms: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM exports WHERE expires_ms <= $1").bind(now_ms).execute(self.pool()).await?;
        Ok(done.rows_affected())
    }
}

#[cfg(test)]
mod tests {
    use carnet_core::access_event::AccessEvents;
    use carnet_core::audit::Outcome;
    use carnet_core::medication::Medications;
    use carnet_core::policy::{Read, own_proof_for_tests};

    use super::*;
    use crate::testing::stores;

    const SOFIE: &str = "85041212468";

    async fn audit_count(store: &Store) -> usize {
        let proof = own_proof_for_tests::<Read<AccessEvents>>(SOFIE);
        store.audit_for(&proof, 100).await.map(|r| r.len()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[tokio::test]
    async fn an_export_is_claimed_once_finished_with_its_audit_entry_and_forgotten_when_expired() {
        for store in stores("exports").await {
            let proof = own_proof_for_tests::<Read<Medications>>(SOFIE);
            let Some(key) = FormKey::parse("0123456789abcdef0123") else { panic!("key") };
            let later = now_ms() + 60_000;
            assert_eq!(store.claim_export(&proof, &key, "medication", "vitalink,cozo", later).await.ok(), Some(true));
            assert_eq!(store.claim_export(&proof, &key, "medication", "vitalink,cozo", later).await.ok(), Some(false));
            // Someone else's proof finds nothing under that key and cannot claim it.
            let other = own_proof_for_tests::<Read<Medications>>("41022703827");
            assert_eq!(store.export(&other, &key).await.ok().flatten(), None);
            assert!(store.claim_export(&other, &key, "medication", "", later).await.is_err());

            store.note_export_pending(&proof, &key, "cozo").await.unwrap_or_else(|e| panic!("{e}"));
            let running = store.export(&proof, &key).await.ok().flatten();
            assert_eq!(running.as_ref().map(|r| (r.pending.as_str(), r.done)), Some(("cozo", ExportDone::Running)));
            assert_eq!(audit_count(&store).await, 0);

            let mut event = AuditEvent::allowed(&proof, Outcome::Success, &["vitalink", "cozo"], None);
            event.action = "export:medication".into();
            let finished = Some(("[]".to_owned(), "sealed".to_owned()));
            store.finish_export(&proof, &key, finished, &[event]).await.unwrap_or_else(|e| panic!("{e}"));
            let ready = store.export(&proof, &key).await.ok().flatten();
            assert_eq!(ready.as_ref().map(|r| r.done), Some(ExportDone::Ready));
            assert_eq!(ready.as_ref().and_then(|r| r.sealed.as_deref()), Some("sealed"));
            assert_eq!(ready.as_ref().map(|r| r.pending.as_str()), Some(""));
            assert_eq!(audit_count(&store).await, 1, "the export's reading is audited with its data");

            assert_eq!(store.forget_expired_exports(now_ms()).await.ok(), Some(0));
            assert_eq!(store.forget_expired_exports(later + 1).await.ok(), Some(1));
            assert_eq!(store.export(&proof, &key).await.ok().flatten(), None);
        }
    }
}
