//! A FHIR R4 REST client for one configured vault.

use std::sync::Arc;
use std::time::Duration;

use carnet_core::document::{DocumentContent, Documents};
use carnet_core::item::Item;
use carnet_core::kind::Scope;
use carnet_core::policy::{Act, Authorized, Read};
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;
use url::Url;

use super::SSIN_SYSTEM;
use super::common::Context;
use super::resource::{FhirKind, Resource, read_resource_in};
use crate::call::{CallPolicy, body};
use crate::connector::{Connector, DocumentFetcher, Reader, Registry, Source};
use crate::error::ConnectorError;
use crate::metrics::Metrics;

/// The kinds of resource a reference names a care provider or organisation by, which the
/// client reads from the same vault when an answer refers to one without holding it.
const PARTY_TYPES: [&str; 3] = ["Practitioner", "PractitionerRole", "Organization"];
/// At most this many such references are read for one search (and one level further: a
/// PractitionerRole's practitioner and organisation).
const MAX_PARTY_READS: usize = 20;
/// Parties read are kept this long (per vault), like any answer.
const PARTY_CACHE: Duration = Duration::from_secs(3600);
const PARTY_CACHE_CAPACITY: usize = 2000;

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
    /// Sent as `Authorization: Bearer …` when set; never shown by `Debug`.
    pub bearer_token: Option<SecretString>,
    /// What this vault holds.
    pub serves: Vec<Scope>,
}

/// One FHIR vault.
#[derive(Clone)]
pub struct FhirClient {
    id: String,
    name: String,
    base: Url,
    http: reqwest::Client,
    call: CallPolicy,
    bearer_token: Option<SecretString>,
    serves: Vec<Scope>,
    /// Care providers and organisations read by reference, by `Type/id`.
    parties: Arc<std::sync::Mutex<std::collections::HashMap<String, (std::time::Instant, Value)>>>,
}

impl std::fmt::Debug for FhirClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FhirClient").field("id", &self.id).field("base", &self.base.as_str()).finish_non_exhaustive()
    }
}

impl FhirClient {
    pub fn new(settings: FhirSettings, metrics: Arc<Metrics>) -> Result<Self, ConnectorError> {
        let FhirSettings { id, name, base_url, timeout, retries, bearer_token, serves } = settings;
        let mut base = Url::parse(&base_url).map_err(|e| ConnectorError::Config(format!("base URL: {e}")))?;
        if !base.path().ends_with('/') {
            base.set_path(&format!("{}/", base.path()));
        }
        let http = crate::call::http_client(timeout)?;
        let call = CallPolicy { source: id.clone(), timeout, retries, metrics };
        Ok(FhirClient { id, name, base, http, call, bearer_token, serves, parties: Arc::default() })
    }

    /// Searches every resource type of a kind by the person's SSIN, following pages; the
    /// care providers and organisations the answer refers to without holding them are read
    /// from the vault too, so that people see names, not references.
    async fn search<K: FhirKind>(&self, proof: &Authorized<Read<K>>) -> Result<Vec<Resource>, ConnectorError> {
        let mut bundles = Vec::new();
        let mut resources = Vec::new();
        for resource_type in K::RESOURCE_TYPES {
            // `POST [type]/_search` with a form body: the SSIN stays out of the URL (and so
            // out of the vault's and any proxy's access logs); the next pages by their links.
            let url = self.url(&format!("{resource_type}/_search"))?;
            let form = [
                ("patient.identifier", format!("{SSIN_SYSTEM}|{}", proof.subject().expose())),
                ("_count", "100".to_owned()),
            ];
            let mut bundle = self.search_json(url, &form).await?;
            let mut pages = 1;
            loop {
                check_searchset(&bundle)?;
                let next = next_link(&bundle).and_then(|link| self.same_origin(&link));
                bundles.push(bundle);
                let Some(next) = next else { break };
                pages += 1;
                if pages > MAX_PAGES {
                    resources.push(Resource::Unreadable { reason: "more pages than Carnet reads".into() });
                    break;
                }
                bundle = self.get_json(next).await?;
            }
        }
        let mut ctx = Context::none();
        for bundle in &bundles {
            ctx.add_bundle(bundle);
        }
        let parties = self.parties_for(&bundles, &ctx).await;
        for party in &parties {
            ctx.add(party);
        }
        for bundle in &bundles {
            read_searchset_in(bundle, &ctx, &mut resources)?;
        }
        Ok(resources)
    }

    /// The care providers and organisations `bundles` refer to (`Practitioner/…`,
    /// `PractitionerRole/…`, `Organization/…` on this vault) that `known` does not hold,
    /// read by id (from the cache when read within the hour), and those they refer to in
    /// turn. One that cannot be read stays a reference (shown as "a care provider").
    async fn parties_for(&self, bundles: &[Value], known: &Context<'_>) -> Vec<Value> {
        let mut wanted: Vec<String> = Vec::new();
        for bundle in bundles {
            party_references(bundle, 0, &mut wanted);
        }
        wanted.retain(|r| !known.holds(r));
        let mut found: Vec<Value> = Vec::new();
        let mut asked: std::collections::HashSet<String> = std::collections::HashSet::new();
        for _level in 0..2 {
            wanted.retain(|r| asked.insert(r.clone()));
            wanted.truncate(MAX_PARTY_READS);
            if wanted.is_empty() {
                break;
            }
            let reads = wanted.iter().map(|reference| self.party(reference));
            let read: Vec<Value> = futures::future::join_all(reads).await.into_iter().flatten().collect();
            let mut next = Vec::new();
            for party in &read {
                party_references(party, 0, &mut next);
            }
            found.extend(read);
            wanted = next;
        }
        found
    }

    /// One care provider or organisation by its `Type/id`, from the cache or the vault.
    async fn party(&self, reference: &str) -> Option<Value> {
        let now = std::time::Instant::now();
        if let Ok(cache) = self.parties.lock()
            && let Some((at, party)) = cache.get(reference)
            && now.duration_since(*at) < PARTY_CACHE
        {
            return Some(party.clone());
        }
        let (kind, _) = reference.split_once('/')?;
        let party = self.get_json(self.url(reference).ok()?).await.ok()?;
        if party.get("resourceType").and_then(Value::as_str) != Some(kind) {
            return None;
        }
        if let Ok(mut cache) = self.parties.lock() {
            if cache.len() >= PARTY_CACHE_CAPACITY {
                cache.retain(|_, (at, _)| now.duration_since(*at) < PARTY_CACHE);
            }
            if cache.len() < PARTY_CACHE_CAPACITY {
                cache.insert(reference.to_owned(), (now, party.clone()));
            }
        }
        Some(party)
    }

    fn url(&self, path: &str) -> Result<Url, ConnectorError> {
        self.base.join(path).map_err(|e| ConnectorError::Config(format!("URL: {e}")))
    }

    /// Follows a `next` link only to the same vault.
    fn same_origin(&self, link: &str) -> Option<Url> {
        let url = self.base.join(link).ok()?;
        (url.origin() == self.base.origin()).then_some(url)
    }

    async fn get_json(&self, url: Url) -> Result<Value, ConnectorError> {
        self.json(self.http.get(url)).await
    }

    /// A search by `POST` with its parameters as a form body.
    async fn search_json(&self, url: Url, form: &[(&str, String)]) -> Result<Value, ConnectorError> {
        let body: String = url::form_urlencoded::Serializer::new(String::new()).extend_pairs(form).finish();
        let request =
            self.http.post(url).header(reqwest::header::CONTENT_TYPE, "application/x-www-form-urlencoded").body(body);
        self.json(request).await
    }

    async fn json(&self, request: reqwest::RequestBuilder) -> Result<Value, ConnectorError> {
        let mut request = request.header(reqwest::header::ACCEPT, "application/fhir+json");
        if let Some(token) = &self.bearer_token {
            request = request.bearer_auth(token.expose_secret());
        }
        let response = request.send().await.map_err(ConnectorError::from_reqwest)?;
        let status = response.status();
        let body = body(response, MAX_BODY_BYTES).await?;
        let json: Result<Value, _> = serde_json::from_slice(&body);
        if status == reqwest::StatusCode::NOT_FOUND || status == reqwest::StatusCode::GONE {
            return Err(ConnectorError::NotFound);
        }
        if !status.is_success() {
            let summary = json.as_ref().map(operation_outcome_summary).unwrap_or_else(|_| "no OperationOutcome".into());
            return Err(ConnectorError::Status { status: status.as_u16(), summary });
        }
        json.map_err(|e| ConnectorError::Malformed(format!("not JSON at line {}", e.line())))
    }

    /// A document: its DocumentReference (which must be the person's), then the
    /// attachment, inline or as a Binary of the same vault.
    async fn fetch_document(
        &self,
        proof: &Authorized<Read<Documents>>,
        id: &str,
    ) -> Result<DocumentContent, ConnectorError> {
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.') || id.len() > 64 {
            return Err(ConnectorError::NotFound);
        }
        let reference = self.get_json(self.url(&format!("DocumentReference/{id}"))?).await?;
        if !names_person(&reference, &["/subject/identifier"], proof) {
            return Err(ConnectorError::NotFound);
        }
        let attachment = reference.pointer("/content/0/attachment").ok_or(ConnectorError::NotFound)?;
        let media_type =
            attachment.get("contentType").and_then(Value::as_str).unwrap_or("application/octet-stream").to_owned();
        if let Some(data) = attachment.get("data").and_then(Value::as_str) {
            return Ok(DocumentContent { media_type, bytes: decode_base64(data)? });
        }
        let link = attachment.get("url").and_then(Value::as_str).ok_or(ConnectorError::NotFound)?;
        let url =
            self.same_origin(link).ok_or_else(|| ConnectorError::Malformed("attachment outside the vault".into()))?;
        let binary = self.get_json(url).await?;
        if binary.get("resourceType").and_then(Value::as_str) != Some("Binary")
            || !names_person(&binary, &["/securityContext/identifier"], proof)
        {
            return Err(ConnectorError::NotFound);
        }
        let data = binary
            .get("data")
            .and_then(Value::as_str)
            .ok_or_else(|| ConnectorError::Malformed("Binary without data".into()))?;
        let media_type = binary.get("contentType").and_then(Value::as_str).map(str::to_owned).unwrap_or(media_type);
        Ok(DocumentContent { media_type, bytes: decode_base64(data)? })
    }
}

fn decode_base64(data: &str) -> Result<Vec<u8>, ConnectorError> {
    crate::base64::decode(data).ok_or_else(|| ConnectorError::Malformed("attachment is not base64".into()))
}

/// Whether a resource names the proof's subject by SSIN at one of these pointers.
fn names_person<A: Act>(resource: &Value, pointers: &[&str], proof: &Authorized<A>) -> bool {
    pointers.iter().any(|p| {
        resource.pointer(p).is_some_and(|id| {
            id.get("system").and_then(Value::as_str) == Some(SSIN_SYSTEM)
                && id.get("value").and_then(Value::as_str) == Some(proof.subject().expose())
        })
    })
}

impl Source for FhirClient {
    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }
}

#[async_trait::async_trait]
impl<K: FhirKind> Reader<K> for FhirClient {
    /// The kind's resources; one of another kind, or one that could not be read, becomes
    /// an unreadable item.
    async fn read(&self, proof: &Authorized<Read<K>>) -> Result<Vec<Item<K::Item>>, ConnectorError> {
        let resources = self.call.read(K::SCOPE.as_str(), || self.search(proof)).await?;
        Ok(resources
            .into_iter()
            .map(|resource| match resource {
                Resource::Unreadable { reason } => Item::Unreadable { id: None, reason },
                Resource::Item(item) => K::from_any_item(item).unwrap_or_else(another_kind),
                _ => another_kind(),
            })
            .collect())
    }
}

#[async_trait::async_trait]
impl DocumentFetcher for FhirClient {
    async fn document(&self, proof: &Authorized<Read<Documents>>, id: &str) -> Result<DocumentContent, ConnectorError> {
        self.call.read("document", || self.fetch_document(proof, id)).await
    }
}

fn another_kind<T>() -> Item<T> {
    Item::Unreadable { id: None, reason: "a resource of another kind".into() }
}

macro_rules! register_readers {
    ($($variant:ident = $kind:ty: [$($type:literal),+] => $read:path;)+) => {
        impl Connector for FhirClient {
            /// A reader for each kind the vault serves (as `fhir_kinds!` lists them), and the
            /// documents' contents; FHIR vaults take no changes from Carnet.
            fn register(self: Arc<Self>, registry: &mut Registry) -> Result<(), ConnectorError> {
                for scope in self.serves.clone() {
                    if scope == Scope::Documents {
                        registry.documents(self.clone());
                    }
                    match scope {
                        $(Scope::$variant => registry.reader::<$kind>(self.clone()),)+
                        _ => {
                            return Err(ConnectorError::Config(format!("a FHIR vault cannot serve {}", scope.as_str())));
                        }
                    }
                }
                Ok(())
            }
        }
    };
}

fhir_kinds!(register_readers);

/// Relative references to care providers and organisations (`Practitioner/…`,
/// `PractitionerRole/…`, `Organization/…`) anywhere in `value`, each once.
fn party_references(value: &Value, depth: u8, out: &mut Vec<String>) {
    if depth > 64 {
        return;
    }
    match value {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get("reference")
                && is_party_reference(reference)
                && !out.contains(reference)
            {
                out.push(reference.clone());
            }
            for inner in map.values() {
                party_references(inner, depth + 1, out);
            }
        }
        Value::Array(list) => {
            for inner in list {
                party_references(inner, depth + 1, out);
            }
        }
        _ => {}
    }
}

/// `Practitioner/13`, not `urn:…`, an absolute URL or anything with more segments.
fn is_party_reference(reference: &str) -> bool {
    let Some((kind, id)) = reference.split_once('/') else { return false };
    PARTY_TYPES.contains(&kind)
        && (1..=64).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

/// Is this a search-set Bundle (with a list of entries, if any)?
fn check_searchset(bundle: &Value) -> Result<(), ConnectorError> {
    if bundle.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
        return Err(ConnectorError::Malformed("not a Bundle".into()));
    }
    if bundle.get("entry").is_some_and(|e| !e.is_array()) {
        return Err(ConnectorError::Malformed("Bundle.entry is not a list".into()));
    }
    Ok(())
}

/// Adds the entries of a search-set Bundle to `resources` (references between its entries
/// resolve).
pub fn read_searchset(bundle: &Value, resources: &mut Vec<Resource>) -> Result<(), ConnectorError> {
    read_searchset_in(bundle, &Context::of_bundle(bundle), resources)
}

/// [`read_searchset`], with references resolving into `ctx`.
fn read_searchset_in<'a>(
    bundle: &'a Value,
    ctx: &Context<'a>,
    resources: &mut Vec<Resource>,
) -> Result<(), ConnectorError> {
    check_searchset(bundle)?;
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
            Some(resource) => resources.push(read_resource_in(resource, ctx)),
            None => resources.push(Resource::Unreadable { reason: "entry without resource".into() }),
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
        assert!(matches!(items.first(), Some(Resource::Item(carnet_core::kind::AnyItem::Vaccinations(Item::Read(_))))));
        assert!(
            matches!(items.get(1), Some(Resource::Item(carnet_core::kind::AnyItem::Vaccinations(Item::Unreadable { id: Some(id), .. }))) if id == "bad")
        );
    }

    #[test]
    fn something_that_is_not_a_bundle_is_malformed() {
        let mut items = Vec::new();
        let result = read_searchset(&serde_json::json!({"resourceType": "Patient"}), &mut items);
        assert!(matches!(result, Err(ConnectorError::Malformed(_))));
    }

    #[test]
    fn operation_outcome_summaries_leave_out_diagnostics() {
        let json = crate::fixtures::json("fhir/other/fhir-r4-OperationOutcome-searchfail.json");
        let summary = operation_outcome_summary(&json);
        assert!(summary.starts_with("OperationOutcome ["), "{summary}");
        assert!(summary.contains("fatal:code-invalid"), "{summary}");
        if let Some(diagnostics) = json.pointer("/issue/0/diagnostics").and_then(Value::as_str) {
            assert!(!summary.contains(diagnostics));
        }
    }
}
