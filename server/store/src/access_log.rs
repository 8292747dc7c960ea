//! What the access log reads of Carnet's own audit log (the entries about a citizen, what
//! others read lately) and the citizen's "seen until" marker of it.

use carnet_core::access_event::AccessEvents;
use carnet_core::audit::AuditEvent;
use carnet_core::policy::{Authorized, Change, Read};
use sqlx::Row;

use crate::audit::{AuditRecord, read_record};
use crate::{Store, StoreError};

impl Store {
    /// The entries about the proof's subject, newest first: part of their access log.
    pub async fn audit_for(
        &self,
        proof: &Authorized<Read<AccessEvents>>,
        limit: i64,
    ) -> Result<Vec<AuditRecord>, StoreError> {
        // What others did and what the person did themself, each up to `limit`: neither
        // can push the other out of the log (a flood of one's own page views, or of
        // someone's attempts, leaves the other side whole).
        let mut records = Vec::new();
        for query in [
            "SELECT chain, seq, at_ms, actor, subject, action, basis, outcome, sources, request_id FROM audit_entries \
             WHERE subject = $1 AND actor <> subject ORDER BY at_ms DESC, chain DESC, seq DESC LIMIT $2",
            "SELECT chain, seq, at_ms, actor, subject, action, basis, outcome, sources, request_id FROM audit_entries \
             WHERE subject = $1 AND actor = subject ORDER BY at_ms DESC, chain DESC, seq DESC LIMIT $2",
        ] {
            let rows = sqlx::query(query).bind(proof.subject().expose()).bind(limit).fetch_all(self.pool()).await?;
            for row in &rows {
                records.push(read_record(row)?);
            }
        }
        records.sort_by(|a, b| (b.at_ms, &b.chain, b.seq).cmp(&(a.at_ms, &a.chain, a.seq)));
        Ok(records)
    }

    /// What others read of the proof's subject's record through Carnet after `since_ms`
    /// (trusted persons, parents, the helpdesk; refusals left out), oldest first, at most
    /// `limit`: the dashboard's alert of new accesses names them.
    pub async fn read_by_others_since(
        &self,
        proof: &Authorized<Read<AccessEvents>>,
        since_ms: i64,
        limit: i64,
    ) -> Result<Vec<AuditRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT chain, seq, at_ms, actor, subject, action, basis, outcome, sources, request_id FROM audit_entries \
             WHERE subject = $1 AND actor <> subject AND at_ms > $2 AND action LIKE 'read:%' AND outcome <> 'denied' \
             ORDER BY at_ms, chain, seq LIMIT $3",
        )
        .bind(proof.subject().expose())
        .bind(since_ms)
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(read_record).collect()
    }

    /// Until when the proof's subject has seen who opened their record (ms since the
    /// epoch); `None` before their first look.
    pub async fn access_seen_until(&self, proof: &Authorized<Read<AccessEvents>>) -> Result<Option<i64>, StoreError> {
        let row = sqlx::query("SELECT seen_until_ms FROM access_seen WHERE subject = $1")
            .bind(proof.subject().expose())
            .fetch_optional(self.pool())
            .await?;
        Ok(match row {
            Some(row) => Some(row.try_get(0)?),
            None => None,
        })
    }

    /// Moves the marker to `until_ms` (never back), with its audit entry, in one transaction.
    pub async fn mark_access_seen(
        &self,
        proof: &Authorized<Change<AccessEvents>>,
        until_ms: i64,
        event: &AuditEvent,
    ) -> Result<(), StoreError> {
        let subject = proof.subject().expose().to_owned();
        self.with_audit(std::slice::from_ref(event), move |tx| {
            Box::pin(async move {
                sqlx::query(
                    "INSERT INTO access_seen (subject, seen_until_ms) VALUES ($1, $2) ON CONFLICT (subject) \
                     DO UPDATE SET seen_until_ms = CASE WHEN excluded.seen_until_ms > access_seen.seen_until_ms \
                     THEN excluded.seen_until_ms ELSE access_seen.seen_until_ms END",
                )
                .bind(subject)
                .bind(until_ms)
                .execute(&mut **tx)
                .await?;
                Ok(Some(()))
            })
        })
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use carnet_core::policy::own_proof_for_tests;

    use super::*;
    use crate::testing::{actions, stores};

    const SOFIE: &str = "85041212468";

    #[tokio::test]
    async fn the_seen_marker_only_moves_forward() {
        for store in stores("seen").await {
            let read = own_proof_for_tests::<Read<AccessEvents>>(SOFIE);
            let change = own_proof_for_tests::<Change<AccessEvents>>(SOFIE);
            assert_eq!(store.access_seen_until(&read).await.ok(), Some(None));
            let event = AuditEvent::allowed(&change, carnet_core::audit::Outcome::Success, &[], None);
            for until in [2000, 1000] {
                store.mark_access_seen(&change, until, &event).await.unwrap_or_else(|e| panic!("{e}"));
            }
            assert_eq!(store.access_seen_until(&read).await.ok(), Some(Some(2000)));
            assert_eq!(actions(&store).await.map(|a| a.len()).unwrap_or_default(), 2, "each move audited");
        }
    }
}
