//! Acting for someone else: the records a person may open, and who may open the person's own.

use serde::{Deserialize, Serialize};

use crate::date::Day;
use crate::mandate::MandateId;
use crate::principal::Principal;

use super::error::ServiceError;

/// Someone whose record a person may open (`/act-for`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActForChoice {
    pub name: String,
    /// An opaque token naming them (for the form that opens their record).
    pub token: String,
    pub why: ActForBasis,
}

/// Why a person may open someone else's record, in words the page can explain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActForBasis {
    /// A mandate in force, with what it covers and its last day.
    Mandate { id: MandateId, scopes: Vec<crate::grant::GrantScope>, last_day: Option<Day> },
    /// The person is their parent or legal representative: the band of the rule table
    /// that applies today (its scopes may be none: the page says why).
    Minor(crate::principal::MinorNote),
}

/// Someone the national register names as representing the person (a parent), and what
/// the rule table lets them do today: for a minor to see who can see their record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Representative {
    pub name: String,
    pub note: crate::principal::MinorNote,
}

/// Opening someone else's record, and who represents a minor.
#[async_trait::async_trait]
pub trait ActForService: Send + Sync {
    /// The people whose record the logged-in person may open, and why.
    async fn act_for_choices(&self, principal: &Principal) -> Result<Vec<ActForChoice>, ServiceError>;

    /// The person a choice's token names, when the logged-in person may open their record
    /// now (decided by the policy, audited); their name and number for the session.
    async fn choose_act_for(
        &self,
        principal: &Principal,
        token: &str,
        request_id: Option<String>,
    ) -> Result<crate::principal::ActingFor, ServiceError>;

    /// Who represents the logged-in person as a minor (their parents), and what they may
    /// see today; `Err(SourceUnavailable)` when the register did not answer.
    async fn representatives(&self, principal: &Principal) -> Result<Vec<Representative>, ServiceError>;
}
