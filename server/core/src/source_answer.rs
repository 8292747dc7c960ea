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
    /// The source's id in the configuration ("vitalink"): for filters and links.
    pub source_id: String,
    /// The source's display name ("Vitalink").
    pub source_name: String,
    pub result: Result<T, SourceFailure>,
    /// Set when the source failed now and `result` is its last good answer instead:
    /// why it failed, and how old that answer is. Never served silently.
    pub stale: Option<Stale>,
}

/// Every source's answer for one kind of data.
pub type Answers<T> = Vec<SourceAnswer<Vec<crate::item::Item<T>>>>;

/// How a source did in one answer, for the pages' state lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceState {
    pub source_id: String,
    pub source_name: String,
    pub status: SourceStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SourceStatus {
    UpToDate,
    /// It failed now; its last good answer is shown, this old.
    Stale(Stale),
    /// It failed and there is nothing to show.
    Failed(SourceFailure),
}

impl SourceStatus {
    /// Worse states win when one source's states from several readings are combined.
    pub fn severity(self) -> u8 {
        match self {
            SourceStatus::UpToDate => 0,
            SourceStatus::Stale(_) => 1,
            SourceStatus::Failed(_) => 2,
        }
    }
}

impl<T> SourceAnswer<T> {
    pub fn state(&self) -> SourceState {
        let status = match (&self.result, self.stale) {
            (Err(failure), _) => SourceStatus::Failed(*failure),
            (Ok(_), Some(stale)) => SourceStatus::Stale(stale),
            (Ok(_), None) => SourceStatus::UpToDate,
        };
        SourceState { source_id: self.source_id.clone(), source_name: self.source_name.clone(), status }
    }
}

/// An earlier answer standing in for a source that failed now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stale {
    pub failure: SourceFailure,
    /// Whole minutes since that answer was fetched.
    pub age_minutes: u64,
}
