//! Taking the record along: an export of the parts a person chose, made in the background
//! (a slow source never holds a page), then downloaded as a file.

use serde::{Deserialize, Serialize};

use crate::change::FormKey;
use crate::kind::Scope;
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

/// What a file is made as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportFormat {
    /// The International Patient Summary, a FHIR R4 document Bundle (JSON).
    Ips,
}

impl ExportFormat {
    pub const ALL: &'static [ExportFormat] = &[ExportFormat::Ips];

    /// Its name in the file's address (`/export/<key>/<name>`).
    pub fn file_name(self) -> &'static str {
        match self {
            ExportFormat::Ips => "patient-summary.json",
        }
    }

    pub fn from_file_name(name: &str) -> Option<ExportFormat> {
        ExportFormat::ALL.iter().copied().find(|f| f.file_name() == name)
    }

    pub fn media_type(self) -> &'static str {
        match self {
            ExportFormat::Ips => "application/fhir+json",
        }
    }
}

/// A file made from an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub bytes: Vec<u8>,
    pub format: ExportFormat,
    /// The name to save it as (ASCII: `carnet-patient-summary-2026-12-07.json`).
    pub file_name: String,
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

    /// The export as a file, decided again by the policy (a mandate ended since is
    /// refused).
    async fn export_file(
        &self,
        principal: &Principal,
        key: &FormKey,
        format: ExportFormat,
        request_id: Option<String>,
    ) -> Result<ExportFile, ServiceError>;
}
