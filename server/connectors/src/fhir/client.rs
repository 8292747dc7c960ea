//! A FHIR R4 REST client for one configured vault.

use std::sync::Arc;
use std::time::{Duration, Instant};

use carnet_core::policy::{Action, Authorized, Scope};
use rand::Rng;
use carnet_core::vaccination::{Item, Vaccination};
use serde_json::Value;
use url::Url;

use super::SSIN_SYSTEM;
use super::immunization::read_immunization;
use crate::error::ConnectorError;
use crate::metrics::Metrics;

/// At most this many pages are followed for one search.
const MAX_PAGES: usize = 20;
/// A larger answer is refused rather than read into memory.
const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// How to reach one FHIR vault.
#[derive(Debug, Clone)]
pub struct FhirSettings {
    pub id: String,
    pub name: String,
    /// The FHIR base (`…/fhir`).
    pub base_url: String,
    /// Bounds a whole call: paging and retries included.
    pub timeout: Duration,
    /// Further attempts after a transient failure (reads only).
    pub retries: u32,
    /// Sent as `Authorization: Bearer …` when set.
    pub bearer_token: Option<String>,
}

/// One FHIR vault.
#[derive(Clone)]
pub struct FhirClient {
    id: String,
    name: String,
    base: Url,
    http: reqwest::Client,
    timeout: Duration,
    retries: u32,
    bearer_token: Option<String>,
    metrics: Arc<Metrics>,
}

impl std::fmt::Debug for FhirClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FhirClient").field("id", &self.id).field("base", &self.base.as_str()).finish_non_exhaustive()
    }
}

impl FhirClient {
    pub fn new(settings: FhirSettings, metrics: Arc<Metrics>) -> Result<Self, ConnectorError> {
        let FhirSettings { id, name, base_url, timeout, retries, bearer_token } = settings;
        let base_url = base_url.as_str();
        let mut base = Url::parse(base_url).map_err(|e| ConnectorError::Config(format!("base URL: {e}")))?;
        if !base.path().ends_with('/') {
            base.set_path(&format!("{}/", base.path()));
        }
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(timeout)
            .build()
            .map_err(|_| ConnectorError::Config("HTTP client could not be built".into()))?;
        Ok(FhirClient { id, name, base, http, timeout, retries, bearer_token, metrics })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The vaccinations of the person the proof is about.
    #[tracing::instrument(name = "fhir.search", skip_all, fields(source = %self.id, kind = "vaccinations", outcome, items, latency_ms))]
    pub async fn vaccinations(&self, proof: &Authorized) -> Result<Vec<Item<Vaccination>>, ConnectorError> {
        if proof.action() != Action::Read(Scope::Vaccinations) {
            return Err(ConnectorError::Config("proof is for another action".into()));
        }
        let started = Instant::now();
        let result = self.with_retries(|| self.search_immunizations(proof)).await;
        let span = tracing::Span::current();
        span.record("latency_ms", started.elapsed().as_millis() as u64);
        match &result {
            Ok(items) => {
                span.record("outcome", "ok");
                span.record("items", items.len());
                tracing::info!("source answered");
            }
            Err(error) => {
                span.record("outcome", tracing::field::debug(error.failure()));
                tracing::warn!(error = %error, "source failed");
            }
        }
        result
    }

    /// Runs an idempotent read, retrying transient failures with jittered exponential
    /// backoff while the call's deadline allows. Every attempt is counted.
    async fn with_retries<T, F, Fut>(&self, attempt: F) -> Result<T, ConnectorError>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, ConnectorError>>,
    {
        let deadline = Instant::now() + self.timeout;
        let mut tries = 0u32;
        loop {
            let started = Instant::now();
            let remaining = deadline.saturating_duration_since(started);
            let result = tokio::time::timeout(remaining, attempt()).await.unwrap_or(Err(ConnectorError::Timeout));
            let outcome = match &result {
                Ok(_) => "ok",
                Err(e) => e.outcome(),
            };
            self.metrics.request(&self.id, "vaccinations", outcome, started.elapsed());
            match result {
                Err(error) if error.is_transient() && tries < self.retries => {
                    let backoff = Duration::from_millis(100 * 2u64.pow(tries) + rand::thread_rng().gen_range(0..100));
                    if Instant::now() + backoff + Duration::from_millis(50) >= deadline {
                        return Err(error);
                    }
                    tracing::info!(attempt = tries + 1, error = %error, "retrying a transient failure");
                    tokio::time::sleep(backoff).await;
                    tries += 1;
                }
                other => return other,
            }
        }
    }

    async fn search_immunizations(&self, proof: &Authorized) -> Result<Vec<Item<Vaccination>>, ConnectorError> {
        let mut url = self
            .base
            .join("Immunization")
            .map_err(|e| ConnectorError::Config(format!("search URL: {e}")))?;
        url.query_pairs_mut()
            .append_pair("patient.identifier", &format!("{SSIN_SYSTEM}|{}", proof.subject().expose()))
            .append_pair("_count", "100");
        let mut items = Vec::new();
        let mut next = Some(url);
        let mut pages = 0;
        while let Some(page_url) = next.take() {
            pages += 1;
            if pages > MAX_PAGES {
                items.push(Item::Unreadable { id: None, reason: "more pages than Carnet reads".into() });
                break;
            }
            let bundle = self.get_json(page_url).await?;
            read_searchset(&bundle, &mut items)?;
            next = next_link(&bundle).and_then(|link| self.same_origin(&link));
        }
        Ok(items)
    }

    /// Follows a `next` link only to the same vault.
    fn same_origin(&self, link: &str) -> Option<Url> {
        let url = self.base.join(link).ok()?;
        (url.origin() == self.base.origin()).then_some(url)
    }

    async fn get_json(&self, url: Url) -> Result<Value, ConnectorError> {
        let mut request = self.http.get(url).header(reqwest::header::ACCEPT, "application/fhir+json");
        if let Some(token) = &self.bearer_token {
            request = request.bearer_auth(token);
        }
        let response = request
            .send()
            .await
            .map_err(ConnectorError::from_reqwest)?;
        let status = response.status();
        if response.content_length().is_some_and(|length| length as usize > MAX_BODY_BYTES) {
            return Err(ConnectorError::Malformed("answer too large".into()));
        }
        let body = response.bytes().await.map_err(ConnectorError::from_reqwest)?;
        if body.len() > MAX_BODY_BYTES {
            return Err(ConnectorError::Malformed("answer too large".into()));
        }
        let json: Result<Value, _> = serde_json::from_slice(&body);
        if !status.is_success() {
            let summary = json.as_ref().map(operation_outcome_summary).unwrap_or_else(|_| "no OperationOutcome".into());
            return Err(ConnectorError::Status { status: status.as_u16(), summary });
        }
        json.map_err(|e| ConnectorError::Malformed(format!("not JSON at line {}", e.line())))
    }
}

/// Adds the entries of a search-set Bundle to `items`.
pub fn read_searchset(bundle: &Value, items: &mut Vec<Item<Vaccination>>) -> Result<(), ConnectorError> {
    if bundle.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
        return Err(ConnectorError::Malformed("not a Bundle".into()));
    }
    let Some(entries) = bundle.get("entry") else { return Ok(()) };
    let Some(entries) = entries.as_array() else {
        return Err(ConnectorError::Malformed("Bundle.entry is not a list".into()));
    };
    for entry in entries {
        let mode = entry.pointer("/search/mode").and_then(Value::as_str);
        if matches!(mode, Some("include") | Some("outcome")) {
            continue;
        }
        match entry.get("resource") {
            Some(resource) => items.push(read_immunization(resource)),
            None => items.push(Item::Unreadable { id: None, reason: "entry without resource".into() }),
        }
    }
    Ok(())
}

fn next_link(bundle: &Value) -> Option<String> {
    bundle
        .get("link")?
        .as_array()?
        .iter()
        .find(|l| l.get("relation").and_then(Value::as_str) == Some("next"))?
        .get("url")?
        .as_str()
        .map(str::to_owned)
}

/// The issue codes of an OperationOutcome; diagnostics are left out, as they may carry
/// patient data.
fn operation_outcome_summary(json: &Value) -> String {
    if json.get("resourceType").and_then(Value::as_str) != Some("OperationOutcome") {
        return "no OperationOutcome".into();
    }
    let codes: Vec<String> = json
        .get("issue")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .map(|issue| {
            format!(
                "{}:{}",
                issue.get("severity").and_then(Value::as_str).unwrap_or("?"),
                issue.get("code").and_then(Value::as_str).unwrap_or("?")
            )
        })
        .collect();
    format!("OperationOutcome [{}]", codes.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_with_a_bad_entry_still_gives_the_good_ones() {
        let bundle = serde_json::json!({
            "resourceType": "Bundle", "type": "searchset",
            "entry": [
                {"resource": {"resourceType": "Immunization", "id": "ok", "status": "completed",
                    "vaccineCode": {"text": "tetanus"}, "occurrenceDateTime": "2020-01-01"}},
                {"resource": {"resourceType": "Immunization", "id": "bad", "status": "completed"}},
                {"resource": {"resourceType": "OperationOutcome"}, "search": {"mode": "outcome"}}
            ]
        });
        let mut items = Vec::new();
        assert!(read_searchset(&bundle, &mut items).is_ok());
        assert_eq!(items.len(), 2);
        assert!(matches!(items.first(), Some(Item::Read(_))));
        assert!(matches!(items.get(1), Some(Item::Unreadable { id: Some(id), .. }) if id == "bad"));
    }

    #[test]
    fn something_that_is_not_a_bundle_is_malformed() {
        let mut items = Vec::new();
        let result = read_searchset(&serde_json::json!({"resourceType": "Patient"}), &mut items);
        assert!(matches!(result, Err(ConnectorError::Malformed(_))));
    }

    #[test]
    fn operation_outcome_summaries_leave_out_diagnostics() {
        let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/fixtures/fhir/other/fhir-r4-OperationOutcome-searchfail.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let json: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        let summary = operation_outcome_summary(&json);
        assert!(summary.starts_with("OperationOutcome ["), "{summary}");
        assert!(summary.contains("fatal:code-invalid"), "{summary}");
        if let Some(diagnostics) = json.pointer("/issue/0/diagnostics").and_then(Value::as_str) {
            assert!(!summary.contains(diagnostics));
        }
    }
}
