//! FHIR R4 vaults: REST search by the SSIN identifier, Bundles, OperationOutcome errors,
//! and the HL7 Belgium profiles.

pub mod client;
pub mod immunization;

pub use client::{FhirClient, FhirSettings};

/// The identifier system of the Belgian national register number.
pub const SSIN_SYSTEM: &str = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";
pub const NIHDI_SYSTEMS: [&str; 3] = [
    "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi",
    "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi-professional",
    "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi-organization",
];
