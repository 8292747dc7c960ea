//! The interface the pages call. The server implements it (policy, connectors, audit);
//! the app only sees this trait and these view types.

use serde::{Deserialize, Serialize};

use crate::access_log::AccessLog;
use crate::change::{ChangeForm, ChangeReport, FormKey};
use crate::date::Day;
use crate::document::{DocumentContent, DocumentEntry};
use crate::kind::{AnyReading, Kind, Reading, Scope};
use crate::mandate::{Mandate, MandateAnswer, MandateError, MandateForm, MandateId};
use crate::party::{DirectoryEntry, DirectoryQuery};
use crate::principal::Principal;
use crate::source_answer::SourceState;

/// What a reading of one scope gave: the data, or why the service could not read it.
pub type ScopeReading = (Scope, Result<AnyReading, ServiceError>);

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
    /// The kinds taken out of the body because the reader's grant does not cover them (a
    /// SumEHR's medication section under a grant without medication); the page says so,
    /// and the file itself is not served.
    #[serde(default)]
    pub withheld: Vec<crate::kind::Scope>,
}

/// What a search of the hubs' directories found: each care provider once (with the hubs
/// that know them), and how each hub did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DirectorySearch {
    pub entries: Vec<DirectoryEntry>,
    pub states: Vec<SourceState>,
}

/// The mandates a person gave and those given to them, as `/mandates` shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mandates {
    pub given: Vec<Mandate>,
    pub held: Vec<Mandate>,
    /// Whether each held mandate's name matches the person's own (by id): one that does not
    /// cannot be accepted.
    pub name_matches: Vec<MandateId>,
    pub today: Day,
}

/// Someone whose record a person may open (`/act-for`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActForChoice {
    pub name: String,
    /// An opaque token naming them (for the form that opens their record).
    pub token: String,
    pub why: ActForBasis,
}

/// Why a person may open someone else's record, in words the page can explain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActForBasis {
    /// A mandate in force, with what it covers and its last day.
    Mandate { id: MandateId, scopes: Vec<crate::grant::GrantScope>, last_day: Option<Day> },
    /// The person is their parent or legal representative: the band of the rule table
    /// that applies today (its scopes may be none: the page says why).
    Minor(crate::principal::MinorNote),
}

/// Someone the national register names as representing the person (a parent), and what
/// the rule table lets them do today: for a minor to see who can see their record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Representative {
    pub name: String,
    pub note: crate::principal::MinorNote,
}

/// The support codes a citizen issued lately (`/support`), and now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportCodes {
    pub codes: Vec<SupportCodeView>,
    pub now_ms: i64,
    /// How long a new code runs, in minutes.
    pub minutes: i64,
}

/// One code as its citizen sees it: the code itself only while nobody holds it yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportCodeView {
    pub grant: crate::support_code::SupportGrant,
    /// As it is read out ("ACDE-FGHJ"), while it is waiting for an agent.
    pub code: Option<String>,
}

/// The staff console: the codes the agent holds now, each with the citizen's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HelpdeskConsole {
    pub held: Vec<(crate::support_code::SupportGrant, String, String)>,
    pub now_ms: i64,
}

/// Why a support code gave nothing. Each is a Fluent message id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RedeemError {
    /// Only helpdesk staff redeem codes.
    NotHelpdesk,
    /// The number or the code is not well formed (not counted as a guess).
    Malformed,
    /// No open code of this citizen is this one (counted).
    Wrong,
    /// Another agent holds it.
    HeldByOther,
    /// Too many wrong codes: locked out for a while.
    Locked,
    Service(ServiceError),
}

impl RedeemError {
    pub fn message_id(self) -> &'static str {
        match self {
            RedeemError::NotHelpdesk => "error-forbidden",
            RedeemError::Malformed => "support-error-malformed",
            RedeemError::Wrong => "support-error-wrong",
            RedeemError::HeldByOther => "support-error-held",
            RedeemError::Locked => "support-error-locked",
            RedeemError::Service(e) => e.message_id(),
        }
    }
}

/// Why a mandate could not be given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum GiveMandateError {
    /// What the form says is not right: each error with its field.
    Form(Vec<MandateError>),
    Service(ServiceError),
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
    /// A form came back without what it needs (its one-time key, a token this portal made).
    #[error("bad request")]
    BadRequest,
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
            ServiceError::BadRequest => "error-bad-request",
        }
    }
}

/// What the portal can do for the person behind a request. Every method decides through
/// the policy and writes the audit log before it gives anything back.
#[async_trait::async_trait]
pub trait PortalService: Send + Sync + 'static {
    /// One kind of data of the logged-in person's own record, from every source at once
    /// (typed: [`read`]).
    async fn read_any(
        &self,
        principal: &Principal,
        scope: Scope,
        request_id: Option<String>,
    ) -> Result<AnyReading, ServiceError>;

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

    /// The access log: every source's access events and Carnet's own audit entries about
    /// the person (read through the policy, audited like any reading).
    async fn access_log(&self, principal: &Principal, request_id: Option<String>) -> Result<AccessLog, ServiceError>;

    /// Until when the person has seen their access log (`None`: never), and who read the
    /// record through Carnet since (for the dashboard's alert of new accesses).
    async fn access_news(&self, principal: &Principal) -> Result<crate::access_log::AccessNews, ServiceError>;

    /// Moves the "seen until" marker to `until_ms` (never back), audited.
    async fn mark_access_seen(
        &self,
        principal: &Principal,
        until_ms: i64,
        request_id: Option<String>,
    ) -> Result<(), ServiceError>;

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

    /// The mandates the logged-in person gave and holds (always their own, whoever's record
    /// is open).
    async fn mandates(&self, principal: &Principal) -> Result<Mandates, ServiceError>;

    /// Gives a mandate from the logged-in person (pending until the trusted person accepts
    /// it). A second submit of the same form (`key`) gives nothing more.
    async fn give_mandate(
        &self,
        principal: &Principal,
        key: FormKey,
        form: MandateForm,
        request_id: Option<String>,
    ) -> Result<MandateId, GiveMandateError>;

    /// Accepts, declines, revokes or gives back a mandate (the logged-in person's side of
    /// it); a second submit changes nothing. Accepting checks the name the citizen gave.
    async fn answer_mandate(
        &self,
        principal: &Principal,
        id: MandateId,
        answer: MandateAnswer,
        request_id: Option<String>,
    ) -> Result<(), ServiceError>;

    /// Who represents the logged-in person as a minor (their parents), and what they may
    /// see today; `Err(SourceUnavailable)` when the register did not answer.
    async fn representatives(&self, principal: &Principal) -> Result<Vec<Representative>, ServiceError>;

    /// The support codes the logged-in person issued lately.
    async fn support_codes(&self, principal: &Principal) -> Result<SupportCodes, ServiceError>;

    /// Issues a support code for the parts of the record named (grant scope names); a
    /// second submit of the same form issues nothing more.
    async fn issue_support_code(
        &self,
        principal: &Principal,
        key: FormKey,
        scopes: Vec<String>,
        request_id: Option<String>,
    ) -> Result<crate::support_code::SupportCodeId, ServiceError>;

    /// Revokes one of the logged-in person's support codes (at once, even while held).
    async fn revoke_support_code(
        &self,
        principal: &Principal,
        id: crate::support_code::SupportCodeId,
        request_id: Option<String>,
    ) -> Result<(), ServiceError>;

    /// A helpdesk agent enters a citizen's number and the code they read out: the citizen
    /// to act for (read-only, within the code's scopes) while it runs.
    async fn redeem_support_code(
        &self,
        principal: &Principal,
        citizen: &str,
        code: &str,
        request_id: Option<String>,
    ) -> Result<crate::principal::ActingFor, RedeemError>;

    /// The staff console's codes.
    async fn helpdesk_console(&self, principal: &Principal) -> Result<HelpdeskConsole, ServiceError>;

    /// The technical state of each source for the parts of the record the session may read
    /// (read through the policy and audited like any reading): for the helpdesk.
    async fn diagnostics(
        &self,
        principal: &Principal,
        request_id: Option<String>,
    ) -> Result<Vec<(Scope, Vec<SourceState>)>, ServiceError>;

    /// The people whose record the logged-in person may open, and why.
    async fn act_for_choices(&self, principal: &Principal) -> Result<Vec<ActForChoice>, ServiceError>;

    /// The person a choice's token names, when the logged-in person may open their record
    /// now (decided by the policy, audited); their name and number for the session.
    async fn choose_act_for(
        &self,
        principal: &Principal,
        token: &str,
        request_id: Option<String>,
    ) -> Result<crate::principal::ActingFor, ServiceError>;

    /// Today in Belgium (the pages compute ages, schedules and "today's medication").
    fn today(&self) -> Day;

    /// Now, in milliseconds since the epoch (what is new since the person last looked).
    fn now_ms(&self) -> i64;
}

/// One kind of data of the logged-in person's own record, from every source at once.
pub async fn read<K: Kind>(
    service: &dyn PortalService,
    principal: &Principal,
    request_id: Option<String>,
) -> Result<Reading<K>, ServiceError> {
    let reading = service.read_any(principal, K::SCOPE, request_id).await?;
    K::from_any(reading).ok_or(ServiceError::Internal)
}
