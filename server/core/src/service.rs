//! The interface the pages call. The server implements it (policy, connectors, audit);
//! the app only sees this trait and these view types.

use serde::{Deserialize, Serialize};

use crate::access::AccessEvent;
use crate::allergy::Allergy;
use crate::consent::{ConsentRecord, Exclusion, TherapeuticLink};
use crate::date::Day;
use crate::document::{DocumentContent, DocumentEntry};
use crate::medication::MedicationLine;
use crate::policy::Scope;
use crate::principal::Principal;
use crate::source::Answers;
use crate::sumehr::SumEhr;
use crate::vaccination::Vaccination;
use crate::vaccination::schedule::ScheduleStatus;

/// One kind of data from every source that holds it, each source's part with its state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reading {
    /// Document list entries. Their `id` is an opaque token made by the server for
    /// [`PortalService::document`], never the source's id (which can hold the SSIN).
    Documents(Answers<DocumentEntry>),
    SumEhr(Answers<SumEhr>),
    /// With the status against the basic vaccination schedule, when the person's birth
    /// date is known (computed from what the sources that answered sent).
    Vaccinations(Answers<Vaccination>, Option<Box<ScheduleStatus>>),
    Medication(Answers<MedicationLine>),
    Allergies(Answers<Allergy>),
    Consent(Answers<ConsentRecord>),
    Relationships(Answers<TherapeuticLink>),
    Exclusions(Answers<Exclusion>),
    AccessEvents(Answers<AccessEvent>),
}

impl Reading {
    pub fn scope(&self) -> Scope {
        match self {
            Reading::Documents(_) => Scope::Documents,
            Reading::SumEhr(_) => Scope::SumEhr,
            Reading::Vaccinations(..) => Scope::Vaccinations,
            Reading::Medication(_) => Scope::Medication,
            Reading::Allergies(_) => Scope::Allergies,
            Reading::Consent(_) => Scope::Consent,
            Reading::Relationships(_) => Scope::Relationships,
            Reading::Exclusions(_) => Scope::Exclusions,
            Reading::AccessEvents(_) => Scope::AccessEvents,
        }
    }

    /// Each source's state in this reading, in source order.
    pub fn states(&self) -> Vec<crate::source::SourceState> {
        fn of<T>(answers: &Answers<T>) -> Vec<crate::source::SourceState> {
            answers.iter().map(|a| a.state()).collect()
        }
        match self {
            Reading::Documents(a) => of(a),
            Reading::SumEhr(a) => of(a),
            Reading::Vaccinations(a, _) => of(a),
            Reading::Medication(a) => of(a),
            Reading::Allergies(a) => of(a),
            Reading::Consent(a) => of(a),
            Reading::Relationships(a) => of(a),
            Reading::Exclusions(a) => of(a),
            Reading::AccessEvents(a) => of(a),
        }
    }
}

/// What a reading of one scope gave: the data, or why the service could not read it.
pub type ScopeReading = (Scope, Result<Reading, ServiceError>);

/// Readings of several scopes as they become ready (see [`PortalService::read_in_batches`]).
#[async_trait::async_trait]
pub trait ReadingBatches: Send {
    /// The next batch, or `None` when every scope has been delivered.
    async fn next(&mut self) -> Option<Vec<ScopeReading>>;
}

/// An opened document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenedDocument {
    /// Its list entry (with the opaque token as `id`) and the source's display name.
    pub entry: DocumentEntry,
    pub source_name: String,
    /// What the page shows (the bytes are served by [`PortalService::document_file`]).
    pub body: crate::document::DocumentBody,
}

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
        }
    }
}

/// What the portal can do for the person behind a request. Every method decides through
/// the policy and writes the audit log before it gives anything back.
#[async_trait::async_trait]
pub trait PortalService: Send + Sync + 'static {
    /// One kind of data of the logged-in person's own record, from every source at once.
    async fn read(
        &self,
        principal: &Principal,
        scope: Scope,
        request_id: Option<String>,
    ) -> Result<Reading, ServiceError>;

    /// Several kinds at once, delivered in batches: first every scope that is ready
    /// within `grace` (all of them, when the sources are quick), then each late one as it
    /// comes. A slow source delays only the scopes it serves.
    fn read_in_batches(
        &self,
        principal: Principal,
        scopes: Vec<Scope>,
        grace: std::time::Duration,
        request_id: Option<String>,
    ) -> Box<dyn ReadingBatches>;

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

    /// Today in Belgium (the pages compute ages, schedules and "today's medication").
    fn today(&self) -> Day;
}
