//! Changes a citizen makes at the sources: consent, care relationships, exclusions.

use serde::{Deserialize, Serialize};

use crate::change::{ChangeForm, ChangeReport, FormKey};
use crate::kind::Scope;
use crate::party::{DirectoryEntry, DirectoryQuery};
use crate::principal::Principal;
use crate::source_answer::SourceState;

use super::error::ServiceError;

/// What a search of the hubs' directories found: each care provider once (with the hubs
/// that know them), and how each hub did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DirectorySearch {
    pub entries: Vec<DirectoryEntry>,
    pub states: Vec<SourceState>,
}

/// The changes a form asks for at the sources (the controls' forms).
#[async_trait::async_trait]
pub trait ChangeService: Send + Sync {
    /// A fresh one-time key for a form that changes something (a double submit of the
    /// form acts once).
    fn form_key(&self) -> FormKey;

    /// Makes the change a form asks for on the logged-in person's record, through the
    /// policy with a change proof, at the source(s) it goes to; the attempt is audited
    /// before a source is asked and the outcome after. A second submit of the same form
    /// (the same `key`) asks no source again and gives the first one's report.
    async fn change(
        &self,
        principal: &Principal,
        key: FormKey,
        form: ChangeForm,
        request_id: Option<String>,
    ) -> Result<ChangeReport, ServiceError>;

    /// The report of a change made earlier with `key` (of `scope`), for the page shown after it.
    async fn change_report(
        &self,
        principal: &Principal,
        scope: Scope,
        key: &FormKey,
    ) -> Result<Option<ChangeReport>, ServiceError>;

    /// Searches the hubs' directories of care providers (to choose one to exclude).
    async fn search_directory(
        &self,
        principal: &Principal,
        query: &DirectoryQuery,
        request_id: Option<String>,
    ) -> Result<DirectorySearch, ServiceError>;
}
