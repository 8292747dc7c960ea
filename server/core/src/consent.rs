//! Informed consent: whether the citizen lets care providers with a care relationship see
//! what the hubs share.

use serde::{Deserialize, Serialize};

use crate::change::{OpenToken, PlanForm, Planned, form};
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

/// A source's consent now: its latest record (by the date it was given), if any.
pub fn current(items: &[crate::item::Item<ConsentRecord>]) -> Option<&ConsentRecord> {
    items.iter().filter_map(crate::item::Item::read).max_by_key(|c| c.since)
}

impl ConsentRecord {
    pub fn is_given(&self) -> bool {
        self.state == ConsentState::Given
    }
}

/// The kind: each hub's informed consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Consents;

/// What the citizen can do with their consent at a hub.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentChange {
    Give,
    Revoke,
}

impl PlanForm for form::Consent {
    type Change = ConsentChange;

    /// Given or revoked at the one hub the form names, for the record the person has open.
    fn plan(self, _: &dyn OpenToken) -> Option<Planned<ConsentChange>> {
        let change = if self.give { ConsentChange::Give } else { ConsentChange::Revoke };
        Some(Planned { subject: None, change, nihdi: None, at: Some(self.source) })
    }
}
