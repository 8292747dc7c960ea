//! FHIR R4 vaults: REST search by the SSIN identifier, Bundles, OperationOutcome errors,
//! and the HL7 Belgium profiles.

/// Each kind of data a FHIR vault serves, once: the kind (its scope and marker type), the
/// resource types that hold it and the function that reads one of them (with the Bundle it
/// came in as context). `resource.rs` expands it into the dispatch on `resourceType` and
/// [`resource::FhirKind`], `client.rs` into what a vault registers for the kinds it
/// serves. A new kind's FHIR reader is its module line below and its line here.
macro_rules! fhir_kinds {
    ($then:ident) => {
        $then! {
            Vaccinations = carnet_core::vaccination::Vaccinations:
                ["Immunization"] => crate::fhir::immunization::read_immunization_in;
            Medication = carnet_core::medication::Medications:
                ["MedicationStatement", "MedicationRequest", "MedicationDispense"]
                => crate::fhir::medication::read_medication_in;
            Allergies = carnet_core::allergy::Allergies:
                ["AllergyIntolerance"] => crate::fhir::allergy::read_allergy_in;
            Documents = carnet_core::document::Documents:
                ["DocumentReference"] => crate::fhir::document::read_document_reference_in;
            Consent = carnet_core::consent::Consents: ["Consent"] => crate::fhir::consent::read_consent_in;
            AccessEvents = carnet_core::access_event::AccessEvents:
                ["AuditEvent"] => crate::fhir::audit_event::read_audit_event_in;
        }
    };
}

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
