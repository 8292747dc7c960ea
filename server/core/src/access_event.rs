//! Who accessed the record at a source (KMEHR hub audit trail, FHIR AuditEvent).

use serde::{Deserialize, Serialize};

use crate::coding::Coding;
use crate::date::PartialDate;
use crate::party::Party;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessEvent {
    pub id: Option<String>,
    /// When, as an ISO date-time, as sent.
    pub at: Option<String>,
    pub date: Option<PartialDate>,
    /// Who acted (people, institutions, systems).
    pub who: Vec<Party>,
    /// The profession of the person who acted (KMEHR CD-HCPARTY), when the source says.
    pub role: Option<Coding>,
    pub institution: Option<String>,
    /// What kind of event (FHIR AuditEvent type/subtype, KMEHR action).
    pub event: Vec<Coding>,
    /// "C", "R", "U", "D", "E" (FHIR) or raw.
    pub action: Option<String>,
    /// What was accessed, as the source describes it.
    pub what: Vec<String>,
    /// "0" success … raw.
    pub outcome: Option<String>,
}

/// What someone did, in the words the access log uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AccessVerb {
    Opened,
    Searched,
    Added,
    Changed,
    Deleted,
    Other,
}

/// What part of the record an access was about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AccessTarget {
    /// The record as a whole (a list of documents, the person).
    Record,
    Document,
    SumEhr,
    Vaccinations,
    Medication,
    Allergies,
}

impl AccessVerb {
    pub fn code(self) -> &'static str {
        match self {
            AccessVerb::Opened => "opened",
            AccessVerb::Searched => "searched",
            AccessVerb::Added => "added",
            AccessVerb::Changed => "changed",
            AccessVerb::Deleted => "deleted",
            AccessVerb::Other => "other",
        }
    }
}

impl AccessTarget {
    pub fn code(self) -> &'static str {
        match self {
            AccessTarget::Record => "record",
            AccessTarget::Document => "document",
            AccessTarget::SumEhr => "sumehr",
            AccessTarget::Vaccinations => "vaccinations",
            AccessTarget::Medication => "medication",
            AccessTarget::Allergies => "allergies",
        }
    }
}

impl AccessEvent {
    /// What was done: the FHIR RESTful interaction (read, search, create …), else the
    /// FHIR action code (C, R, U, D); a hub's audit trail records reads.
    pub fn verb(&self) -> AccessVerb {
        let interaction = self
            .event
            .iter()
            .find(|c| c.system.as_deref().is_some_and(|s| s.ends_with("restful-interaction")))
            .and_then(|c| c.code.as_deref());
        match interaction {
            Some("read" | "vread" | "history-instance") => return AccessVerb::Opened,
            Some("search-type" | "search-system" | "search" | "history-type") => return AccessVerb::Searched,
            Some("create") => return AccessVerb::Added,
            Some("update" | "patch") => return AccessVerb::Changed,
            Some("delete") => return AccessVerb::Deleted,
            _ => {}
        }
        match self.action.as_deref() {
            Some("C") => AccessVerb::Added,
            Some("R") => AccessVerb::Opened,
            Some("U") => AccessVerb::Changed,
            Some("D") => AccessVerb::Deleted,
            _ => AccessVerb::Other,
        }
    }

    /// What part of the record it was about: from the FHIR resource types it names, else
    /// the KMEHR transaction type (CD-TRANSACTION), else the record as a whole.
    pub fn target(&self) -> AccessTarget {
        for what in &self.what {
            let resource = what.split('/').next().unwrap_or_default();
            let found = match resource {
                "DocumentReference" | "Binary" | "Composition" => Some(AccessTarget::Document),
                "Immunization" | "ImmunizationRecommendation" => Some(AccessTarget::Vaccinations),
                "MedicationStatement" | "MedicationRequest" | "MedicationDispense" | "Medication" => {
                    Some(AccessTarget::Medication)
                }
                "AllergyIntolerance" => Some(AccessTarget::Allergies),
                _ => None,
            };
            if let Some(target) = found {
                return target;
            }
        }
        let transaction = self
            .event
            .iter()
            .find(|c| c.system.as_deref().is_some_and(|s| s.eq_ignore_ascii_case("CD-TRANSACTION")))
            .and_then(|c| c.code.as_deref());
        match transaction {
            Some("sumehr") => AccessTarget::SumEhr,
            Some("vaccination") => AccessTarget::Vaccinations,
            Some("medicationscheme" | "medicationschemeelement" | "pharmaceuticalprescription") => {
                AccessTarget::Medication
            }
            Some(_) => AccessTarget::Document,
            None => AccessTarget::Record,
        }
    }
}

/// The kind: who accessed the record at a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccessEvents;

/// What the citizen changes about their access log: until when they have seen it (the
/// dashboard tells them of accesses after that), in Carnet's own state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeenUntil {
    pub at_ms: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(event: Vec<Coding>, action: Option<&str>, what: &[&str]) -> AccessEvent {
        AccessEvent {
            id: None,
            at: None,
            date: None,
            who: Vec::new(),
            role: None,
            institution: None,
            event,
            action: action.map(str::to_owned),
            what: what.iter().map(|w| (*w).to_owned()).collect(),
            outcome: None,
        }
    }

    fn coding(system: &str, code: &str) -> Coding {
        Coding { system: Some(system.into()), code: Some(code.into()), display: Some("Restful Operation".into()) }
    }

    #[test]
    fn a_fhir_event_reads_as_what_was_done_to_what() {
        let read = event(
            vec![
                coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest"),
                coding("http://hl7.org/fhir/restful-interaction", "read"),
            ],
            Some("R"),
            &["Patient", "DocumentReference/sofie-referral-2026"],
        );
        assert_eq!((read.verb(), read.target()), (AccessVerb::Opened, AccessTarget::Document));
        let search =
            event(vec![coding("http://hl7.org/fhir/restful-interaction", "search-type")], None, &["Immunization"]);
        assert_eq!((search.verb(), search.target()), (AccessVerb::Searched, AccessTarget::Vaccinations));
        assert_eq!(event(Vec::new(), Some("U"), &[]).verb(), AccessVerb::Changed);
        assert_eq!(event(Vec::new(), Some("E"), &[]).verb(), AccessVerb::Other);
    }

    #[test]
    fn a_hub_access_reads_as_its_transaction_type() {
        let sumehr = event(vec![coding("CD-TRANSACTION", "sumehr")], Some("R"), &["sumehr"]);
        assert_eq!((sumehr.verb(), sumehr.target()), (AccessVerb::Opened, AccessTarget::SumEhr));
        assert_eq!(
            event(vec![coding("CD-TRANSACTION", "contactreport")], Some("R"), &[]).target(),
            AccessTarget::Document
        );
        assert_eq!(event(Vec::new(), Some("R"), &[]).target(), AccessTarget::Record, "a list of documents");
    }
}
