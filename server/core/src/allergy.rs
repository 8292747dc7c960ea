//! Allergies and intolerances.

use serde::{Deserialize, Serialize};

use crate::coding::Coding;
use crate::date::PartialDate;
use crate::party::Party;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AllergyKind {
    Allergy,
    Intolerance,
    Unknown,
}

/// How dangerous a future reaction may be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Criticality {
    Low,
    High,
    UnableToAssess,
    Unknown,
    Other(String),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reaction {
    pub manifestation: Vec<Coding>,
    pub text: Option<String>,
    /// "mild", "moderate", "severe" or raw.
    pub severity: Option<String>,
    /// The precise substance of this reaction, when it is narrower than the allergy's
    /// (a kind of pollen for a pollen allergy).
    pub substance: Vec<Coding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allergy {
    pub id: Option<String>,
    /// What causes it (SNOMED CT, CNK, ATC …).
    pub substance: Vec<Coding>,
    pub substance_text: Option<String>,
    pub kind: AllergyKind,
    /// "food", "medication", "environment", "biologic" or raw.
    pub categories: Vec<String>,
    pub criticality: Criticality,
    /// "active", "inactive", "resolved" or raw.
    pub clinical_status: Option<String>,
    /// "confirmed", "unconfirmed", "refuted", "entered-in-error" or raw.
    pub verification: Option<String>,
    pub reactions: Vec<Reaction>,
    pub onset: Option<PartialDate>,
    pub recorded: Option<PartialDate>,
    pub recorder: Option<Party>,
    pub note: Option<String>,
    pub unknown_extensions: Vec<String>,
    /// Set when the record states that no allergy is known rather than naming one ("no
    /// known allergy", "no known drug allergy"): the scope of that statement, "any",
    /// "medication", "food" or "environment". The code that said so stays in `substance`.
    pub no_known: Option<String>,
}

/// The kind: allergies and intolerances.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allergies;
