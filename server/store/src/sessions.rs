//! Sessions in the database, so that every instance sees every session.
//!
//! A `tower_sessions` store over the `sessions` table. Records are JSON; an expired
//! record is never loaded and is swept by [`SqlSessionStore::delete_expired`].
//!
//! **Read through an in-process cache.** What this process last read or wrote of a
//! session is kept for at most `trust_for` (default a minute), so a page view reads no
//! session row. The cache is exact for what goes through this process (its writes and
//! deletes update it at once: a logout here is immediate here). What another process does
//! reaches it as follows:
//! - PostgreSQL (several instances): every change or deletion of a session row sends a
//!   notification (a trigger, migration 0006) with a hash of the session's id; each
//!   instance listens ([`SqlSessionStore::listen`]) and forgets that session, within
//!   milliseconds. While the listening connection is down the cache is emptied and not
//!   used, so a missed notification can never keep a session that was ended elsewhere.
//! - SQLite is one instance's database: nothing else changes its sessions.
//!
//! **Only what the database confirmed is cached, and a deleted session stays deleted.** A
//! save whose `UPDATE` changed no row (the session was ended meanwhile) caches nothing.
//! Every deletion here and every notification from elsewhere moves a generation counter
//! (under the cache's lock, before and after the row goes); a read or write caches its
//! record only if the counter has not moved since it began. So a request that straddles a
//! logout — it read or wrote the row just before the `DELETE` — cannot put the session
//! back into the cache on any instance.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use sha2::{Digest, Sha256};
use sqlx::Row;
use time::OffsetDateTime;
use tower_sessions_core::session::{Id, Record};
use tower_sessions_core::session_store::{self, ExpiredDeletion, SessionStore};

use crate::{Backend, Store};

#[derive(Debug, Clone)]
pub struct SqlSessionStore {
    store: Store,
    /// What this process last read or wrote per session, by [`Key`].
    seen: Arc<std::sync::Mutex<HashMap<Key, Seen>>>,
    /// How long a session read or written here is served from [`Self::seen`] (zero: never).
    trust_for: Duration,
    /// May the cache be used? Always on SQLite; on PostgreSQL while this process listens
    /// for other instances' changes.
    listening: Arc<AtomicBool>,
    /// Moves at every deletion and every notification (see the module's documentation).
    generation: Arc<AtomicU64>,
}

/// A session's key in the cache and in the notifications: SHA-256 of its id (the id
/// itself is a bearer secret and goes nowhere).
type Key = [u8; 32];

fn key(id: &Id) -> Key {
    Sha256::digest(id.to_string().as_bytes()).into()
}

/// A session as this process last read or wrote it.
#[derive(Debug)]
struct Seen {
    record: Record,
    /// The stored idle expiry (Unix seconds).
    expires_at: i64,
    /// When it was read from or written to the database.
    at: Instant,
}

/// The channel of the notifications (see migration 0006 for PostgreSQL).
const CHANNEL: &str = "carnet_sessions";
/// How far the idle expiry may lag behind before a request writes it (and at most a
/// tenth of the idle time).
const TOUCH_EVERY: i64 = 60;
/// Sessions remembered at most (then forgotten all at once: only a few reads more).
const SEEN_MAX: usize = 50_000;

impl SqlSessionStore {
    /// A store whose sessions are served from the cache for at most `trust_for` (zero: every
    /// request reads its session row). On PostgreSQL the cache is used only once
    /// [`Self::listen`] runs.
    pub fn new(store: Store, trust_for: Duration) -> Self {
        let listening = store.backend() == Backend::Sqlite;
        SqlSessionStore {
            store,
            seen: Default::default(),
            trust_for,
            listening: Arc::new(AtomicBool::new(listening)),
            generation: Arc::default(),
        }
    }

    fn seen(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Seen>> {
        self.seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The generation an operation starts at (see [`Self::remember`]).
    fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Caches what the database just confirmed, unless a session was deleted or another
    /// instance's change was notified since `since` (then the next request reads the row).
    fn remember(&self, record: &Record, expires_at: i64, since: u64) {
        let mut seen = self.seen();
        if self.generation() != since {
            seen.remove(&key(&record.id));
            return;
        }
        if seen.len() >= SEEN_MAX {
            seen.clear();
        }
        seen.insert(key(&record.id), Seen { record: record.clone(), expires_at, at: Instant::now() });
    }

    /// Forgets one session (or all, `None`) and moves the generation, under the cache's lock.
    fn forget(&self, which: Option<&Key>) {
        let mut seen = self.seen();
        self.generation.fetch_add(1, Ordering::AcqRel);
        match which {
            Some(key) => {
                seen.remove(key);
            }
            None => seen.clear(),
        }
    }

    /// The session as last seen here, if that may stand for the database's row now.
    fn cached(&self, id: &Id) -> Option<Record> {
        if self.trust_for.is_zero() || !self.listening.load(Ordering::Acquire) {
            return None;
        }
        let now = OffsetDateTime::now_utc().unix_timestamp();
        let seen = self.seen();
        let entry = seen.get(&key(id))?;
        (entry.at.elapsed() < self.trust_for && entry.expires_at > now).then(|| entry.record.clone())
    }

    /// Listens for other instances' changes to sessions (PostgreSQL), for as long as the
    /// process runs: each notified session is forgotten; while the listening connection is
    /// down, the cache is emptied and unused. Returns at once on SQLite.
    pub async fn listen(self) {
        if self.store.backend() != Backend::Postgres || self.trust_for.is_zero() {
            return;
        }
        loop {
            match self.listen_once().await {
                Ok(()) => {}
                Err(e) => tracing::warn!(error = %e, "not listening for session changes: the session cache is off"),
            }
            self.listening.store(false, Ordering::Release);
            self.forget(None);
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }

    async fn listen_once(&self) -> Result<(), sqlx::Error> {
        let mut listener = sqlx::postgres::PgListener::connect(self.store.url()).await?;
        // Without this, a lost connection would be re-established silently and the
        // notifications sent meanwhile lost.
        listener.ignore_pool_close_event(false);
        listener.listen(CHANNEL).await?;
        // Whatever changed before the LISTEN took effect is not in the cache.
        self.forget(None);
        self.listening.store(true, Ordering::Release);
        loop {
            let Some(notification) = listener.try_recv().await? else { return Ok(()) };
            let mut key: Key = [0; 32];
            if hex::decode_to_slice(notification.payload(), &mut key).is_ok() {
                self.forget(Some(&key));
            } else {
                self.forget(None);
            }
        }
    }
}

fn backend(e: sqlx::Error) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

fn encode(record: &Record) -> session_store::Result<String> {
    serde_json::to_string(record).map_err(|e| session_store::Error::Encode(e.to_string()))
}

#[async_trait]
impl SessionStore for SqlSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // A fresh id on collision (vanishingly unlikely with 128 random bits, but handled).
        for _ in 0..8 {
            let since = self.generation();
            let inserted = sqlx::query(
                "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
            )
            .bind(record.id.to_string())
            .bind(encode(record)?)
            .bind(record.expiry_date.unix_timestamp())
            .execute(self.store.pool())
            .await
            .map_err(backend)?;
            if inserted.rows_affected() == 1 {
                self.remember(record, record.expiry_date.unix_timestamp(), since);
                return Ok(());
            }
            record.id = Id::default();
        }
        Err(session_store::Error::Backend("could not allocate a session id".into()))
    }

    /// Updates an existing session only: a request that loaded a session before it was
    /// ended (logout in another tab, a parallel asset request) must not bring it back.
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let expires_at = record.expiry_date.unix_timestamp();
        // At most a tenth of the idle time, so short idle timeouts stay exact.
        let margin = TOUCH_EVERY.min((expires_at - OffsetDateTime::now_utc().unix_timestamp()) / 10);
        let unchanged = self.seen().get(&key(&record.id)).is_some_and(|seen| {
            seen.record.data == record.data && (seen.expires_at..seen.expires_at + margin).contains(&expires_at)
        });
        if unchanged {
            return Ok(());
        }
        let since = self.generation();
        let updated = sqlx::query("UPDATE sessions SET data = $2, expires_at = $3 WHERE id = $1")
            .bind(record.id.to_string())
            .bind(encode(record)?)
            .bind(expires_at)
            .execute(self.store.pool())
            .await
            .map_err(backend)?;
        if updated.rows_affected() == 0 {
            // Ended meanwhile: nothing to cache, and nothing cached may stand for it.
            self.forget(Some(&key(&record.id)));
            return Ok(());
        }
        self.remember(record, expires_at, since);
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        if let Some(record) = self.cached(id) {
            return Ok(Some(record));
        }
        let since = self.generation();
        let row = sqlx::query("SELECT data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2")
            .bind(id.to_string())
            .bind(OffsetDateTime::now_utc().unix_timestamp())
            .fetch_optional(self.store.pool())
            .await
            .map_err(backend)?;
        match row {
            Some(row) => {
                let data: String = row.try_get(0).map_err(backend)?;
                let expires_at: i64 = row.try_get(1).map_err(backend)?;
                match serde_json::from_str::<Record>(&data) {
                    Ok(record) => {
                        self.remember(&record, expires_at, since);
                        Ok(Some(record))
                    }
                    Err(e) => {
                        // An unreadable record is no session (and is removed), never an error page.
                        tracing::warn!(error = %e, "dropping an unreadable session record");
                        self.delete(id).await?;
                        Ok(None)
                    }
                }
            }
            None => Ok(None),
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        let key = key(id);
        // Before: what is cached goes, and reads or writes already under way cache nothing.
        self.forget(Some(&key));
        let deleted = sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(id.to_string())
            .execute(self.store.pool())
            .await
            .map_err(backend);
        // After: nor do those that began while the row was still there.
        self.forget(Some(&key));
        deleted?;
        Ok(())
    }
}

#[async_trait]
impl ExpiredDeletion for SqlSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(OffsetDateTime::now_utc().unix_timestamp())
            .execute(self.store.pool())
            .await
            .map_err(backend)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::stores;
    use std::collections::HashMap;

    /// Every load reads the row (the tests that look at the rows themselves).
    const NO_CACHE: Duration = Duration::ZERO;

    fn record(expires_in: time::Duration) -> Record {
        let mut data = HashMap::new();
        data.insert("k".to_owned(), serde_json::json!("v"));
        Record { id: Id::default(), data, expiry_date: OffsetDateTime::now_utc() + expires_in }
    }

    #[tokio::test]
    async fn a_session_saves_loads_and_deletes() {
        for store in stores("sessions").await {
            let sessions = SqlSessionStore::new(store, NO_CACHE);
            let mut r = record(time::Duration::hours(1));
            sessions.create(&mut r).await.unwrap_or_else(|e| panic!("{e}"));
            let loaded = sessions.load(&r.id).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(loaded.as_ref().map(|l| &l.data), Some(&r.data));
            r.data.insert("k2".into(), serde_json::json!(2));
            sessions.save(&r).await.unwrap_or_else(|e| panic!("{e}"));
            let loaded = sessions.load(&r.id).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(loaded.map(|l| l.data.len()), Some(2));
            sessions.delete(&r.id).await.unwrap_or_else(|e| panic!("{e}"));
            assert!(sessions.load(&r.id).await.unwrap_or_else(|e| panic!("{e}")).is_none());
        }
    }

    async fn stored_expiry(store: &Store, id: &Id) -> i64 {
        let row = sqlx::query("SELECT expires_at FROM sessions WHERE id = $1")
            .bind(id.to_string())
            .fetch_one(store.pool())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        row.try_get(0).unwrap_or_else(|e| panic!("{e}"))
    }

    #[tokio::test]
    async fn a_page_view_that_changes_nothing_writes_the_idle_expiry_only_now_and_then() {
        for store in stores("sessions-touch").await {
            let sessions = SqlSessionStore::new(store.clone(), NO_CACHE);
            let mut r = record(time::Duration::minutes(30));
            sessions.create(&mut r).await.unwrap_or_else(|e| panic!("{e}"));
            let loaded = sessions.load(&r.id).await.unwrap_or_else(|e| panic!("{e}"));
            let first = stored_expiry(&store, &r.id).await;
            assert!(loaded.is_some());
            // 20 s later, same data: not written (within a minute).
            r.expiry_date += time::Duration::seconds(20);
            sessions.save(&r).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(stored_expiry(&store, &r.id).await, first);
            // 90 s later: written.
            r.expiry_date += time::Duration::seconds(70);
            sessions.save(&r).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(stored_expiry(&store, &r.id).await, first + 90);
            // Changed data: always written.
            r.data.insert("k2".into(), serde_json::json!(2));
            r.expiry_date += time::Duration::seconds(1);
            sessions.save(&r).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(stored_expiry(&store, &r.id).await, first + 91);
            // A short idle time (10 s) is kept exact.
            let mut short = record(time::Duration::seconds(10));
            sessions.create(&mut short).await.unwrap_or_else(|e| panic!("{e}"));
            sessions.load(&short.id).await.unwrap_or_else(|e| panic!("{e}"));
            let before = stored_expiry(&store, &short.id).await;
            short.expiry_date += time::Duration::seconds(2);
            sessions.save(&short).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(stored_expiry(&store, &short.id).await, before + 2);
        }
    }

    #[tokio::test]
    async fn saving_a_deleted_session_does_not_bring_it_back() {
        for store in stores("sessions-resurrect").await {
            let sessions = SqlSessionStore::new(store, NO_CACHE);
            let mut r = record(time::Duration::hours(1));
            sessions.create(&mut r).await.unwrap_or_else(|e| panic!("{e}"));
            sessions.delete(&r.id).await.unwrap_or_else(|e| panic!("{e}"));
            sessions.save(&r).await.unwrap_or_else(|e| panic!("{e}"));
            assert!(sessions.load(&r.id).await.unwrap_or_else(|e| panic!("{e}")).is_none());
        }
    }

    #[tokio::test]
    async fn an_unreadable_session_is_no_session() {
        for store in stores("sessions-garbage").await {
            let sessions = SqlSessionStore::new(store.clone(), NO_CACHE);
            let mut r = record(time::Duration::hours(1));
            sessions.create(&mut r).await.unwrap_or_else(|e| panic!("{e}"));
            sqlx::query("UPDATE sessions SET data = 'not json' WHERE id = $1")
                .bind(r.id.to_string())
                .execute(store.pool())
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(sessions.load(&r.id).await.unwrap_or_else(|e| panic!("{e}")).is_none());
        }
    }

    #[tokio::test]
    async fn an_expired_session_is_not_loaded_and_is_swept() {
        for store in stores("sessions-expired").await {
            let sessions = SqlSessionStore::new(store, NO_CACHE);
            let mut r = record(time::Duration::seconds(-5));
            sessions.create(&mut r).await.unwrap_or_else(|e| panic!("{e}"));
            assert!(sessions.load(&r.id).await.unwrap_or_else(|e| panic!("{e}")).is_none());
            sessions.delete_expired().await.unwrap_or_else(|e| panic!("{e}"));
        }
    }

    async fn load(sessions: &SqlSessionStore, id: &Id) -> Option<Record> {
        sessions.load(id).await.unwrap_or_else(|e| panic!("{e}"))
    }

    #[tokio::test]
    async fn a_page_view_reads_no_session_row_while_the_session_is_cached() {
        for store in stores("sessions-cache").await {
            let sessions = SqlSessionStore::new(store.clone(), Duration::from_secs(60));
            let uncached = SqlSessionStore::new(store.clone(), NO_CACHE);
            // The cache runs on PostgreSQL only while it listens for other instances.
            tokio::spawn(sessions.clone().listen());
            wait_until(|| sessions.listening.load(Ordering::Acquire)).await;
            let mut r = record(time::Duration::hours(1));
            sessions.create(&mut r).await.unwrap_or_else(|e| panic!("{e}"));
            assert!(sessions.cached(&r.id).is_some());
            // Renamed away, the table cannot be read: the cached session still is.
            let owner = crate::testing::owner_pool(&store).await;
            sqlx::query("ALTER TABLE sessions RENAME TO sessions_away")
                .execute(&owner)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(load(&sessions, &r.id).await.map(|l| l.data), Some(r.data.clone()));
            assert!(uncached.load(&r.id).await.is_err(), "without the cache the row is read");
            sqlx::query("ALTER TABLE sessions_away RENAME TO sessions")
                .execute(&owner)
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            // What this process writes is what it serves; its own logout is immediate.
            r.data.insert("k2".into(), serde_json::json!(2));
            sessions.save(&r).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(load(&sessions, &r.id).await.map(|l| l.data.len()), Some(2));
            sessions.delete(&r.id).await.unwrap_or_else(|e| panic!("{e}"));
            assert!(load(&sessions, &r.id).await.is_none());
            // A cached session past its idle expiry is not served.
            let mut short = record(time::Duration::seconds(1));
            sessions.create(&mut short).await.unwrap_or_else(|e| panic!("{e}"));
            tokio::time::sleep(Duration::from_millis(2100)).await;
            assert!(load(&sessions, &short.id).await.is_none());
        }
    }

    #[tokio::test]
    async fn a_session_ended_by_another_instance_is_forgotten_here_at_once() {
        for store in stores("sessions-instances").await {
            if store.backend() != Backend::Postgres {
                continue; // one SQLite file is one instance's
            }
            let here = SqlSessionStore::new(store.clone(), Duration::from_secs(60));
            let there = SqlSessionStore::new(store.reopen().await, NO_CACHE);
            tokio::spawn(here.clone().listen());
            wait_until(|| here.listening.load(Ordering::Acquire)).await;
            let mut r = record(time::Duration::hours(1));
            there.create(&mut r).await.unwrap_or_else(|e| panic!("{e}"));
            assert!(load(&here, &r.id).await.is_some(), "a login there is valid here");
            assert!(here.cached(&r.id).is_some());
            // Changed there: read again here.
            r.data.insert("k2".into(), serde_json::json!(2));
            r.expiry_date += time::Duration::minutes(5);
            there.save(&r).await.unwrap_or_else(|e| panic!("{e}"));
            wait_until(|| here.cached(&r.id).is_none()).await;
            assert_eq!(load(&here, &r.id).await.map(|l| l.data.len()), Some(2));
            // Logged out there: refused here.
            there.delete(&r.id).await.unwrap_or_else(|e| panic!("{e}"));
            wait_until(|| here.cached(&r.id).is_none()).await;
            assert!(load(&here, &r.id).await.is_none());
        }
    }

    /// A logout while requests of the same session save it at once (four form posts): the
    /// session stays deleted on this instance and, on PostgreSQL, on another one that
    /// reads it at the same time — never served again from a cache. Many rounds, so the
    /// delete lands between a save's `UPDATE` and its caching in some of them.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn a_session_ended_while_requests_save_it_stays_ended_on_every_instance() {
        for store in stores("sessions-race").await {
            let here = SqlSessionStore::new(store.clone(), Duration::from_secs(60));
            let postgres = store.backend() == Backend::Postgres;
            let there = if postgres {
                SqlSessionStore::new(store.reopen().await, Duration::from_secs(60))
            } else {
                here.clone()
            };
            for sessions in [&here, &there] {
                tokio::spawn(sessions.clone().listen());
                wait_until(|| sessions.listening.load(Ordering::Acquire)).await;
            }
            for round in 0..150 {
                let mut r = record(time::Duration::hours(1));
                here.create(&mut r).await.unwrap_or_else(|e| panic!("{e}"));
                assert!(load(&there, &r.id).await.is_some(), "round {round}: a login here is valid there");
                let mut posts = Vec::new();
                for post in 0..4 {
                    let (sessions, mut changed) = (if post % 2 == 0 { here.clone() } else { there.clone() }, r.clone());
                    changed.data.insert(format!("form{post}"), serde_json::json!(round));
                    posts.push(tokio::spawn(async move {
                        let _ = sessions.load(&changed.id).await;
                        sessions.save(&changed).await
                    }));
                }
                let logout = {
                    let (sessions, id) = (here.clone(), r.id);
                    tokio::spawn(async move { sessions.delete(&id).await })
                };
                for post in posts {
                    post.await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|e| panic!("{e}"));
                }
                logout.await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|e| panic!("{e}"));
                // Another instance's notification may take a moment: the row is gone at once.
                let rows = sqlx::query("SELECT id FROM sessions WHERE id = $1")
                    .bind(r.id.to_string())
                    .fetch_all(store.pool())
                    .await
                    .unwrap_or_else(|e| panic!("{e}"));
                assert!(rows.is_empty(), "round {round}: the row came back");
                assert!(load(&here, &r.id).await.is_none(), "round {round}: served again where it ended");
                wait_until(|| there.cached(&r.id).is_none()).await;
                assert!(load(&there, &r.id).await.is_none(), "round {round}: served again elsewhere");
            }
        }
    }

    /// Polls (every 5 ms, 2 s at most) until `ready` holds.
    async fn wait_until(ready: impl Fn() -> bool) {
        for _ in 0..400 {
            if ready() {
                return;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        panic!("not within 2 s");
    }
}
