//! The state of a data source in one answer.

use serde::{Deserialize, Serialize};

/// Why a source did not answer. Each kind has a translated message (`source-error-…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceFailure {
    /// It did not answer in time.
    Timeout,
    /// It could not be reached.
    Unreachable,
    /// It answered with an error.
    Error,
    /// It answered something Carnet cannot read.
    Malformed,
}

impl SourceFailure {
    pub fn message_id(self) -> &'static str {
        match self {
            SourceFailure::Timeout => "source-error-timeout",
            SourceFailure::Unreachable => "source-error-unreachable",
            SourceFailure::Error => "source-error-error",
            SourceFailure::Malformed => "source-error-malformed",
        }
    }
}

/// What one source gave for one request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceAnswer<T> {
    /// The source's display name ("Vitalink").
    pub source_name: String,
    pub result: Result<T, SourceFailure>,
    /// Set when the source failed now and `result` is its last good answer instead:
    /// why it failed, and how old that answer is. Never served silently.
    pub stale: Option<Stale>,
}

/// An earlier answer standing in for a source that failed now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stale {
    pub failure: SourceFailure,
    /// Whole minutes since that answer was fetched.
    pub age_minutes: u64,
}
