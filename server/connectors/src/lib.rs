//! Connectors: how Carnet asks the hubs and vaults for a citizen's data.
//!
//! Every call takes an [`carnet_core::policy::Authorized`] proof (so nothing can read data
//! the policy did not allow), has a timeout, and returns typed errors. No SSIN and no
//! health data is ever logged: spans carry the source id, the kind of data, the latency
//! and the outcome.
//!
//! The protocols' plumbing is in `fhir/` (the vaults' REST client, Bundles, the dispatch on
//! resource types) and `kmehr/` (messages, the hubs' SOAP services); each kind's readers are
//! in `<kind>/` (`fhir.rs`, `kmehr.rs`), listed in `fhir_kinds!` and `kmehr_kinds!` below.
//! Reading a new kind from both is this file's business only, besides the kind's own folder.

/// Each kind of data a FHIR vault serves, once: the kind (its scope and marker type), the
/// resource types that hold it and the function that reads one of them (with the Bundle it
/// came in as context). `resource.rs` expands it into the dispatch on `resourceType` and
/// [`fhir::resource::FhirKind`], `client.rs` into what a vault registers for the kinds it
/// serves. A new kind's FHIR reader: its line here, its module `<kind>/fhir.rs` declared below.
macro_rules! fhir_kinds {
    ($then:ident) => {
        $then! {
            Vaccinations = carnet_core::vaccination::Vaccinations:
                ["Immunization"] => crate::vaccination::fhir::read_immunization_in;
            Medication = carnet_core::medication::Medications:
                ["MedicationStatement", "MedicationRequest", "MedicationDispense"]
                => crate::medication::fhir::read_medication_in;
            Allergies = carnet_core::allergy::Allergies:
                ["AllergyIntolerance"] => crate::allergy::fhir::read_allergy_in;
            Documents = carnet_core::document::Documents:
                ["DocumentReference"] => crate::document::fhir::read_document_reference_in;
            Consent = carnet_core::consent::Consents: ["Consent"] => crate::consent::fhir::read_consent_in;
            AccessEvents = carnet_core::access_event::AccessEvents:
                ["AuditEvent"] => crate::access_event::fhir::read_audit_event_in;
        }
    };
}

/// Each kind of data read item by item from the KMEHR transactions that hold it, once: the
/// kind, the transaction types (`CD-TRANSACTION`), which of a transaction's items are of the
/// kind and the function that reads one (with its transaction's id and author). `message.rs`
/// expands it into what such a transaction holds ([`kmehr::message::TransactionContent::Items`])
/// and [`kmehr::message::KmehrKind`]; a hub reads and registers each kind from it
/// (`hub/transactions.rs`, `hub/mod.rs`). A new kind's KMEHR reader: its line here, its
/// module `<kind>/kmehr.rs` declared below. (The SumEHR, the medication schema — folded
/// across a folder's transactions — and the documents have readers of their own.)
macro_rules! kmehr_kinds {
    ($then:ident) => {
        $then! {
            Vaccinations = carnet_core::vaccination::Vaccinations: ["vaccination"]
                => items crate::vaccination::kmehr::is_vaccine, read crate::vaccination::kmehr::read_item;
        }
    };
}

mod base64;
pub mod cache;
pub mod call;
pub mod connector;
pub mod document_body;
pub mod error;
pub mod fhir;
#[cfg(test)]
mod fixtures;
pub mod ips;
pub mod kmehr;
pub mod metrics;
pub mod pcdh;
pub mod register;
pub mod shl;
pub mod sources;
pub mod xml;

// Each kind's readers, by the kind's name in the core (`carnet_core::<kind>`): `fhir.rs` reads
// its FHIR resources, `kmehr.rs` its KMEHR items. (A hub's own operations for a kind —
// consent, the care team, exclusions, the audit trail — are in `kmehr/hub/`.)
pub mod access_event {
    pub mod fhir;
}
pub mod allergy {
    pub mod fhir;
}
pub mod consent {
    pub mod fhir;
}
pub mod document {
    pub mod fhir;
}
pub mod medication {
    pub mod fhir;
    pub mod kmehr;
}
pub mod sumehr {
    pub mod kmehr;
}
pub mod vaccination {
    pub mod fhir;
    pub mod kmehr;
}

pub use connector::{Connector, Directory, DocumentFetcher, Reader, Registry, Source, Writer};
pub use error::ConnectorError;
pub use metrics::Metrics;
pub use sources::Sources;
