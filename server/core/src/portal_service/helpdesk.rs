//! The helpdesk: an agent redeems a support code and sees the codes it holds.

use serde::{Deserialize, Serialize};

use crate::kind::Scope;
use crate::principal::Principal;
use crate::source_answer::SourceState;

use super::error::ServiceError;

/// The staff console: the codes the agent holds now, each with the citizen's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskConsole {
    pub held: Vec<(crate::support_code::SupportGrant, String, String)>,
    pub now_ms: i64,
}

/// Why a support code gave nothing. Each is a Fluent message id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RedeemError {
    /// Only helpdesk staff redeem codes.
    NotHelpdesk,
    /// The number or the code is not well formed (not counted as a guess).
    Malformed,
    /// No open code of this citizen is this one (counted).
    Wrong,
    /// Another agent holds it.
    HeldByOther,
    /// Too many wrong codes: locked out for a while.
    Locked,
    Service(ServiceError),
}

impl RedeemError {
    pub fn message_id(self) -> &'static str {
        match self {
            RedeemError::NotHelpdesk => "error-forbidden",
            RedeemError::Malformed => "support-error-malformed",
            RedeemError::Wrong => "support-error-wrong",
            RedeemError::HeldByOther => "support-error-held",
            RedeemError::Locked => "support-error-locked",
            RedeemError::Service(e) => e.message_id(),
        }
    }
}

/// What helpdesk staff do with support codes.
#[async_trait::async_trait]
pub trait HelpdeskService: Send + Sync {
    /// A helpdesk agent enters a citizen's number and the code they read out: the citizen
    /// to act for (read-only, within the code's scopes) while it runs.
    async fn redeem_support_code(
        &self,
        principal: &Principal,
        citizen: &str,
        code: &str,
        request_id: Option<String>,
    ) -> Result<crate::principal::ActingFor, RedeemError>;

    /// The staff console's codes.
    async fn helpdesk_console(&self, principal: &Principal) -> Result<HelpdeskConsole, ServiceError>;

    /// The technical state of each source for the parts of the record the session may read
    /// (read through the policy and audited like any reading): for the helpdesk.
    async fn diagnostics(
        &self,
        principal: &Principal,
        request_id: Option<String>,
    ) -> Result<Vec<(Scope, Vec<SourceState>)>, ServiceError>;
}
