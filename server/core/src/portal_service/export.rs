//! Taking the record along: an export of the parts a person chose, made in the background
//! (a slow source never holds a page), then downloaded as a file.

use serde::{Deserialize, Serialize};

use crate::change::FormKey;
use crate::date::PartialDate;
use crate::kind::{AnyReading, Reading, Scope};
use crate::principal::Principal;
use crate::source_answer::SourceState;

use super::error::ServiceError;

/// Where an export stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportState {
    /// The sources named (by name) are still answering.
    Running { pending: Vec<String> },
    /// Made: each source's state (a source that failed is named, its items missing).
    Ready { states: Vec<SourceState> },
    /// It could not be made (nothing was kept).
    Failed,
    /// Its instance stopped before it was done: start again.
    Lost,
}

/// An export, as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportJob {
    pub parts: Vec<Scope>,
    pub state: ExportState,
    /// When it was asked for, and until when its file can be downloaded (ms since the epoch).
    pub made_ms: i64,
    pub expires_ms: i64,
}

/// What an export read, for the files made of it (the patient summary, the PDFs).
#[derive(Debug, Clone, PartialEq)]
pub struct ExportContent {
    pub parts: Vec<Scope>,
    /// One reading per part, in the document's order.
    pub readings: Vec<AnyReading>,
    /// Whose record: their national register number (it goes into the summary for a
    /// care provider's software), name and birth date.
    pub ssin: String,
    pub name: String,
    pub birth_date: Option<PartialDate>,
    /// Who made it, when it was not the person themself (a trusted person, a parent).
    pub made_by: Option<String>,
    /// When it was made (ms since the epoch).
    pub made_ms: i64,
    /// Random bytes of this export, the same for each download (the summary's identifiers
    /// come from them).
    pub seed: [u8; 16],
}

impl ExportContent {
    /// The reading of one part, if the export holds it.
    pub fn part<K: crate::kind::Kind>(&self) -> Option<Reading<K>> {
        self.readings.iter().find(|r| r.scope() == K::SCOPE).cloned().and_then(K::from_any)
    }
}

/// Exports of the record open in the person's session.
#[async_trait::async_trait]
pub trait ExportService: Send + Sync {
    /// The parts the person may export of the record open (each a kind of the summary
    /// the policy lets them read), in the document's order.
    async fn exportable_parts(&self, principal: &Principal) -> Result<Vec<Scope>, ServiceError>;

    /// Starts exporting `parts` (checked by the policy, part by part: one refused, none
    /// exported), in the background; a second call with the same `key` finds the first.
    async fn start_export(
        &self,
        principal: &Principal,
        parts: Vec<Scope>,
        key: &FormKey,
        request_id: Option<String>,
    ) -> Result<(), ServiceError>;

    /// Where the export made with `key` stands (`NotFound` once it expired).
    async fn export_job(
        &self,
        principal: &Principal,
        key: &FormKey,
        request_id: Option<String>,
    ) -> Result<ExportJob, ServiceError>;

    /// What the export read, for a file made of it, decided again by the policy (a
    /// mandate ended since is refused).
    async fn export_content(
        &self,
        principal: &Principal,
        key: &FormKey,
        request_id: Option<String>,
    ) -> Result<ExportContent, ServiceError>;
}
