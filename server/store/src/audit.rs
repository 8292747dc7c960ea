//! The audit log: append-only (the schema refuses updates and deletes) and hash-chained
//! (each entry's hash covers its content and the previous entry's hash, so a removed or
//! altered entry breaks the chain from there on).

use carnet_core::Ssin;
use carnet_core::audit::AuditEvent;
use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::{Backend, Store, StoreError, now_ms};

/// A batch of events waiting to be written, and where to send the outcome.
#[derive(Debug)]
pub(crate) struct Waiting {
    events: Vec<AuditEvent>,
    done: tokio::sync::oneshot::Sender<Result<i64, StoreError>>,
}

/// The hash before the first entry.
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One stored entry, as shown to the citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    pub seq: i64,
    pub at_ms: i64,
    pub actor: String,
    pub subject: String,
    pub action: String,
    pub basis: String,
    pub outcome: String,
    pub sources: String,
    pub request_id: Option<String>,
}

/// The result of checking the whole chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainCheck {
    Intact { entries: i64 },
    Broken { at_seq: i64 },
}

fn entry_hash(prev_hash: &str, record: &AuditRecord) -> String {
    let mut hasher = Sha256::new();
    for field in [
        prev_hash,
        &record.seq.to_string(),
        &record.at_ms.to_string(),
        &record.actor,
        &record.subject,
        &record.action,
        &record.basis,
        &record.outcome,
        &record.sources,
        record.request_id.as_deref().unwrap_or(""),
    ] {
        hasher.update(field.len().to_le_bytes());
        hasher.update(field.as_bytes());
    }
    hex::encode(hasher.finalize())
}

impl Store {
    /// Appends one event to the chain; returns its sequence number.
    pub async fn append_audit(&self, event: &AuditEvent) -> Result<i64, StoreError> {
        self.append_audit_batch(std::slice::from_ref(event)).await
    }

    /// Appends several events to the chain in one transaction (all or none); returns the
    /// sequence number of the last one. Concurrent callers share transactions (group
    /// commit): a writer task takes every batch waiting when it gets the lock, writes them
    /// in arrival order and tells each caller its outcome. A caller returns only once its
    /// own events are committed; the writing goes on if the caller is dropped meanwhile.
    pub async fn append_audit_batch(&self, events: &[AuditEvent]) -> Result<i64, StoreError> {
        let (done, outcome) = tokio::sync::oneshot::channel();
        self.queue().push(Waiting { events: events.to_vec(), done });
        let store = self.clone();
        tokio::spawn(async move { store.flush_audit().await });
        outcome.await.unwrap_or_else(|_| Err(StoreError::Corrupt("the audit writer stopped".into())))
    }

    /// Writes every waiting batch in one transaction (nothing if an earlier writer took them).
    #[tracing::instrument(name = "store.audit_append", skip_all)]
    async fn flush_audit(&self) {
        let _guard = self.audit_lock.lock().await;
        let waiting = std::mem::take(&mut *self.queue());
        if waiting.is_empty() {
            return;
        }
        let all: Vec<&AuditEvent> = waiting.iter().flat_map(|w| &w.events).collect();
        match self.write_chain(&all).await {
            Ok(first_seq) => {
                let mut last = first_seq - 1;
                for w in waiting {
                    last += w.events.len() as i64;
                    let _ = w.done.send(Ok(last));
                }
            }
            Err(error) => {
                tracing::error!(error = %error, batches = waiting.len(), "an audit transaction failed");
                for w in waiting {
                    let _ = w.done.send(Err(StoreError::Corrupt("the audit transaction failed".into())));
                }
            }
        }
    }

    fn queue(&self) -> std::sync::MutexGuard<'_, Vec<Waiting>> {
        // A panic while holding this lock leaves a plain Vec behind: still usable.
        self.audit_queue.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Writes events to the chain in one transaction; returns the first one's sequence
    /// number. The caller holds `audit_lock`.
    async fn write_chain(&self, events: &[&AuditEvent]) -> Result<i64, StoreError> {
        let mut tx = match self.backend() {
            // Take SQLite's write lock up front (waiting for it if needed): a deferred
            // transaction that reads and then writes fails at once if another write came
            // in between.
            Backend::Sqlite => self.pool().begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => {
                let mut tx = self.pool().begin().await?;
                // Other instances append to the same chain: one at a time.
                sqlx::query("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE").execute(&mut *tx).await?;
                tx
            }
        };
        let last = sqlx::query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            .fetch_optional(&mut *tx)
            .await?;
        let (mut seq, mut prev_hash) = match last {
            Some(row) => (row.try_get::<i64, _>(0)?, row.try_get::<String, _>(1)?),
            None => (0, GENESIS.to_owned()),
        };
        let first = seq + 1;
        let at_ms = now_ms();
        for event in events {
            seq += 1;
            let record = AuditRecord {
                seq,
                at_ms,
                actor: event.actor.expose().to_owned(),
                subject: event.subject.expose().to_owned(),
                action: event.action.clone(),
                basis: event.basis.clone(),
                outcome: event.outcome.code().to_owned(),
                sources: event.sources.clone(),
                request_id: event.request_id.clone(),
            };
            let hash = entry_hash(&prev_hash, &record);
            sqlx::query(
                "INSERT INTO audit_log (seq, at_ms, actor, subject, action, basis, outcome, sources, request_id, prev_hash, hash) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind(record.seq)
            .bind(record.at_ms)
            .bind(&record.actor)
            .bind(&record.subject)
            .bind(&record.action)
            .bind(&record.basis)
            .bind(&record.outcome)
            .bind(&record.sources)
            .bind(record.request_id.as_deref())
            .bind(&prev_hash)
            .bind(&hash)
            .execute(&mut *tx)
            .await?;
            prev_hash = hash;
        }
        tx.commit().await?;
        Ok(first)
    }

    /// The entries about one person, newest first.
    pub async fn audit_for(&self, subject: &Ssin, limit: i64) -> Result<Vec<AuditRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT seq, at_ms, actor, subject, action, basis, outcome, sources, request_id FROM audit_log \
             WHERE subject = $1 ORDER BY seq DESC LIMIT $2",
        )
        .bind(subject.expose())
        .bind(limit)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(read_record).collect()
    }

    /// Recomputes the whole chain.
    pub async fn verify_audit_chain(&self) -> Result<ChainCheck, StoreError> {
        let rows = sqlx::query(
            "SELECT seq, at_ms, actor, subject, action, basis, outcome, sources, request_id, prev_hash, hash \
             FROM audit_log ORDER BY seq",
        )
        .fetch_all(self.pool())
        .await?;
        let mut prev = GENESIS.to_owned();
        for (expected_seq, row) in (1_i64..).zip(rows.iter()) {
            let record = read_record(row)?;
            let stored_prev: String = row.try_get(9)?;
            let stored_hash: String = row.try_get(10)?;
            if record.seq != expected_seq || stored_prev != prev || entry_hash(&prev, &record) != stored_hash {
                return Ok(ChainCheck::Broken { at_seq: record.seq });
            }
            prev = stored_hash;
        }
        Ok(ChainCheck::Intact { entries: rows.len() as i64 })
    }
}

fn read_record(row: &sqlx::any::AnyRow) -> Result<AuditRecord, StoreError> {
    Ok(AuditRecord {
        seq: row.try_get(0)?,
        at_ms: row.try_get(1)?,
        actor: row.try_get(2)?,
        subject: row.try_get(3)?,
        action: row.try_get(4)?,
        basis: row.try_get(5)?,
        outcome: row.try_get(6)?,
        sources: row.try_get(7)?,
        request_id: row.try_get(8)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::stores;
    use carnet_core::audit::Outcome;

    fn event(subject: &str, outcome: Outcome) -> AuditEvent {
        let Ok(ssin) = Ssin::parse(subject) else { panic!("valid test ssin") };
        AuditEvent {
            actor: ssin.clone(),
            subject: ssin,
            action: "read:vaccinations".into(),
            basis: "self".into(),
            outcome,
            sources: "vitalink".into(),
            request_id: Some("req-1".into()),
        }
    }

    #[tokio::test]
    async fn entries_chain_and_read_back_newest_first() {
        for store in stores("audit-chain").await {
            let first = store.append_audit(&event("85041212468", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
            let second = store.append_audit(&event("41022703827", Outcome::Failure)).await.unwrap_or_else(|e| panic!("{e}"));
            let third = store.append_audit(&event("85041212468", Outcome::Partial)).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!((first, second, third), (1, 2, 3));
            let Ok(sofie) = Ssin::parse("85041212468") else { panic!() };
            let entries = store.audit_for(&sofie, 10).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(entries.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![3, 1]);
            assert_eq!(entries.first().map(|e| e.outcome.as_str()), Some("partial"));
            assert_eq!(store.verify_audit_chain().await.ok(), Some(ChainCheck::Intact { entries: 3 }));
        }
    }

    #[tokio::test]
    async fn a_batch_chains_each_entry_in_one_transaction() {
        for store in stores("audit-batch").await {
            store.append_audit(&event("85041212468", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
            let batch = [event("85041212468", Outcome::Partial), event("85041212468", Outcome::Failure), event("41022703827", Outcome::Success)];
            let last = store.append_audit_batch(&batch).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(last, 4);
            let Ok(sofie) = Ssin::parse("85041212468") else { panic!() };
            let entries = store.audit_for(&sofie, 10).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(entries.iter().map(|e| (e.seq, e.outcome.as_str())).collect::<Vec<_>>(), vec![(3, "failure"), (2, "partial"), (1, "success")]);
            assert_eq!(store.verify_audit_chain().await.ok(), Some(ChainCheck::Intact { entries: 4 }));
        }
    }

    #[tokio::test]
    async fn the_log_refuses_updates_and_deletes() {
        for store in stores("audit-append-only").await {
            store.append_audit(&event("85041212468", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
            let update = sqlx::query("UPDATE audit_log SET outcome = 'success' WHERE seq = 1").execute(store.pool()).await;
            assert!(update.is_err(), "{:?}: update must fail", store.backend());
            let delete = sqlx::query("DELETE FROM audit_log WHERE seq = 1").execute(store.pool()).await;
            assert!(delete.is_err(), "{:?}: delete must fail", store.backend());
        }
    }

    #[tokio::test]
    async fn a_forged_entry_breaks_the_chain() {
        for store in stores("audit-forged").await {
            store.append_audit(&event("85041212468", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
            // Someone with database access inserts an entry without the right hash.
            sqlx::query(
                "INSERT INTO audit_log (seq, at_ms, actor, subject, action, basis, outcome, sources, request_id, prev_hash, hash) \
                 VALUES (2, 0, 'x', 'x', 'read:vaccinations', 'self', 'success', '', NULL, 'bad', 'bad')",
            )
            .execute(store.pool())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(store.verify_audit_chain().await.ok(), Some(ChainCheck::Broken { at_seq: 2 }));
        }
    }

    #[tokio::test]
    async fn appends_succeed_while_other_writes_run() {
        for store in stores("audit-mixed-writes").await {
            let Ok(ssin) = Ssin::parse("85041212468") else { panic!() };
            let mut tasks = Vec::new();
            for i in 0..30 {
                let store = store.clone();
                let ssin = ssin.clone();
                tasks.push(tokio::spawn(async move {
                    if i % 2 == 0 {
                        store.append_audit(&event("85041212468", Outcome::Success)).await.map(|_| ())
                    } else {
                        store.record_login(&ssin, "Sofie").await
                    }
                }));
            }
            for task in tasks {
                task.await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|e| panic!("{:?}: {e}", store.backend()));
            }
            assert_eq!(store.verify_audit_chain().await.ok(), Some(ChainCheck::Intact { entries: 15 }));
        }
    }

    #[tokio::test]
    async fn concurrent_appends_keep_one_chain() {
        for store in stores("audit-concurrent").await {
            let mut tasks = Vec::new();
            for _ in 0..20 {
                let store = store.clone();
                tasks.push(tokio::spawn(async move { store.append_audit(&event("85041212468", Outcome::Success)).await }));
            }
            for task in tasks {
                let result = task.await.unwrap_or_else(|e| panic!("{e}"));
                result.unwrap_or_else(|e| panic!("{e}"));
            }
            assert_eq!(store.verify_audit_chain().await.ok(), Some(ChainCheck::Intact { entries: 20 }));
        }
    }
}
