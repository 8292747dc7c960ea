//! Typed connector errors.

use carnet_core::source_answer::SourceFailure;

#[derive(Debug, thiserror::Error)]
pub enum ConnectorError {
    #[error("the source did not answer in time")]
    Timeout,
    #[error("the source could not be reached: {0}")]
    Unreachable(String),
    #[error("the source answered HTTP {status}: {summary}")]
    Status { status: u16, summary: String },
    #[error("the source's answer could not be read: {0}")]
    Malformed(String),
    #[error("the connector is misconfigured: {0}")]
    Config(String),
    /// The source understood the request and refused it (a hub's negative acknowledgement,
    /// a SOAP client fault).
    #[error("the source refused the request: {0}")]
    Rejected(String),
    /// The source does not hold what was asked for (a document id it does not know).
    #[error("the source does not hold this item")]
    NotFound,
}

impl ConnectorError {
    /// What the citizen is told.
    pub fn failure(&self) -> SourceFailure {
        match self {
            ConnectorError::Timeout => SourceFailure::Timeout,
            ConnectorError::Unreachable(_) => SourceFailure::Unreachable,
            ConnectorError::Status { .. }
            | ConnectorError::Config(_)
            | ConnectorError::Rejected(_)
            | ConnectorError::NotFound => SourceFailure::Error,
            ConnectorError::Malformed(_) => SourceFailure::Malformed,
        }
    }

    /// Worth another try (the source may answer next time)?
    pub fn is_transient(&self) -> bool {
        match self {
            ConnectorError::Unreachable(_) => true,
            ConnectorError::Status { status, .. } => *status >= 500 || *status == 429,
            ConnectorError::Timeout
            | ConnectorError::Malformed(_)
            | ConnectorError::Config(_)
            | ConnectorError::Rejected(_)
            | ConnectorError::NotFound => false,
        }
    }

    /// A label for metrics.
    pub fn outcome(&self) -> &'static str {
        match self {
            ConnectorError::Timeout => "timeout",
            ConnectorError::Unreachable(_) => "unreachable",
            ConnectorError::Status { .. } => "error",
            ConnectorError::Malformed(_) => "malformed",
            ConnectorError::Config(_) => "config",
            ConnectorError::Rejected(_) => "rejected",
            ConnectorError::NotFound => "not-found",
        }
    }

    pub(crate) fn from_reqwest(error: reqwest::Error) -> Self {
        if error.is_timeout() {
            ConnectorError::Timeout
        } else if error.is_connect() {
            ConnectorError::Unreachable("connection failed".into())
        } else if error.is_decode() || error.is_body() {
            ConnectorError::Malformed("body could not be read".into())
        } else {
            // The error's Display can contain the URL, which contains the SSIN: never use it.
            ConnectorError::Unreachable("request failed".into())
        }
    }
}
