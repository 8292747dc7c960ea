//! The Carnet portal server: wires configuration, storage, login, the connectors and the
//! Leptos pages into one axum application.

pub mod audit;
pub mod auth;
pub mod clock;
pub mod compression;
pub mod config;
pub mod cookies;
pub mod demo;
pub mod error;
pub mod health;
pub mod lang;
pub mod portal;
pub mod request_id;
pub mod return_path;
pub mod secrets;
pub mod security;
pub mod static_files;
pub mod telemetry;
pub mod web;

use std::sync::Arc;

use axum::extract::FromRef;
use axum::routing::{get, post};
use axum::{Router, middleware};
use carnet_app::api::SharedService;
use std::time::Duration;

use carnet_connectors::Connector;
use carnet_connectors::fhir::{FhirClient, FhirSettings};
use carnet_connectors::kmehr::hub::Sender;
use carnet_connectors::kmehr::hub::{HubClient, HubSettings};
use carnet_connectors::register::{RegisterClient, RegisterSettings};
use carnet_connectors::sources::CachePolicy;
use carnet_connectors::{Metrics, Sources};
use carnet_store::{SqlSessionStore, Store};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

pub use config::Config;

/// What every handler can reach: one pointer, cloned by every layer for every request.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// The state itself (reached through [`AppState`]).
pub struct Shared {
    pub config: Arc<Config>,
    pub store: Store,
    pub relying_party: Arc<auth::RelyingParty>,
    pub service: SharedService,
    /// The sources' metrics (served on the metrics listener only).
    pub metrics: Arc<Metrics>,
    pub leptos_options: LeptosOptions,
    /// Seals what leaves the process (cookies, session rows, tokens) with the secret key.
    pub sealer: secrets::Sealer,
    pub limiters: Arc<security::limits::Limiters>,
    /// The identity provider's origin (the logout form is redirected there).
    pub provider_origin: String,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("configuration: {0}")]
    Config(#[from] config::ConfigError),
    #[error("database: {0}")]
    Store(#[from] carnet_store::StoreError),
    #[error("identity provider client: {0}")]
    Oidc(#[from] auth::oidc::LoginError),
    #[error("data source: {0}")]
    Source(#[from] carnet_connectors::ConnectorError),
    #[error("cannot listen: {0}")]
    Io(#[from] std::io::Error),
    #[error("key: {0}")]
    Key(#[from] secrets::KeyError),
    #[error(
        "the audit key file {0} is in the SQLite database's folder: whoever can write the database could also forge the audit log. With an https public URL (production), set CARNET_AUDIT_KEY_FILE to a file elsewhere"
    )]
    AuditKeyBesideDatabase(std::path::PathBuf),
    #[error("CARNET_CLOCK_MOVABLE=1 is for tests: a server with an https public URL refuses it")]
    MovableClockInProduction,
}

/// The id Carnet gives itself as the author of hub services requests (an application
/// hcparty).
const APPLICATION_ID: &str = "71000000001";

/// Paths (and everything below them) that need a logged-in person.
pub const PROTECTED: [&str; 16] = [
    "/dashboard",
    "/share",
    "/export",
    "/documents",
    "/vaccinations",
    "/medication",
    "/summary",
    "/consent",
    "/care-team",
    "/exclusions",
    "/access-log",
    "/who-can-see",
    "/mandates",
    "/act-for",
    "/support",
    "/helpdesk",
];

/// Builds the application (connects and migrates the database on the way).
pub async fn build(config: Config) -> Result<(Router, AppState), StartError> {
    let store = open_store(&config).await?;
    let sealer = secrets::Sealer::new(&secrets::load_or_generate(&config.keys.secret_key_file)?);
    let relying_party = Arc::new(auth::RelyingParty::new(&config)?);
    let metrics = Arc::new(Metrics::default());
    let mut connectors: Vec<Arc<dyn Connector>> = Vec::new();
    let mut register = None;
    for source in &config.sources {
        let bearer_token = match &source.credentials {
            Some(c) => Some(c.read()?),
            None => None,
        };
        let serves = source.serves.clone();
        let timeout = Duration::from_millis(source.timeout_ms);
        let (id, name, base_url, retries) =
            (source.id.clone(), source.name.clone(), source.base_url.clone(), source.retries);
        match source.kind {
            config::SourceKind::Fhir => {
                let settings = FhirSettings { id, name, base_url, timeout, retries, bearer_token, serves };
                connectors.push(Arc::new(FhirClient::new(settings, metrics.clone())?));
            }
            config::SourceKind::Kmehr => {
                let sender = Sender { application_id: APPLICATION_ID.into(), application_name: "Carnet".into() };
                let settings =
                    HubSettings { id, name, endpoint: base_url, timeout, retries, bearer_token, serves, sender };
                connectors.push(Arc::new(HubClient::new(settings, metrics.clone())?));
            }
            config::SourceKind::Register => {
                if register.is_some() || !source.serves.is_empty() {
                    return Err(StartError::Config(config::ConfigError::Invalid(
                        "CARNET_SOURCES_FILE".into(),
                        "one register at most, serving nothing (serves = [])".into(),
                    )));
                }
                let settings = RegisterSettings { id, base_url, timeout, retries, bearer_token };
                register = Some(RegisterClient::new(settings, metrics.clone())?);
            }
        }
    }
    let cache = CachePolicy { fresh: config.cache_fresh, keep: config.cache_keep, capacity: 50_000 };
    let sources = Arc::new(Sources::new(connectors, cache, metrics.clone())?);
    listen_for_changed_answers(&store, &sources);
    let rules = config.minor_rules()?;
    if config.demo_seed {
        demo::seed(&store).await?;
    }
    let lifetime = config.support_code_lifetime;
    let service: SharedService = Arc::new(portal::Portal::new(
        store.clone(),
        sources,
        sealer.clone(),
        rules,
        register,
        lifetime,
        config.public_url.to_string(),
    ));
    let provider_origin =
        url::Url::parse(&config.oidc.issuer).map(|u| u.origin().ascii_serialization()).unwrap_or_default();
    let limiters = security::limits::Limiters::new(&config.limits);
    let output_name = static_files::output_name(&config.site_root);
    let leptos_options = LeptosOptions::builder()
        .output_name(output_name.clone())
        .site_root(config.site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.bind)
        .build();
    let state = AppState(Arc::new(Shared {
        config: Arc::new(config),
        store: store.clone(),
        relying_party,
        service: service.clone(),
        metrics,
        leptos_options: leptos_options.clone(),
        sealer,
        limiters,
        provider_origin,
    }));

    let sessions = SqlSessionStore::new(store.clone(), state.config.session.cache_for);
    spawn_housekeeping(&state, sessions.clone());
    let idle = time::Duration::try_from(state.config.session.idle_timeout).unwrap_or(time::Duration::minutes(15));
    let session_layer = SessionManagerLayer::new(sessions)
        .with_name(state.config.cookie_name("carnet_session"))
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.config.secure_cookies())
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(idle));

    let context_service = service.clone();
    let provide = move || {
        provide_context(context_service.clone());
        // The nonce the CSP header of this response names (see `security::headers`).
        if let Some(nonce) = use_context::<http::request::Parts>()
            .and_then(|p| p.extensions.get::<security::headers::CspNonce>().cloned())
        {
            provide_context(leptos::nonce::Nonce::from_value(nonce.0));
        }
    };
    let routes = generate_route_list(carnet_app::App);
    let shell_options = leptos_options.clone();
    let fallback_provide = provide.clone();

    let routes_only = web::router()
        .merge(static_files::router(&state.config.site_root, &output_name))
        .leptos_routes_with_context(&state, routes, provide, move || carnet_app::shell(shell_options.clone()))
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(fallback_provide, carnet_app::shell))
        .with_state(state.clone());
    // The layers wrap the whole router (not each route): a refusal can answer with the
    // problem page, routed anew. They run bottom-up: compression, request id, security
    // headers, body limit, login rate limit, unsaved session, session, principal, the
    // session's rate limits, CSRF, login guard, language.
    let router = Router::new()
        .fallback_service(routes_only)
        .layer(middleware::from_fn(lang::negotiate))
        .layer(middleware::from_fn(guard))
        .layer(middleware::from_fn_with_state(state.clone(), security::csrf::guard))
        .layer(middleware::from_fn_with_state(state.clone(), security::limits::per_session))
        .layer(middleware::from_fn_with_state(state.clone(), auth::session::load_principal))
        .layer(session_layer)
        .layer(middleware::from_fn_with_state(state.clone(), auth::session::unsaved))
        .layer(middleware::from_fn_with_state(state.clone(), security::limits::rate))
        .layer(middleware::from_fn_with_state(state.clone(), security::limits::body))
        .layer(middleware::from_fn_with_state(state.clone(), security::headers::set))
        .layer(middleware::from_fn(request_id::assign))
        .layer(middleware::from_fn(compression::compress));
    Ok((router, state))
}

/// The database, migrated (by the owner's connection when configured), with this
/// instance's audit chain keyed by the audit key.
pub async fn open_store(config: &Config) -> Result<Store, StartError> {
    audit_key_apart(config)?;
    if config.clock_movable && config.secure_cookies() {
        return Err(StartError::MovableClockInProduction);
    }
    if let Some(dir) = config.database_url.strip_prefix("sqlite://").and_then(|p| std::path::Path::new(p).parent())
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)?;
    }
    let audit_key = carnet_store::AuditKey::new(secrets::load_or_generate(&config.keys.audit_key_file)?);
    Ok(Store::open(carnet_store::StoreOptions {
        url: config.database_url.clone(),
        owner_url: config.database.owner_url.clone(),
        portal_role: config.database.portal_role.clone(),
        audit_key,
    })
    .await?)
}

/// Several instances (PostgreSQL): a change another instance made at a hub (consent, the
/// care team, exclusions) makes this one forget its cached answer at once; while it cannot
/// hear of such changes, it serves no cached answer as fresh.
fn listen_for_changed_answers(store: &Store, sources: &Arc<Sources>) {
    use carnet_connectors::sources::ChangedAnswer;
    if store.backend() != carnet_store::Backend::Postgres {
        return;
    }
    sources.trust_cache(false);
    let (store, up, heard) = (store.clone(), sources.clone(), sources.clone());
    tokio::spawn(async move {
        let listening = move |on: bool| {
            // Whatever changed while nobody listened is not in the cache.
            up.forget_all();
            up.trust_cache(on);
        };
        let heard = move |text: &str| match ChangedAnswer::decode(text) {
            Some(changed) => heard.forget(&changed),
            None => heard.forget_all(),
        };
        store.listen(carnet_store::notify::ANSWERS, listening, heard).await
    });
}

/// In production (an https public URL) the audit key may not sit in the SQLite database's
/// folder: the log is tamper-evident only against someone who cannot read the key.
fn audit_key_apart(config: &Config) -> Result<(), StartError> {
    let Some(database) = config.database_url.strip_prefix("sqlite://") else { return Ok(()) };
    if !config.secure_cookies() {
        return Ok(());
    }
    let folder = |path: &std::path::Path| {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let parent = path.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        parent.canonicalize().unwrap_or(parent)
    };
    let database = std::path::Path::new(database.split('?').next().unwrap_or(database));
    let key = &config.keys.audit_key_file;
    if folder(database) == folder(key) {
        return Err(StartError::AuditKeyBesideDatabase(key.clone()));
    }
    Ok(())
}

/// Background work for as long as the process runs: audit checkpoints, the sweep of
/// expired sessions, forgetting idle rate-limit keys and ended support codes' hashes.
fn spawn_housekeeping(state: &AppState, sessions: SqlSessionStore) {
    tokio::spawn(audit::checkpoints(
        state.store.clone(),
        state.config.audit.checkpoint_file.clone(),
        state.config.audit.checkpoint_every,
    ));
    // Often enough that a row outlives its expiry by a quarter of the idle time at most.
    let sweep_every = (state.config.session.idle_timeout / 4).clamp(Duration::from_secs(1), Duration::from_secs(60));
    tokio::spawn(sessions.clone().listen());
    tokio::spawn(auth::session::sweep(sessions, sweep_every));
    let limiters = state.limiters.clone();
    let store = state.store.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(60));
        loop {
            tick.tick().await;
            limiters.forget_idle();
            // Support codes that ran out or were stopped keep no hash to guess against.
            if let Err(e) = store.forget_ended_support_codes(clock::now_ms()).await {
                tracing::warn!(error = %e, "could not forget ended support codes");
            }
            // Exports past their time keep nothing.
            if let Err(e) = store.forget_expired_exports(clock::now_ms()).await {
                tracing::warn!(error = %e, "could not forget expired exports");
            }
            // Shares that ended keep nothing to open with.
            if let Err(e) = store.forget_ended_shares(clock::now_ms()).await {
                tracing::warn!(error = %e, "could not forget ended shares");
            }
        }
    });
}

/// `/metrics` alone, for the metrics listener (`CARNET_METRICS_BIND`, loopback or an
/// internal network: never the public one).
/// With a movable clock (tests), it also moves the clock: see [`clock`].
pub fn metrics_router(state: &AppState) -> Router {
    let router = Router::new().route("/metrics", get(health::metrics));
    let router =
        if state.config.clock_movable { router.route("/clock/advance", post(clock::advance_route)) } else { router };
    router.with_state(state.clone())
}

async fn guard(request: axum::extract::Request, next: middleware::Next) -> axum::response::Response {
    let path = request.uri().path();
    if path.starts_with("/api/") {
        return api_status(request, next).await;
    }
    if PROTECTED.iter().any(|p| path == *p || path.strip_prefix(p).is_some_and(|rest| rest.starts_with('/'))) {
        auth::session::require_login(request, next).await
    } else {
        next.run(request).await
    }
}

/// A server function's refusal with its HTTP status (a server function's error is a 500
/// otherwise): 401 before anything when nobody is logged in, 403, 404, 400, 503 by the
/// service's error.
async fn api_status(request: axum::extract::Request, next: middleware::Next) -> axum::response::Response {
    use axum::http::StatusCode;
    use carnet_core::portal_service::ServiceError;
    let status_of = |error: ServiceError| match error {
        ServiceError::Unauthenticated => StatusCode::UNAUTHORIZED,
        ServiceError::Forbidden => StatusCode::FORBIDDEN,
        ServiceError::NotFound => StatusCode::NOT_FOUND,
        ServiceError::BadRequest => StatusCode::BAD_REQUEST,
        ServiceError::SourceUnavailable => StatusCode::SERVICE_UNAVAILABLE,
        ServiceError::Unreadable => StatusCode::BAD_GATEWAY,
        ServiceError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let json = |error: ServiceError| {
        let body = serde_json::to_string(&carnet_app::api::ApiError::Service(error)).unwrap_or_default();
        axum::response::Response::builder()
            .status(status_of(error))
            .header(axum::http::header::CONTENT_TYPE, "application/json")
            .body(axum::body::Body::from(body))
            .unwrap_or_default()
    };
    if request.extensions().get::<carnet_core::Principal>().is_none() {
        return json(ServiceError::Unauthenticated);
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, 64 * 1024).await.unwrap_or_default();
    match serde_json::from_slice::<carnet_app::api::ApiError>(&bytes) {
        Ok(carnet_app::api::ApiError::Service(error)) => json(error),
        _ => axum::response::Response::from_parts(parts, axum::body::Body::from(bytes)),
    }
}

/// Serves on an already bound listener, with `TCP_NODELAY` on every connection (streamed
/// pages otherwise stall on delayed ACKs).
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    // The peer address is the rate limits' key for `/auth/*`.
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service).with_graceful_shutdown(shutdown_signal()).await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
