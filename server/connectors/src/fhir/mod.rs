//! FHIR R4 vaults: REST search by the SSIN identifier (`client.rs`), Bundles and the dispatch
//! on `resourceType` (`resource.rs`), OperationOutcome errors, parties and code systems; each
//! kind's resources are read by the kind's own module, `crate::<kind>::fhir`, as
//! `fhir_kinds!` (in `lib.rs`) lists them.

pub mod client;
pub(crate) mod common;
pub mod party;
pub mod resource;
pub mod terminology;

pub use client::{FhirClient, FhirSettings};

/// The identifier system of the Belgian national register number.
pub const SSIN_SYSTEM: &str = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";
pub const NIHDI_SYSTEMS: [&str; 3] = [
    "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi",
    "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi-professional",
    "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi-organization",
];
