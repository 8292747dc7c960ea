//! Appending to this instance's chain: one writer task at a time takes every batch waiting
//! and writes them in one transaction (group commit), each entry MACed onto the one before.

use carnet_core::audit::AuditEvent;
use futures_util::future::BoxFuture;
use sqlx::Row;

use super::AuditRecord;
use super::key::{AuditKey, GENESIS};
use crate::{Backend, Store, StoreError, now_ms};

/// A batch of events waiting to be written, and where to send the outcome.
#[derive(Debug)]
pub(crate) struct Waiting {
    events: Vec<AuditEvent>,
    done: tokio::sync::oneshot::Sender<Result<i64, StoreError>>,
}

/// The batches waiting to be written, and whether a writer task is on them.
#[derive(Debug, Default)]
pub(crate) struct Queue {
    waiting: Vec<Waiting>,
    writing: bool,
}

/// Audit rows written by one `INSERT` at most (12 parameters each: well within SQLite's
/// and PostgreSQL's limits).
const ROWS_PER_INSERT: usize = 100;

/// This instance's chain: its id and its head (guarded: one writer at a time).
#[derive(Debug)]
pub(crate) struct Chain {
    pub(crate) id: String,
    pub(crate) key: AuditKey,
    pub(super) head: tokio::sync::Mutex<Head>,
    queue: std::sync::Mutex<Queue>,
    /// The last head written to a checkpoint.
    pub(super) checkpointed: std::sync::Mutex<i64>,
}

#[derive(Debug, Clone)]
pub(super) struct Head {
    pub(super) seq: i64,
    pub(super) mac: String,
}

impl Chain {
    pub(crate) fn new(key: AuditKey) -> Chain {
        let id: [u8; 8] = rand::random();
        Chain {
            id: hex::encode(id),
            key,
            head: tokio::sync::Mutex::new(Head { seq: 0, mac: GENESIS.to_owned() }),
            queue: Default::default(),
            checkpointed: std::sync::Mutex::new(0),
        }
    }
}

/// The writer task's mark: if the task ends before it has written everything (a panic, the
/// runtime shutting down), the next caller starts another, and those left waiting hear
/// that the writer stopped.
struct Writer<'a> {
    store: &'a Store,
    finished: bool,
}

impl Drop for Writer<'_> {
    fn drop(&mut self) {
        if !self.finished {
            let mut queue = self.store.queue();
            queue.writing = false;
            queue.waiting.clear();
        }
    }
}

impl Store {
    /// Appends one event to this instance's chain; returns its sequence number.
    pub async fn append_audit(&self, event: &AuditEvent) -> Result<i64, StoreError> {
        self.append_audit_batch(std::slice::from_ref(event)).await
    }

    /// Appends several events in one transaction (all or none); returns the sequence
    /// number of the last one. Concurrent callers share transactions (group commit): a
    /// writer task takes every batch waiting when it gets the chain, writes them in arrival
    /// order and tells each caller its outcome. A caller returns only once its own events
    /// are committed; the writing goes on if the caller is dropped meanwhile. There is one
    /// writer task at a time: it is started by the caller that finds none, and ends when
    /// nothing is left waiting (one task per caller, each queueing for the chain only to
    /// find its batch written, piled up faster than they drained under load).
    pub async fn append_audit_batch(&self, events: &[AuditEvent]) -> Result<i64, StoreError> {
        let (done, outcome) = tokio::sync::oneshot::channel();
        let start = {
            let mut queue = self.queue();
            queue.waiting.push(Waiting { events: events.to_vec(), done });
            !std::mem::replace(&mut queue.writing, true)
        };
        if start {
            let store = self.clone();
            tokio::spawn(async move { store.write_waiting().await });
        }
        outcome.await.unwrap_or_else(|_| Err(StoreError::Corrupt("the audit writer stopped".into())))
    }

    /// The writer task: writes what is waiting, one transaction per round, until nothing is.
    async fn write_waiting(&self) {
        let mut writer = Writer { store: self, finished: false };
        loop {
            let mut head = self.chain.head.lock().await;
            let waiting = {
                let mut queue = self.queue();
                if queue.waiting.is_empty() {
                    queue.writing = false;
                    writer.finished = true;
                    return;
                }
                std::mem::take(&mut queue.waiting)
            };
            self.write_batches(&mut head, waiting).await;
        }
    }

    /// Writes the batches in one transaction and tells each caller its outcome.
    #[tracing::instrument(name = "store.audit_append", skip_all)]
    async fn write_batches(&self, head: &mut Head, waiting: Vec<Waiting>) {
        let all: Vec<&AuditEvent> = waiting.iter().flat_map(|w| &w.events).collect();
        match self.write_chain(head, &all).await {
            Ok(new_head) => {
                let mut last = head.seq;
                *head = new_head;
                for w in waiting {
                    last += w.events.len() as i64;
                    let _ = w.done.send(Ok(last));
                }
            }
            Err(error) => {
                tracing::error!(error = %error, batches = waiting.len(), "an audit transaction failed");
                // Whether the commit reached the database is unknown: read the head back.
                match self.stored_head().await {
                    Ok(stored) => *head = stored,
                    Err(e) => tracing::error!(error = %e, "could not read the audit chain's head back"),
                }
                for w in waiting {
                    let _ = w.done.send(Err(StoreError::Corrupt("the audit transaction failed".into())));
                }
            }
        }
    }

    fn queue(&self) -> std::sync::MutexGuard<'_, Queue> {
        // A panic while holding this lock leaves a plain queue behind: still usable.
        self.chain.queue.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    async fn stored_head(&self) -> Result<Head, StoreError> {
        let row = sqlx::query("SELECT seq, mac FROM audit_entries WHERE chain = $1 ORDER BY seq DESC LIMIT 1")
            .bind(&self.chain.id)
            .fetch_optional(self.pool())
            .await?;
        Ok(match row {
            Some(row) => Head { seq: row.try_get(0)?, mac: row.try_get(1)? },
            None => Head { seq: 0, mac: GENESIS.to_owned() },
        })
    }

    /// Writes events after `head` in one transaction; returns the new head.
    async fn write_chain(&self, head: &Head, events: &[&AuditEvent]) -> Result<Head, StoreError> {
        let mut tx = self.begin_write().await?;
        let head = self.write_events(&mut tx, head, events).await?;
        tx.commit().await?;
        Ok(head)
    }

    /// A transaction that will write.
    pub(crate) async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>, StoreError> {
        Ok(match self.backend() {
            // Take SQLite's write lock up front (waiting for it if needed).
            Backend::Sqlite => self.pool().begin_with("BEGIN IMMEDIATE").await?,
            // Rows of other chains are other rows: no lock but the rows' own.
            Backend::Postgres => self.pool().begin().await?,
        })
    }

    /// Writes Carnet's own state and the audit entries about it in one transaction: both
    /// or neither. `state` runs first, in the transaction; when it returns `None` (it
    /// found nothing to do, a double submit) nothing is written and `None` is returned.
    pub(crate) async fn with_audit<T: Send + 'static>(
        &self,
        events: &[AuditEvent],
        state: impl for<'t> FnOnce(
            &'t mut sqlx::Transaction<'static, sqlx::Any>,
        ) -> BoxFuture<'t, Result<Option<T>, StoreError>>
        + Send
        + 'static,
    ) -> Result<Option<T>, StoreError> {
        let events = events.to_vec();
        self.with_audit_after(move |tx| Box::pin(async move { Ok(state(tx).await?.map(|value| (value, events))) }))
            .await
    }

    /// Like [`Store::with_audit`], for entries that name what `state` made (a new row's
    /// id): `state` gives them with its value.
    pub(crate) async fn with_audit_after<T>(
        &self,
        state: impl for<'t> FnOnce(
            &'t mut sqlx::Transaction<'static, sqlx::Any>,
        ) -> BoxFuture<'t, Result<Option<(T, Vec<AuditEvent>)>, StoreError>>,
    ) -> Result<Option<T>, StoreError> {
        let mut head = self.chain.head.lock().await;
        let result = async {
            let mut tx = self.begin_write().await?;
            let Some((value, events)) = state(&mut tx).await? else {
                tx.rollback().await?;
                return Ok(None);
            };
            let all: Vec<&AuditEvent> = events.iter().collect();
            let new_head = self.write_events(&mut tx, &head, &all).await?;
            tx.commit().await?;
            Ok(Some((value, new_head)))
        }
        .await;
        match result {
            Ok(Some((value, new_head))) => {
                *head = new_head;
                Ok(Some(value))
            }
            Ok(None) => Ok(None),
            Err(error) => {
                // Whether the commit reached the database is unknown: read the head back.
                if let Ok(stored) = self.stored_head().await {
                    *head = stored;
                }
                Err(error)
            }
        }
    }

    /// Appends events after `head` within `tx`; returns the new head (once committed).
    async fn write_events(
        &self,
        tx: &mut sqlx::Transaction<'static, sqlx::Any>,
        head: &Head,
        events: &[&AuditEvent],
    ) -> Result<Head, StoreError> {
        let key = &self.chain.key;
        let mut seq = head.seq;
        let mut prev_mac = head.mac.clone();
        let at_ms = now_ms();
        let mut rows = Vec::with_capacity(events.len());
        for event in events {
            seq += 1;
            let record = AuditRecord {
                chain: self.chain.id.clone(),
                seq,
                at_ms,
                actor: event.actor.as_ref().map(|s| s.expose().to_owned()).unwrap_or_default(),
                subject: event.subject.as_ref().map(|s| s.expose().to_owned()).unwrap_or_default(),
                action: event.action.clone(),
                basis: event.basis.clone(),
                outcome: event.outcome.code().to_owned(),
                sources: event.sources.clone(),
                request_id: event.request_id.clone(),
            };
            let mac = key.entry_mac(&prev_mac, &record);
            rows.push((record, std::mem::replace(&mut prev_mac, mac.clone()), mac));
        }
        // Many rows per statement: one round trip to the database for a whole group commit.
        for chunk in rows.chunks(ROWS_PER_INSERT) {
            let mut sql = String::from(
                "INSERT INTO audit_entries (chain, seq, at_ms, actor, subject, action, basis, outcome, sources, request_id, prev_mac, mac) VALUES ",
            );
            for i in 0..chunk.len() {
                let p = i * 12;
                if i > 0 {
                    sql.push_str(", ");
                }
                sql.push('(');
                for j in 1..=12 {
                    if j > 1 {
                        sql.push_str(", ");
                    }
                    // SQLite looks numbered parameters up by a linear scan (quadratic in a
                    // long statement); its anonymous ones are taken in order.
                    match self.backend() {
                        Backend::Sqlite => sql.push('?'),
                        Backend::Postgres => sql.push_str(&format!("${}", p + j)),
                    }
                }
                sql.push(')');
            }
            // Built of this function's own text and numbers: no value goes into it.
            let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (record, prev, mac) in chunk {
                query = query
                    .bind(&record.chain)
                    .bind(record.seq)
                    .bind(record.at_ms)
                    .bind(&record.actor)
                    .bind(&record.subject)
                    .bind(&record.action)
                    .bind(&record.basis)
                    .bind(&record.outcome)
                    .bind(&record.sources)
                    .bind(record.request_id.as_deref())
                    .bind(prev)
                    .bind(mac);
            }
            query.execute(&mut **tx).await?;
        }
        Ok(Head { seq, mac: prev_mac })
    }
}
