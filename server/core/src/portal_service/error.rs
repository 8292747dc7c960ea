//! Why the service could not answer.

use serde::{Deserialize, Serialize};

/// Why the service could not answer at all. Each has a stable code, which is also the
/// Fluent message id of its explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ServiceError {
    #[error("not logged in")]
    Unauthenticated,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// The source holding it did not answer (the page says which one).
    #[error("source unavailable")]
    SourceUnavailable,
    /// The source answered, but with something Carnet cannot read (malformed, too large,
    /// refused content): trying again will not help.
    #[error("unreadable")]
    Unreadable,
    #[error("internal error")]
    Internal,
    /// A form came back without what it needs (its one-time key, a token this portal made).
    #[error("bad request")]
    BadRequest,
}

impl ServiceError {
    pub fn message_id(self) -> &'static str {
        match self {
            ServiceError::Unauthenticated => "error-unauthenticated",
            ServiceError::Forbidden => "error-forbidden",
            ServiceError::NotFound => "error-not-found",
            ServiceError::SourceUnavailable => "error-source-unavailable",
            ServiceError::Unreadable => "error-unreadable",
            ServiceError::Internal => "error-internal",
            ServiceError::BadRequest => "error-bad-request",
        }
    }
}
