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
    /// Its content is of a kind the reader's grant does not cover (a SumEHR, a medication
    /// schema or vaccinations under a grant without them): listed, not opened (see
    /// [`crate::kind::withhold_document`]).
    #[serde(default)]
    pub withheld: bool,
}

/// The document itself, served through Carnet (never as a raw source URL).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentContent {
    pub media_type: String,
    pub bytes: Vec<u8>,
}

/// A document as a page shows it. (A SumEHR is larger than the other variants; a body is
/// made once per page and moved, so it is not boxed.)
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DocumentBody {
    /// A file the browser shows itself (PDF, image), from Carnet's own address for it.
    File {
        media_type: String,
    },
    /// A structured summary, shown section by section.
    SumEhr(crate::sumehr::SumEhr),
    Medication(Vec<crate::item::Item<crate::medication::MedicationLine>>),
    Vaccinations(Vec<crate::item::Item<crate::vaccination::Vaccination>>),
    /// A note or report: its texts, and its items as labelled lines.
    Note {
        texts: Vec<String>,
        lines: Vec<crate::item::Item<NoteLine>>,
        /// The codes of what the document says it holds (a FHIR Composition's type and its
        /// sections' codes): the content's kinds come from them.
        #[serde(default)]
        codes: Vec<crate::coding::Coding>,
    },
    /// Content Carnet cannot show; offered as a download.
    Unreadable {
        media_type: String,
    },
}

/// One item of a structured note ("Diagnosis: …", "Weight: 72 kg").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoteLine {
    /// What kind of item it is (KMEHR `CD-ITEM`).
    pub kind: Coding,
    pub codes: Vec<Coding>,
    pub text: Option<String>,
    pub value: Option<ItemValue>,
    pub date: Option<PartialDate>,
}

/// A value in an item's contents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ItemValue {
    Quantity(crate::coding::Quantity),
    Boolean(bool),
    Date(PartialDate),
    Party(Party),
}

/// The kind: the documents a source lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Documents;
