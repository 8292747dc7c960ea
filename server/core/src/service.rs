//! The interface the pages call. The server implements it (policy, connectors, audit);
//! the app only sees this trait and these view types.

use serde::{Deserialize, Serialize};

use crate::principal::Principal;
use crate::source::SourceAnswer;
use crate::vaccination::{Item, Vaccination};

/// What the dashboard shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    /// The name to greet the person with.
    pub display_name: String,
    /// Vaccinations per source.
    pub vaccinations: Vec<SourceAnswer<Vec<Item<Vaccination>>>>,
}

/// Why the service could not answer at all. Each has a stable code, which is also the
/// Fluent message id of its explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ServiceError {
    #[error("not logged in")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    #[error("internal error")]
    Internal,
}

impl ServiceError {
    pub fn message_id(self) -> &'static str {
        match self {
            ServiceError::Unauthenticated => "error-unauthenticated",
            ServiceError::Forbidden => "error-forbidden",
            ServiceError::Internal => "error-internal",
        }
    }
}

/// What the portal can do for the person behind a request.
#[async_trait::async_trait]
pub trait PortalService: Send + Sync + 'static {
    /// The dashboard of the logged-in person's own record.
    async fn dashboard(&self, principal: &Principal, request_id: Option<String>) -> Result<Dashboard, ServiceError>;
}
