//! The demo FHIR R4 vaults ("Vitalink", "BruSafe+"): search by the patient's SSIN
//! identifier with paging, read by id, OperationOutcome errors. Data: `data/<vault>/<Type>.json`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use serde_json::{Value, json};

pub const SSIN_SYSTEM: &str = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";
const FHIR_JSON: &str = "application/fhir+json";

/// The resource types a vault can be searched for (an empty searchset when it holds none).
pub const SEARCHABLE: [&str; 9] = [
    "Immunization",
    "MedicationStatement",
    "MedicationRequest",
    "MedicationDispense",
    "AllergyIntolerance",
    "DocumentReference",
    "Consent",
    "AuditEvent",
    "Binary",
];

/// Where a resource names its patient.
fn patient_pointers(resource_type: &str) -> &'static [&'static str] {
    match resource_type {
        "MedicationStatement" | "MedicationRequest" | "MedicationDispense" | "DocumentReference" => {
            &["/subject/identifier"]
        }
        "AuditEvent" => &["/entity/0/what/identifier", "/agent/0/who/identifier"],
        "Binary" => &["/securityContext/identifier"],
        _ => &["/patient/identifier"],
    }
}

/// The SSIN a resource belongs to.
pub fn owner(resource: &Value) -> Option<&str> {
    let resource_type = resource.get("resourceType")?.as_str()?;
    patient_pointers(resource_type).iter().find_map(|p| {
        let id = resource.pointer(p)?;
        (id.get("system")?.as_str()? == SSIN_SYSTEM).then(|| id.get("value")?.as_str()).flatten()
    })
}

/// One vault's resources by type.
#[derive(Debug, Default)]
pub struct Vault {
    resources: HashMap<String, Vec<Value>>,
    /// Searches made by `POST [type]/_search`, by the opaque id their `next` links carry
    /// (as real servers page them: the patient's identifier stays out of every URL).
    searches: std::sync::Mutex<HashMap<String, String>>,
}

impl Vault {
    /// Reads `data/<id>/*.json` (each a JSON array of resources).
    pub fn load(id: &str) -> Result<Vault, String> {
        let mut vault = Vault::default();
        let prefix = format!("{id}/");
        for (path, text) in crate::data::FILES {
            let Some(name) = path.strip_prefix(&prefix).and_then(|n| n.strip_suffix(".json")) else { continue };
            let list: Vec<Value> = serde_json::from_str(text).map_err(|e| format!("{path}: {e}"))?;
            vault.resources.insert(name.to_owned(), list);
        }
        Ok(vault)
    }

    pub fn resources(&self, resource_type: &str) -> &[Value] {
        self.resources.get(resource_type).map(Vec::as_slice).unwrap_or(&[])
    }
}

pub fn routes(id: &str, vault: Vault) -> Router {
    Router::new()
        .route(&format!("/{id}/fhir/metadata"), get(capability_statement))
        .route(&format!("/{id}/fhir/{{resource_type}}"), get(search))
        .route(&format!("/{id}/fhir/{{resource_type}}/_search"), axum::routing::post(search_by_post))
        .route(&format!("/{id}/fhir/{{resource_type}}/{{rid}}"), get(read))
        .with_state(Arc::new(vault))
}

#[derive(Debug, Deserialize)]
struct SearchParams {
    #[serde(rename = "patient.identifier")]
    patient_identifier: Option<String>,
    #[serde(rename = "_count")]
    count: Option<usize>,
    #[serde(rename = "_offset")]
    offset: Option<usize>,
    /// The id of a search made by POST, for its next pages.
    #[serde(rename = "_getpages")]
    pages: Option<String>,
}

/// `GET [type]?patient.identifier=…` (or the next page of a search made by POST).
async fn search(
    State(vault): State<Arc<Vault>>,
    Path(resource_type): Path<String>,
    Query(params): Query<SearchParams>,
) -> Response {
    if let Some(id) = &params.pages {
        let identifier = vault.searches.lock().ok().and_then(|s| s.get(id).cloned());
        let Some(identifier) = identifier else {
            return operation_outcome(StatusCode::GONE, "not-found", "this search has expired");
        };
        return answer(&vault, &resource_type, &identifier, &params, Some(id));
    }
    let Some(identifier) = params.patient_identifier.clone() else {
        return operation_outcome(StatusCode::BAD_REQUEST, "required", "patient.identifier is required");
    };
    answer(&vault, &resource_type, &identifier, &params, None)
}

/// `POST [type]/_search` with the parameters in a form body: FHIR's way to search without
/// putting them in the URL (and so in access logs).
async fn search_by_post(
    State(vault): State<Arc<Vault>>,
    Path(resource_type): Path<String>,
    axum::extract::Form(params): axum::extract::Form<SearchParams>,
) -> Response {
    let Some(identifier) = params.patient_identifier.clone() else {
        return operation_outcome(StatusCode::BAD_REQUEST, "required", "patient.identifier is required");
    };
    let id = format!("{:032x}", rand::random::<u128>());
    if let Ok(mut searches) = vault.searches.lock() {
        if searches.len() > 10_000 {
            searches.clear();
        }
        searches.insert(id.clone(), identifier.clone());
    }
    answer(&vault, &resource_type, &identifier, &params, Some(&id))
}

/// A searchset page; its links name the search by `paged` (a search made by POST) or by
/// its parameters.
fn answer(
    vault: &Vault,
    resource_type: &str,
    identifier: &str,
    params: &SearchParams,
    paged: Option<&str>,
) -> Response {
    if !SEARCHABLE.contains(&resource_type) || resource_type == "Binary" {
        return operation_outcome(StatusCode::NOT_FOUND, "not-supported", "this resource type is not served here");
    }
    let Some((system, value)) = identifier.split_once('|') else {
        return operation_outcome(StatusCode::BAD_REQUEST, "invalid", "patient.identifier must be system|value");
    };
    let matches: Vec<&Value> =
        vault.resources(resource_type).iter().filter(|r| system == SSIN_SYSTEM && owner(r) == Some(value)).collect();
    let count = params.count.unwrap_or(20).clamp(1, 100);
    let offset = params.offset.unwrap_or(0);
    let page: Vec<Value> = matches
        .iter()
        .skip(offset)
        .take(count)
        .map(|r| {
            let id = r.get("id").and_then(Value::as_str).unwrap_or("");
            json!({ "fullUrl": format!("{resource_type}/{id}"), "resource": r, "search": { "mode": "match" } })
        })
        .collect();
    let base = match paged {
        Some(id) => format!("{resource_type}?_getpages={id}&_count={count}"),
        None => format!("{resource_type}?patient.identifier={}&_count={count}", crate::urlencode(identifier)),
    };
    let mut links = vec![json!({ "relation": "self", "url": format!("{base}&_offset={offset}") })];
    if offset + count < matches.len() {
        links.push(json!({ "relation": "next", "url": format!("{base}&_offset={}", offset + count) }));
    }
    let bundle =
        json!({ "resourceType": "Bundle", "type": "searchset", "total": matches.len(), "link": links, "entry": page });
    ([(header::CONTENT_TYPE, FHIR_JSON)], hostile_if_theirs(bundle.to_string())).into_response()
}

async fn read(State(vault): State<Arc<Vault>>, Path((resource_type, rid)): Path<(String, String)>) -> Response {
    match vault.resources(&resource_type).iter().find(|r| r.get("id").and_then(Value::as_str) == Some(rid.as_str())) {
        Some(resource) => {
            ([(header::CONTENT_TYPE, FHIR_JSON)], hostile_if_theirs(resource.to_string())).into_response()
        }
        None => operation_outcome(StatusCode::NOT_FOUND, "not-found", "no such resource"),
    }
}

async fn capability_statement() -> Response {
    let resources: Vec<Value> = SEARCHABLE
        .iter()
        .map(|t| json!({ "type": t, "searchParam": [{ "name": "patient.identifier", "type": "token" }] }))
        .collect();
    let body = json!({
        "resourceType": "CapabilityStatement", "status": "active", "kind": "instance", "fhirVersion": "4.0.1",
        "format": ["json"], "rest": [{ "mode": "server", "resource": resources }]
    });
    ([(header::CONTENT_TYPE, FHIR_JSON)], body.to_string()).into_response()
}

pub fn operation_outcome(status: StatusCode, code: &str, diagnostics: &str) -> Response {
    let body = json!({
        "resourceType": "OperationOutcome",
        "issue": [{ "severity": "error", "code": code, "diagnostics": diagnostics }]
    });
    (status, [(header::CONTENT_TYPE, FHIR_JSON)], body.to_string()).into_response()
}

// ---------------------------------------------------------------- the hostile person
//
// Hostile Tester (`data/README.md`, "Hostile") attacks the portal with their data. Some of
// the attacks cannot be written in the data files, which `build.rs` embeds as UTF-8 text and
// `tests/data.rs` keeps small; there they are markers, made real here in the bytes that go
// out, in answers about that person only. The KMEHR hubs use this too (`hub.rs`).

/// The hostile demo person's SSIN.
pub const HOSTILE_SSIN: &str = "77070712372";

/// Replaced by bytes that are not UTF-8 (an invalid lead byte, a truncated sequence, an
/// encoded surrogate).
const INVALID_UTF8: (&str, &[u8]) = ("@@HOSTILE:INVALID-UTF8@@", b"\xff\xfe \xc3\x28 \xed\xa0\x80");

/// A FHIR answer as bytes: with the markers made real when it is about the hostile person.
fn hostile_if_theirs(answer: String) -> Vec<u8> {
    if answer.contains(HOSTILE_SSIN) { hostile(answer) } else { answer.into_bytes() }
}

/// The hostile person's markers made real: a 200 000-character word, 50 levels of nested
/// FHIR extensions (JSON nested 100 deep, within what readers accept), 100 000 nested JSON
/// arrays, 10 000 nested XML elements, and bytes that are not UTF-8.
pub fn hostile(answer: String) -> Vec<u8> {
    if !answer.contains("@@HOSTILE:") {
        return answer.into_bytes();
    }
    type Make = fn() -> String;
    let made: [(&str, Make); 4] = [
        ("@@HOSTILE:HUGE@@", || "W".repeat(200_000)),
        ("\"@@HOSTILE:DEEP-JSON@@\"", || {
            let open = (1..=50)
                .map(|n| format!(r#"[{{"url":"https://example.org/hostile/generated/{n}","extension":"#))
                .collect::<String>();
            format!(
                r#"{open}[{{"url":"https://example.org/hostile/generated/leaf","valueString":"<script>alert(1)</script>"}}]{}"#,
                "}]".repeat(50)
            )
        }),
        ("\"@@HOSTILE:DEEPER-JSON@@\"", || format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))),
        ("@@HOSTILE:DEEP-XML@@", || format!("{}deeper{}", "<div>".repeat(10_000), "</div>".repeat(10_000))),
    ];
    let mut text = answer;
    for (marker, make) in made {
        if text.contains(marker) {
            text = text.replace(marker, &make());
        }
    }
    let (marker, bytes) = INVALID_UTF8;
    let mut out = Vec::with_capacity(text.len());
    for (n, part) in text.split(marker).enumerate() {
        if n > 0 {
            out.extend_from_slice(bytes);
        }
        out.extend_from_slice(part.as_bytes());
    }
    out
}
