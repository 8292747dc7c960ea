//! Carnet's own state, in SQLite (default) or PostgreSQL (one URL away).
//!
//! Both backends run the same SQL through sqlx's `Any` driver (numbered `$1` parameters,
//! `BIGINT`/`TEXT` columns); each has its own migrations folder. sqlx's compile-time
//! checked macros check against one database per crate, so instead every query here is
//! exercised against a real SQLite and a real PostgreSQL by the tests.

pub mod access_log;
pub mod audit;
pub mod changes;
pub mod exports;
pub mod mandates;
pub mod notify;
pub mod sessions;
pub mod shares;
pub mod support_codes;

use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use carnet_core::Principal;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, ConnectOptions};

pub use audit::{AuditKey, AuditRecord, Checkpoint, CheckpointLog, Verdict};
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
    #[error("{0}")]
    Setup(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// How to reach the database.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// The portal's own connection (`CARNET_DATABASE_URL`).
    pub url: String,
    /// A connection as the schema's owner, for migrations (`CARNET_DATABASE_OWNER_URL`).
    /// Without it, migrations that are due run through `url`.
    pub owner_url: Option<String>,
    /// The role the portal connects as, granted exactly what it needs after migrating
    /// (`CARNET_DATABASE_PORTAL_ROLE`; PostgreSQL only).
    pub portal_role: Option<String>,
    /// The key of the audit chain's MACs and checkpoints.
    pub audit_key: AuditKey,
}

/// The connection pool, what it needs to know about its backend, and this instance's
/// audit chain.
#[derive(Debug, Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// For the session listener's own connection (and the tests' second instance).
    url: String,
    /// This instance's audit chain (its id, head, writer queue and key).
    chain: std::sync::Arc<audit::Chain>,
}

fn backend_of(url: &str) -> Result<Backend, StoreError> {
    if url.starts_with("sqlite:") {
        Ok(Backend::Sqlite)
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Backend::Postgres)
    } else {
        Err(StoreError::UnsupportedUrl)
    }
}

async fn pool(url: &str, max: u32) -> Result<(AnyPool, Backend), StoreError> {
    sqlx::any::install_default_drivers();
    let backend = backend_of(url)?;
    let url = match backend {
        Backend::Sqlite if !url.contains("mode=") => {
            format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' })
        }
        _ => url.to_owned(),
    };
    // Statements are logged at debug level only, and never with their bound values.
    let options = AnyConnectOptions::from_str(&url)?.disable_statement_logging();
    // A database that is down fails a request within seconds (the translated "try again"
    // page), rather than holding it for sqlx's default of 30 s while it retries.
    let pool = AnyPoolOptions::new()
        .max_connections(max)
        .acquire_timeout(std::time::Duration::from_secs(3))
        // An SQLite connection is a file on this machine: it cannot have gone away, and a
        // ping is a round trip to its worker thread on every acquire. A PostgreSQL one can
        // (a restarted server): it is checked before use.
        .test_before_acquire(backend != Backend::Sqlite)
        .connect_with(options)
        .await?;
    if backend == Backend::Sqlite {
        sqlx::query("PRAGMA journal_mode = WAL").execute(&pool).await?;
    }
    Ok((pool, backend))
}

fn migrator(backend: Backend) -> &'static sqlx::migrate::Migrator {
    match backend {
        Backend::Sqlite => &SQLITE_MIGRATIONS,
        Backend::Postgres => &POSTGRES_MIGRATIONS,
    }
}

/// Are migrations due? (Asked first, so that a portal role that may not create tables
/// starts on an up-to-date schema without trying to.)
async fn migrations_due(pool: &AnyPool, backend: Backend) -> bool {
    let applied: Vec<i64> =
        match sqlx::query("SELECT version FROM _sqlx_migrations WHERE success").fetch_all(pool).await {
            Ok(rows) => rows.iter().filter_map(|r| sqlx::Row::try_get::<i64, _>(r, 0).ok()).collect(),
            Err(_) => return true,
        };
    migrator(backend).iter().any(|m| !applied.contains(&m.version))
}

impl Store {
    /// Connects (creating an SQLite file if needed), brings the schema up to date (through
    /// the owner's connection when there is one) and opens this instance's audit chain.
    pub async fn open(options: StoreOptions) -> Result<Store, StoreError> {
        let max = match backend_of(&options.url)? {
            Backend::Sqlite => 4,
            Backend::Postgres => 10,
        };
        if let Some(owner_url) = &options.owner_url {
            let (owner, backend) = pool(owner_url, 1).await?;
            if backend != backend_of(&options.url)? {
                return Err(StoreError::Setup(
                    "the owner's and the portal's database URLs are of different kinds".into(),
                ));
            }
            if migrations_due(&owner, backend).await {
                migrator(backend).run(&owner).await?;
            }
            if let Some(role) = &options.portal_role {
                grant_portal_role(&owner, backend, role).await?;
            }
            owner.close().await;
        }
        let (pool, backend) = pool(&options.url, max).await?;
        if options.owner_url.is_none() && migrations_due(&pool, backend).await {
            migrator(backend).run(&pool).await?;
        }
        if options.owner_url.is_none()
            && let Some(role) = &options.portal_role
        {
            grant_portal_role(&pool, backend, role).await?;
        }
        Ok(Store { pool, backend, url: options.url, chain: std::sync::Arc::new(audit::Chain::new(options.audit_key)) })
    }

    /// The same database with another audit key (for checking with the wrong key).
    pub fn with_audit_key(&self, key: AuditKey) -> Store {
        Store { chain: std::sync::Arc::new(audit::Chain::new(key)), ..self.clone() }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Is the database reachable?
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Remembers that a person logged in (first and last login). Only the login layer has
    /// a [`Principal`] to give.
    #[tracing::instrument(name = "store.record_login", skip_all)]
    pub async fn record_login(&self, person: &Principal) -> Result<(), StoreError> {
        let (ssin, display_name) = (person.ssin(), person.display_name());
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

    /// The name a person last logged in with (`None`: never logged in here).
    pub async fn account_name(&self, ssin: &carnet_core::Ssin) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT display_name FROM accounts WHERE ssin = $1")
            .bind(ssin.expose())
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(row) => Some(sqlx::Row::try_get(&row, 0)?),
            None => None,
        })
    }

    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub(crate) fn url(&self) -> &str {
        &self.url
    }
}

/// Grants the portal's role exactly what it needs: reading and writing its own state,
/// and only `INSERT` and `SELECT` on the audit log (PostgreSQL; SQLite has no roles).
async fn grant_portal_role(pool: &AnyPool, backend: Backend, role: &str) -> Result<(), StoreError> {
    if backend != Backend::Postgres {
        return Ok(());
    }
    if role.is_empty() || !role.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(StoreError::Setup(format!("CARNET_DATABASE_PORTAL_ROLE must be a plain role name, not {role:?}")));
    }
    // One transaction: another instance never sees the role without what it needs.
    let mut tx = pool.begin().await?;
    for statement in [
        format!("REVOKE ALL ON audit_entries, audit_log_v1 FROM {role}"),
        format!("GRANT USAGE ON SCHEMA public TO {role}"),
        format!(
            "GRANT SELECT, INSERT, UPDATE, DELETE ON sessions, accounts, change_requests, access_seen, mandates, \
             support_codes, support_failures, exports, shares TO {role}"
        ),
        format!("GRANT USAGE, SELECT ON SEQUENCE mandates_id_seq, support_codes_id_seq, shares_id_seq TO {role}"),
        format!("GRANT SELECT, INSERT ON audit_entries TO {role}"),
        format!("GRANT SELECT ON _sqlx_migrations TO {role}"),
    ] {
        sqlx::query(sqlx::AssertSqlSafe(statement)).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

pub(crate) fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    pub fn test_key() -> AuditKey {
        AuditKey::new([42; 32])
    }

    /// The role the portal connects as in the tests (PostgreSQL).
    pub const PORTAL_ROLE: &str = "carnet_portal";

    impl Store {
        /// A second instance on the same database (a chain of its own).
        pub async fn reopen(&self) -> Store {
            let options = StoreOptions {
                url: self.url.clone(),
                owner_url: None,
                portal_role: None,
                audit_key: self.chain.key.clone(),
            };
            Store::open(options).await.unwrap_or_else(|e| panic!("reopen: {e}"))
        }
    }

    /// A connection with the owner's rights (the test PostgreSQL's superuser; SQLite's file).
    pub async fn owner_pool(store: &Store) -> AnyPool {
        let url = match store.backend {
            Backend::Sqlite => store.url.clone(),
            Backend::Postgres => {
                let Ok(admin) = std::env::var("CARNET_TEST_POSTGRES_URL") else { panic!("CARNET_TEST_POSTGRES_URL") };
                let Ok(mut url) = url::Url::parse(&store.url) else { panic!("url") };
                let Ok(admin) = url::Url::parse(&admin) else { panic!("url") };
                let _ = url.set_username(admin.username());
                url.to_string()
            }
        };
        pool(&url, 1).await.unwrap_or_else(|e| panic!("owner: {e}")).0
    }

    /// The action codes of the audit log, oldest first.
    pub async fn actions(store: &Store) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query("SELECT action FROM audit_entries ORDER BY seq").fetch_all(store.pool()).await?;
        rows.iter().map(|row| sqlx::Row::try_get(row, 0).map_err(StoreError::from)).collect()
    }

    /// Every storage test runs against both backends: a fresh SQLite file, and the
    /// PostgreSQL server that the test command starts (its URL in
    /// `CARNET_TEST_POSTGRES_URL`), in a fresh database of its own, migrated by its owner
    /// and used through a portal role that may only insert and select the audit log.
    pub async fn stores(name: &str) -> Vec<Store> {
        let dir = std::env::temp_dir().join(format!("carnet-store-{name}-{}-{}", std::process::id(), now_ms()));
        let _ = std::fs::create_dir_all(&dir);
        let sqlite_url = format!("sqlite://{}", dir.join("test.db").display());
        let options = StoreOptions { url: sqlite_url, owner_url: None, portal_role: None, audit_key: test_key() };
        let sqlite = Store::open(options).await.unwrap_or_else(|e| panic!("sqlite: {e}"));
        let Ok(admin_url) = std::env::var("CARNET_TEST_POSTGRES_URL") else {
            panic!(
                "CARNET_TEST_POSTGRES_URL is not set: storage tests need a PostgreSQL server. \
                 Run the README's test command, which starts one."
            );
        };
        let postgres = fresh_postgres(&admin_url, name).await;
        vec![sqlite, postgres]
    }

    /// A fresh database on the test PostgreSQL: created and migrated by the owner, used
    /// by the portal role.
    pub async fn fresh_postgres(admin_url: &str, name: &str) -> Store {
        sqlx::any::install_default_drivers();
        let db = format!("t_{}_{}_{}", name.replace('-', "_"), std::process::id(), now_ms());
        let admin = AnyPool::connect(admin_url).await.unwrap_or_else(|e| panic!("postgres admin: {e}"));
        // The role exists once per server (tests run in parallel: a race is harmless).
        let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
            "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{PORTAL_ROLE}') THEN CREATE ROLE {PORTAL_ROLE} LOGIN; END IF; END $$"
        )))
        .execute(&admin)
        .await;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {db}")))
            .execute(&admin)
            .await
            .unwrap_or_else(|e| panic!("create database: {e}"));
        admin.close().await;
        let Ok(mut owner) = url::Url::parse(admin_url) else { panic!("admin url") };
        owner.set_path(&format!("/{db}"));
        let mut portal = owner.clone();
        let _ = portal.set_username(PORTAL_ROLE);
        let options = StoreOptions {
            url: portal.to_string(),
            owner_url: Some(owner.to_string()),
            portal_role: Some(PORTAL_ROLE.into()),
            audit_key: test_key(),
        };
        Store::open(options).await.unwrap_or_else(|e| panic!("postgres: {e}"))
    }

    #[tokio::test]
    async fn both_backends_migrate_and_answer() {
        for store in stores("ping").await {
            store.ping().await.unwrap_or_else(|e| panic!("{:?}: {e}", store.backend()));
            let Ok(ssin) = carnet_core::Ssin::parse("85041212468") else { panic!() };
            for name in ["Sofie", "Sofie J."] {
                let person = Principal::for_tests(ssin.clone(), name, vec![carnet_core::Role::Citizen]);
                store.record_login(&person).await.unwrap_or_else(|e| panic!("{e}"));
            }
            // A second start finds nothing to migrate (the portal role could not).
            assert!(!migrations_due(store.pool(), store.backend()).await);
        }
    }
}
