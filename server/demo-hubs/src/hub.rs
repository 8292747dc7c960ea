//! The demo KMEHR hubs ("Réseau Santé Wallon", "Réseau Santé Bruxellois", "CoZo"): eHealth
//! hub services v3.5 over SOAP 1.1, one endpoint per hub (`POST /<hub>/hubservices`).
//!
//! Data: `data/<hub>/<ssin>.xml` (one kmehrmessage per person: their transactions at this
//! hub) and `data/<hub>/state.json` (consent, therapeutic links, exclusions, audit trail),
//! which the write operations change in memory, so a round trip is real.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use roxmltree::{Document, Node};
use serde::{Deserialize, Serialize};

use crate::xml::{
    CORE_NS, KMEHR_NS, PROTOCOL_NS, SOAP_NS, child, coded, esc, fault_text, inner, is, kids, standalone, text,
};

/// The NIHDI-style id every demo hub signs its answers with.
const HUB_ID: &str = "71999999001";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Consent {
    pub signdate: Option<String>,
    pub revokedate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub nihdi: String,
    pub name: String,
    pub role: String,
    #[serde(default)]
    pub institution: Option<String>,
    pub cd: String,
    #[serde(default)]
    pub startdate: Option<String>,
    #[serde(default)]
    pub enddate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExclusionEntry {
    pub nihdi: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default = "physician")]
    pub role: String,
    #[serde(default)]
    pub institution: Option<String>,
    #[serde(default)]
    pub since: Option<String>,
}

fn physician() -> String {
    "persphysician".into()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub datetime: String,
    pub nihdi: String,
    pub name: String,
    #[serde(default = "physician")]
    pub role: String,
    #[serde(default)]
    pub institution: Option<String>,
    #[serde(default)]
    pub action: Option<String>,
    #[serde(default)]
    pub transaction: Option<String>,
}

/// One care provider in the directory (`data/directory.json`, shared by the demo hubs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DirectoryEntry {
    pub nihdi: String,
    pub name: String,
    pub role: String,
    #[serde(default)]
    pub city: Option<String>,
}

/// What a hub knows about one person besides their documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PatientState {
    #[serde(default)]
    pub consent: Option<Consent>,
    #[serde(default)]
    pub therapeuticlinks: Vec<Link>,
    #[serde(default)]
    pub exclusions: Vec<ExclusionEntry>,
    #[serde(default)]
    pub audittrail: Vec<AuditEntry>,
}

/// One demo hub.
#[derive(Debug)]
pub struct Hub {
    id: String,
    name: String,
    /// SSIN → the person's kmehrmessage.
    messages: HashMap<String, &'static str>,
    state: Mutex<BTreeMap<String, PatientState>>,
    directory: Vec<DirectoryEntry>,
    /// The last requests and responses, as sent (for the tests that validate them
    /// against the XSDs).
    exchanged: Mutex<Vec<(String, String)>>,
}

/// How many exchanges a hub remembers.
const EXCHANGES_KEPT: usize = 500;

impl Hub {
    pub fn load(id: &str, name: &str) -> Result<Hub, String> {
        let mut messages = HashMap::new();
        let mut state = BTreeMap::new();
        let mut directory = Vec::new();
        let prefix = format!("{id}/");
        for (path, content) in crate::data::FILES {
            if *path == "directory.json" {
                directory = serde_json::from_str(content).map_err(|e| format!("{path}: {e}"))?;
            }
            let Some(file) = path.strip_prefix(&prefix) else { continue };
            if file == "state.json" {
                // "@@RECENT@@": an access two hours before the hubs started (the
                // dashboard's alert of new accesses has something to show in the demo).
                let content = content.replace("@@RECENT@@", &recent());
                state = serde_json::from_str(&content).map_err(|e| format!("{path}: {e}"))?;
            } else if let Some(ssin) = file.strip_suffix(".xml") {
                messages.insert(ssin.to_owned(), *content);
            }
        }
        Ok(Hub {
            id: id.to_owned(),
            name: name.to_owned(),
            messages,
            state: Mutex::new(state),
            directory,
            exchanged: Mutex::new(Vec::new()),
        })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// Appends an access to the person's audit trail.
    pub fn record_access(&self, ssin: &str, entry: AuditEntry) {
        self.with_state(ssin, |s| s.audittrail.push(entry));
    }

    /// Back to the seeded state (consent, links, exclusions, audit trail as in `data/`).
    pub fn reset(&self) -> Result<(), String> {
        let seeded = Hub::load(&self.id, &self.name)?;
        let state = seeded.state.into_inner().map_err(|_| "poisoned".to_owned())?;
        *self.state.lock().map_err(|_| "poisoned".to_owned())? = state;
        Ok(())
    }

    /// Answers one hub services request (a SOAP envelope) as the endpoint does, without
    /// the network and without remembering it: for the connector's unit tests, which read
    /// the same answers the XSD test validates.
    pub fn respond(&self, request: &str) -> String {
        answer(self, request, false).1
    }

    /// The (request, response) pairs this hub has seen, oldest first.
    pub fn exchanged(&self) -> Vec<(String, String)> {
        self.exchanged.lock().map(|e| e.clone()).unwrap_or_default()
    }

    /// A copy of one person's state (for tests).
    pub fn patient_state(&self, ssin: &str) -> Option<PatientState> {
        self.state.lock().ok()?.get(ssin).cloned()
    }

    fn with_state<T>(&self, ssin: &str, f: impl FnOnce(&mut PatientState) -> T) -> Option<T> {
        let mut state = self.state.lock().ok()?;
        Some(f(state.entry(ssin.to_owned()).or_default()))
    }

    /// The person whose message holds this transaction id (`LOCAL` value).
    fn owner_of_transaction(&self, local_id: &str) -> Option<String> {
        self.messages.iter().find(|(_, xml)| xml.contains(&format!(">{local_id}<"))).map(|(ssin, _)| ssin.clone())
    }
}

pub fn routes(hub: Arc<Hub>) -> Router {
    Router::new().route(&format!("/{}/hubservices", hub.id()), post(soap)).with_state(hub)
}

async fn soap(
    State(hub): State<Arc<Hub>>,
    refuse: Option<axum::Extension<crate::faults::RefuseWrites>>,
    body: String,
) -> Response {
    let (status, text) = answer(&hub, &body, refuse.is_some());
    let hostile = body.contains(crate::fhir::HOSTILE_SSIN);
    if let Ok(mut exchanged) = hub.exchanged.lock() {
        if exchanged.len() >= EXCHANGES_KEPT {
            exchanged.remove(0);
        }
        exchanged.push((body, text.clone()));
    }
    // Hostile Tester's answers carry attacks the data files cannot hold (`fhir::hostile`).
    let bytes = if hostile { crate::fhir::hostile(with_dtd(text)) } else { text.into_bytes() };
    (status, [(header::CONTENT_TYPE, "text/xml; charset=utf-8")], bytes).into_response()
}

/// An answer holding the hostile person's marker `@@HOSTILE:ENTITY@@` gets a DTD declaring
/// a billion laughs and an external entity, and the marker becomes references to them: a
/// reader must refuse the DTD (or at least expand nothing).
fn with_dtd(answer: String) -> String {
    const MARKER: &str = "@@HOSTILE:ENTITY@@";
    if !answer.contains(MARKER) {
        return answer;
    }
    let mut dtd =
        String::from(r#"<!DOCTYPE soapenv:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol0 "lol">"#);
    for n in 1..10 {
        dtd.push_str(&format!(r#"<!ENTITY lol{n} "{}">"#, format!("&lol{};", n - 1).repeat(10)));
    }
    dtd.push_str("]>");
    answer.replacen("?>", &format!("?>{dtd}"), 1).replace(MARKER, "&lol9; &xxe;")
}

fn answer(hub: &Hub, body: &str, refuse_writes: bool) -> (StatusCode, String) {
    let document = match Document::parse(body) {
        Ok(d) => d,
        Err(_) => return fault_text("Client", "the request is not XML"),
    };
    let envelope = document.root_element();
    let Some(request) = child(&envelope, SOAP_NS, "Body").and_then(|b| b.children().find(Node::is_element)) else {
        return fault_text("Client", "no SOAP body");
    };
    if request.tag_name().namespace() != Some(PROTOCOL_NS) {
        return fault_text("Client", "not a hub services v3 request");
    }
    let Some(operation) = request.tag_name().name().strip_suffix("Request") else {
        return fault_text("Client", "not a request");
    };
    let header = match child(&request, CORE_NS, "request") {
        Some(h) => echo_request(&h),
        None => return fault_text("Client", "request header missing"),
    };
    let write = operation.starts_with("Put") || operation.starts_with("Revoke");
    let handled = if refuse_writes && write {
        Err(Refusal::Nack("DEMO_WRITE_REFUSED"))
    } else {
        handle(hub, operation, &request)
    };
    let content = match handled {
        Ok(content) => content,
        Err(Refusal::Client(reason)) => return fault_text("Client", reason),
        Err(Refusal::Nack(code)) => {
            return envelope_with(
                operation,
                &response_header(hub, &header),
                &format!(
                    r#"<c:acknowledge><c:iscomplete>false</c:iscomplete><c:error><k:cd S="CD-ERROR" SV="1.0">{code}</k:cd><k:description L="en">{code}</k:description></c:error></c:acknowledge>"#
                ),
                "",
            );
        }
    };
    envelope_with(
        operation,
        &response_header(hub, &header),
        "<c:acknowledge><c:iscomplete>true</c:iscomplete></c:acknowledge>",
        &content,
    )
}

enum Refusal {
    /// A SOAP client fault.
    Client(&'static str),
    /// A negative acknowledgement with this error code.
    Nack(&'static str),
}

fn handle(hub: &Hub, operation: &str, request: &Node) -> Result<String, Refusal> {
    let select = child(request, CORE_NS, "select");
    let patient_of = |node: Option<Node>| -> Option<String> {
        let patient = child(&node?, CORE_NS, "patient")?;
        kids(&patient, CORE_NS, "id")
            .find(|i| matches!(i.attribute("S"), Some("INSS" | "ID-PATIENT")))
            .and_then(|i| text(Some(i)))
    };
    match operation {
        "GetTransactionList" => {
            let ssin = patient_of(select).ok_or(Refusal::Client("no patient"))?;
            let kinds: Vec<String> = select
                .and_then(|s| child(&s, CORE_NS, "transaction"))
                .map(|t| kids(&t, CORE_NS, "cd").filter_map(|c| text(Some(c))).collect())
                .unwrap_or_default();
            Ok(transaction_list(hub, &ssin, &kinds))
        }
        "GetTransaction" => {
            let ssin = patient_of(select).ok_or(Refusal::Client("no patient"))?;
            let id = select
                .and_then(|s| child(&s, CORE_NS, "transaction"))
                .and_then(|t| child(&t, CORE_NS, "id"))
                .and_then(|i| text(Some(i)))
                .ok_or(Refusal::Client("no transaction id"))?;
            get_transaction(hub, &ssin, &id).ok_or(Refusal::Nack("TRANSACTION_NOT_FOUND"))
        }
        "GetPatientConsent" => {
            let ssin = patient_of(select).ok_or(Refusal::Client("no patient"))?;
            let consent = hub.with_state(&ssin, |s| s.consent.clone()).flatten();
            Ok(match consent {
                Some(c) if c.signdate.is_some() => consent_xml(&ssin, &c),
                _ => String::new(),
            })
        }
        "PutPatientConsent" | "RevokePatientConsent" => {
            let consent = child(request, CORE_NS, "consent");
            let ssin = patient_of(consent).ok_or(Refusal::Client("no patient"))?;
            let signdate = consent.and_then(|c| text(child(&c, CORE_NS, "signdate")));
            let revokedate = consent.and_then(|c| text(child(&c, CORE_NS, "revokedate")));
            hub.with_state(&ssin, |s| {
                if operation == "PutPatientConsent" {
                    s.consent = Some(Consent { signdate: signdate.or_else(|| Some(today())), revokedate: None });
                } else {
                    let signed = s.consent.as_ref().and_then(|c| c.signdate.clone());
                    s.consent = Some(Consent { signdate: signed, revokedate: revokedate.or_else(|| Some(today())) });
                }
            });
            Ok(String::new())
        }
        "GetTherapeuticLink" => {
            let ssin = patient_of(select).ok_or(Refusal::Client("no patient"))?;
            let links = hub.with_state(&ssin, |s| s.therapeuticlinks.clone()).unwrap_or_default();
            let mut out = String::from("<c:therapeuticlinklist>");
            for link in links {
                out.push_str(&format!(
                    r#"<c:therapeuticlink>{}<c:hcparty><c:id S="ID-HCPARTY" SV="1.0">{}</c:id></c:hcparty><c:cd S="CD-THERAPEUTICLINKTYPE" SV="1.0">{}</c:cd>{}{}</c:therapeuticlink>"#,
                    patient_xml(&ssin),
                    esc(&link.nihdi),
                    esc(&link.cd),
                    link.startdate.map(|d| format!("<c:startdate>{}</c:startdate>", esc(&d))).unwrap_or_default(),
                    link.enddate.map(|d| format!("<c:enddate>{}</c:enddate>", esc(&d))).unwrap_or_default(),
                ));
            }
            out.push_str("</c:therapeuticlinklist>");
            Ok(out)
        }
        "RevokeTherapeuticLink" => {
            let link = child(request, CORE_NS, "therapeuticlink");
            let ssin = patient_of(link).ok_or(Refusal::Client("no patient"))?;
            let nihdi = link
                .and_then(|l| child(&l, CORE_NS, "hcparty"))
                .and_then(|h| child(&h, CORE_NS, "id"))
                .and_then(|i| text(Some(i)))
                .ok_or(Refusal::Client("no care provider"))?;
            let end = link.and_then(|l| text(child(&l, CORE_NS, "enddate"))).unwrap_or_else(today);
            let ended = hub
                .with_state(&ssin, |s| {
                    let found = s.therapeuticlinks.iter_mut().find(|l| l.nihdi == nihdi && l.enddate.is_none());
                    found.map(|l| l.enddate = Some(end)).is_some()
                })
                .unwrap_or(false);
            if ended { Ok(String::new()) } else { Err(Refusal::Nack("THERAPEUTICLINK_NOT_FOUND")) }
        }
        "GetAccessRight" => {
            let ids: Vec<String> = select
                .and_then(|s| child(&s, CORE_NS, "transaction"))
                .map(|t| kids(&t, CORE_NS, "id").filter_map(|i| text(Some(i))).collect())
                .unwrap_or_default();
            let mut out = String::from("<c:accessrightlist>");
            for id in ids {
                let Some(ssin) = hub.owner_of_transaction(&id) else { continue };
                let exclusions = hub.with_state(&ssin, |s| s.exclusions.clone()).unwrap_or_default();
                for exclusion in exclusions {
                    out.push_str(&format!(
                        r#"<c:accessright><c:transaction><c:id S="LOCAL" SL="{hub}" SV="1.0">{id}</c:id></c:transaction><c:hcparty><c:id S="ID-HCPARTY" SV="1.0">{nihdi}</c:id><c:cd S="CD-HCPARTY" SV="1.1">{role}</c:cd></c:hcparty><c:cd S="CD-ACCESSRIGHT" SV="1.0">disallow</c:cd></c:accessright>"#,
                        hub = esc(hub.id()),
                        id = esc(&id),
                        nihdi = esc(&exclusion.nihdi),
                        role = esc(&exclusion.role),
                    ));
                }
            }
            out.push_str("</c:accessrightlist>");
            Ok(out)
        }
        "PutAccessRight" | "RevokeAccessRight" => {
            let right = child(request, CORE_NS, "accessright");
            let id = right
                .and_then(|r| child(&r, CORE_NS, "transaction"))
                .and_then(|t| child(&t, CORE_NS, "id"))
                .and_then(|i| text(Some(i)))
                .ok_or(Refusal::Client("no transaction"))?;
            let party = right.and_then(|r| child(&r, CORE_NS, "hcparty"));
            let nihdi = party
                .and_then(|h| child(&h, CORE_NS, "id"))
                .and_then(|i| text(Some(i)))
                .ok_or(Refusal::Client("no care provider"))?;
            let role = party.and_then(|h| text(child(&h, CORE_NS, "cd"))).unwrap_or_else(physician);
            let ssin = hub.owner_of_transaction(&id).ok_or(Refusal::Nack("TRANSACTION_NOT_FOUND"))?;
            let put = operation == "PutAccessRight";
            if put && right.and_then(|r| text(child(&r, CORE_NS, "cd"))).as_deref() != Some("disallow") {
                return Err(Refusal::Client("only disallow is supported"));
            }
            hub.with_state(&ssin, |s| {
                if put {
                    if !s.exclusions.iter().any(|e| e.nihdi == nihdi) {
                        s.exclusions.push(ExclusionEntry {
                            nihdi,
                            name: None,
                            role,
                            institution: None,
                            since: Some(today()),
                        });
                    }
                } else {
                    s.exclusions.retain(|e| e.nihdi != nihdi);
                }
            });
            Ok(String::new())
        }
        "GetHCParty" => {
            let id = select
                .and_then(|s| child(&s, CORE_NS, "hcparty"))
                .and_then(|h| child(&h, CORE_NS, "id"))
                .ok_or(Refusal::Client("no care provider"))?;
            let value = text(Some(id)).ok_or(Refusal::Client("no care provider"))?;
            // A name search (`LOCAL`, scheme `name`): the demo's stand-in for the eHealth
            // address book, answered with every match.
            if id.attribute("S") == Some("LOCAL") && id.attribute("SL") == Some("name") {
                return Ok(hub
                    .directory
                    .iter()
                    .filter(|entry| name_matches(&value, &entry.name))
                    .take(20)
                    .map(|entry| hcparty_xml(&entry.nihdi, &entry.role, &entry.name, entry.city.as_deref()))
                    .collect());
            }
            if let Some(entry) = hub.directory.iter().find(|e| e.nihdi == value) {
                return Ok(hcparty_xml(&entry.nihdi, &entry.role, &entry.name, entry.city.as_deref()));
            }
            Ok(hcparty_directory(hub, &value)
                .map(|(name, role)| hcparty_xml(&value, &role, &name, None))
                .unwrap_or_default())
        }
        "GetPatientAuditTrail" => {
            let ssin = patient_of(select).ok_or(Refusal::Client("no patient"))?;
            let entries = hub.with_state(&ssin, |s| s.audittrail.clone()).unwrap_or_default();
            let mut out = String::from("<c:transactionaccesslist>");
            for entry in entries {
                let transaction = entry
                    .transaction
                    .as_deref()
                    .and_then(|id| transaction_with_time(hub, &ssin, id))
                    .unwrap_or_default();
                let institution = entry
                    .institution
                    .map(|name| format!(r#"<c:hcparty><k:cd S="CD-HCPARTY" SV="1.1">orghospital</k:cd><k:name>{}</k:name></c:hcparty>"#, esc(&name)))
                    .unwrap_or_default();
                out.push_str(&format!(
                    r#"<c:transactionaccess>{}{transaction}<c:hcparty><k:id S="ID-HCPARTY" SV="1.0">{}</k:id><k:cd S="CD-HCPARTY" SV="1.1">{}</k:cd><k:name>{}</k:name></c:hcparty>{institution}<c:accessdatetime>{}</c:accessdatetime></c:transactionaccess>"#,
                    patient_xml(&ssin),
                    esc(&entry.nihdi),
                    esc(&entry.role),
                    esc(&entry.name),
                    esc(&entry.datetime),
                ));
            }
            out.push_str("</c:transactionaccesslist>");
            Ok(out)
        }
        _ => Err(Refusal::Client("operation not supported by this demo hub")),
    }
}

/// A directory answer's `hcparty`.
fn hcparty_xml(nihdi: &str, role: &str, name: &str, city: Option<&str>) -> String {
    let address = city
        .map(|city| {
            format!(r#"<c:address><k:cd S="CD-ADDRESS" SV="1.0">work</k:cd><k:city>{}</k:city></c:address>"#, esc(city))
        })
        .unwrap_or_default();
    format!(
        r#"<c:hcparty><c:id S="ID-HCPARTY" SV="1.0">{}</c:id><c:cd S="CD-HCPARTY" SV="1.1">{}</c:cd><c:name>{}</c:name>{address}<c:recorddatetime>2020-01-01T00:00:00</c:recorddatetime></c:hcparty>"#,
        esc(nihdi),
        esc(role),
        esc(name)
    )
}

/// Does every word of `query` start a word of `name` (case and accents ignored)?
fn name_matches(query: &str, name: &str) -> bool {
    let fold = |text: &str| -> String {
        text.chars()
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                'à' | 'á' | 'â' | 'ä' => 'a',
                'è' | 'é' | 'ê' | 'ë' => 'e',
                'ì' | 'í' | 'î' | 'ï' => 'i',
                'ò' | 'ó' | 'ô' | 'ö' => 'o',
                'ù' | 'ú' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                other => other,
            })
            .collect()
    };
    let name = fold(name);
    let words: Vec<&str> = name.split([' ', '-', '.']).collect();
    let query = fold(query);
    let mut typed = query.split([' ', '-', '.']).filter(|w| !w.is_empty()).peekable();
    typed.peek().is_some() && typed.all(|word| words.iter().any(|w| w.starts_with(word)))
}

/// Names and roles of the professionals this hub knows (links, exclusions, audit trail).
fn hcparty_directory(hub: &Hub, nihdi: &str) -> Option<(String, String)> {
    let state = hub.state.lock().ok()?;
    state.values().find_map(|p| {
        p.therapeuticlinks
            .iter()
            .find(|l| l.nihdi == nihdi)
            .map(|l| (l.name.clone(), l.role.clone()))
            .or_else(|| {
                p.exclusions.iter().find(|e| e.nihdi == nihdi).and_then(|e| Some((e.name.clone()?, e.role.clone())))
            })
            .or_else(|| p.audittrail.iter().find(|a| a.nihdi == nihdi).map(|a| (a.name.clone(), a.role.clone())))
    })
}

fn patient_xml(ssin: &str) -> String {
    format!(r#"<c:patient><c:id S="INSS" SV="1.0">{}</c:id></c:patient>"#, esc(ssin))
}

fn consent_xml(ssin: &str, consent: &Consent) -> String {
    format!(
        r#"<c:consent>{}<c:cd S="CD-CONSENTTYPE" SV="1.0">retrospective</c:cd>{}{}</c:consent>"#,
        patient_xml(ssin),
        consent.signdate.as_ref().map(|d| format!("<c:signdate>{}</c:signdate>", esc(d))).unwrap_or_default(),
        consent.revokedate.as_ref().map(|d| format!("<c:revokedate>{}</c:revokedate>", esc(d))).unwrap_or_default(),
    )
}

/// The transactions of one person's message, with its document.
fn with_message<T>(hub: &Hub, ssin: &str, f: impl FnOnce(&Node) -> T) -> Option<T> {
    let xml = hub.messages.get(ssin)?;
    let document = Document::parse(xml).ok()?;
    let root = document.root_element();
    Some(f(&root))
}

fn transactions<'a, 'i>(message: &Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    message
        .children()
        .filter(|n| is(n, KMEHR_NS, "folder"))
        .flat_map(|f| f.children().filter(|n| is(n, KMEHR_NS, "transaction")).collect::<Vec<_>>())
        .collect()
}

fn local_id(transaction: &Node) -> Option<String> {
    kids(transaction, KMEHR_NS, "id").find(|i| i.attribute("S") == Some("LOCAL")).and_then(|i| text(Some(i)))
}

/// id+, cd+, date, time, author: what a summary and an audit entry say of a transaction.
fn transaction_head(transaction: &Node) -> String {
    let ids: String = kids(transaction, KMEHR_NS, "id").map(|i| coded("c", &i)).collect();
    let cds: String = kids(transaction, KMEHR_NS, "cd").map(|c| coded("c", &c)).collect();
    let date = text(child(transaction, KMEHR_NS, "date")).unwrap_or_else(|| "1900-01-01".into());
    let time = text(child(transaction, KMEHR_NS, "time")).unwrap_or_else(|| "00:00:00".into());
    let author = child(transaction, KMEHR_NS, "author").map(|a| inner(&a)).unwrap_or_default();
    format!("{ids}{cds}<c:date>{}</c:date><c:time>{}</c:time><c:author>{author}</c:author>", esc(&date), esc(&time))
}

fn transaction_list(hub: &Hub, ssin: &str, kinds: &[String]) -> String {
    with_message(hub, ssin, |message| {
        let Some(patient) = message.children().find(|n| is(n, KMEHR_NS, "folder")).and_then(|f| child(&f, KMEHR_NS, "patient")) else {
            return String::new();
        };
        let mut summaries = String::new();
        for transaction in transactions(message) {
            let cd = text(kids(&transaction, KMEHR_NS, "cd").find(|c| c.attribute("S") == Some("CD-TRANSACTION")));
            if !kinds.is_empty() && !cd.as_ref().is_some_and(|cd| kinds.contains(cd)) {
                continue;
            }
            let complete = text(child(&transaction, KMEHR_NS, "iscomplete")).unwrap_or_else(|| "true".into());
            let validated = text(child(&transaction, KMEHR_NS, "isvalidated")).unwrap_or_else(|| "true".into());
            let date = text(child(&transaction, KMEHR_NS, "date")).unwrap_or_else(|| "1900-01-01".into());
            let time = text(child(&transaction, KMEHR_NS, "time")).unwrap_or_else(|| "00:00:00".into());
            summaries.push_str(&format!(
                "<c:transaction>{}<c:iscomplete>{}</c:iscomplete><c:isvalidated>{}</c:isvalidated><c:recorddatetime>{}T{}</c:recorddatetime></c:transaction>",
                transaction_head(&transaction),
                esc(&complete),
                esc(&validated),
                esc(&date),
                esc(&time)
            ));
        }
        if summaries.is_empty() {
            return String::new();
        }
        format!("<c:kmehrheader><c:folder><c:patient>{}</c:patient>{summaries}</c:folder></c:kmehrheader>", inner(&patient))
    })
    .unwrap_or_default()
}

fn transaction_with_time(hub: &Hub, ssin: &str, id: &str) -> Option<String> {
    with_message(hub, ssin, |message| {
        transactions(message)
            .into_iter()
            .find(|t| local_id(t).as_deref() == Some(id))
            .map(|t| format!("<c:transaction>{}</c:transaction>", transaction_head(&t)))
    })
    .flatten()
}

fn get_transaction(hub: &Hub, ssin: &str, id: &str) -> Option<String> {
    with_message(hub, ssin, |message| {
        let header = child(message, KMEHR_NS, "header")?;
        let folder = message.children().find(|n| is(n, KMEHR_NS, "folder"))?;
        let patient = child(&folder, KMEHR_NS, "patient")?;
        let transaction = transactions(message).into_iter().find(|t| local_id(t).as_deref() == Some(id))?;
        Some(format!(
            r#"<c:kmehrmessage>{}<k:folder><k:id S="ID-KMEHR" SV="1.0">1</k:id>{}{}</k:folder></c:kmehrmessage>"#,
            standalone(&header),
            standalone(&patient),
            standalone(&transaction)
        ))
    })
    .flatten()
}

/// What the request header said, to echo it in the response.
fn echo_request(request: &Node) -> String {
    let mut out = String::from("<c:request>");
    if let Some(id) = child(request, CORE_NS, "id") {
        out.push_str(&coded("c", &id));
    }
    out.push_str("<c:author>");
    if let Some(author) = child(request, CORE_NS, "author") {
        out.push_str(&inner(&author));
    }
    out.push_str("</c:author>");
    for name in ["date", "time"] {
        out.push_str(&format!(
            "<c:{name}>{}</c:{name}>",
            esc(&text(child(request, CORE_NS, name)).unwrap_or_default())
        ));
    }
    out.push_str("</c:request>");
    out
}

fn response_header(hub: &Hub, request_echo: &str) -> String {
    let now = time::OffsetDateTime::now_utc();
    format!(
        r#"<c:response><c:id S="ID-KMEHR" SV="1.0">{HUB_ID}.{}</c:id><c:author><k:hcparty><k:id S="ID-HCPARTY" SV="1.0">{HUB_ID}</k:id><k:cd S="CD-HCPARTY" SV="1.1">hub</k:cd><k:name>{}</k:name></k:hcparty></c:author><c:date>{}</c:date><c:time>{:02}:{:02}:{:02}</c:time>{request_echo}</c:response>"#,
        now.unix_timestamp_nanos(),
        esc(&hub.name),
        today(),
        now.hour(),
        now.minute(),
        now.second(),
    )
}

/// Two hours ago, as [`now_utc`] writes it.
fn recent() -> String {
    utc(time::OffsetDateTime::now_utc() - time::Duration::hours(2))
}

/// Now, as a hub's audit trail writes it: UTC, with its `Z`.
pub fn now_utc() -> String {
    utc(time::OffsetDateTime::now_utc())
}

fn utc(now: time::OffsetDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        now.year(),
        u8::from(now.month()),
        now.day(),
        now.hour(),
        now.minute(),
        now.second()
    )
}

fn today() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!("{:04}-{:02}-{:02}", now.year(), u8::from(now.month()), now.day())
}

fn envelope_with(operation: &str, header: &str, acknowledge: &str, content: &str) -> (StatusCode, String) {
    let body = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="{SOAP_NS}"><soapenv:Body><p:{operation}Response xmlns:p="{PROTOCOL_NS}" xmlns:c="{CORE_NS}" xmlns:k="{KMEHR_NS}">{header}{acknowledge}{content}</p:{operation}Response></soapenv:Body></soapenv:Envelope>"#
    );
    (StatusCode::OK, body)
}

#[cfg(test)]
mod tests {
    use super::with_dtd;

    #[test]
    fn the_hostile_dtd_comes_after_the_declaration_and_the_marker_becomes_references() {
        let answer = with_dtd(
            r#"<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope><t>@@HOSTILE:ENTITY@@</t></soapenv:Envelope>"#
                .to_owned(),
        );
        assert!(
            answer.starts_with(r#"<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE soapenv:Envelope ["#),
            "{answer}"
        );
        assert!(
            answer.contains(r#"<!ENTITY lol9 "&lol8;&lol8;"#) && answer.contains("<t>&lol9; &xxe;</t>"),
            "{answer}"
        );
        assert_eq!(with_dtd("<a>other</a>".to_owned()), "<a>other</a>");
    }
}
