//! Carnet's own state, in SQLite (default) or PostgreSQL (one URL away).
//!
//! Both backends run the same SQL through sqlx's `Any` driver (numbered `$1` parameters,
//! `BIGINT`/`TEXT` columns); each has its own migrations folder. sqlx's compile-time
//! checked macros check against one database per crate, so instead every query here is
//! exercised against a real SQLite and a real PostgreSQL by the tests.

pub mod audit;
pub mod sessions;

use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use carnet_core::Ssin;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, ConnectOptions};

pub use audit::{AuditRecord, ChainCheck};
pub use sessions::SqlSessionStore;

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("unsupported database URL (use sqlite: or postgres:)")]
    UnsupportedUrl,
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The connection pool and what it needs to know about its backend.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// Serialises audit appends within this process (SQLite's writer lock is per database,
    /// PostgreSQL additionally takes a table lock, see [`audit`]).
    audit_lock: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// Audit batches waiting for the writer that holds `audit_lock` (group commit).
    audit_queue: std::sync::Arc<std::sync::Mutex<Vec<audit::Waiting>>>,
}

impl Store {
    /// Connects (creating an SQLite file if needed) and brings the schema up to date.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::UnsupportedUrl);
        };
        let url = match backend {
            Backend::Sqlite if !url.contains("mode=") => {
                format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
            }
            _ => url.to_owned(),
        };
        // Statements are logged at debug level only, and never with their bound values.
        let options = AnyConnectOptions::from_str(&url)?.disable_statement_logging();
        let pool = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 4,
                Backend::Postgres => 10,
            })
            .connect_with(options)
            .await?;
        if backend == Backend::Sqlite {
            sqlx::query("PRAGMA journal_mode = WAL").execute(&pool).await?;
        }
        let store = Store { pool, backend, audit_lock: Default::default(), audit_queue: Default::default() };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Is the database reachable?
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Remembers that a person logged in (first and last login).
    #[tracing::instrument(name = "store.record_login", skip_all)]
    pub async fn record_login(&self, ssin: &Ssin, display_name: &str) -> Result<(), StoreError> {
        let now = now_ms();
        sqlx::query(
            "INSERT INTO accounts (ssin, display_name, first_login_ms, last_login_ms) VALUES ($1, $2, $3, $3) \
             ON CONFLICT (ssin) DO UPDATE SET display_name = excluded.display_name, last_login_ms = excluded.last_login_ms",
        )
        .bind(ssin.expose())
        .bind(display_name)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }
}

pub(crate) fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// Every storage test runs against both backends: a fresh SQLite file, and the
    /// PostgreSQL server that the test command starts (its URL in
    /// `CARNET_TEST_POSTGRES_URL`), in a fresh database of its own.
    pub async fn stores(name: &str) -> Vec<Store> {
        let dir = std::env::temp_dir().join(format!("carnet-store-{name}-{}-{}", std::process::id(), now_ms()));
        let _ = std::fs::create_dir_all(&dir);
        let sqlite_url = format!("sqlite://{}", dir.join("test.db").display());
        let sqlite = Store::connect(&sqlite_url).await.unwrap_or_else(|e| panic!("sqlite: {e}"));
        let Ok(admin_url) = std::env::var("CARNET_TEST_POSTGRES_URL") else {
            panic!(
                "CARNET_TEST_POSTGRES_URL is not set: storage tests need a PostgreSQL server. \
                 Run the README's test command, which starts one."
            );
        };
        let postgres = fresh_postgres(&admin_url, name).await;
        vec![sqlite, postgres]
    }

    pub async fn fresh_postgres(admin_url: &str, name: &str) -> Store {
        sqlx::any::install_default_drivers();
        let db = format!("t_{}_{}_{}", name.replace('-', "_"), std::process::id(), now_ms());
        let admin = AnyPool::connect(admin_url).await.unwrap_or_else(|e| panic!("postgres admin: {e}"));
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {db}")))
            .execute(&admin)
            .await
            .unwrap_or_else(|e| panic!("create database: {e}"));
        admin.close().await;
        let (base, _) = admin_url.rsplit_once('/').unwrap_or((admin_url, ""));
        Store::connect(&format!("{base}/{db}")).await.unwrap_or_else(|e| panic!("postgres: {e}"))
    }

    #[tokio::test]
    async fn both_backends_migrate_and_answer() {
        for store in stores("ping").await {
            store.ping().await.unwrap_or_else(|e| panic!("{:?}: {e}", store.backend()));
            let Ok(ssin) = Ssin::parse("85041212468") else { panic!() };
            store.record_login(&ssin, "Sofie").await.unwrap_or_else(|e| panic!("{e}"));
            store.record_login(&ssin, "Sofie J.").await.unwrap_or_else(|e| panic!("{e}"));
        }
    }
}
