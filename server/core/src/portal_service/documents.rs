//! Opening a document listed in the record.

use serde::{Deserialize, Serialize};

use crate::document::{DocumentContent, DocumentEntry};
use crate::principal::Principal;

use super::error::ServiceError;

/// An opened document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenedDocument {
    /// Its list entry (with the opaque token as `id`) and the source's display name.
    pub entry: DocumentEntry,
    pub source_name: String,
    /// What the page shows (the bytes are served by [`DocumentService::document_file`]).
    pub body: crate::document::DocumentBody,
    /// The kinds taken out of the body because the reader's grant does not cover them (a
    /// SumEHR's medication section under a grant without medication); the page says so,
    /// and the file itself is not served.
    #[serde(default)]
    pub withheld: Vec<crate::kind::Scope>,
}

/// Opening documents, by the opaque token of their list entry.
#[async_trait::async_trait]
pub trait DocumentService: Send + Sync {
    /// One document, by the token its list entry carries.
    async fn document(
        &self,
        principal: &Principal,
        token: &str,
        request_id: Option<String>,
    ) -> Result<OpenedDocument, ServiceError>;

    /// One document's bytes, by the same token, for Carnet's own address of the file.
    async fn document_file(
        &self,
        principal: &Principal,
        token: &str,
        request_id: Option<String>,
    ) -> Result<(OpenedDocument, DocumentContent), ServiceError>;
}
