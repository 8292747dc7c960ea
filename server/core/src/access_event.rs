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

/// The kind: who accessed the record at a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccessEvents;

/// What the citizen changes about their access log: until when they have seen it (the
/// dashboard tells them of accesses after that), in Carnet's own state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeenUntil {
    pub at_ms: i64,
}
