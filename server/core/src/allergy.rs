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

impl Allergy {
    /// Is `other` the same allergy, recorded at another source? The same kind and a code
    /// in common, or (across terminologies) the same substance in words.
    pub fn same_as(&self, other: &Allergy) -> bool {
        if self.kind != other.kind || self.no_known.is_some() || other.no_known.is_some() {
            return false;
        }
        let shared_code = self
            .substance
            .iter()
            .any(|a| a.code.is_some() && other.substance.iter().any(|b| a.system == b.system && a.code == b.code));
        let words = |a: &Allergy| -> Vec<String> {
            a.substance
                .iter()
                .filter_map(|c| c.display.clone())
                .chain(a.substance_text.clone())
                .map(|t| t.trim().to_lowercase())
                .filter(|t| !t.is_empty())
                .collect()
        };
        let theirs = words(other);
        shared_code || words(self).iter().any(|w| theirs.contains(w))
    }
}

/// The kind: allergies and intolerances.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allergies;

#[cfg(test)]
mod tests {
    use super::*;

    fn allergy(system: &str, code: &str, display: &str) -> Allergy {
        Allergy {
            id: None,
            substance: vec![Coding {
                system: Some(system.into()),
                code: Some(code.into()),
                display: Some(display.into()),
            }],
            substance_text: None,
            kind: AllergyKind::Allergy,
            categories: Vec::new(),
            criticality: Criticality::High,
            clinical_status: None,
            verification: None,
            reactions: Vec::new(),
            onset: None,
            recorded: None,
            recorder: None,
            note: None,
            unknown_extensions: Vec::new(),
            no_known: None,
        }
    }

    #[test]
    fn the_same_substance_is_the_same_allergy_by_code_or_in_words() {
        let fhir = allergy(crate::coding::SNOMED_CT, "764146007", "Penicillin");
        assert!(fhir.same_as(&allergy(crate::coding::SNOMED_CT, "764146007", "Pénicilline")), "same code");
        assert!(fhir.same_as(&allergy("CD-ATC", "J01C", "penicillin ")), "another terminology, the same words");
        assert!(!fhir.same_as(&allergy("CD-ATC", "J01C", "Amoxicillin")));
        let mut intolerance = allergy(crate::coding::SNOMED_CT, "764146007", "Penicillin");
        intolerance.kind = AllergyKind::Intolerance;
        assert!(!fhir.same_as(&intolerance), "an intolerance is not an allergy");
    }
}
