//! The one abstraction every page uses to ask "give me X for this person": a [`Connector`]
//! per configured source, whatever its protocol (FHIR R4 vault, KMEHR hub).

use carnet_core::access::AccessEvent;
use carnet_core::allergy::Allergy;
use carnet_core::consent::{ConsentRecord, Exclusion, TherapeuticLink};
use carnet_core::document::{DocumentContent, DocumentEntry};
use carnet_core::item::Item;
use carnet_core::medication::MedicationLine;
use carnet_core::policy::{Action, Authorized, Scope};
use carnet_core::sumehr::SumEhr;
use carnet_core::vaccination::Vaccination;

use crate::error::ConnectorError;

/// One source's answer for one kind of data.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Documents(Vec<Item<DocumentEntry>>),
    SumEhr(Vec<Item<SumEhr>>),
    Vaccinations(Vec<Item<Vaccination>>),
    Medication(Vec<Item<MedicationLine>>),
    Allergies(Vec<Item<Allergy>>),
    Consent(Vec<Item<ConsentRecord>>),
    Relationships(Vec<Item<TherapeuticLink>>),
    Exclusions(Vec<Item<Exclusion>>),
    AccessEvents(Vec<Item<AccessEvent>>),
}

/// A change a citizen asks a source to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    GiveConsent,
    RevokeConsent,
    /// End the therapeutic relationship with this professional (NIHDI number).
    EndRelationship {
        nihdi: String,
    },
    /// Exclude this professional (NIHDI number) from the record.
    AddExclusion {
        nihdi: String,
    },
    LiftExclusion {
        nihdi: String,
    },
}

impl Change {
    /// The scope a proof must be for.
    pub fn scope(&self) -> Scope {
        match self {
            Change::GiveConsent | Change::RevokeConsent => Scope::Consent,
            Change::EndRelationship { .. } => Scope::Relationships,
            Change::AddExclusion { .. } | Change::LiftExclusion { .. } => Scope::Exclusions,
        }
    }
}

/// A hub or vault.
#[async_trait::async_trait]
pub trait Connector: Send + Sync + std::fmt::Debug {
    /// Stable id (logs, metrics, audit).
    fn id(&self) -> &str;
    /// What people see ("Vitalink").
    fn name(&self) -> &str;
    /// Whether this source holds this kind of data.
    fn serves(&self, scope: Scope) -> bool;
    /// Reads the kind of data the proof is for (`Action::Read(scope)`).
    async fn read(&self, proof: &Authorized) -> Result<Answer, ConnectorError>;
    /// One document, by the id its list entry gave (`Action::Read(Scope::Documents)`).
    async fn document(&self, proof: &Authorized, id: &str) -> Result<DocumentContent, ConnectorError>;
    /// Makes a change (`Action::Change(change.scope())`). Never retried.
    async fn change(&self, proof: &Authorized, change: &Change) -> Result<(), ConnectorError>;
}

/// The scope a read proof is for, or an error if the proof is for something else.
pub(crate) fn read_scope(proof: &Authorized) -> Result<Scope, ConnectorError> {
    match proof.action() {
        Action::Read(scope) => Ok(scope),
        Action::Change(_) => Err(ConnectorError::Config("proof is for a change, not a read".into())),
    }
}

/// Checks that a change proof covers this change.
pub(crate) fn check_change(proof: &Authorized, change: &Change) -> Result<(), ConnectorError> {
    if proof.action() == Action::Change(change.scope()) {
        Ok(())
    } else {
        Err(ConnectorError::Config("proof is for another action".into()))
    }
}
