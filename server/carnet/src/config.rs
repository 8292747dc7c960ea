//! Configuration: defaults for a local run, overridden by `CARNET_*` environment
//! variables. Unknown `CARNET_*` variables are refused (a typo must not silently fall back
//! to a default). Secrets are `SecretString` and never printed.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use carnet_core::policy::Scope;
use secrecy::SecretString;
use url::Url;

#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen (`CARNET_BIND`, default `127.0.0.1:3000`; or just `CARNET_PORT`).
    pub bind: SocketAddr,
    /// The address people use to reach the portal (`CARNET_PUBLIC_URL`); redirect URIs are
    /// built from it, and cookies are `Secure` when it is `https`.
    pub public_url: Url,
    /// `CARNET_DATABASE_URL`: `sqlite://data/carnet.db` (default) or `postgres://…`.
    pub database_url: String,
    /// Where the built site (`pkg/carnet.<hash>.js`, `_bg.wasm`, `.css`, named in
    /// `pkg/name.txt`) is (`CARNET_SITE_ROOT`, default `target/site`).
    pub site_root: PathBuf,
    pub oidc: OidcConfig,
    pub session: SessionConfig,
    pub sources: Vec<SourceConfig>,
    /// Answers younger than this are served without asking the source again
    /// (`CARNET_CACHE_FRESH_SECONDS`, default 60; 0 turns it off).
    pub cache_fresh: Duration,
    /// A failing source's last answer is shown, with its age, up to this old
    /// (`CARNET_CACHE_KEEP_SECONDS`, default 3600).
    pub cache_keep: Duration,
    pub database: DatabaseConfig,
    pub keys: KeysConfig,
    pub audit: AuditConfig,
    /// `/metrics` is served on this address only (`CARNET_METRICS_BIND`, e.g.
    /// `127.0.0.1:9464`); not set: no metrics listener.
    pub metrics_bind: Option<SocketAddr>,
    pub limits: LimitsConfig,
    /// `Strict-Transport-Security` max-age when the public URL is https
    /// (`CARNET_HSTS_SECONDS`, default one year; 0: not sent).
    pub hsts: Duration,
    /// The rule table for minors (`CARNET_MINOR_RULES`, a TOML file in the format of
    /// `server/core/data/be-minor-access.toml`; not set: that default, shipped in the binary).
    pub minor_rules_file: Option<PathBuf>,
    /// How long a support code runs after it is issued (`CARNET_SUPPORT_CODE_SECONDS`,
    /// default 15 minutes, from 30 seconds to an hour).
    pub support_code_lifetime: Duration,
    /// Writes the demo's own state (a mandate between demo people) at start
    /// (`CARNET_DEMO_SEED=1`; the README's run command and the browser tests set it).
    pub demo_seed: bool,
    /// The metrics listener takes `POST /clock/advance?seconds=N` (`CARNET_CLOCK_MOVABLE=1`,
    /// set by the browser tests, refused with an https public URL): see `crate::clock`.
    pub clock_movable: bool,
}

#[derive(Debug, Clone)]
pub struct DatabaseConfig {
    /// Migrations run as this role (`CARNET_DATABASE_OWNER_URL`); without it, through
    /// `CARNET_DATABASE_URL`.
    pub owner_url: Option<String>,
    /// The role `CARNET_DATABASE_URL` connects as, granted exactly what the portal needs
    /// when migrating (`CARNET_DATABASE_PORTAL_ROLE`, PostgreSQL).
    pub portal_role: Option<String>,
}

#[derive(Debug, Clone)]
pub struct KeysConfig {
    /// `CARNET_SECRET_KEY_FILE` (default `<data>/secret.key`): seals the login in progress,
    /// the session's person and document tokens; shared by every instance.
    pub secret_key_file: PathBuf,
    /// `CARNET_AUDIT_KEY_FILE` (default `<data>/audit.key`): the audit chain's MACs.
    pub audit_key_file: PathBuf,
}

#[derive(Debug, Clone)]
pub struct AuditConfig {
    /// Signed checkpoints of the chain heads are appended here
    /// (`CARNET_AUDIT_CHECKPOINT_FILE`, default `<data>/audit-checkpoints.jsonl`).
    pub checkpoint_file: PathBuf,
    /// How often (`CARNET_AUDIT_CHECKPOINT_SECONDS`, default 10): entries newer than the
    /// last checkpoint can be removed undetected, so this is the window of loss.
    pub checkpoint_every: Duration,
}

#[derive(Debug, Clone)]
pub struct LimitsConfig {
    /// Requests to `/auth/*` per client address and minute (`CARNET_RATE_AUTH_PER_MINUTE`, 30).
    pub auth_per_minute: u32,
    /// Server-function calls per session and minute (`CARNET_RATE_API_PER_MINUTE`, 600).
    pub api_per_minute: u32,
    /// Pages and form posts per session and minute (`CARNET_RATE_PAGES_PER_MINUTE`, 1200).
    pub pages_per_minute: u32,
    /// The largest request body accepted (`CARNET_MAX_BODY_BYTES`, 65536): larger is 413.
    pub max_body_bytes: usize,
}

#[derive(Debug, Clone)]
pub struct OidcConfig {
    /// `CARNET_OIDC_ISSUER` (default: the local demo provider, `http://127.0.0.1:3002`).
    pub issuer: String,
    /// `CARNET_OIDC_CLIENT_ID`.
    pub client_id: String,
    /// `CARNET_OIDC_CLIENT_SECRET`, or a file named by `CARNET_OIDC_CLIENT_SECRET_FILE`.
    pub client_secret: SecretString,
    /// `CARNET_OIDC_SCOPES`, space-separated (default `openid profile ssin roles`).
    pub scopes: Vec<String>,
    /// The ID-token claim holding the national register number (`CARNET_OIDC_SSIN_CLAIM`).
    pub ssin_claim: String,
    /// The claim with the person's name (`CARNET_OIDC_NAME_CLAIM`, default `name`).
    pub name_claim: String,
    /// The claim with the person's roles (`CARNET_OIDC_ROLES_CLAIM`, default `roles`).
    pub roles_claim: String,
}

#[derive(Debug, Clone)]
pub struct SessionConfig {
    /// A session unused this long ends (`CARNET_SESSION_IDLE_SECONDS`, default 15 min).
    pub idle_timeout: Duration,
    /// A session ends this long after login, used or not
    /// (`CARNET_SESSION_ABSOLUTE_SECONDS`, default 8 h).
    pub absolute_timeout: Duration,
    /// How long a session this instance read or wrote is served from its memory
    /// (`CARNET_SESSION_CACHE_SECONDS`, default 60; 0: every request reads the database).
    /// A logout or change on another instance reaches it at once through PostgreSQL's
    /// notifications, so this bounds only what a lost notification could keep.
    pub cache_for: Duration,
}

/// One data source, from the sources file (`CARNET_SOURCES_FILE`, default
/// `server/carnet/sources.toml`).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    pub id: String,
    pub name: String,
    pub kind: SourceKind,
    pub base_url: String,
    pub timeout_ms: u64,
    #[serde(default)]
    pub retries: u32,
    /// What it holds, by the names of [`Scope`] ("documents", "sumehr", "access-events" …).
    pub serves: Vec<Scope>,
    #[serde(default)]
    pub credentials: Option<Credentials>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A FHIR R4 vault; `base_url` is its FHIR base.
    Fhir,
    /// A KMEHR hub; `base_url` is its hub services (SOAP) endpoint.
    Kmehr,
    /// The national register's links between minors and their parents or legal
    /// representatives (at most one; it serves no kind of data: `serves = []`).
    Register,
}

/// Where a source's secret comes from (never the file itself).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
pub enum Credentials {
    BearerEnv(String),
    BearerFile(String),
}

impl Credentials {
    pub fn read(&self) -> Result<SecretString, ConfigError> {
        match self {
            Credentials::BearerEnv(var) => std::env::var(var).map(SecretString::from).map_err(|_| {
                ConfigError::Invalid("credentials".into(), format!("environment variable {var} is not set"))
            }),
            Credentials::BearerFile(path) => std::fs::read_to_string(path)
                .map(|s| SecretString::from(s.trim().to_owned()))
                .map_err(|e| ConfigError::SecretFile(path.clone(), e)),
        }
    }
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    source: Vec<SourceConfig>,
}

/// Reads the sources file, replacing `${CARNET_X}` / `${CARNET_X:-default}` from `vars`.
fn read_sources(path: &str, vars: &BTreeMap<String, String>) -> Result<Vec<SourceConfig>, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| invalid("sources_file", format!("{path}: {e}")))?;
    let text = interpolate(&text, vars).map_err(|e| invalid("sources_file", e))?;
    let file: SourcesFile = toml::from_str(&text).map_err(|e| invalid("sources_file", format!("{path}: {e}")))?;
    let mut ids = std::collections::BTreeSet::new();
    for source in &file.source {
        if !ids.insert(source.id.clone()) {
            return Err(invalid("sources_file", format!("source id {} appears twice", source.id)));
        }
    }
    Ok(file.source)
}

/// Replaces `${CARNET_X}` and `${CARNET_X:-default}`; comment lines are left as they are.
fn interpolate(text: &str, vars: &BTreeMap<String, String>) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('#') {
            out.push_str(line);
        } else {
            out.push_str(&interpolate_line(line, vars)?);
        }
    }
    Ok(out)
}

fn interpolate_line(text: &str, vars: &BTreeMap<String, String>) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find('}').ok_or("unclosed ${")?;
        let expr = &after[..end];
        let (name, default) = match expr.split_once(":-") {
            Some((n, d)) => (n, Some(d)),
            None => (expr, None),
        };
        if !name.starts_with("CARNET_") {
            return Err(format!("only CARNET_ variables can be used, not {name}"));
        }
        match (vars.get(name).filter(|v| !v.is_empty()), default) {
            (Some(value), _) => out.push_str(value),
            (None, Some(d)) => out.push_str(d),
            (None, None) => return Err(format!("{name} is not set")),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0} is not valid: {1}")]
    Invalid(String, String),
    #[error("unknown setting {0} (see docs/configuration.md for the list)")]
    Unknown(String),
    #[error("{0}: {1}")]
    SecretFile(String, std::io::Error),
    #[error(
        "CARNET_OIDC_CLIENT_SECRET or CARNET_OIDC_CLIENT_SECRET_FILE must be set for an identity provider that is not on this machine"
    )]
    MissingSecret,
}

/// Whether the issuer is the local demo provider (a loopback address).
fn is_local_provider(issuer: &str) -> bool {
    Url::parse(issuer).ok().is_some_and(|url| match url.host() {
        Some(url::Host::Domain(name)) => name == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    })
}

/// The settings as the environment gives them: one field per `CARNET_*` variable, named as
/// the variable without `CARNET_` in lower case (`CARNET_OIDC_ISSUER`: `oidc_issuer`),
/// read by the `config` crate. A variable that is not a field here is refused (a typo must
/// not silently fall back to a default). What each means, and its default, is said here
/// once; [`Config::from_vars`] turns them into the settings the portal uses.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Vars {
    /// Where to listen (default `127.0.0.1:<port>`).
    bind: Option<SocketAddr>,
    /// The port on 127.0.0.1 when `bind` is not set (default 3000).
    #[serde(deserialize_with = "digits")]
    port: Option<u16>,
    /// The address people use to reach the portal (default `http://<bind>`); redirect URIs
    /// are built from it, and cookies are `Secure` when it is `https`.
    public_url: Option<String>,
    /// `sqlite://data/carnet.db` (default) or `postgres://…`.
    database_url: Option<String>,
    /// Migrations run as this role; without it, through `database_url`.
    database_owner_url: Option<String>,
    /// The role `database_url` connects as, granted exactly what the portal needs when
    /// migrating (PostgreSQL).
    database_portal_role: Option<String>,
    /// Where the keys and the audit checkpoints go by default (else the SQLite database's
    /// folder, else `data`).
    data_dir: Option<PathBuf>,
    /// Where the built site (`pkg/carnet.<hash>.js`, `_bg.wasm`, `.css`, named in
    /// `pkg/name.txt`) is (default `target/site`).
    site_root: Option<PathBuf>,
    /// The identity provider (default: the local demo provider, `http://127.0.0.1:3002`).
    oidc_issuer: Option<String>,
    /// Default `carnet-local`.
    oidc_client_id: Option<String>,
    /// The client secret, or (`oidc_client_secret_file`) a file that holds it; required
    /// for a provider that is not on this machine.
    oidc_client_secret: Option<String>,
    oidc_client_secret_file: Option<String>,
    /// Space-separated (default `openid profile ssin roles`).
    oidc_scopes: Option<String>,
    /// The ID-token claim holding the national register number (default `ssin`).
    oidc_ssin_claim: Option<String>,
    /// The claim with the person's name (default `name`).
    oidc_name_claim: Option<String>,
    /// The claim with the person's roles (default `roles`).
    oidc_roles_claim: Option<String>,
    /// A session unused this long ends (default 15 min).
    #[serde(deserialize_with = "digits")]
    session_idle_seconds: Option<u64>,
    /// A session ends this long after login, used or not (default 8 h).
    #[serde(deserialize_with = "digits")]
    session_absolute_seconds: Option<u64>,
    /// How long a session this instance read or wrote is served from its memory (default
    /// 60; 0: every request reads the database). A logout or change on another instance
    /// reaches it at once through PostgreSQL's notifications, so this bounds only what a
    /// lost notification could keep.
    #[serde(deserialize_with = "digits")]
    session_cache_seconds: Option<u64>,
    /// The sources file (default `server/carnet/sources.toml`), which may use
    /// `${CARNET_X}` and `${CARNET_X:-default}`.
    sources_file: Option<String>,
    /// Where the demo sources answer, for the default sources file.
    demo_hubs_url: Option<String>,
    /// Answers younger than this are served without asking the source again (default 60;
    /// 0 turns it off).
    #[serde(deserialize_with = "digits")]
    cache_fresh_seconds: Option<u64>,
    /// A failing source's last answer is shown, with its age, up to this old (default 3600).
    #[serde(deserialize_with = "digits")]
    cache_keep_seconds: Option<u64>,
    /// The log filter (default `info`), read by `telemetry` before the rest.
    log: Option<String>,
    /// Seals the login in progress, the session's person and the item tokens; shared by
    /// every instance (default `<data>/secret.key`).
    secret_key_file: Option<PathBuf>,
    /// The audit chain's MACs (default `<data>/audit.key`).
    audit_key_file: Option<PathBuf>,
    /// Signed checkpoints of the chain heads are appended here (default
    /// `<data>/audit-checkpoints.jsonl`).
    audit_checkpoint_file: Option<PathBuf>,
    /// How often (default 10): entries newer than the last checkpoint can be removed
    /// undetected, so this is the window of loss.
    #[serde(deserialize_with = "digits")]
    audit_checkpoint_seconds: Option<u64>,
    /// `/metrics` is served on this address only (e.g. `127.0.0.1:9464`); not set: no
    /// metrics listener.
    metrics_bind: Option<SocketAddr>,
    /// Requests to `/auth/*` per client address and minute (default 30).
    #[serde(deserialize_with = "digits")]
    rate_auth_per_minute: Option<u32>,
    /// Server-function calls per session and minute (default 600).
    #[serde(deserialize_with = "digits")]
    rate_api_per_minute: Option<u32>,
    /// Pages and form posts per session and minute (default 1200).
    #[serde(deserialize_with = "digits")]
    rate_pages_per_minute: Option<u32>,
    /// The largest request body accepted (default 65536, at least 1024): larger is 413.
    #[serde(deserialize_with = "digits")]
    max_body_bytes: Option<usize>,
    /// `Strict-Transport-Security` max-age when the public URL is https (default one
    /// year; 0: not sent).
    #[serde(deserialize_with = "digits")]
    hsts_seconds: Option<u64>,
    /// The rule table for minors, a TOML file in the format of
    /// `server/core/data/be-minor-access.toml` (not set: that default, in the binary).
    minor_rules: Option<PathBuf>,
    /// How long a support code runs after it is issued (default 15 minutes, from 30
    /// seconds to an hour).
    #[serde(deserialize_with = "digits")]
    support_code_seconds: Option<u64>,
    /// Writes the demo's own state (a mandate between demo people) at start (the README's
    /// run command and the browser tests set it).
    #[serde(deserialize_with = "switch")]
    demo_seed: Option<bool>,
    /// The metrics listener takes `POST /clock/advance?seconds=N` (set by the browser
    /// tests, refused with an https public URL): see `crate::clock`.
    #[serde(deserialize_with = "switch")]
    clock_movable: Option<bool>,
}

/// A number as digits only (the `config` crate would also read `yes` as 1 and `off` as 0).
fn digits<'de, D: serde::Deserializer<'de>, N: std::str::FromStr>(from: D) -> Result<Option<N>, D::Error> {
    let text: Option<String> = serde::Deserialize::deserialize(from)?;
    text.map(|text| match text.bytes().all(|b| b.is_ascii_digit()).then(|| text.parse::<N>().ok()).flatten() {
        Some(number) => Ok(number),
        None => Err(serde::de::Error::custom(format!("{text:?}: a whole number"))),
    })
    .transpose()
}

/// A switch: `1` or `0`.
fn switch<'de, D: serde::Deserializer<'de>>(from: D) -> Result<Option<bool>, D::Error> {
    let text: Option<String> = serde::Deserialize::deserialize(from)?;
    text.map(|text| match text.as_str() {
        "1" => Ok(true),
        "0" => Ok(false),
        other => Err(serde::de::Error::custom(format!("{other:?}: 0 or 1"))),
    })
    .transpose()
}

/// A variable's name from its field's.
fn var(field: &str) -> String {
    format!("CARNET_{}", field.to_uppercase())
}

/// A variable's value that cannot be used, named by its field in [`Vars`].
fn invalid(field: &str, why: impl std::fmt::Display) -> ConfigError {
    ConfigError::Invalid(var(field), why.to_string())
}

/// What the `config` crate says, by the variable's name.
fn setting_error(error: config::ConfigError) -> ConfigError {
    match error {
        config::ConfigError::Type { key: Some(key), unexpected, expected, .. } => {
            ConfigError::Invalid(var(&key), format!("{unexpected}, expected {expected}"))
        }
        config::ConfigError::At { error, key: Some(key), .. } => ConfigError::Invalid(var(&key), error.to_string()),
        other => {
            let text = other.to_string();
            // serde's own words for a field the struct does not have.
            match text.split("unknown field `").nth(1).and_then(|rest| rest.split('`').next()) {
                Some(field) => ConfigError::Unknown(var(field)),
                None => ConfigError::Invalid("CARNET_*".into(), text),
            }
        }
    }
}

impl Config {
    /// Reads the process environment (`CARNET_TEST_*` belongs to the test suite, not here).
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_vars(
            std::env::vars().filter(|(k, _)| k.starts_with("CARNET_") && !k.starts_with("CARNET_TEST_")).collect(),
        )
    }

    /// Reads the given `CARNET_*` variables over the defaults (an empty one counts as not set).
    pub fn from_vars(vars: BTreeMap<String, String>) -> Result<Config, ConfigError> {
        let vars: BTreeMap<String, String> =
            vars.into_iter().map(|(k, v)| (k, v.trim().to_owned())).filter(|(_, v)| !v.is_empty()).collect();
        let given: config::Map<String, String> = vars.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let v: Vars = config::Config::builder()
            .add_source(config::Environment::with_prefix("CARNET").source(Some(given)))
            .build()
            .and_then(config::Config::try_deserialize)
            .map_err(setting_error)?;
        let bind = v.bind.unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], v.port.unwrap_or(3000))));
        let public_url = v.public_url.unwrap_or_else(|| format!("http://{bind}"));
        let public_url = Url::parse(&public_url).map_err(|e| invalid("public_url", e))?;
        let issuer = v.oidc_issuer.unwrap_or_else(|| "http://127.0.0.1:3002".into());
        let client_secret = match (v.oidc_client_secret_file, v.oidc_client_secret) {
            (Some(path), _) => std::fs::read_to_string(&path)
                .map(|s| SecretString::from(s.trim().to_owned()))
                .map_err(|e| ConfigError::SecretFile(path, e))?,
            (None, Some(secret)) => SecretString::from(secret),
            // The local demo provider's secret, only for a provider on this machine: a real
            // provider without a configured secret is a mistake, not a demo.
            (None, None) if is_local_provider(&issuer) => SecretString::from("carnet-local-secret"),
            (None, None) => return Err(ConfigError::MissingSecret),
        };
        // A number of seconds, at least `min`.
        let seconds = |field: &str, value: Option<u64>, default: u64, min: u64| match value.unwrap_or(default) {
            s if s >= min => Ok(Duration::from_secs(s)),
            s => Err(invalid(field, format!("{s}: at least {min}"))),
        };
        let database_url = v.database_url.unwrap_or_else(|| "sqlite://data/carnet.db".into());
        let data_dir: PathBuf = v.data_dir.unwrap_or_else(|| {
            database_url
                .strip_prefix("sqlite://")
                .map(|p| p.split('?').next().unwrap_or(p))
                .and_then(|p| std::path::Path::new(p).parent().map(|d| d.to_path_buf()))
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or_else(|| PathBuf::from("data"))
        });
        let file = |value: Option<PathBuf>, name: &str| value.unwrap_or_else(|| data_dir.join(name));
        let per_minute = |field: &str, value: Option<u32>, default: u32| match value.unwrap_or(default) {
            0 => Err(invalid(field, "0: at least 1")),
            n => Ok(n),
        };
        let sources_file = v.sources_file.unwrap_or_else(|| "server/carnet/sources.toml".into());
        let sources = read_sources(&sources_file, &vars)?;
        Ok(Config {
            bind,
            public_url,
            database_url,
            site_root: v.site_root.unwrap_or_else(|| "target/site".into()),
            oidc: OidcConfig {
                issuer,
                client_id: v.oidc_client_id.unwrap_or_else(|| "carnet-local".into()),
                client_secret,
                scopes: v
                    .oidc_scopes
                    .unwrap_or_else(|| "openid profile ssin roles".into())
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect(),
                ssin_claim: v.oidc_ssin_claim.unwrap_or_else(|| "ssin".into()),
                name_claim: v.oidc_name_claim.unwrap_or_else(|| "name".into()),
                roles_claim: v.oidc_roles_claim.unwrap_or_else(|| "roles".into()),
            },
            session: SessionConfig {
                idle_timeout: seconds("session_idle_seconds", v.session_idle_seconds, 15 * 60, 1)?,
                absolute_timeout: seconds("session_absolute_seconds", v.session_absolute_seconds, 8 * 60 * 60, 1)?,
                cache_for: seconds("session_cache_seconds", v.session_cache_seconds, 60, 0)?,
            },
            sources,
            cache_fresh: seconds("cache_fresh_seconds", v.cache_fresh_seconds, 60, 0)?,
            cache_keep: seconds("cache_keep_seconds", v.cache_keep_seconds, 3600, 0)?,
            database: DatabaseConfig { owner_url: v.database_owner_url, portal_role: v.database_portal_role },
            keys: KeysConfig {
                secret_key_file: file(v.secret_key_file, "secret.key"),
                audit_key_file: file(v.audit_key_file, "audit.key"),
            },
            audit: AuditConfig {
                checkpoint_file: file(v.audit_checkpoint_file, "audit-checkpoints.jsonl"),
                checkpoint_every: seconds("audit_checkpoint_seconds", v.audit_checkpoint_seconds, 10, 1)?,
            },
            metrics_bind: v.metrics_bind,
            limits: LimitsConfig {
                auth_per_minute: per_minute("rate_auth_per_minute", v.rate_auth_per_minute, 30)?,
                api_per_minute: per_minute("rate_api_per_minute", v.rate_api_per_minute, 600)?,
                pages_per_minute: per_minute("rate_pages_per_minute", v.rate_pages_per_minute, 1200)?,
                max_body_bytes: match v.max_body_bytes.unwrap_or(65_536) {
                    n if n >= 1024 => n,
                    n => return Err(invalid("max_body_bytes", format!("{n}: at least 1024"))),
                },
            },
            hsts: seconds("hsts_seconds", v.hsts_seconds, 31_536_000, 0)?,
            minor_rules_file: v.minor_rules,
            support_code_lifetime: match seconds("support_code_seconds", v.support_code_seconds, 15 * 60, 30)? {
                lifetime if lifetime > Duration::from_secs(3600) => {
                    let shown = lifetime.as_secs();
                    return Err(invalid("support_code_seconds", format!("{shown}: at most 3600")));
                }
                lifetime => lifetime,
            },
            demo_seed: v.demo_seed.unwrap_or(false),
            clock_movable: v.clock_movable.unwrap_or(false),
        })
    }

    /// The rule table for minors, read and checked (a table that cannot be used stops the
    /// start: parents must not silently get the default's access instead).
    pub fn minor_rules(&self) -> Result<carnet_core::minor::MinorRules, ConfigError> {
        const NAME: &str = "minor_rules";
        let text = match &self.minor_rules_file {
            Some(path) => {
                std::fs::read_to_string(path).map_err(|e| invalid(NAME, format!("{}: {e}", path.display())))?
            }
            None => carnet_core::minor::DEFAULT_RULES_TOML.to_owned(),
        };
        let rules: carnet_core::minor::MinorRules = toml::from_str(&text).map_err(|e| invalid(NAME, e.to_string()))?;
        rules.check().map_err(|e| invalid(NAME, e.to_string()))?;
        Ok(rules)
    }

    /// Cookies get `Secure` when the portal is served over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.scheme() == "https"
    }

    /// `…/auth/callback` on the public URL.
    pub fn redirect_url(&self) -> String {
        self.public_path("auth/callback")
    }

    /// The public origin (`scheme://host[:port]`), as browsers send it in `Origin`.
    pub fn public_origin(&self) -> String {
        self.public_url.origin().ascii_serialization()
    }

    /// The session cookie's name: `__Host-` prefixed over HTTPS (bound to this host,
    /// path `/`, `Secure`).
    pub fn cookie_name(&self, base: &str) -> String {
        if self.secure_cookies() { format!("__Host-{base}") } else { base.to_owned() }
    }

    /// `…/logged-out` on the public URL.
    pub fn post_logout_url(&self) -> String {
        self.public_path("logged-out")
    }

    fn public_path(&self, path: &str) -> String {
        format!("{}/{path}", self.public_url.as_str().trim_end_matches('/'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    fn with_sources(mut vars: BTreeMap<String, String>) -> BTreeMap<String, String> {
        let file = concat!(env!("CARGO_MANIFEST_DIR"), "/sources.toml");
        vars.insert("CARNET_SOURCES_FILE".into(), file.into());
        vars
    }

    #[test]
    fn the_sources_file_lists_the_demo_sources_and_interpolates_variables() {
        let vars = with_sources(BTreeMap::from([("CARNET_DEMO_HUBS_URL".to_owned(), "http://127.0.0.1:9".to_owned())]));
        let config = Config::from_vars(vars).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<&str> = config.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, vec!["vitalink", "brusafe", "rsw", "rsb", "cozo", "register"]);
        assert_eq!(config.sources.first().map(|s| s.base_url.as_str()), Some("http://127.0.0.1:9/vitalink/fhir"));
        let rsw = config.sources.iter().find(|s| s.id == "rsw");
        assert_eq!(
            rsw.map(|s| (s.kind, s.base_url.as_str())),
            Some((SourceKind::Kmehr, "http://127.0.0.1:9/rsw/hubservices"))
        );
        assert!(rsw.is_some_and(|s| s.serves.contains(&Scope::Consent) && !s.serves.contains(&Scope::Vaccinations)));
        let defaults = Config::from_vars(with_sources(BTreeMap::new())).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(defaults.sources.first().map(|s| s.base_url.as_str()), Some("http://127.0.0.1:3010/vitalink/fhir"));
    }

    #[test]
    fn interpolation_only_reads_carnet_variables() {
        let vars = BTreeMap::from([("CARNET_A".to_owned(), "x".to_owned())]);
        assert_eq!(interpolate("a${CARNET_A}b${CARNET_B:-y}c", &vars), Ok("axbyc".to_owned()));
        assert!(interpolate("${HOME}", &vars).is_err());
        assert!(interpolate("${CARNET_B}", &vars).is_err());
        assert!(interpolate("${CARNET_A", &vars).is_err());
        assert_eq!(interpolate("# ${ANYTHING}\nx=${CARNET_A}\n", &vars), Ok("# ${ANYTHING}\nx=x\n".to_owned()));
    }

    #[test]
    fn defaults_run_locally() {
        let Ok(config) = Config::from_vars(with_sources(BTreeMap::new())) else { panic!("defaults must work") };
        assert_eq!(config.redirect_url(), "http://127.0.0.1:3000/auth/callback");
        assert!(!config.secure_cookies());
        assert_eq!(config.oidc.ssin_claim, "ssin");
    }

    #[test]
    fn variables_override_and_https_makes_cookies_secure() {
        let vars = with_sources(BTreeMap::from([
            ("CARNET_PUBLIC_URL".to_owned(), "https://carnet.example/".to_owned()),
            ("CARNET_OIDC_SSIN_CLAIM".to_owned(), "urn:be:fgov:person:ssin".to_owned()),
            ("CARNET_OIDC_CLIENT_SECRET".to_owned(), "s3cret".to_owned()),
        ]));
        let Ok(config) = Config::from_vars(vars) else { panic!("valid config") };
        assert!(config.secure_cookies());
        assert_eq!(config.cookie_name("carnet_session"), "__Host-carnet_session");
        assert_eq!(config.public_origin(), "https://carnet.example");
        assert_eq!(config.redirect_url(), "https://carnet.example/auth/callback");
        assert_eq!(config.oidc.ssin_claim, "urn:be:fgov:person:ssin");
        assert_eq!(config.oidc.client_secret.expose_secret(), "s3cret");
        assert!(!format!("{config:?}").contains("s3cret"), "Debug must not print the secret");
    }

    #[test]
    fn a_remote_provider_without_a_secret_refuses_to_start() {
        let remote = with_sources(BTreeMap::from([(
            "CARNET_OIDC_ISSUER".to_owned(),
            "https://idp.example/realms/carnet".to_owned(),
        )]));
        assert!(matches!(Config::from_vars(remote), Err(ConfigError::MissingSecret)));
        let local =
            with_sources(BTreeMap::from([("CARNET_OIDC_ISSUER".to_owned(), "http://127.0.0.1:4000".to_owned())]));
        let Ok(config) = Config::from_vars(local) else { panic!("the local provider has its demo secret") };
        assert_eq!(config.oidc.client_secret.expose_secret(), "carnet-local-secret");
    }

    #[test]
    fn a_port_alone_is_enough() {
        let vars = with_sources(BTreeMap::from([("CARNET_PORT".to_owned(), "4000".to_owned())]));
        let Ok(config) = Config::from_vars(vars) else { panic!("valid config") };
        assert_eq!(config.bind.port(), 4000);
        assert_eq!(config.redirect_url(), "http://127.0.0.1:4000/auth/callback");
    }

    #[test]
    fn keys_and_checkpoints_live_beside_the_sqlite_database_unless_told() {
        let vars = with_sources(BTreeMap::from([(
            "CARNET_DATABASE_URL".to_owned(),
            "sqlite:///tmp/x/carnet.db?mode=rwc".to_owned(),
        )]));
        let Ok(config) = Config::from_vars(vars) else { panic!("valid config") };
        assert_eq!(config.keys.audit_key_file, PathBuf::from("/tmp/x/audit.key"));
        assert_eq!(config.audit.checkpoint_file, PathBuf::from("/tmp/x/audit-checkpoints.jsonl"));
        let vars = with_sources(BTreeMap::from([
            ("CARNET_DATABASE_URL".to_owned(), "postgres://carnet@db/carnet".to_owned()),
            ("CARNET_AUDIT_KEY_FILE".to_owned(), "/run/secrets/audit".to_owned()),
        ]));
        let Ok(config) = Config::from_vars(vars) else { panic!("valid config") };
        assert_eq!(config.keys.audit_key_file, PathBuf::from("/run/secrets/audit"));
        assert_eq!(config.keys.secret_key_file, PathBuf::from("data/secret.key"));
        assert_eq!(config.cookie_name("carnet_session"), "carnet_session");
    }

    #[test]
    fn a_support_code_runs_fifteen_minutes_unless_told_within_half_a_minute_and_an_hour() {
        let lifetime = |value: Option<&str>| {
            let vars = value.map(|v| ("CARNET_SUPPORT_CODE_SECONDS".to_owned(), v.to_owned()));
            Config::from_vars(with_sources(vars.into_iter().collect())).map(|c| c.support_code_lifetime.as_secs())
        };
        assert_eq!(lifetime(None).ok(), Some(900));
        assert_eq!(lifetime(Some("45")).ok(), Some(45));
        assert_eq!(lifetime(Some("3600")).ok(), Some(3600));
        for refused in ["29", "3601", "0", "soon"] {
            assert!(matches!(lifetime(Some(refused)), Err(ConfigError::Invalid(..))), "{refused}");
        }
    }

    #[test]
    fn a_misspelt_variable_is_refused_by_its_name() {
        let vars = BTreeMap::from([("CARNET_OIDC_ISSEUR".to_owned(), "x".to_owned())]);
        let Err(ConfigError::Unknown(name)) = Config::from_vars(vars) else { panic!("refused") };
        assert_eq!(name, "CARNET_OIDC_ISSEUR");
    }

    #[test]
    fn a_value_of_the_wrong_kind_is_refused_by_the_variable_s_name() {
        let refused = |name: &str, value: &str| {
            let vars = with_sources(BTreeMap::from([(name.to_owned(), value.to_owned())]));
            match Config::from_vars(vars) {
                Err(ConfigError::Invalid(named, _)) => named,
                other => panic!("{name}={value}: {other:?}"),
            }
        };
        assert_eq!(refused("CARNET_SESSION_IDLE_SECONDS", "soon"), "CARNET_SESSION_IDLE_SECONDS");
        assert_eq!(refused("CARNET_SESSION_IDLE_SECONDS", "0"), "CARNET_SESSION_IDLE_SECONDS");
        assert_eq!(refused("CARNET_METRICS_BIND", "everywhere"), "CARNET_METRICS_BIND");
        assert_eq!(refused("CARNET_DEMO_SEED", "2"), "CARNET_DEMO_SEED");
        assert_eq!(refused("CARNET_RATE_API_PER_MINUTE", "0"), "CARNET_RATE_API_PER_MINUTE");
        assert_eq!(refused("CARNET_MAX_BODY_BYTES", "100"), "CARNET_MAX_BODY_BYTES");
        // Words are not numbers, nor switches other than 0 and 1.
        assert_eq!(refused("CARNET_HSTS_SECONDS", "off"), "CARNET_HSTS_SECONDS");
        assert_eq!(refused("CARNET_SESSION_ABSOLUTE_SECONDS", "yes"), "CARNET_SESSION_ABSOLUTE_SECONDS");
        assert_eq!(refused("CARNET_CLOCK_MOVABLE", "true"), "CARNET_CLOCK_MOVABLE");
        let set = |name: &str, value: &str| {
            Config::from_vars(with_sources(BTreeMap::from([(name.to_owned(), value.to_owned())])))
        };
        assert!(set("CARNET_DEMO_SEED", "1").is_ok_and(|c| c.demo_seed));
        assert!(set("CARNET_DEMO_SEED", " ").is_ok_and(|c| !c.demo_seed), "empty: not set");
        assert!(set("CARNET_METRICS_BIND", "127.0.0.1:9464").is_ok_and(|c| c.metrics_bind.is_some()));
    }
}
