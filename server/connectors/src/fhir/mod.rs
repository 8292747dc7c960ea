//! FHIR R4 vaults: REST search by the SSIN identifier, Bundles, OperationOutcome errors,
//! and the HL7 Belgium profiles.

pub mod allergy;
pub mod audit_event;
pub mod client;
pub(crate) mod common;
pub mod consent;
pub mod document;
pub mod immunization;
pub mod medication;
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
