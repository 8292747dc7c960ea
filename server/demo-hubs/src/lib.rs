//! The demo hubs: a stand-in for the outside world.
//!
//! Serves the project's own synthetic demo patients over the real protocols, so the portal
//! talks to it exactly as it would to a real hub or vault. It shares no code with the
//! connectors that read it (a parser bug must not hide itself).
//!
//! Today: two FHIR R4 vaults ("Vitalink", "BruSafe+") with `Immunization` search by patient
//! identifier and paging, and switchable faults per source ([`faults`]). KMEHR hubs follow.

pub mod faults;

use std::sync::Arc;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use serde::Deserialize;
use serde_json::{Value, json};

pub use faults::{Fault, Faults};

const SSIN_SYSTEM: &str = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";
const FHIR_JSON: &str = "application/fhir+json";

/// The FHIR vaults: id (the path prefix) and their `Immunization` resources.
const VAULTS: [(&str, &str); 2] = [
    ("vitalink", include_str!("../data/vitalink/Immunization.json")),
    ("brusafe", include_str!("../data/brusafe/Immunization.json")),
];

/// One FHIR vault's resources.
#[derive(Debug)]
pub struct Vault {
    immunizations: Vec<Value>,
}

impl Vault {
    fn parse(json: &str) -> Result<Self, serde_json::Error> {
        Ok(Vault { immunizations: serde_json::from_str(json)? })
    }
}

/// The demo hubs' routes: `/<source>/fhir/…` per vault, `/admin/…` for faults.
pub fn router(faults: Faults) -> Result<Router, serde_json::Error> {
    let mut app = Router::new();
    for (id, data) in VAULTS {
        let vault = Arc::new(Vault::parse(data)?);
        let routes = Router::new()
            .route(&format!("/{id}/fhir/Immunization"), get(search_immunizations))
            .route(&format!("/{id}/fhir/metadata"), get(capability_statement))
            .with_state(vault)
            .layer(axum::middleware::from_fn_with_state((faults.clone(), id), faults::apply));
        app = app.merge(routes);
    }
    let admin = Router::new()
        .route("/admin/faults/{source}", put(faults::put_fault).delete(faults::clear_fault))
        .route("/admin/calls/{source}", get(faults::get_calls))
        .with_state(faults);
    Ok(app.merge(admin))
}

#[derive(Debug, Deserialize)]
struct SearchParams {
    #[serde(rename = "patient.identifier")]
    patient_identifier: Option<String>,
    #[serde(rename = "_count")]
    count: Option<usize>,
    #[serde(rename = "_offset")]
    offset: Option<usize>,
}

async fn search_immunizations(State(vault): State<Arc<Vault>>, Query(params): Query<SearchParams>) -> Response {
    let Some(identifier) = params.patient_identifier.as_deref() else {
        return operation_outcome(StatusCode::BAD_REQUEST, "required", "patient.identifier is required");
    };
    let Some((system, value)) = identifier.split_once('|') else {
        return operation_outcome(StatusCode::BAD_REQUEST, "invalid", "patient.identifier must be system|value");
    };
    let matches: Vec<&Value> = vault
        .immunizations
        .iter()
        .filter(|r| {
            system == SSIN_SYSTEM
                && r.pointer("/patient/identifier/system").and_then(Value::as_str) == Some(system)
                && r.pointer("/patient/identifier/value").and_then(Value::as_str) == Some(value)
        })
        .collect();
    let count = params.count.unwrap_or(20).clamp(1, 100);
    let offset = params.offset.unwrap_or(0);
    let page: Vec<Value> = matches
        .iter()
        .skip(offset)
        .take(count)
        .map(|r| json!({ "fullUrl": format!("Immunization/{}", r.get("id").and_then(Value::as_str).unwrap_or("")), "resource": r, "search": { "mode": "match" } }))
        .collect();
    let base = format!("Immunization?patient.identifier={}&_count={count}", urlencode(identifier));
    let mut links = vec![json!({ "relation": "self", "url": format!("{base}&_offset={offset}") })];
    if offset + count < matches.len() {
        links.push(json!({ "relation": "next", "url": format!("{base}&_offset={}", offset + count) }));
    }
    let bundle = json!({
        "resourceType": "Bundle",
        "type": "searchset",
        "total": matches.len(),
        "link": links,
        "entry": page,
    });
    ([(header::CONTENT_TYPE, FHIR_JSON)], bundle.to_string()).into_response()
}

async fn capability_statement() -> Response {
    let body = json!({
        "resourceType": "CapabilityStatement",
        "status": "active",
        "kind": "instance",
        "fhirVersion": "4.0.1",
        "format": ["json"],
        "rest": [{ "mode": "server", "resource": [{ "type": "Immunization", "searchParam": [{ "name": "patient.identifier", "type": "token" }] }] }]
    });
    ([(header::CONTENT_TYPE, FHIR_JSON)], body.to_string()).into_response()
}

fn operation_outcome(status: StatusCode, code: &str, diagnostics: &str) -> Response {
    let body = json!({
        "resourceType": "OperationOutcome",
        "issue": [{ "severity": "error", "code": code, "diagnostics": diagnostics }]
    });
    (status, [(header::CONTENT_TYPE, FHIR_JSON)], body.to_string()).into_response()
}

fn urlencode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Serves the demo hubs on an already bound listener until the future is dropped.
pub async fn serve(listener: tokio::net::TcpListener, faults: Faults) -> std::io::Result<()> {
    let app = router(faults).map_err(std::io::Error::other)?;
    axum::serve(listener, app).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_data_parses_and_every_record_names_a_patient() {
        for (id, data) in VAULTS {
            let Ok(vault) = Vault::parse(data) else { panic!("{id}: demo data must parse") };
            assert!(vault.immunizations.len() >= 5, "{id}");
            for r in &vault.immunizations {
                assert_eq!(r.get("resourceType").and_then(Value::as_str), Some("Immunization"));
                assert_eq!(r.pointer("/patient/identifier/system").and_then(Value::as_str), Some(SSIN_SYSTEM));
            }
        }
    }
}
