//! Documents: reports, letters, results, summaries held by the hubs and vaults.

use serde::{Deserialize, Serialize};

use crate::coding::Coding;
use crate::date::PartialDate;
use crate::party::Party;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentFormat {
    Pdf,
    /// A structured KMEHR message.
    Kmehr,
    /// A structured FHIR resource or bundle.
    Fhir,
    Text,
    /// Another media type, raw.
    Other(String),
}

/// One entry of a document list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentEntry {
    /// The id to ask the source for the document with.
    pub id: String,
    /// What kind of document (KMEHR CD-TRANSACTION, LOINC, SNOMED CT …).
    pub doc_type: Vec<Coding>,
    pub title: Option<String>,
    pub date: Option<PartialDate>,
    pub author: Option<Party>,
    pub institution: Option<String>,
    pub format: DocumentFormat,
    /// "current", "superseded" … raw.
    pub status: Option<String>,
    pub unknown_extensions: Vec<String>,
}

/// The document itself, served through Carnet (never as a raw source URL).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentContent {
    pub media_type: String,
    pub bytes: Vec<u8>,
}
