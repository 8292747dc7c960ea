//! A client for one KMEHR hub (Réseau Santé Wallon, Réseau Santé Bruxellois, CoZo …):
//! the eHealth hub services v3 operations in a SOAP envelope over HTTP, as the real hubs
//! use them. Every read is retried within its budget; writes never are.
//!
//! `soap.rs` is the transport (the envelope, the request header, faults and negative
//! acknowledgements, the HTTP call); then one module per capability, each reading its
//! operations' answers with a function of its own (unit-tested on the demo hubs' answers,
//! which the integration tests validate against the hub services XSD):
//! - `transactions.rs` — documents: `GetTransactionList`; one document: `GetTransaction`;
//!   SumEHR, allergies (from the latest SumEHR), vaccinations, medication:
//!   `GetTransactionList` filtered by transaction type, then `GetTransaction` for each;
//! - `consent.rs` — `GetPatientConsent` / `PutPatientConsent` / `RevokePatientConsent`;
//! - `relationships.rs` — `GetTherapeuticLink` / `RevokeTherapeuticLink`;
//! - `exclusions.rs` — `GetAccessRight` over the person's transactions (a `disallow` for a
//!   professional), `PutAccessRight` / `RevokeAccessRight` per transaction;
//! - `audit_trail.rs` — access events: `GetPatientAuditTrail`;
//! - `parties.rs` — professionals and authors as the messages name them, their names
//!   from `GetHCParty`, and the directory search (`GetHCParty` by number or by name).

mod audit_trail;
mod consent;
mod exclusions;
mod parties;
mod relationships;
pub mod soap;
mod transactions;

use std::sync::Arc;
use std::time::Duration;

use carnet_core::access_event::AccessEvents;
use carnet_core::allergy::Allergies;
use carnet_core::consent::Consents;
use carnet_core::document::Documents;
use carnet_core::exclusion::Exclusions;
use carnet_core::kind::Scope;
use carnet_core::medication::Medications;
use carnet_core::relationship::Relationships;
use carnet_core::sumehr::SumEhrs;
use secrecy::SecretString;
use url::Url;

pub use soap::Sender;
pub use transactions::TransactionSummary;

use crate::call::CallPolicy;
use crate::connector::{Connector, Registry, Source};
use crate::error::ConnectorError;
use crate::metrics::Metrics;

/// Transactions (and names) fetched at once from one hub.
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
    /// Sent as `Authorization: Bearer …`; never shown by `Debug`.
    pub bearer_token: Option<SecretString>,
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
    bearer_token: Option<SecretString>,
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

impl HubClient {
    pub fn new(settings: HubSettings, metrics: Arc<Metrics>) -> Result<Self, ConnectorError> {
        let HubSettings { id, name, endpoint, timeout, retries, bearer_token, serves, sender } = settings;
        let endpoint = Url::parse(&endpoint).map_err(|e| ConnectorError::Config(format!("endpoint: {e}")))?;
        let http = crate::call::http_client(timeout)?;
        let call = CallPolicy { source: id.clone(), timeout, retries, metrics };
        Ok(HubClient { id, name, endpoint, http, call, bearer_token, serves, sender })
    }
}

impl Source for HubClient {
    fn id(&self) -> &str {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }
}

macro_rules! register_items {
    ($($variant:ident = $kind:ty: [$($type:literal),+] => items $takes:path, read $read:path;)+) => {
        /// Registers the reader of a kind read item by item from transactions (as
        /// `kmehr_kinds!` lists them); `false` for any other kind.
        fn register_items(hub: &Arc<HubClient>, scope: Scope, registry: &mut Registry) -> bool {
            match scope {
                $(Scope::$variant => registry.reader::<$kind>(hub.clone()),)+
                _ => return false,
            }
            true
        }
    };
}

kmehr_kinds!(register_items);

impl Connector for HubClient {
    fn register(self: Arc<Self>, registry: &mut Registry) -> Result<(), ConnectorError> {
        for scope in self.serves.clone() {
            if register_items(&self, scope, registry) {
                continue;
            }
            match scope {
                Scope::Documents => {
                    registry.reader::<Documents>(self.clone());
                    registry.documents(self.clone());
                }
                Scope::SumEhr => registry.reader::<SumEhrs>(self.clone()),
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
                    // Excluding someone starts with finding them in the directory.
                    registry.directory(self.clone());
                }
                Scope::AccessEvents => registry.reader::<AccessEvents>(self.clone()),
                other => {
                    return Err(ConnectorError::Config(format!("a hub cannot serve {}", other.as_str())));
                }
            }
        }
        Ok(())
    }
}

/// The demo hubs' real answers, for the capability modules' unit tests.
#[cfg(test)]
pub(crate) mod demo {
    use carnet_demo_hubs::hub::Hub;

    use super::soap::{self, Sender};

    /// Sofie Claes, who has data at every hub.
    pub const SOFIE: &str = "85041212468";

    /// Demo hub `id` in its seeded state.
    pub fn hub(id: &str) -> Hub {
        let Ok(hub) = Hub::load(id, id) else { panic!("demo hub {id}") };
        hub
    }

    /// Runs `read` on the response element of `operation` as demo hub `id` answers it for
    /// `ssin` with this select (or content) `body`.
    pub fn read<T>(id: &str, operation: &str, ssin: &str, body: &str, read: impl Fn(roxmltree::Node) -> T) -> T {
        read_at(&hub(id), operation, ssin, body, read)
    }

    /// [`read`], at a hub whose state earlier calls changed. A fault or a negative
    /// acknowledgement fails the test.
    pub fn read_at<T>(hub: &Hub, operation: &str, ssin: &str, body: &str, read: impl Fn(roxmltree::Node) -> T) -> T {
        let sender = Sender { application_id: "00000000001".into(), application_name: "Carnet".into() };
        let text = hub.respond(&soap::request(operation, &sender, "1", ssin, ("2026-11-23", "10:00:00"), body));
        let Ok(document) = crate::xml::parse(&text, "answer") else { panic!("{operation}: not XML: {text}") };
        match soap::response_body(&document, operation) {
            Ok(response) => read(response),
            Err(e) => panic!("{operation}: {e}: {text}"),
        }
    }
}
