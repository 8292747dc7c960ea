//! The demo hubs: a stand-in for the outside world.
//!
//! Serves the project's own synthetic demo patients over the real protocols, so the portal
//! talks to it exactly as it would to real hubs and vaults. It shares no code with the
//! connectors that read it (a parser bug must not hide itself).
//!
//! Six sources ([`SOURCES`]): two FHIR R4 vaults ([`fhir`]), three KMEHR hubs speaking
//! eHealth hub services v3 over SOAP ([`hub`]) and a national register of parent–child
//! links ([`register`]), each with switchable faults ([`faults`]).
//! Every source is reachable on the main port by its path (`/<source>/…`) and on a port of
//! its own (main port + 1 + its index), which the "down" fault closes (connection refused).

pub mod data;
pub mod faults;
pub mod fhir;
pub mod hub;
pub mod register;
mod xml;

use std::sync::Arc;

use axum::Router;
use axum::routing::{get, put};

pub use faults::{Fault, Faults};

/// What a source speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    Fhir,
    Kmehr,
    /// The demo national register's JSON links ([`register`]).
    Register,
}

/// The demo sources: id (the path prefix), display name, protocol. The order gives each
/// its own port: main port + 1 + index.
pub const SOURCES: [(&str, &str, Protocol); 6] = [
    ("vitalink", "Vitalink", Protocol::Fhir),
    ("brusafe", "BruSafe+", Protocol::Fhir),
    ("rsw", "Réseau Santé Wallon", Protocol::Kmehr),
    ("rsb", "Réseau Santé Bruxellois", Protocol::Kmehr),
    ("cozo", "CoZo", Protocol::Kmehr),
    ("register", "National register", Protocol::Register),
];

/// The loaded demo hubs (their state lives as long as this).
#[derive(Clone)]
pub struct DemoHubs {
    pub faults: Faults,
    hubs: Vec<Arc<hub::Hub>>,
    router: Router,
}

impl DemoHubs {
    pub fn new(faults: Faults) -> Result<DemoHubs, String> {
        let mut app = Router::new();
        let mut hubs = Vec::new();
        for (id, name, protocol) in SOURCES {
            let routes = match protocol {
                Protocol::Fhir => fhir::routes(id, fhir::Vault::load(id)?),
                Protocol::Kmehr => {
                    let hub = Arc::new(hub::Hub::load(id, name)?);
                    hubs.push(hub.clone());
                    hub::routes(hub)
                }
                Protocol::Register => register::routes(register::Register::load()?),
            };
            app = app.merge(
                routes.layer(axum::middleware::from_fn_with_state((faults.clone(), id, protocol), faults::apply)),
            );
        }
        let admin = Router::new()
            .route("/admin/faults/{source}", put(faults::put_fault).delete(faults::clear_fault))
            .route("/admin/calls/{source}", get(faults::get_calls))
            .with_state(faults.clone());
        let state = Router::new()
            .route("/admin/state/{hub}/{ssin}", get(hub_state))
            .route("/admin/reset", axum::routing::post(reset))
            .route("/admin/access/{hub}/{ssin}", axum::routing::post(record_access))
            .with_state(hubs.clone());
        Ok(DemoHubs { faults, hubs, router: app.merge(admin).merge(state) })
    }

    pub fn router(&self) -> Router {
        self.router.clone()
    }

    /// A KMEHR hub's state (for tests of writes).
    pub fn hub(&self, id: &str) -> Option<&hub::Hub> {
        self.hubs.iter().find(|h| h.id() == id).map(|h| h.as_ref())
    }

    /// Serves every source by path on an already bound listener until the future is dropped.
    pub async fn serve(&self, listener: tokio::net::TcpListener) -> std::io::Result<()> {
        axum::serve(listener, self.router()).await
    }

    /// Serves one source on a port of its own. While the source's "down" fault is on, the
    /// port is closed: connections are refused.
    pub async fn serve_source(&self, source: &'static str, listener: tokio::net::TcpListener) -> std::io::Result<()> {
        let address = listener.local_addr()?;
        let mut listener = Some(listener);
        loop {
            if self.faults.is_down(source) {
                // Close the port (a bound socket that does not accept would make callers
                // hang, not be refused) until the source is up again.
                listener = None;
                self.faults.wait_until(source, false).await;
            }
            let current = match listener.take() {
                Some(l) => l,
                None => rebind(address).await?,
            };
            let down = self.faults.clone();
            axum::serve(current, self.router())
                .with_graceful_shutdown(async move { down.wait_until(source, true).await })
                .await?;
        }
    }
}

/// `GET /admin/state/{hub}/{ssin}`: one person's state at a KMEHR hub (consent, links,
/// exclusions, audit trail) as JSON, so tests check a write where it landed.
async fn hub_state(
    axum::extract::State(hubs): axum::extract::State<Vec<Arc<hub::Hub>>>,
    axum::extract::Path((id, ssin)): axum::extract::Path<(String, String)>,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    match hubs.iter().find(|h| h.id() == id) {
        Some(hub) => axum::Json(hub.patient_state(&ssin).unwrap_or_default()).into_response(),
        None => axum::http::StatusCode::NOT_FOUND.into_response(),
    }
}

/// `POST /admin/access/{hub}/{ssin}`: a care provider opens the person's record now (an
/// entry of the hub's audit trail; a JSON [`hub::AuditEntry`] in the body, or Dr. Katrien
/// Verbiest of UZ Leuven by default), for tests of the new-access alert.
async fn record_access(
    axum::extract::State(hubs): axum::extract::State<Vec<Arc<hub::Hub>>>,
    axum::extract::Path((id, ssin)): axum::extract::Path<(String, String)>,
    body: axum::body::Bytes,
) -> axum::http::StatusCode {
    let entry = if body.is_empty() {
        hub::AuditEntry {
            datetime: hub::now_utc(),
            nihdi: "13302785580".into(),
            name: "Dr. Katrien Verbiest".into(),
            role: "persphysician".into(),
            institution: Some("UZ Leuven".into()),
            action: Some("gettransactionlist".into()),
            transaction: None,
        }
    } else {
        match serde_json::from_slice(&body) {
            Ok(entry) => entry,
            Err(_) => return axum::http::StatusCode::BAD_REQUEST,
        }
    };
    match hubs.iter().find(|h| h.id() == id) {
        Some(hub) => {
            hub.record_access(&ssin, entry);
            axum::http::StatusCode::NO_CONTENT
        }
        None => axum::http::StatusCode::NOT_FOUND,
    }
}

/// `POST /admin/reset`: every hub back to its seeded state (for tests that write).
async fn reset(axum::extract::State(hubs): axum::extract::State<Vec<Arc<hub::Hub>>>) -> axum::http::StatusCode {
    if hubs.iter().all(|hub| hub.reset().is_ok()) {
        axum::http::StatusCode::NO_CONTENT
    } else {
        axum::http::StatusCode::INTERNAL_SERVER_ERROR
    }
}

/// Binds the same address again after a "down" period (the OS may hold it briefly).
async fn rebind(address: std::net::SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let mut last = None;
    for _ in 0..50 {
        match tokio::net::TcpListener::bind(address).await {
            Ok(l) => return Ok(l),
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("could not bind again")))
}

/// Serves the demo hubs on an already bound listener (every source by path) until the
/// future is dropped.
pub async fn serve(listener: tokio::net::TcpListener, faults: Faults) -> std::io::Result<()> {
    let hubs = DemoHubs::new(faults).map_err(std::io::Error::other)?;
    hubs.serve(listener).await
}

pub(crate) fn urlencode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}
