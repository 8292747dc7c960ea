//! Notifications between instances (PostgreSQL): what one instance changed that the others
//! keep in memory. Sessions have their own channel (see [`crate::sessions`]); the sources'
//! answers cached per person go through [`ANSWERS`]: after a change at a hub (consent, the
//! care team, exclusions) every other instance forgets its cached answer at once. SQLite is
//! one instance's database: nothing to tell.

use std::time::Duration;

use crate::{Backend, Store, StoreError};

/// The channel of changed answers; a notification's text names the answer without any
/// personal data (the connectors make it).
pub const ANSWERS: &str = "carnet_answers";

impl Store {
    /// Tells the other instances (PostgreSQL) that the answers `notice` names changed.
    pub async fn notify(&self, channel: &str, notice: &str) -> Result<(), StoreError> {
        if self.backend() != Backend::Postgres {
            return Ok(());
        }
        sqlx::query("SELECT pg_notify($1, $2)").bind(channel).bind(notice).execute(self.pool()).await?;
        Ok(())
    }

    /// Listens on `channel` for as long as the process runs (PostgreSQL; returns at once on
    /// SQLite): `listening(true)` once notifications arrive, `listening(false)` whenever the
    /// connection is lost (notifications sent meanwhile are lost too), and each notice's
    /// text to `heard`.
    pub async fn listen(&self, channel: &str, listening: impl Fn(bool), heard: impl Fn(&str)) {
        if self.backend() != Backend::Postgres {
            return;
        }
        loop {
            if let Err(e) = self.listen_once(channel, &listening, &heard).await {
                tracing::warn!(error = %e, channel, "not listening for other instances' changes");
            }
            listening(false);
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }

    async fn listen_once(
        &self,
        channel: &str,
        listening: &impl Fn(bool),
        heard: &impl Fn(&str),
    ) -> Result<(), sqlx::Error> {
        let mut listener = sqlx::postgres::PgListener::connect(self.url()).await?;
        // Without this, a lost connection would be re-established silently and the
        // notifications sent meanwhile lost.
        listener.ignore_pool_close_event(false);
        listener.listen(channel).await?;
        listening(true);
        loop {
            let Some(notification) = listener.try_recv().await? else { return Ok(()) };
            heard(notification.payload());
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::testing::stores;

    #[tokio::test]
    async fn another_instance_hears_what_one_changed() {
        for store in stores("notify").await {
            if store.backend() != Backend::Postgres {
                // One instance's database: nothing to tell, and nothing fails.
                assert!(store.notify(ANSWERS, "x").await.is_ok());
                continue;
            }
            let other = store.reopen().await;
            let heard: Arc<Mutex<Vec<String>>> = Arc::default();
            let on = Arc::new(std::sync::atomic::AtomicBool::new(false));
            let (h, o) = (heard.clone(), on.clone());
            tokio::spawn(async move {
                other
                    .listen(
                        ANSWERS,
                        move |up| o.store(up, std::sync::atomic::Ordering::Release),
                        move |text| h.lock().unwrap_or_else(std::sync::PoisonError::into_inner).push(text.to_owned()),
                    )
                    .await
            });
            for _ in 0..400 {
                if on.load(std::sync::atomic::Ordering::Acquire) {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            store.notify(ANSWERS, "abc:cozo:consent").await.unwrap_or_else(|e| panic!("{e}"));
            for _ in 0..400 {
                if !heard.lock().unwrap_or_else(std::sync::PoisonError::into_inner).is_empty() {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            assert_eq!(
                *heard.lock().unwrap_or_else(std::sync::PoisonError::into_inner),
                vec!["abc:cozo:consent".to_owned()]
            );
        }
    }
}
