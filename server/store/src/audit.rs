//! The audit log: append-only and tamper-evident against someone who can write the
//! database.
//!
//! - **One chain per running instance.** Each [`Store`] opens a chain of its own (a random
//!   id): entry `n` of a chain carries a keyed MAC (HMAC-SHA-256 with the audit key, which
//!   is not in the database) over its content, its chain, its sequence number and the MAC
//!   of entry `n - 1`. An edited, inserted, removed or swapped entry breaks the chain
//!   there; without the key, nobody can compute a MAC that fits. The instance keeps its
//!   chain's head in memory, so appends take no table lock: instances (and the citizens
//!   they serve) never wait for each other; within an instance, concurrent requests share
//!   one transaction (group commit).
//! - **Signed checkpoints** of each chain's head (chain, sequence number, MAC, time, and a
//!   MAC of these by the audit key) go to a file outside the database
//!   ([`CheckpointLog`]), which operators can ship elsewhere. Deleting the newest entries
//!   of a chain, or a whole chain, is detected against its last checkpoint.
//! - The schema refuses `UPDATE`, `DELETE` and (PostgreSQL) `TRUNCATE`, and the portal's
//!   database role may only `INSERT` and `SELECT` (see [`crate::Store::grant_portal_role`]).
//!
//! [`Store::verify_audit`] checks every chain and every checkpoint.

use std::io::Write;
use std::path::{Path, PathBuf};

use carnet_core::access_event::AccessEvents;
use carnet_core::audit::AuditEvent;
use carnet_core::policy::{Authorized, Read};
use futures_util::future::BoxFuture;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use sqlx::Row;

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

/// The MAC "before" the first entry of every chain.
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The secret that makes the chain tamper-evident (32 bytes; kept outside the database).
#[derive(Clone)]
pub struct AuditKey([u8; 32]);

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(…)")
    }
}

impl AuditKey {
    pub fn new(bytes: [u8; 32]) -> AuditKey {
        AuditKey(bytes)
    }

    /// HMAC-SHA-256 over length-prefixed fields, hex.
    fn mac(&self, label: &str, fields: &[&str]) -> String {
        // A 32-byte key always fits HMAC.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.0) else { return String::new() };
        for field in std::iter::once(label).chain(fields.iter().copied()) {
            mac.update(&(field.len() as u64).to_le_bytes());
            mac.update(field.as_bytes());
        }
        hex::encode(mac.finalize().into_bytes())
    }

    fn entry_mac(&self, prev_mac: &str, record: &AuditRecord) -> String {
        self.mac(
            "carnet-audit-entry-v1",
            &[
                prev_mac,
                &record.chain,
                &record.seq.to_string(),
                &record.at_ms.to_string(),
                &record.actor,
                &record.subject,
                &record.action,
                &record.basis,
                &record.outcome,
                &record.sources,
                record.request_id.as_deref().unwrap_or("\u{0}none"),
            ],
        )
    }

    fn checkpoint_sig(&self, chain: &str, seq: i64, mac: &str, at_ms: i64) -> String {
        self.mac("carnet-audit-checkpoint-v1", &[chain, &seq.to_string(), mac, &at_ms.to_string()])
    }
}

/// One stored entry, as shown to the citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    /// The chain (one per running instance) and the entry's place in it.
    pub chain: String,
    pub seq: i64,
    pub at_ms: i64,
    /// The actor's and the subject's national register numbers; empty when unknown.
    pub actor: String,
    pub subject: String,
    pub action: String,
    pub basis: String,
    pub outcome: String,
    pub sources: String,
    pub request_id: Option<String>,
}

/// The head of a chain at one moment, signed with the audit key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub chain: String,
    pub seq: i64,
    pub mac: String,
    pub at_ms: i64,
    pub sig: String,
}

/// What [`Store::verify_audit`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every chain is whole and reaches at least its last checkpoint.
    Intact { chains: usize, entries: u64, checkpoints: usize },
    /// The first place where it is not, and why.
    Broken { chain: String, seq: i64, reason: String },
}

/// This instance's chain: its id and its head (guarded: one writer at a time).
#[derive(Debug)]
pub(crate) struct Chain {
    pub(crate) id: String,
    pub(crate) key: AuditKey,
    head: tokio::sync::Mutex<Head>,
    queue: std::sync::Mutex<Queue>,
    /// The last head written to a checkpoint.
    checkpointed: std::sync::Mutex<i64>,
}

#[derive(Debug, Clone)]
struct Head {
    seq: i64,
    mac: String,
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

    /// This instance's chain id.
    pub fn audit_chain(&self) -> &str {
        &self.chain.id
    }

    /// A signed checkpoint of this instance's chain head, if it moved since the last one.
    /// Only committed entries are in the head.
    pub async fn audit_checkpoint(&self) -> Option<Checkpoint> {
        let head = self.chain.head.lock().await.clone();
        let mut last = self.chain.checkpointed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if head.seq == *last {
            return None;
        }
        *last = head.seq;
        let at_ms = now_ms();
        let sig = self.chain.key.checkpoint_sig(&self.chain.id, head.seq, &head.mac, at_ms);
        Some(Checkpoint { chain: self.chain.id.clone(), seq: head.seq, mac: head.mac, at_ms, sig })
    }

    /// Checks every chain in the database with the audit key, and that each reaches its
    /// latest checkpoint in `checkpoints` (whose signatures are checked too).
    pub async fn verify_audit(&self, checkpoints: &[Checkpoint]) -> Result<Verdict, StoreError> {
        use futures_util::TryStreamExt;
        let key = &self.chain.key;
        // The latest checkpoint of each chain (a bad signature is itself a finding).
        let mut latest: std::collections::BTreeMap<&str, &Checkpoint> = Default::default();
        for cp in checkpoints {
            if key.checkpoint_sig(&cp.chain, cp.seq, &cp.mac, cp.at_ms) != cp.sig {
                return Ok(Verdict::Broken {
                    chain: cp.chain.clone(),
                    seq: cp.seq,
                    reason: "a checkpoint is not signed with this audit key".into(),
                });
            }
            if latest.get(cp.chain.as_str()).is_none_or(|known| known.seq < cp.seq) {
                latest.insert(&cp.chain, cp);
            }
        }
        let mut rows = sqlx::query(
            "SELECT chain, seq, at_ms, actor, subject, action, basis, outcome, sources, request_id, prev_mac, mac \
             FROM audit_entries ORDER BY chain, seq",
        )
        .fetch(self.pool());
        let mut entries = 0u64;
        let mut chains = 0usize;
        // The chain being walked: its id, the next expected sequence number, the previous MAC.
        let mut walking: Option<(String, i64, String)> = None;
        let mut finish = |chain: &str, next_seq: i64, last_mac: &str| -> Option<Verdict> {
            chains += 1;
            let cp = latest.remove(chain)?;
            let last_seq = next_seq - 1;
            if last_seq < cp.seq {
                return Some(Verdict::Broken {
                    chain: chain.to_owned(),
                    seq: next_seq,
                    reason: format!("entries up to {} were checkpointed, the chain ends at {last_seq}", cp.seq),
                });
            }
            if last_seq == cp.seq && last_mac != cp.mac {
                return Some(Verdict::Broken {
                    chain: chain.to_owned(),
                    seq: cp.seq,
                    reason: "differs from its checkpoint".into(),
                });
            }
            None
        };
        while let Some(row) = rows.try_next().await? {
            let record = read_record(&row)?;
            let stored_prev: String = row.try_get(10)?;
            let stored_mac: String = row.try_get(11)?;
            let (expected_seq, prev) = match &walking {
                Some((chain, next, prev)) if *chain == record.chain => (*next, prev.clone()),
                _ => {
                    if let Some((chain, next, prev)) = walking.take()
                        && let Some(broken) = finish(&chain, next, &prev)
                    {
                        return Ok(broken);
                    }
                    (1, GENESIS.to_owned())
                }
            };
            let broken = |seq: i64, reason: &str| Verdict::Broken {
                chain: record.chain.clone(),
                seq,
                reason: reason.to_owned(),
            };
            if record.seq != expected_seq {
                return Ok(broken(expected_seq, "missing (the chain skips it)"));
            }
            if stored_prev != prev || key.entry_mac(&prev, &record) != stored_mac {
                return Ok(broken(record.seq, "its content or its place does not match its MAC"));
            }
            entries += 1;
            walking = Some((record.chain, expected_seq + 1, stored_mac));
        }
        if let Some((chain, next, prev)) = walking.take()
            && let Some(broken) = finish(&chain, next, &prev)
        {
            return Ok(broken);
        }
        // A checkpointed chain with no entry left at all.
        if let Some((chain, cp)) = latest.into_iter().next() {
            return Ok(Verdict::Broken {
                chain: chain.to_owned(),
                seq: 1,
                reason: format!("entries up to {} were checkpointed, none is left", cp.seq),
            });
        }
        Ok(Verdict::Intact { chains, entries, checkpoints: checkpoints.len() })
    }
}

fn read_record(row: &sqlx::any::AnyRow) -> Result<AuditRecord, StoreError> {
    Ok(AuditRecord {
        chain: row.try_get(0)?,
        seq: row.try_get(1)?,
        at_ms: row.try_get(2)?,
        actor: row.try_get(3)?,
        subject: row.try_get(4)?,
        action: row.try_get(5)?,
        basis: row.try_get(6)?,
        outcome: row.try_get(7)?,
        sources: row.try_get(8)?,
        request_id: row.try_get(9)?,
    })
}

/// The checkpoint file: one JSON object per line, appended (never rewritten), so it can
/// be shipped elsewhere as it grows (a log shipper, `tail -F`, a WORM store).
#[derive(Debug, Clone)]
pub struct CheckpointLog {
    path: PathBuf,
}

impl CheckpointLog {
    pub fn new(path: impl Into<PathBuf>) -> CheckpointLog {
        CheckpointLog { path: path.into() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one checkpoint and syncs it to disk.
    pub fn append(&self, checkpoint: &Checkpoint) -> std::io::Result<()> {
        let mut line = serde_json::to_string(checkpoint).map_err(std::io::Error::other)?;
        line.push('\n');
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(&self.path)?;
        // One write of one line: appends of several processes do not interleave.
        file.write_all(line.as_bytes())?;
        file.sync_data()
    }

    /// Every checkpoint in the file (none if there is no file yet); a line that is not a
    /// checkpoint is an error naming its number.
    pub fn read(&self) -> std::io::Result<Vec<Checkpoint>> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            // A torn last line (a crash during the write) is not a checkpoint, but is no
            // finding either: the one before it still holds.
            match serde_json::from_str::<Checkpoint>(line) {
                Ok(cp) => out.push(cp),
                Err(_) if n + 1 == text.lines().count() && !text.ends_with('\n') => {}
                Err(e) => {
                    return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, format!("line {}: {e}", n + 1)));
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{owner_pool, stores};
    use carnet_core::Ssin;
    use carnet_core::audit::Outcome;
    use carnet_core::policy::own_proof_for_tests;

    fn event(subject: &str, outcome: Outcome) -> AuditEvent {
        let Ok(ssin) = Ssin::parse(subject) else { panic!("valid test ssin") };
        AuditEvent {
            actor: Some(ssin.clone()),
            subject: Some(ssin),
            action: "read:vaccinations".into(),
            basis: "self".into(),
            outcome,
            sources: "vitalink".into(),
            request_id: Some("req-1".into()),
        }
    }

    async fn append_n(store: &Store, n: usize) {
        for _ in 0..n {
            store.append_audit(&event("85041212468", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
        }
    }

    async fn verdict(store: &Store, checkpoints: &[Checkpoint]) -> Verdict {
        store.verify_audit(checkpoints).await.unwrap_or_else(|e| panic!("{e}"))
    }

    /// Runs SQL as someone who can write the database (the owner, triggers off), as an
    /// attacker with database access would.
    async fn tamper(store: &Store, sql: &str) {
        let pool = owner_pool(store).await;
        let statements: Vec<String> = match store.backend() {
            Backend::Sqlite => vec![
                "DROP TRIGGER IF EXISTS audit_entries_no_update".into(),
                "DROP TRIGGER IF EXISTS audit_entries_no_delete".into(),
                sql.to_owned(),
            ],
            Backend::Postgres => vec![
                "ALTER TABLE audit_entries DISABLE TRIGGER USER".into(),
                sql.to_owned(),
                "ALTER TABLE audit_entries ENABLE TRIGGER USER".into(),
            ],
        };
        for statement in statements {
            sqlx::query(sqlx::AssertSqlSafe(statement)).execute(&pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
        }
        pool.close().await;
    }

    fn intact(v: &Verdict) -> bool {
        matches!(v, Verdict::Intact { .. })
    }

    fn broken_at(v: &Verdict) -> Option<i64> {
        match v {
            Verdict::Broken { seq, .. } => Some(*seq),
            Verdict::Intact { .. } => None,
        }
    }

    #[tokio::test]
    async fn entries_chain_and_read_back_newest_first() {
        for store in stores("audit-chain").await {
            let first =
                store.append_audit(&event("85041212468", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
            let second =
                store.append_audit(&event("41022703827", Outcome::Failure)).await.unwrap_or_else(|e| panic!("{e}"));
            let third =
                store.append_audit(&event("85041212468", Outcome::Partial)).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!((first, second, third), (1, 2, 3));
            let sofie = own_proof_for_tests("85041212468");
            let entries = store.audit_for(&sofie, 10).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(entries.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![3, 1]);
            assert_eq!(entries.first().map(|e| e.outcome.as_str()), Some("partial"));
            assert_eq!(verdict(&store, &[]).await, Verdict::Intact { chains: 1, entries: 3, checkpoints: 0 });
        }
    }

    /// Someone else's accesses are not pushed out of the log by the person's own page
    /// views (nor the other way round): each side is read up to the limit.
    #[tokio::test]
    async fn the_log_of_others_and_of_oneself_each_keep_their_newest_entries() {
        for store in stores("audit-sides").await {
            let Ok(pieter) = Ssin::parse("68081420385") else { panic!("valid test ssin") };
            let by_pieter = AuditEvent { actor: Some(pieter), ..event("41022703827", Outcome::Success) };
            store.append_audit(&by_pieter).await.unwrap_or_else(|e| panic!("{e}"));
            for _ in 0..5 {
                store.append_audit(&event("41022703827", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
            }
            let maria = own_proof_for_tests("41022703827");
            let entries = store.audit_for(&maria, 3).await.unwrap_or_else(|e| panic!("{e}"));
            let actors: Vec<&str> = entries.iter().map(|e| e.actor.as_str()).collect();
            assert_eq!(actors, vec!["41022703827", "41022703827", "41022703827", "68081420385"], "newest first");
        }
    }

    #[tokio::test]
    async fn a_batch_chains_each_entry_in_one_transaction() {
        for store in stores("audit-batch").await {
            store.append_audit(&event("85041212468", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
            let batch = [
                event("85041212468", Outcome::Partial),
                event("85041212468", Outcome::Failure),
                event("41022703827", Outcome::Success),
            ];
            let last = store.append_audit_batch(&batch).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(last, 4);
            let sofie = own_proof_for_tests("85041212468");
            let entries = store.audit_for(&sofie, 10).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                entries.iter().map(|e| (e.seq, e.outcome.as_str())).collect::<Vec<_>>(),
                vec![(3, "failure"), (2, "partial"), (1, "success")]
            );
            assert!(intact(&verdict(&store, &[]).await));
        }
    }

    #[tokio::test]
    async fn the_log_refuses_updates_deletes_and_truncation() {
        for store in stores("audit-append-only").await {
            store.append_audit(&event("85041212468", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
            let update =
                sqlx::query("UPDATE audit_entries SET outcome = 'success' WHERE seq = 1").execute(store.pool()).await;
            assert!(update.is_err(), "{:?}: update must fail", store.backend());
            let delete = sqlx::query("DELETE FROM audit_entries WHERE seq = 1").execute(store.pool()).await;
            assert!(delete.is_err(), "{:?}: delete must fail", store.backend());
            if store.backend() == Backend::Postgres {
                let truncate = sqlx::query("TRUNCATE audit_entries").execute(store.pool()).await;
                assert!(truncate.is_err(), "truncate must fail");
                // Even the owner's TRUNCATE meets the trigger.
                let owner = owner_pool(&store).await;
                let truncate = sqlx::query("TRUNCATE audit_entries").execute(&owner).await;
                assert!(truncate.is_err(), "the owner's truncate must meet the trigger");
            }
            assert!(intact(&verdict(&store, &[]).await));
        }
    }

    #[tokio::test]
    async fn the_portal_role_may_only_insert_and_select_the_audit_log() {
        for store in stores("audit-role").await {
            if store.backend() != Backend::Postgres {
                continue;
            }
            for sql in [
                "ALTER TABLE audit_entries DISABLE TRIGGER USER",
                "DROP TRIGGER audit_entries_no_change ON audit_entries",
                "DROP TABLE audit_entries",
                "CREATE TABLE x (a int)",
            ] {
                let result = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(store.pool()).await;
                assert!(result.is_err(), "the portal role must not be able to {sql}");
            }
        }
    }

    #[tokio::test]
    async fn an_edited_entry_is_found() {
        for store in stores("audit-edit").await {
            append_n(&store, 4).await;
            tamper(&store, "UPDATE audit_entries SET outcome = 'denied' WHERE seq = 2").await;
            assert_eq!(broken_at(&verdict(&store, &[]).await), Some(2), "{:?}", store.backend());
        }
    }

    #[tokio::test]
    async fn a_recomputed_plain_hash_does_not_fit() {
        for store in stores("audit-rehash").await {
            append_n(&store, 2).await;
            // Without the key, a forger can only guess at the MAC.
            tamper(&store, "UPDATE audit_entries SET subject = '41022703827', mac = '00' WHERE seq = 2").await;
            assert_eq!(broken_at(&verdict(&store, &[]).await), Some(2));
        }
    }

    #[tokio::test]
    async fn a_deleted_middle_entry_is_found() {
        for store in stores("audit-delete-middle").await {
            append_n(&store, 5).await;
            tamper(&store, "DELETE FROM audit_entries WHERE seq = 3").await;
            assert_eq!(broken_at(&verdict(&store, &[]).await), Some(3), "{:?}", store.backend());
        }
    }

    #[tokio::test]
    async fn swapped_entries_are_found() {
        for store in stores("audit-swap").await {
            store.append_audit(&event("85041212468", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
            store.append_audit(&event("41022703827", Outcome::Failure)).await.unwrap_or_else(|e| panic!("{e}"));
            store.append_audit(&event("85041212468", Outcome::Partial)).await.unwrap_or_else(|e| panic!("{e}"));
            // Entries 2 and 3 trade places (each keeps its MAC, the numbers swap).
            tamper(&store, "UPDATE audit_entries SET seq = -1 WHERE seq = 2").await;
            tamper(&store, "UPDATE audit_entries SET seq = 2 WHERE seq = 3").await;
            tamper(&store, "UPDATE audit_entries SET seq = 3 WHERE seq = -1").await;
            assert_eq!(broken_at(&verdict(&store, &[]).await), Some(2), "{:?}", store.backend());
        }
    }

    #[tokio::test]
    async fn a_deleted_tail_is_found_against_the_last_checkpoint() {
        for store in stores("audit-tail").await {
            append_n(&store, 5).await;
            let Some(cp) = store.audit_checkpoint().await else { panic!("the head moved") };
            assert_eq!(cp.seq, 5);
            assert_eq!(store.audit_checkpoint().await, None, "no new checkpoint while the head stays");
            assert!(intact(&verdict(&store, std::slice::from_ref(&cp)).await));
            tamper(&store, "DELETE FROM audit_entries WHERE seq >= 4").await;
            // Without the checkpoint the shorter chain looks whole: that is what it is for.
            assert!(intact(&verdict(&store, &[]).await));
            let found = verdict(&store, std::slice::from_ref(&cp)).await;
            assert_eq!(broken_at(&found), Some(4), "{:?}: {found:?}", store.backend());
        }
    }

    #[tokio::test]
    async fn a_whole_deleted_chain_and_a_forged_checkpoint_are_found() {
        for store in stores("audit-chain-gone").await {
            append_n(&store, 2).await;
            let Some(cp) = store.audit_checkpoint().await else { panic!("the head moved") };
            let forged = Checkpoint { seq: 1, ..cp.clone() };
            assert_eq!(broken_at(&verdict(&store, &[cp.clone(), forged]).await), Some(1));
            tamper(&store, "DELETE FROM audit_entries").await;
            assert_eq!(broken_at(&verdict(&store, &[cp]).await), Some(1));
        }
    }

    #[tokio::test]
    async fn another_key_finds_nothing_intact() {
        for store in stores("audit-other-key").await {
            append_n(&store, 1).await;
            let other = store.with_audit_key(AuditKey::new([7; 32]));
            assert_eq!(broken_at(&verdict(&other, &[]).await), Some(1));
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
                        let person = carnet_core::Principal::for_tests(ssin, "Sofie", vec![carnet_core::Role::Citizen]);
                        store.record_login(&person).await
                    }
                }));
            }
            for task in tasks {
                task.await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|e| panic!("{:?}: {e}", store.backend()));
            }
            assert_eq!(verdict(&store, &[]).await, Verdict::Intact { chains: 1, entries: 15, checkpoints: 0 });
        }
    }

    #[tokio::test]
    async fn concurrent_appends_share_one_writer_that_ends_when_nothing_waits() {
        for store in stores("audit-one-writer").await {
            append_n(&store, 1).await;
            let metrics = tokio::runtime::Handle::current().metrics();
            let before = metrics.num_alive_tasks();
            let one = event("85041212468", Outcome::Success);
            let appends = (0..500).map(|_| store.append_audit(&one));
            let mut seqs: Vec<i64> = futures_util::future::join_all(appends)
                .await
                .into_iter()
                .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
                .collect();
            seqs.sort_unstable();
            assert_eq!(seqs, (2..=501).collect::<Vec<i64>>(), "each caller is told its own entry");
            // At most the one writer is left (about to find nothing waiting), and a task or
            // two the pool may have started. A task per caller left hundreds queueing for the
            // chain with nothing to write: under load they piled up faster than they drained.
            let left = metrics.num_alive_tasks().saturating_sub(before);
            assert!(left <= 3, "{:?}: {left} tasks still alive", store.backend());
            assert_eq!(verdict(&store, &[]).await, Verdict::Intact { chains: 1, entries: 501, checkpoints: 0 });
        }
    }

    #[tokio::test]
    async fn two_instances_append_concurrently_each_to_its_own_chain() {
        for store in stores("audit-two-instances").await {
            // A second instance on the same database: a chain of its own.
            let other = store.reopen().await;
            assert_ne!(store.audit_chain(), other.audit_chain());
            let mut tasks = Vec::new();
            for i in 0..40 {
                let s = if i % 2 == 0 { store.clone() } else { other.clone() };
                tasks.push(tokio::spawn(async move { s.append_audit(&event("85041212468", Outcome::Success)).await }));
            }
            for task in tasks {
                task.await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|e| panic!("{:?}: {e}", store.backend()));
            }
            let checkpoints: Vec<Checkpoint> =
                [store.audit_checkpoint().await, other.audit_checkpoint().await].into_iter().flatten().collect();
            assert_eq!(checkpoints.iter().map(|c| c.seq).collect::<Vec<_>>(), vec![20, 20]);
            assert_eq!(verdict(&store, &checkpoints).await, Verdict::Intact { chains: 2, entries: 40, checkpoints: 2 });
            let sofie = own_proof_for_tests("85041212468");
            assert_eq!(store.audit_for(&sofie, 100).await.map(|e| e.len()).ok(), Some(40), "both chains are read");
        }
    }

    #[test]
    fn the_checkpoint_log_appends_lines_and_survives_a_torn_last_line() {
        let dir = std::env::temp_dir().join(format!("carnet-cp-{}-{}", std::process::id(), now_ms()));
        let _ = std::fs::create_dir_all(&dir);
        let log = CheckpointLog::new(dir.join("checkpoints.jsonl"));
        assert_eq!(log.read().ok().map(|c| c.len()), Some(0), "no file yet: no checkpoints");
        let cp = Checkpoint { chain: "a".into(), seq: 1, mac: "m".into(), at_ms: 1, sig: "s".into() };
        log.append(&cp).unwrap_or_else(|e| panic!("{e}"));
        log.append(&Checkpoint { seq: 2, ..cp.clone() }).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(log.read().ok().map(|c| c.iter().map(|c| c.seq).collect::<Vec<_>>()), Some(vec![1, 2]));
        let mut file = std::fs::OpenOptions::new().append(true).open(log.path()).unwrap_or_else(|e| panic!("{e}"));
        file.write_all(b"{\"chain\":\"a\",\"se").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(log.read().ok().map(|c| c.len()), Some(2), "a torn last line is skipped");
        file.write_all(b"\n{}\n").unwrap_or_else(|e| panic!("{e}"));
        assert!(log.read().is_err(), "a bad line in the middle is an error");
    }
}
