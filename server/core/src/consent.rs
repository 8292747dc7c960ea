//! Informed consent, therapeutic relationships and exclusions: who may see the record.

use serde::{Deserialize, Serialize};

use crate::coding::Coding;
use crate::date::PartialDate;
use crate::party::Party;

/// The citizen's consent to share data through the hubs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConsentState {
    Given,
    Revoked,
    /// Never given.
    None,
}

/// A consent record (KMEHR hub consent, FHIR Consent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRecord {
    pub id: Option<String>,
    pub state: ConsentState,
    /// "retrospective", "patient-privacy", a category code … raw.
    pub category: Vec<Coding>,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    /// Who recorded it.
    pub author: Option<Party>,
    /// For FHIR Consents that name parties: permitted (true) or denied (false) actors.
    pub actors: Vec<(bool, Party)>,
    /// The FHIR status ("active", "rejected" …) raw.
    pub status: Option<String>,
    /// What the consent or patient will says, coded (FHIR `provision.code`: "do not
    /// resuscitate" …); a text-only term is kept as a coding with only a display.
    pub terms: Vec<Coding>,
    /// Extensions this version does not understand, by URL: kept so nothing is dropped silently.
    pub unknown_extensions: Vec<String>,
}

/// A therapeutic relationship: a care provider who treats the citizen and may see the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TherapeuticLink {
    pub id: Option<String>,
    pub professional: Party,
    /// Profession (KMEHR CD-HCPARTY, e.g. "persphysician").
    pub role: Option<Coding>,
    pub institution: Option<String>,
    /// Kind of link ("gpconsultation", "hospitaladmission" …).
    pub kind: Option<String>,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
}

/// A care provider the citizen excluded from their record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusion {
    pub id: Option<String>,
    pub professional: Party,
    pub role: Option<Coding>,
    pub institution: Option<String>,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
}
