//! A client for one KMEHR hub (Réseau Santé Wallon, Réseau Santé Bruxellois, CoZo …):
//! the eHealth hub services v3 operations in a SOAP envelope over HTTP, as the real hubs
//! use them. Every read is retried within its budget; writes never are.
//!
//! What a citizen's page asks for maps onto the hub operations as follows:
//! - documents: `GetTransactionList`; one document: `GetTransaction`;
//! - SumEHR, allergies (from the latest SumEHR), vaccinations, medication:
//!   `GetTransactionList` filtered by transaction type, then `GetTransaction` for each;
//! - consent: `GetPatientConsent` / `PutPatientConsent` / `RevokePatientConsent`;
//! - therapeutic relationships: `GetTherapeuticLink` / `RevokeTherapeuticLink`, with the
//!   professionals' names from `GetHCParty`;
//! - exclusions: `GetAccessRight` over the person's transactions (a `disallow` for a
//!   professional), `PutAccessRight` / `RevokeAccessRight` per transaction;
//! - access events: `GetPatientAuditTrail`.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use carnet_core::access_event::{AccessEvent, AccessEvents};
use carnet_core::allergy::{Allergies, Allergy};
use carnet_core::coding::Coding;
use carnet_core::consent::{ConsentChange, ConsentRecord, ConsentState, Consents};
use carnet_core::date::PartialDate;
use carnet_core::document::{DocumentContent, DocumentEntry, DocumentFormat, Documents};
use carnet_core::exclusion::{Exclusion, ExclusionChange, Exclusions};
use carnet_core::item::Item;
use carnet_core::kind::Scope;
use carnet_core::medication::{MedicationLine, Medications};
use carnet_core::party::Party;
use carnet_core::policy::{Act, Authorized, Change, Read};
use carnet_core::relationship::{RelationshipChange, Relationships, TherapeuticLink};
use carnet_core::sumehr::{SumEhr, SumEhrs};
use carnet_core::vaccination::{Vaccination, Vaccinations};
use futures::StreamExt;
use roxmltree::Node;
use url::Url;

use super::message::{TransactionContent, read_kmehrmessage};
use super::soap::{self, CORE_NS, KMEHR_NS, Sender, child, children, esc, text_of};
use crate::call::{CallPolicy, body as read_body};
use crate::connector::{Connector, DocumentFetcher, Reader, Registry, Source, Writer};
use crate::error::ConnectorError;
use crate::metrics::Metrics;

const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;
/// Transactions fetched at once from one hub.
const CONCURRENT_GETS: usize = 4;

/// The kinds of data a KMEHR hub can serve.
pub const HUB_SCOPES: &[Scope] = Scope::ALL;

/// How to reach one hub.
#[derive(Debug, Clone)]
pub struct HubSettings {
    pub id: String,
    pub name: String,
    /// The hub services endpoint (one URL, the operation in the SOAP body).
    pub endpoint: String,
    pub timeout: Duration,
    pub retries: u32,
    pub bearer_token: Option<String>,
    pub serves: Vec<Scope>,
    pub sender: Sender,
}

#[derive(Clone)]
pub struct HubClient {
    id: String,
    name: String,
    endpoint: Url,
    http: reqwest::Client,
    call: CallPolicy,
    bearer_token: Option<String>,
    serves: Vec<Scope>,
    sender: Sender,
}

impl std::fmt::Debug for HubClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HubClient")
            .field("id", &self.id)
            .field("endpoint", &self.endpoint.as_str())
            .finish_non_exhaustive()
    }
}

/// One line of a transaction list.
#[derive(Debug, Clone, PartialEq)]
pub struct TransactionSummary {
    /// The hub's id for it: `SL~value` of its LOCAL id (or the ID-KMEHR value).
    pub id: String,
    pub kinds: Vec<Coding>,
    pub date: Option<PartialDate>,
    pub author: Option<Party>,
    pub institution: Option<String>,
}

impl HubClient {
    pub fn new(settings: HubSettings, metrics: Arc<Metrics>) -> Result<Self, ConnectorError> {
        let HubSettings { id, name, endpoint, timeout, retries, bearer_token, serves, sender } = settings;
        let endpoint = Url::parse(&endpoint).map_err(|e| ConnectorError::Config(format!("endpoint: {e}")))?;
        let http = crate::call::http_client(timeout)?;
        let call = CallPolicy { source: id.clone(), timeout, retries, metrics };
        Ok(HubClient { id, name, endpoint, http, call, bearer_token, serves, sender })
    }

    /// Builds a request (exposed for the XSD validation tests).
    pub fn request_xml(&self, operation: &str, ssin: &str, body: &str) -> String {
        let now = time::OffsetDateTime::now_utc();
        let date = format!("{:04}-{:02}-{:02}", now.year(), u8::from(now.month()), now.day());
        let time = format!("{:02}:{:02}:{:02}", now.hour(), now.minute(), now.second());
        let message_id = format!("{}.{}", self.sender.application_id, now.unix_timestamp_nanos());
        soap::request(operation, &self.sender, &message_id, ssin, (&date, &time), body)
    }

    /// One SOAP call; the answer's text.
    async fn post<A: Act>(&self, operation: &str, proof: &Authorized<A>, body: &str) -> Result<String, ConnectorError> {
        let xml = self.request_xml(operation, proof.subject().expose(), body);
        let mut request = self
            .http
            .post(self.endpoint.clone())
            .header(reqwest::header::CONTENT_TYPE, "text/xml; charset=utf-8")
            .header("SOAPAction", format!("\"urn:be:fgov:ehealth:hubservices:protocol:v3:{operation}\""))
            .body(xml);
        if let Some(token) = &self.bearer_token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.map_err(ConnectorError::from_reqwest)?;
        let status = response.status();
        let bytes = read_body(response, MAX_BODY_BYTES).await?;
        let text = String::from_utf8(bytes).map_err(|_| ConnectorError::Malformed("answer is not UTF-8".into()))?;
        // A SOAP fault comes with HTTP 500: read it, it says more than the status.
        if !status.is_success() && !text.contains("Fault>") {
            return Err(ConnectorError::Status { status: status.as_u16(), summary: "no SOAP fault".into() });
        }
        Ok(text)
    }

    /// Calls an operation and reads its response element with `read`.
    async fn operation<A: Act, T>(
        &self,
        operation: &str,
        proof: &Authorized<A>,
        body: &str,
        read: impl Fn(Node) -> Result<T, ConnectorError>,
    ) -> Result<T, ConnectorError> {
        let text = self.post(operation, proof, body).await?;
        let document = crate::xml::parse(&text, "the hub's answer")?;
        let response = soap::response_body(&document, operation)?;
        read(response)
    }

    /// The person's transactions at this hub, optionally of some types only.
    pub async fn transaction_list<A: Act>(
        &self,
        proof: &Authorized<A>,
        kinds: &[&str],
    ) -> Result<Vec<Item<TransactionSummary>>, ConnectorError> {
        let mut select = soap::patient(proof.subject().expose());
        if !kinds.is_empty() {
            select.push_str("<c:transaction>");
            for kind in kinds {
                select.push_str(&format!(r#"<c:cd S="CD-TRANSACTION" SV="1.0">{}</c:cd>"#, esc(kind)));
            }
            select.push_str("</c:transaction>");
        }
        let body = format!("<c:select>{select}</c:select>");
        self.operation("GetTransactionList", proof, &body, |response| {
            let mut list = Vec::new();
            let Some(header) = child(&response, CORE_NS, "kmehrheader") else { return Ok(list) };
            for folder in children(&header, CORE_NS, "folder") {
                for transaction in children(&folder, CORE_NS, "transaction") {
                    list.push(read_summary(&transaction));
                }
            }
            Ok(list)
        })
        .await
    }

    /// One transaction, as the kmehrmessage the hub returns.
    async fn transaction<A: Act>(
        &self,
        proof: &Authorized<A>,
        id: &str,
    ) -> Result<TransactionContentOwned, ConnectorError> {
        let body = format!(
            "<c:select>{}<c:transaction>{}</c:transaction></c:select>",
            soap::patient(proof.subject().expose()),
            transaction_id(id)?
        );
        self.operation("GetTransaction", proof, &body, |response| {
            // `kmehrmessage` is declared in the hub services core schema; its content is KMEHR.
            let message = child(&response, CORE_NS, "kmehrmessage").ok_or(ConnectorError::NotFound)?;
            let xml = soap::standalone(&message);
            let transactions = read_kmehrmessage(message).transactions;
            Ok(TransactionContentOwned { xml, transactions })
        })
        .await
    }

    /// Fetches these transactions, a few at a time, in list order.
    async fn transactions<A: Act>(
        &self,
        proof: &Authorized<A>,
        list: &[TransactionSummary],
    ) -> Result<Vec<TransactionContentOwned>, ConnectorError> {
        let ids: Vec<String> = list.iter().map(|summary| summary.id.clone()).collect();
        let fetched: Vec<Result<TransactionContentOwned, ConnectorError>> = futures::stream::iter(ids)
            .map(|id| async move { self.transaction(proof, &id).await })
            .buffered(CONCURRENT_GETS)
            .collect()
            .await;
        fetched.into_iter().collect()
    }

    /// The latest SumEHR, if the hub has one.
    async fn latest_sumehr<A: Act>(
        &self,
        proof: &Authorized<A>,
    ) -> Result<Vec<Item<carnet_core::sumehr::SumEhr>>, ConnectorError> {
        let mut list: Vec<TransactionSummary> =
            self.transaction_list(proof, &["sumehr"]).await?.into_iter().filter_map(|s| s.read().cloned()).collect();
        list.sort_by_key(|s| s.date);
        let Some(latest) = list.pop() else { return Ok(Vec::new()) };
        let fetched = self.transaction(proof, &latest.id).await?;
        Ok(fetched
            .transactions
            .into_iter()
            .map(|t| match t {
                Item::Read(t) => match t.content {
                    TransactionContent::SumEhr(sumehr) => Item::Read(sumehr),
                    _ => Item::Unreadable { id: t.id, reason: "not a SumEHR".into() },
                },
                Item::Unreadable { id, reason } => Item::Unreadable { id, reason },
            })
            .collect())
    }

    async fn consent(&self, proof: &Authorized<Read<Consents>>) -> Result<Item<ConsentRecord>, ConnectorError> {
        let body = format!("<c:select>{}</c:select>", soap::patient(proof.subject().expose()));
        self.operation("GetPatientConsent", proof, &body, |response| {
            let Some(consent) = child(&response, CORE_NS, "consent") else {
                return Ok(Item::Read(ConsentRecord {
                    id: None,
                    state: ConsentState::None,
                    category: Vec::new(),
                    since: None,
                    until: None,
                    author: None,
                    actors: Vec::new(),
                    status: None,
                    terms: Vec::new(),
                    unknown_extensions: Vec::new(),
                }));
            };
            let signed = date_of(child(&consent, CORE_NS, "signdate"));
            let revoked = date_of(child(&consent, CORE_NS, "revokedate"));
            let category = children(&consent, CORE_NS, "cd").map(|cd| cd_coding(&cd)).collect();
            let state = if revoked.is_some() {
                ConsentState::Revoked
            } else if signed.is_some() {
                ConsentState::Given
            } else {
                ConsentState::None
            };
            let author = child(&consent, CORE_NS, "author").and_then(|a| author_of(&a).0);
            Ok(Item::Read(ConsentRecord {
                id: None,
                state,
                category,
                since: signed,
                until: revoked,
                author,
                actors: Vec::new(),
                status: None,
                terms: Vec::new(),
                unknown_extensions: Vec::new(),
            }))
        })
        .await
    }

    async fn relationships<A: Act>(&self, proof: &Authorized<A>) -> Result<Vec<Item<TherapeuticLink>>, ConnectorError> {
        let body = format!("<c:select>{}</c:select>", soap::patient(proof.subject().expose()));
        let links: Vec<Item<TherapeuticLink>> = self
            .operation("GetTherapeuticLink", proof, &body, |response| {
                let Some(list) = child(&response, CORE_NS, "therapeuticlinklist") else { return Ok(Vec::new()) };
                Ok(children(&list, CORE_NS, "therapeuticlink")
                    .map(|link| {
                        let Some(nihdi) = child(&link, CORE_NS, "hcparty").and_then(|h| nihdi_of(&h)) else {
                            return Item::Unreadable { id: None, reason: "link without NIHDI number".into() };
                        };
                        Item::Read(TherapeuticLink {
                            id: Some(nihdi.clone()),
                            professional: Party::Nihdi(nihdi),
                            role: None,
                            institution: None,
                            kind: text_of(child(&link, CORE_NS, "cd")),
                            start: date_of(child(&link, CORE_NS, "startdate")),
                            end: date_of(child(&link, CORE_NS, "enddate")),
                        })
                    })
                    .collect())
            })
            .await?;
        let nihdis: Vec<String> = links.iter().filter_map(|l| l.read().and_then(|l| l.id.clone())).collect();
        let names = self.names(proof, &nihdis).await;
        Ok(links
            .into_iter()
            .map(|item| match item {
                Item::Read(mut link) => {
                    if let Some((name, role)) = link.id.as_ref().and_then(|n| names.get(n)) {
                        link.professional = Party::Named(name.clone());
                        link.role = role.clone();
                    }
                    Item::Read(link)
                }
                other => other,
            })
            .collect())
    }

    /// Names and roles of professionals by NIHDI number (`GetHCParty`); one that cannot be
    /// looked up keeps its number.
    async fn names<A: Act>(
        &self,
        proof: &Authorized<A>,
        nihdis: &[String],
    ) -> BTreeMap<String, (String, Option<Coding>)> {
        let mut unique: Vec<String> = nihdis.to_vec();
        unique.sort();
        unique.dedup();
        let lookups = futures::stream::iter(unique)
            .map(|nihdi| async move {
                let body = format!(
                    r#"<c:select><c:hcparty><c:id S="ID-HCPARTY" SV="1.0">{}</c:id></c:hcparty></c:select>"#,
                    esc(&nihdi)
                );
                let found = self
                    .call
                    .read("hcparty", || {
                        self.operation("GetHCParty", proof, &body, |response| {
                            let Some(party) = child(&response, CORE_NS, "hcparty") else { return Ok(None) };
                            Ok(hcparty_name(&party, CORE_NS)
                                .map(|name| (name, child(&party, CORE_NS, "cd").map(|cd| cd_coding(&cd)))))
                        })
                    })
                    .await;
                (nihdi, found)
            })
            .buffer_unordered(CONCURRENT_GETS)
            .collect::<Vec<_>>()
            .await;
        lookups.into_iter().filter_map(|(nihdi, found)| Some((nihdi, found.ok()??))).collect()
    }

    async fn exclusions(&self, proof: &Authorized<Read<Exclusions>>) -> Result<Vec<Item<Exclusion>>, ConnectorError> {
        let list = self.transaction_list(proof, &[]).await?;
        if list.is_empty() {
            return Ok(Vec::new());
        }
        let mut select = String::from("<c:select><c:transaction>");
        for summary in list.iter().filter_map(Item::read) {
            select.push_str(&transaction_id(&summary.id)?);
        }
        select.push_str("</c:transaction></c:select>");
        // A professional excluded from every listed transaction is excluded from the record.
        let disallowed: BTreeMap<String, (usize, Option<Coding>)> = self
            .operation("GetAccessRight", proof, &select, |response| {
                let mut out: BTreeMap<String, (usize, Option<Coding>)> = BTreeMap::new();
                let Some(rights) = child(&response, CORE_NS, "accessrightlist") else { return Ok(out) };
                for right in children(&rights, CORE_NS, "accessright") {
                    if text_of(child(&right, CORE_NS, "cd")).as_deref() != Some("disallow") {
                        continue;
                    }
                    let Some(party) = child(&right, CORE_NS, "hcparty") else { continue };
                    let Some(nihdi) = nihdi_of(&party) else { continue };
                    let role = child(&party, CORE_NS, "cd").map(|cd| cd_coding(&cd));
                    let entry = out.entry(nihdi).or_insert((0, role));
                    entry.0 += 1;
                }
                Ok(out)
            })
            .await?;
        let nihdis: Vec<String> = disallowed.keys().cloned().collect();
        let names = self.names(proof, &nihdis).await;
        Ok(disallowed
            .into_iter()
            .map(|(nihdi, (_, role))| {
                let (professional, role) = match names.get(&nihdi) {
                    Some((name, found_role)) => (Party::Named(name.clone()), found_role.clone().or(role)),
                    None => (Party::Nihdi(nihdi.clone()), role),
                };
                Item::Read(Exclusion {
                    id: Some(nihdi),
                    professional,
                    role,
                    institution: None,
                    since: None,
                    until: None,
                })
            })
            .collect())
    }

    async fn audit_trail(
        &self,
        proof: &Authorized<Read<AccessEvents>>,
    ) -> Result<Vec<Item<AccessEvent>>, ConnectorError> {
        let body = format!("<c:select>{}</c:select>", soap::patient(proof.subject().expose()));
        self.operation("GetPatientAuditTrail", proof, &body, |response| {
            let Some(list) = child(&response, CORE_NS, "transactionaccesslist") else { return Ok(Vec::new()) };
            Ok(children(&list, CORE_NS, "transactionaccess")
                .map(|access| {
                    let Some(at) = text_of(child(&access, CORE_NS, "accessdatetime")) else {
                        return Item::Unreadable { id: None, reason: "access without a time".into() };
                    };
                    let mut who = Vec::new();
                    let mut institution = None;
                    for party in children(&access, CORE_NS, "hcparty") {
                        let is_org = child(&party, KMEHR_NS, "cd")
                            .and_then(|c| c.text())
                            .is_some_and(|c| c.starts_with("org") || c.starts_with("dept"));
                        match (is_org, hcparty_name(&party, KMEHR_NS)) {
                            (true, Some(name)) => institution = Some(name),
                            (false, Some(name)) => who.push(Party::Named(name)),
                            (_, None) => {
                                if let Some(nihdi) = child(&party, KMEHR_NS, "id").and_then(|i| i.text()) {
                                    who.push(Party::Nihdi(nihdi.trim().to_owned()));
                                }
                            }
                        }
                    }
                    let transaction = child(&access, CORE_NS, "transaction");
                    let event: Vec<Coding> = transaction
                        .iter()
                        .flat_map(|t| children(t, CORE_NS, "cd").map(|cd| cd_coding(&cd)).collect::<Vec<_>>())
                        .collect();
                    let what = event.iter().filter_map(|c| c.code.clone()).collect();
                    Item::Read(AccessEvent {
                        id: None,
                        date: PartialDate::parse(&at),
                        at: Some(at),
                        who,
                        institution,
                        event,
                        action: Some("R".into()),
                        what,
                        outcome: None,
                    })
                })
                .collect())
        })
        .await
    }

    /// Today (UTC), as the hub messages carry it.
    fn today() -> String {
        let now = time::OffsetDateTime::now_utc();
        format!("{:04}-{:02}-{:02}", now.year(), u8::from(now.month()), now.day())
    }
}

/// A fetched transaction: the message as sent (for rendering) and what was read from it.
#[derive(Debug)]
struct TransactionContentOwned {
    xml: String,
    transactions: Vec<Item<super::message::Transaction>>,
}

impl TransactionSummary {
    fn into_entry(self) -> DocumentEntry {
        DocumentEntry {
            id: self.id,
            doc_type: self.kinds,
            title: None,
            date: self.date,
            author: self.author,
            institution: self.institution,
            format: DocumentFormat::Kmehr,
            status: None,
            unknown_extensions: Vec::new(),
        }
    }
}

/// `<c:id …>` for a transaction id as [`TransactionSummary::id`] gives it.
fn transaction_id(id: &str) -> Result<String, ConnectorError> {
    if id.is_empty() || id.len() > 128 || !id.chars().all(|c| c.is_ascii_alphanumeric() || "-_.~".contains(c)) {
        return Err(ConnectorError::NotFound);
    }
    Ok(match id.split_once('~') {
        Some((sl, value)) => format!(r#"<c:id S="LOCAL" SL="{}" SV="1.0">{}</c:id>"#, esc(sl), esc(value)),
        None => format!(r#"<c:id S="ID-KMEHR" SV="1.0">{}</c:id>"#, esc(id)),
    })
}

/// A transaction without an id cannot be opened: it is "could not read this item".
fn read_summary(transaction: &Node) -> Item<TransactionSummary> {
    let mut local = None;
    let mut kmehr = None;
    for id in children(transaction, CORE_NS, "id") {
        let value = id.text().map(str::trim).unwrap_or("").to_owned();
        match (id.attribute("S"), id.attribute("SL")) {
            (Some("LOCAL"), Some(sl)) => local = Some(format!("{sl}~{value}")),
            (Some("ID-KMEHR"), _) => kmehr = Some(value),
            _ => {}
        }
    }
    let kinds = children(transaction, CORE_NS, "cd").map(|cd| cd_coding(&cd)).collect();
    let (author, institution) = child(transaction, CORE_NS, "author").map(|a| author_of(&a)).unwrap_or((None, None));
    let Some(id) = local.or(kmehr).filter(|id| !id.is_empty()) else {
        return Item::Unreadable { id: None, reason: "transaction without an id".into() };
    };
    Item::Read(TransactionSummary {
        id,
        kinds,
        date: date_of(child(transaction, CORE_NS, "date")),
        author,
        institution,
    })
}

/// The person and the institution of a KMEHR author.
fn author_of(author: &Node) -> (Option<Party>, Option<String>) {
    let mut person = None;
    let mut institution = None;
    for party in children(author, KMEHR_NS, "hcparty") {
        let role = child(&party, KMEHR_NS, "cd").and_then(|c| c.text()).unwrap_or("");
        let name = hcparty_name(&party, KMEHR_NS);
        if role.starts_with("org") || role.starts_with("dept") {
            institution = institution.or(name);
        } else if person.is_none() {
            person = name.map(Party::Named).or_else(|| {
                children(&party, KMEHR_NS, "id")
                    .find(|i| i.attribute("S") == Some("ID-HCPARTY"))
                    .and_then(|i| text_of(Some(i)))
                    .map(Party::Nihdi)
            });
        }
    }
    (person, institution)
}

fn hcparty_name(party: &Node, ns: &str) -> Option<String> {
    if let Some(name) = text_of(child(party, ns, "name")) {
        return Some(name);
    }
    let first = text_of(child(party, ns, "firstname"));
    let family = text_of(child(party, ns, "familyname"));
    match (first, family) {
        (Some(f), Some(l)) => Some(format!("{f} {l}")),
        (f, l) => f.or(l),
    }
}

fn nihdi_of(hcparty: &Node) -> Option<String> {
    children(hcparty, CORE_NS, "id").find(|i| i.attribute("S") == Some("ID-HCPARTY")).and_then(|i| text_of(Some(i)))
}

fn cd_coding(cd: &Node) -> Coding {
    Coding {
        system: cd.attribute("S").map(str::to_owned),
        code: text_of(Some(*cd)),
        display: cd.attribute("DN").map(str::to_owned),
    }
}

fn date_of(node: Option<Node>) -> Option<PartialDate> {
    text_of(node).and_then(|t| PartialDate::parse(&t))
}

impl Source for HubClient {
    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }
}

impl Connector for HubClient {
    fn register(self: Arc<Self>, registry: &mut Registry) -> Result<(), ConnectorError> {
        for scope in self.serves.clone() {
            match scope {
                Scope::Documents => {
                    registry.reader::<Documents>(self.clone());
                    registry.documents(self.clone());
                }
                Scope::SumEhr => registry.reader::<SumEhrs>(self.clone()),
                Scope::Vaccinations => registry.reader::<Vaccinations>(self.clone()),
                Scope::Medication => registry.reader::<Medications>(self.clone()),
                Scope::Allergies => registry.reader::<Allergies>(self.clone()),
                Scope::Consent => {
                    registry.reader::<Consents>(self.clone());
                    registry.writer::<Consents>(self.clone());
                }
                Scope::Relationships => {
                    registry.reader::<Relationships>(self.clone());
                    registry.writer::<Relationships>(self.clone());
                }
                Scope::Exclusions => {
                    registry.reader::<Exclusions>(self.clone());
                    registry.writer::<Exclusions>(self.clone());
                }
                Scope::AccessEvents => registry.reader::<AccessEvents>(self.clone()),
            }
        }
        Ok(())
    }
}

/// The readable summaries, and an unreadable item for each one that could not be read.
fn split_summaries<T>(list: Vec<Item<TransactionSummary>>) -> (Vec<TransactionSummary>, Vec<Item<T>>) {
    let mut read = Vec::new();
    let mut unreadable = Vec::new();
    for summary in list {
        match summary {
            Item::Read(summary) => read.push(summary),
            Item::Unreadable { id, reason } => unreadable.push(Item::Unreadable { id, reason }),
        }
    }
    (read, unreadable)
}

#[async_trait::async_trait]
impl Reader<Documents> for HubClient {
    async fn read(&self, proof: &Authorized<Read<Documents>>) -> Result<Vec<Item<DocumentEntry>>, ConnectorError> {
        self.call
            .read("documents", || async {
                let list = self.transaction_list(proof, &[]).await?;
                Ok(list
                    .into_iter()
                    .map(|summary| match summary {
                        Item::Read(summary) => Item::Read(summary.into_entry()),
                        Item::Unreadable { id, reason } => Item::Unreadable { id, reason },
                    })
                    .collect())
            })
            .await
    }
}

#[async_trait::async_trait]
impl Reader<SumEhrs> for HubClient {
    async fn read(&self, proof: &Authorized<Read<SumEhrs>>) -> Result<Vec<Item<SumEhr>>, ConnectorError> {
        self.call.read("sumehr", || self.latest_sumehr(proof)).await
    }
}

#[async_trait::async_trait]
impl Reader<Allergies> for HubClient {
    /// The allergies of the latest SumEHR.
    async fn read(&self, proof: &Authorized<Read<Allergies>>) -> Result<Vec<Item<Allergy>>, ConnectorError> {
        let sumehrs = self.call.read("allergies", || self.latest_sumehr(proof)).await?;
        Ok(sumehrs
            .into_iter()
            .flat_map(|s| match s {
                Item::Read(sumehr) => sumehr.allergies,
                Item::Unreadable { id, reason } => vec![Item::Unreadable { id, reason }],
            })
            .collect())
    }
}

impl HubClient {
    /// The items `pick` takes from the person's transactions of these types; an unreadable
    /// summary or transaction becomes an unreadable item.
    async fn items_of<A: Act, T>(
        &self,
        proof: &Authorized<A>,
        kinds: &[&str],
        pick: impl Fn(super::message::Transaction) -> Vec<Item<T>>,
    ) -> Result<Vec<Item<T>>, ConnectorError> {
        let (list, mut items) = split_summaries(self.transaction_list(proof, kinds).await?);
        for fetched in self.transactions(proof, &list).await? {
            for t in fetched.transactions {
                match t {
                    Item::Read(t) => items.extend(pick(t)),
                    Item::Unreadable { id, reason } => items.push(Item::Unreadable { id, reason }),
                }
            }
        }
        Ok(items)
    }
}

#[async_trait::async_trait]
impl Reader<Vaccinations> for HubClient {
    async fn read(&self, proof: &Authorized<Read<Vaccinations>>) -> Result<Vec<Item<Vaccination>>, ConnectorError> {
        let pick = |t: super::message::Transaction| match t.content {
            TransactionContent::Vaccinations(v) => v,
            _ => vec![Item::Unreadable { id: t.id, reason: "not a vaccination".into() }],
        };
        self.call.read("vaccinations", || self.items_of(proof, &["vaccination"], pick)).await
    }
}

#[async_trait::async_trait]
impl Reader<Medications> for HubClient {
    async fn read(&self, proof: &Authorized<Read<Medications>>) -> Result<Vec<Item<MedicationLine>>, ConnectorError> {
        let pick = |t: super::message::Transaction| match t.content {
            TransactionContent::Medication(lines) => lines,
            _ => Vec::new(),
        };
        let kinds = ["medicationscheme", "pharmaceuticalprescription"];
        self.call.read("medication", || self.items_of(proof, &kinds, pick)).await
    }
}

#[async_trait::async_trait]
impl Reader<Consents> for HubClient {
    async fn read(&self, proof: &Authorized<Read<Consents>>) -> Result<Vec<Item<ConsentRecord>>, ConnectorError> {
        self.call.read("consent", || async { Ok(vec![self.consent(proof).await?]) }).await
    }
}

#[async_trait::async_trait]
impl Reader<Relationships> for HubClient {
    async fn read(
        &self,
        proof: &Authorized<Read<Relationships>>,
    ) -> Result<Vec<Item<TherapeuticLink>>, ConnectorError> {
        self.call.read("relationships", || self.relationships(proof)).await
    }
}

#[async_trait::async_trait]
impl Reader<Exclusions> for HubClient {
    async fn read(&self, proof: &Authorized<Read<Exclusions>>) -> Result<Vec<Item<Exclusion>>, ConnectorError> {
        self.call.read("exclusions", || self.exclusions(proof)).await
    }
}

#[async_trait::async_trait]
impl Reader<AccessEvents> for HubClient {
    async fn read(&self, proof: &Authorized<Read<AccessEvents>>) -> Result<Vec<Item<AccessEvent>>, ConnectorError> {
        self.call.read("access-events", || self.audit_trail(proof)).await
    }
}

#[async_trait::async_trait]
impl DocumentFetcher for HubClient {
    async fn document(&self, proof: &Authorized<Read<Documents>>, id: &str) -> Result<DocumentContent, ConnectorError> {
        let fetched = self.call.read("document", || self.transaction(proof, id)).await?;
        // A PDF travels as an attachment of the transaction; otherwise the structured
        // message itself is the document, rendered by the pages.
        for transaction in fetched.transactions.iter().filter_map(Item::read) {
            if let TransactionContent::Document { attachments, .. } = &transaction.content
                && let Some(pdf) = attachments.iter().find(|a| a.media_type == "application/pdf" && !a.bytes.is_empty())
            {
                return Ok(DocumentContent { media_type: pdf.media_type.clone(), bytes: pdf.bytes.clone() });
            }
        }
        Ok(DocumentContent { media_type: "application/kmehr+xml".into(), bytes: fetched.xml.into_bytes() })
    }
}

/// `<c:consent>` of a consent change, dated today.
fn consent_body(ssin: &str, date_element: &str) -> String {
    let today = HubClient::today();
    format!(
        r#"<c:consent>{}<c:cd S="CD-CONSENTTYPE" SV="1.0">retrospective</c:cd><c:{date_element}>{today}</c:{date_element}></c:consent>"#,
        soap::patient(ssin)
    )
}

fn ack(_: Node) -> Result<(), ConnectorError> {
    Ok(())
}

#[async_trait::async_trait]
impl Writer<Consents> for HubClient {
    async fn change(&self, proof: &Authorized<Change<Consents>>, change: &ConsentChange) -> Result<(), ConnectorError> {
        let ssin = proof.subject().expose();
        match change {
            ConsentChange::Give => {
                let body = consent_body(ssin, "signdate");
                self.call.write("consent", || self.operation("PutPatientConsent", proof, &body, ack)).await
            }
            ConsentChange::Revoke => {
                let body = consent_body(ssin, "revokedate");
                self.call.write("consent", || self.operation("RevokePatientConsent", proof, &body, ack)).await
            }
        }
    }
}

#[async_trait::async_trait]
impl Writer<Relationships> for HubClient {
    async fn change(
        &self,
        proof: &Authorized<Change<Relationships>>,
        change: &RelationshipChange,
    ) -> Result<(), ConnectorError> {
        let RelationshipChange::End { nihdi } = change;
        let links = self.call.read("relationships", || self.relationships(proof)).await?;
        let link = links
            .iter()
            .filter_map(Item::read)
            .find(|l| l.id.as_deref() == Some(nihdi.as_str()) && l.end.is_none())
            .ok_or(ConnectorError::NotFound)?;
        let body = format!(
            r#"<c:therapeuticlink>{}<c:hcparty><c:id S="ID-HCPARTY" SV="1.0">{}</c:id></c:hcparty><c:cd S="CD-THERAPEUTICLINKTYPE" SV="1.0">{}</c:cd><c:enddate>{}</c:enddate></c:therapeuticlink>"#,
            soap::patient(proof.subject().expose()),
            esc(nihdi),
            esc(link.kind.as_deref().unwrap_or("gpconsultation")),
            HubClient::today()
        );
        self.call.write("relationships", || self.operation("RevokeTherapeuticLink", proof, &body, ack)).await
    }
}

#[async_trait::async_trait]
impl Writer<Exclusions> for HubClient {
    async fn change(
        &self,
        proof: &Authorized<Change<Exclusions>>,
        change: &ExclusionChange,
    ) -> Result<(), ConnectorError> {
        let (nihdi, add) = match change {
            ExclusionChange::Add { nihdi } => (nihdi, true),
            ExclusionChange::Lift { nihdi } => (nihdi, false),
        };
        let list = self.call.read("documents", || self.transaction_list(proof, &[])).await?;
        // One access right per transaction; putting or revoking one twice is harmless, so
        // a partial failure can simply be tried again by the citizen.
        for summary in list.iter().filter_map(Item::read) {
            let party = format!(
                r#"<c:hcparty><c:id S="ID-HCPARTY" SV="1.0">{}</c:id><c:cd S="CD-HCPARTY" SV="1.1">persphysician</c:cd></c:hcparty>"#,
                esc(nihdi)
            );
            let transaction = format!("<c:transaction>{}</c:transaction>", transaction_id(&summary.id)?);
            if add {
                let body = format!(
                    r#"<c:accessright>{transaction}{party}<c:cd S="CD-ACCESSRIGHT" SV="1.0">disallow</c:cd></c:accessright>"#
                );
                self.call.write("exclusions", || self.operation("PutAccessRight", proof, &body, ack)).await?;
            } else {
                let body = format!("<c:accessright>{transaction}{party}</c:accessright>");
                self.call.write("exclusions", || self.operation("RevokeAccessRight", proof, &body, ack)).await?;
            }
        }
        Ok(())
    }
}
