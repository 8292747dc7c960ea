//! Mandates: a citizen lets a trusted person act for them.

use serde::{Deserialize, Serialize};

use crate::change::FormKey;
use crate::date::Day;
use crate::mandate::{Mandate, MandateAnswer, MandateError, MandateForm, MandateId};
use crate::principal::Principal;

use super::error::ServiceError;

/// The mandates a person gave and those given to them, as `/mandates` shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mandates {
    pub given: Vec<Mandate>,
    pub held: Vec<Mandate>,
    /// Whether each held mandate's name matches the person's own (by id): one that does not
    /// cannot be accepted.
    pub name_matches: Vec<MandateId>,
    pub today: Day,
}

/// Why a mandate could not be given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum GiveMandateError {
    /// What the form says is not right: each error with its field.
    Form(Vec<MandateError>),
    Service(ServiceError),
}

/// Giving and answering mandates.
#[async_trait::async_trait]
pub trait MandateService: Send + Sync {
    /// The mandates the logged-in person gave and holds (always their own, whoever's record
    /// is open).
    async fn mandates(&self, principal: &Principal) -> Result<Mandates, ServiceError>;

    /// Gives a mandate from the logged-in person (pending until the trusted person accepts
    /// it). A second submit of the same form (`key`) gives nothing more.
    async fn give_mandate(
        &self,
        principal: &Principal,
        key: FormKey,
        form: MandateForm,
        request_id: Option<String>,
    ) -> Result<MandateId, GiveMandateError>;

    /// Accepts, declines, revokes or gives back a mandate (the logged-in person's side of
    /// it); a second submit changes nothing. Accepting checks the name the citizen gave.
    async fn answer_mandate(
        &self,
        principal: &Principal,
        id: MandateId,
        answer: MandateAnswer,
        request_id: Option<String>,
    ) -> Result<(), ServiceError>;
}
