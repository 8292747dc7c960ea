//! The Carnet portal server: wires configuration, storage, login, the connectors and the
//! Leptos pages into one axum application.

pub mod auth;
pub mod config;
pub mod documents;
pub mod error;
pub mod health;
pub mod lang;
pub mod request_id;
pub mod service;
pub mod telemetry;

use std::sync::Arc;

use axum::extract::FromRef;
use axum::routing::{get, post};
use axum::{Router, middleware};
use carnet_app::api::SharedService;
use std::time::Duration;

use carnet_connectors::fhir::{FhirClient, FhirSettings};
use carnet_connectors::kmehr::hub::{HubClient, HubSettings};
use carnet_connectors::kmehr::soap::Sender;
use carnet_connectors::Connector;
use carnet_connectors::sources::CachePolicy;
use carnet_connectors::{Metrics, Sources};
use secrecy::ExposeSecret;
use carnet_store::{SqlSessionStore, Store};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

pub use config::Config;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    pub store: Store,
    pub relying_party: Arc<auth::RelyingParty>,
    pub service: SharedService,
    pub sources: Arc<Sources>,
    pub leptos_options: LeptosOptions,
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
}

/// The id Carnet gives itself as the author of hub services requests (an application
/// hcparty).
const APPLICATION_ID: &str = "71000000001";

/// Paths (and everything below them) that need a logged-in person.
const PROTECTED: [&str; 5] = ["/dashboard", "/documents", "/vaccinations", "/medication", "/summary"];

/// Builds the application (connects and migrates the database on the way).
pub async fn build(config: Config) -> Result<(Router, AppState), StartError> {
    if let Some(dir) = config.database_url.strip_prefix("sqlite://").and_then(|p| std::path::Path::new(p).parent())
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir)?;
    }
    let store = Store::connect(&config.database_url).await?;
    let relying_party = Arc::new(auth::RelyingParty::new(&config)?);
    let metrics = Arc::new(Metrics::default());
    let mut connectors: Vec<Arc<dyn Connector>> = Vec::new();
    for source in &config.sources {
        let bearer_token = match &source.credentials {
            Some(c) => Some(c.read()?.expose_secret().to_owned()),
            None => None,
        };
        let serves = source.serves.clone();
        let timeout = Duration::from_millis(source.timeout_ms);
        let (id, name, base_url, retries) = (source.id.clone(), source.name.clone(), source.base_url.clone(), source.retries);
        match source.kind {
            config::SourceKind::Fhir => {
                let settings = FhirSettings { id, name, base_url, timeout, retries, bearer_token, serves };
                connectors.push(Arc::new(FhirClient::new(settings, metrics.clone())?));
            }
            config::SourceKind::Kmehr => {
                let sender = Sender { application_id: APPLICATION_ID.into(), application_name: "Carnet".into() };
                let settings = HubSettings { id, name, endpoint: base_url, timeout, retries, bearer_token, serves, sender };
                connectors.push(Arc::new(HubClient::new(settings, metrics.clone())?));
            }
        }
    }
    let cache = CachePolicy { fresh: config.cache_fresh, keep: config.cache_keep, capacity: 50_000 };
    let sources = Arc::new(Sources::new(connectors, cache, metrics));
    let service: SharedService = Arc::new(service::Portal::new(store.clone(), sources.clone()));
    let leptos_options = LeptosOptions::builder()
        .output_name("carnet")
        .site_root(config.site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.bind)
        .build();
    let state = AppState {
        config: Arc::new(config),
        store: store.clone(),
        relying_party,
        service: service.clone(),
        sources,
        leptos_options: leptos_options.clone(),
    };

    let sessions = SqlSessionStore::new(store.clone());
    let idle = time::Duration::try_from(state.config.session.idle_timeout).unwrap_or(time::Duration::minutes(15));
    let session_layer = SessionManagerLayer::new(sessions)
        .with_name("carnet_session")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.config.secure_cookies())
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(idle));

    let context_service = service.clone();
    let provide = move || provide_context(context_service.clone());
    let routes = generate_route_list(carnet_app::App);
    let shell_options = leptos_options.clone();
    let fallback_provide = provide.clone();

    let router = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/metrics", get(health::metrics))
        .route("/auth/login", get(auth::routes::login))
        .route("/auth/callback", get(auth::routes::callback))
        .route("/auth/logout", post(auth::routes::logout))
        .route("/lang/{code}", get(lang::switch))
        .route("/documents/{token}/file", get(documents::file))
        .leptos_routes_with_context(&state, routes, provide, move || carnet_app::shell(shell_options.clone()))
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(fallback_provide, carnet_app::shell))
        // Layers run bottom-up: request id, session, principal, login guard, language.
        .layer(middleware::from_fn(lang::negotiate))
        .layer(middleware::from_fn(guard))
        .layer(middleware::from_fn_with_state(state.clone(), auth::session::load_principal))
        .layer(session_layer)
        .layer(middleware::from_fn(request_id::assign))
        .with_state(state.clone());
    Ok((router, state))
}

async fn guard(request: axum::extract::Request, next: middleware::Next) -> axum::response::Response {
    let path = request.uri().path();
    if PROTECTED.iter().any(|p| path == *p || path.strip_prefix(p).is_some_and(|rest| rest.starts_with('/'))) {
        auth::session::require_login(request, next).await
    } else {
        next.run(request).await
    }
}

/// Serves on an already bound listener, with `TCP_NODELAY` on every connection (streamed
/// pages otherwise stall on delayed ACKs).
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, router).with_graceful_shutdown(shutdown_signal()).await
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
