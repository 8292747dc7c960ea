//! The access log: who read or changed the record, and what is new since the person looked.

use crate::access_log::{AccessLog, AccessNews};
use crate::principal::Principal;

use super::error::ServiceError;

/// The person's access log.
#[async_trait::async_trait]
pub trait AccessLogService: Send + Sync {
    /// The access log: every source's access events and Carnet's own audit entries about
    /// the person (read through the policy, audited like any reading).
    async fn access_log(&self, principal: &Principal, request_id: Option<String>) -> Result<AccessLog, ServiceError>;

    /// Until when the person has seen their access log (`None`: never), and who read the
    /// record through Carnet since (for the dashboard's alert of new accesses).
    async fn access_news(&self, principal: &Principal) -> Result<AccessNews, ServiceError>;

    /// Moves the "seen until" marker to `until_ms` (never back), audited.
    async fn mark_access_seen(
        &self,
        principal: &Principal,
        until_ms: i64,
        request_id: Option<String>,
    ) -> Result<(), ServiceError>;
}
