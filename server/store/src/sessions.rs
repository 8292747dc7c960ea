//! Sessions in the database, so that every instance sees every session.
//!
//! A `tower_sessions` store over the `sessions` table. Records are JSON; an expired
//! record is never loaded and is swept by [`SqlSessionStore::delete_expired`].

use std::collections::HashMap;

use async_trait::async_trait;
use sqlx::Row;
use time::OffsetDateTime;
use tower_sessions_core::session::{Id, Record};
use tower_sessions_core::session_store::{self, ExpiredDeletion, SessionStore};

use crate::Store;

#[derive(Debug, Clone)]
pub struct SqlSessionStore {
    store: Store,
    /// What this process last read or wrote per session: its data and expiry. A save that
    /// changes nothing but moves the idle expiry by less than [`TOUCH_EVERY`] is skipped,
    /// so a page view writes no session row (the idle timeout is exact to that margin).
    seen: std::sync::Arc<std::sync::Mutex<HashMap<Id, (Data, i64)>>>,
}

type Data = HashMap<String, serde_json::Value>;

/// How far the idle expiry may lag behind before a request writes it (and at most a
/// tenth of the idle time).
const TOUCH_EVERY: i64 = 60;
/// Sessions remembered at most (then forgotten all at once: only a few writes more).
const SEEN_MAX: usize = 50_000;

impl SqlSessionStore {
    pub fn new(store: Store) -> Self {
        SqlSessionStore { store, seen: Default::default() }
    }

    fn seen(&self) -> std::sync::MutexGuard<'_, HashMap<Id, (Data, i64)>> {
        self.seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn remember(&self, record: &Record, expires_at: i64) {
        let mut seen = self.seen();
        if seen.len() >= SEEN_MAX {
            seen.clear();
        }
        seen.insert(record.id, (record.data.clone(), expires_at));
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
        let unchanged = self
            .seen()
            .get(&record.id)
            .is_some_and(|(data, stored)| *data == record.data && (*stored..*stored + margin).contains(&expires_at));
        if unchanged {
            return Ok(());
        }
        sqlx::query("UPDATE sessions SET data = $2, expires_at = $3 WHERE id = $1")
            .bind(record.id.to_string())
            .bind(encode(record)?)
            .bind(expires_at)
            .execute(self.store.pool())
            .await
            .map_err(backend)?;
        self.remember(record, expires_at);
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
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
                        self.remember(&record, expires_at);
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
        self.seen().remove(id);
        sqlx::query("DELETE FROM sessions WHERE id = $1")
            .bind(id.to_string())
            .execute(self.store.pool())
            .await
            .map_err(backend)?;
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

    fn record(expires_in: time::Duration) -> Record {
        let mut data = HashMap::new();
        data.insert("k".to_owned(), serde_json::json!("v"));
        Record { id: Id::default(), data, expiry_date: OffsetDateTime::now_utc() + expires_in }
    }

    #[tokio::test]
    async fn a_session_saves_loads_and_deletes() {
        for store in stores("sessions").await {
            let sessions = SqlSessionStore::new(store);
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
            let sessions = SqlSessionStore::new(store.clone());
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
            let sessions = SqlSessionStore::new(store);
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
            let sessions = SqlSessionStore::new(store.clone());
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
            let sessions = SqlSessionStore::new(store);
            let mut r = record(time::Duration::seconds(-5));
            sessions.create(&mut r).await.unwrap_or_else(|e| panic!("{e}"));
            assert!(sessions.load(&r.id).await.unwrap_or_else(|e| panic!("{e}")).is_none());
            sessions.delete_expired().await.unwrap_or_else(|e| panic!("{e}"));
        }
    }
}
