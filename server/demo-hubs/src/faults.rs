//! Switchable faults per source, at runtime: added latency (fixed and jittered), an error
//! rate (FHIR: HTTP 503 with an OperationOutcome; KMEHR: a SOAP `Server` fault), hanging
//! until the client gives up, a malformed payload, an oversized answer (`huge_mb`
//! megabytes, streamed), an answer of `many_elements` tiny elements (streamed), a hub
//! that refuses every write (`refuse_writes`: a negative acknowledgement), and down
//! (the source's own port is closed: connection refused). Set them with the admin
//! endpoints (`PUT /admin/faults/{source}` with a JSON [`Fault`], `DELETE` to clear) or at
//! start with `DEMO_HUBS_FAULTS='{"vitalink":{"latency_ms":2000}}'`. Every call a source
//! receives is counted (`GET /admin/calls/{source}`, with the last requests' paths and
//! queries), so tests can check retry budgets and what a URL holds.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Json;
use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use rand::Rng;
use serde::{Deserialize, Serialize};
use serde_json::json;

/// The faults of one source. All off by default.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Fault {
    /// Added to every answer.
    pub latency_ms: u64,
    /// Up to this much more, at random.
    pub jitter_ms: u64,
    /// The share of calls (0.0–1.0) answered with a server error (FHIR: HTTP 503 with an
    /// OperationOutcome).
    pub error_rate: f64,
    /// Never answer (the client's timeout ends the call).
    pub hang: bool,
    /// Answer with a payload cut in the middle.
    pub malformed: bool,
    /// Close the source's own port: connections are refused. (On the shared main port,
    /// where the connection cannot be refused for one source only, calls get HTTP 503.)
    pub down: bool,
    /// Answer with this many megabytes (streamed, well-formed as far as it goes, no
    /// declared length): the client must stop reading at its own cap.
    pub huge_mb: u64,
    /// Answer with a document of this many tiny elements (streamed, no declared length).
    pub many_elements: u64,
    /// A KMEHR hub refuses every write (`Put…`, `Revoke…`) with a negative
    /// acknowledgement; reads are answered as usual.
    pub refuse_writes: bool,
}

/// Set on a request to a hub whose writes are refused (see [`Fault::refuse_writes`]).
#[derive(Debug, Clone, Copy)]
pub struct RefuseWrites;

#[derive(Debug, Clone)]
pub struct Faults {
    inner: Arc<Mutex<State_>>,
    /// Bumped at every change, to wake whoever waits for one.
    changed: Arc<tokio::sync::watch::Sender<u64>>,
}

impl Default for Faults {
    fn default() -> Self {
        Faults { inner: Arc::default(), changed: Arc::new(tokio::sync::watch::channel(0).0) }
    }
}

#[derive(Debug, Default)]
struct State_ {
    faults: HashMap<String, Fault>,
    calls: HashMap<String, u64>,
    /// The last requests' targets (path and query) per source: tests check what a URL holds.
    targets: HashMap<String, std::collections::VecDeque<String>>,
}

impl Faults {
    /// Faults from `DEMO_HUBS_FAULTS` (a JSON object: source id → fault).
    pub fn from_env() -> Result<Faults, serde_json::Error> {
        let faults = Faults::default();
        if let Ok(text) = std::env::var("DEMO_HUBS_FAULTS") {
            let map: HashMap<String, Fault> = serde_json::from_str(&text)?;
            if let Ok(mut state) = faults.inner.lock() {
                state.faults = map;
            }
        }
        Ok(faults)
    }

    pub fn set(&self, source: &str, fault: Fault) {
        if let Ok(mut state) = self.inner.lock() {
            state.faults.insert(source.to_owned(), fault);
        }
        self.changed.send_modify(|generation| *generation += 1);
    }

    pub fn is_down(&self, source: &str) -> bool {
        self.get(source).down
    }

    /// Returns once the source's "down" fault is `down`.
    pub async fn wait_until(&self, source: &str, down: bool) {
        let mut changes = self.changed.subscribe();
        while self.get(source).down != down {
            if changes.changed().await.is_err() {
                return;
            }
        }
    }

    fn get(&self, source: &str) -> Fault {
        self.inner.lock().ok().and_then(|s| s.faults.get(source).cloned()).unwrap_or_default()
    }

    fn count(&self, source: &str, target: &str) {
        if let Ok(mut state) = self.inner.lock() {
            *state.calls.entry(source.to_owned()).or_default() += 1;
            let targets = state.targets.entry(source.to_owned()).or_default();
            if targets.len() >= 500 {
                targets.pop_front();
            }
            targets.push_back(target.to_owned());
        }
    }

    /// The last (up to 500) requests' targets, path and query, oldest first.
    pub fn targets(&self, source: &str) -> Vec<String> {
        self.inner
            .lock()
            .ok()
            .and_then(|s| s.targets.get(source).map(|t| t.iter().cloned().collect()))
            .unwrap_or_default()
    }

    pub fn calls(&self, source: &str) -> u64 {
        self.inner.lock().ok().and_then(|s| s.calls.get(source).copied()).unwrap_or(0)
    }
}

/// Applies a source's faults to every call it receives.
pub async fn apply(
    State((faults, source, protocol)): State<(Faults, &'static str, crate::Protocol)>,
    request: Request,
    next: Next,
) -> Response {
    faults.count(source, request.uri().path_and_query().map(|p| p.as_str()).unwrap_or_default());
    let fault = faults.get(source);
    let delay =
        fault.latency_ms + if fault.jitter_ms > 0 { rand::thread_rng().gen_range(0..=fault.jitter_ms) } else { 0 };
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    if fault.hang {
        tokio::time::sleep(Duration::from_secs(3600)).await;
    }
    if fault.down {
        return (StatusCode::SERVICE_UNAVAILABLE, "down").into_response();
    }
    if fault.error_rate > 0.0 && rand::thread_rng().r#gen::<f64>() < fault.error_rate {
        if protocol == crate::Protocol::Kmehr {
            return crate::xml::fault("Server", "demo fault: service unavailable");
        }
        let body = json!({
            "resourceType": "OperationOutcome",
            "issue": [{ "severity": "error", "code": "transient", "diagnostics": "demo fault: service unavailable" }]
        });
        return (StatusCode::SERVICE_UNAVAILABLE, [(header::CONTENT_TYPE, "application/fhir+json")], body.to_string())
            .into_response();
    }
    if fault.huge_mb > 0 {
        return streamed(protocol, fault.huge_mb * 1024 * 1024 / 64, &"x".repeat(64));
    }
    if fault.many_elements > 0 {
        let element = if protocol == crate::Protocol::Kmehr { "<a/>" } else { "{}," };
        return streamed(protocol, fault.many_elements, element);
    }
    let mut request = request;
    if fault.refuse_writes {
        request.extensions_mut().insert(RefuseWrites);
    }
    let response = next.run(request).await;
    if fault.malformed {
        let (parts, body) = response.into_parts();
        let bytes = axum::body::to_bytes(body, 64 * 1024 * 1024).await.unwrap_or_default();
        let cut = bytes.slice(..bytes.len() / 2);
        let mut parts = parts;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, axum::body::Body::from(cut));
    }
    response
}

/// An answer of `count` repetitions of `unit` inside a document of the protocol's kind,
/// generated as it is sent (the demo hubs never hold it whole), with no Content-Length.
fn streamed(protocol: crate::Protocol, count: u64, unit: &str) -> Response {
    let (head, tail, content_type) = match protocol {
        crate::Protocol::Kmehr => (
            "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><x>",
            "</x></soap:Body></soap:Envelope>",
            "text/xml; charset=utf-8",
        ),
        _ => ("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[", "{}]}", "application/fhir+json"),
    };
    const PER_CHUNK: u64 = 4096;
    let unit = unit.to_owned();
    let chunks = count.div_ceil(PER_CHUNK);
    let body = futures_util::stream::iter(0..chunks + 2).map(move |i| {
        let text = if i == 0 {
            head.to_owned()
        } else if i == chunks + 1 {
            tail.to_owned()
        } else {
            let n = PER_CHUNK.min(count - (i - 1) * PER_CHUNK);
            unit.repeat(n as usize)
        };
        Ok::<_, std::convert::Infallible>(axum::body::Bytes::from(text))
    });
    ([(header::CONTENT_TYPE, content_type)], axum::body::Body::from_stream(body)).into_response()
}

pub async fn put_fault(
    State(faults): State<Faults>,
    Path(source): Path<String>,
    Json(fault): Json<Fault>,
) -> StatusCode {
    faults.set(&source, fault);
    StatusCode::NO_CONTENT
}

pub async fn clear_fault(State(faults): State<Faults>, Path(source): Path<String>) -> StatusCode {
    faults.set(&source, Fault::default());
    StatusCode::NO_CONTENT
}

pub async fn get_calls(State(faults): State<Faults>, Path(source): Path<String>) -> Json<serde_json::Value> {
    Json(json!({ "source": source, "calls": faults.calls(&source), "targets": faults.targets(&source) }))
}
