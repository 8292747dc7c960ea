//! Support codes: a citizen lets the helpdesk read parts of the record for a while.

use serde::{Deserialize, Serialize};

use crate::change::FormKey;
use crate::principal::Principal;

use super::error::ServiceError;

/// The support codes a citizen issued lately (`/support`), and now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportCodes {
    pub codes: Vec<SupportCodeView>,
    pub now_ms: i64,
    /// How long a new code runs, in minutes.
    pub minutes: i64,
}

/// One code as its citizen sees it: the code itself only while nobody holds it yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportCodeView {
    pub grant: crate::support_code::SupportGrant,
    /// As it is read out ("ACDE-FGHJ"), while it is waiting for an agent.
    pub code: Option<String>,
}

/// A citizen's support codes.
#[async_trait::async_trait]
pub trait SupportService: Send + Sync {
    /// The support codes the logged-in person issued lately.
    async fn support_codes(&self, principal: &Principal) -> Result<SupportCodes, ServiceError>;

    /// Issues a support code for the parts of the record named (grant scope names); a
    /// second submit of the same form issues nothing more.
    async fn issue_support_code(
        &self,
        principal: &Principal,
        key: FormKey,
        scopes: Vec<String>,
        request_id: Option<String>,
    ) -> Result<crate::support_code::SupportCodeId, ServiceError>;

    /// Revokes one of the logged-in person's support codes (at once, even while held).
    async fn revoke_support_code(
        &self,
        principal: &Principal,
        id: crate::support_code::SupportCodeId,
        request_id: Option<String>,
    ) -> Result<(), ServiceError>;
}
