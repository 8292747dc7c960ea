//! Carnet's domain, free of I/O and of any web framework.
//!
//! - [`ssin`]: the national register number, parsed and validated at the edge.
//! - [`principal`]: who is logged in.
//! - [`policy`]: the one place that decides whether an action on a citizen's data is allowed,
//!   on the bases in [`mandate`] (trusted persons), [`minor`] (parents, by the rule table)
//!   and [`support_code`] (the helpdesk), each covering [`grant`] scopes.
//! - [`audit`]: the typed events every access leaves behind; [`access_log`] what the
//!   citizen is shown of them.
//! - what a citizen's record contains, one module per kind: [`document`], [`sumehr`],
//!   [`vaccination`], [`medication`], [`allergy`], [`consent`], [`relationship`],
//!   [`exclusion`], [`access_event`] — each listed once below, in `record_kinds!`;
//!   shared pieces in [`item`], [`party`], [`coding`], [`date`], [`terminology`].
//! - [`change`]: the changes a citizen makes at the sources (consent, relationships,
//!   exclusions), with their one-time form keys and reports.
//! - [`portal_service`]: the interface the pages call, one trait per capability,
//!   implemented by the server.
//!
//! Adding a kind of data to the domain is this file's business only: its module line and
//! its entry in `record_kinds!` (and, when it is given on its own, a line in
//! `grant_scopes!`; when the citizen changes it at the sources, its verbs and forms in
//! `source_changes!`). `kind.rs`, `grant.rs` and `change.rs` make the types and tables from
//! the lists.

/// Every kind of data in a citizen's record, once, in the order pages list them: its
/// scope (the policy's, the configuration's and the audit log's name), its marker type and
/// item type (in the kind's own module, which depends on nothing in `kind.rs`), the grant
/// scope that reads it, the codes by which the sources say a content is of this kind
/// (KMEHR `CD-TRANSACTION` and `CD-ITEM`, FHIR resource types, LOINC document and section
/// codes: a document or a section with such a code needs this kind's grant too), what the
/// portal works out from all answers together (most: nothing), how the ids a page links
/// to are sealed, what is withheld from a reader whose grant does not cover a part, and,
/// for a kind the citizen can change, the change. The functions named here are in
/// `kind.rs`.
///
/// A list, not a type: `kind.rs` expands it into [`kind::Scope`], [`kind::AnyReading`] and
/// the [`kind::Kind`] impls, `grant.rs` into what each grant reads.
macro_rules! record_kinds {
    ($then:ident) => {
        $then! {
            Documents = "documents" => crate::document::Documents {
                item: crate::document::DocumentEntry,
                grant: Documents,
                codes: [],
                sealed: seal_document_ids,
                withheld: withhold_document
            },
            SumEhr = "sumehr" => crate::sumehr::SumEhrs {
                item: crate::sumehr::SumEhr,
                grant: Summary,
                // Patient summary document; problem list.
                codes: [transaction "sumehr", resource "Condition", loinc "60591-5", loinc "11450-4"],
                withheld: withhold_sumehr
            },
            Vaccinations = "vaccinations" => crate::vaccination::Vaccinations {
                item: crate::vaccination::Vaccination,
                grant: Vaccinations,
                // History of immunization.
                codes: [
                    transaction "vaccination", item "vaccine",
                    resource "Immunization", resource "ImmunizationRecommendation", loinc "11369-6"
                ],
                derived: Option<Box<crate::vaccination::schedule::ScheduleStatus>> = schedule_status
            },
            Medication = "medication" => crate::medication::Medications {
                item: crate::medication::MedicationLine,
                grant: Medication,
                // History of medication use; medication summary.
                codes: [
                    transaction "medicationscheme", transaction "medicationschemeelement",
                    transaction "treatmentsuspension", transaction "pharmaceuticalprescription",
                    item "medication",
                    resource "MedicationStatement", resource "MedicationRequest",
                    resource "MedicationDispense", resource "MedicationAdministration",
                    loinc "10160-0", loinc "56445-0"
                ]
            },
            Allergies = "allergies" => crate::allergy::Allergies {
                item: crate::allergy::Allergy,
                grant: Summary,
                // Allergies and adverse reactions.
                codes: [item "allergy", item "adr", resource "AllergyIntolerance", loinc "48765-2"]
            },
            Consent = "consent" => crate::consent::Consents {
                item: crate::consent::ConsentRecord,
                grant: ConsentsManage,
                codes: [],
                change: crate::consent::ConsentChange
            },
            Relationships = "relationships" => crate::relationship::Relationships {
                item: crate::relationship::TherapeuticLink,
                grant: ConsentsManage,
                codes: [],
                sealed: crate::relationship::seal_link_ids,
                change: crate::relationship::RelationshipChange
            },
            Exclusions = "exclusions" => crate::exclusion::Exclusions {
                item: crate::exclusion::Exclusion,
                grant: ConsentsManage,
                codes: [],
                sealed: crate::exclusion::seal_exclusion_ids,
                change: crate::exclusion::ExclusionChange
            },
            AccessEvents = "access-events" => crate::access_event::AccessEvents {
                item: crate::access_event::AccessEvent,
                grant: AccessLog,
                codes: [],
                change: crate::access_event::SeenUntil
            },
        }
    };
}

/// The changes a citizen makes at the sources, by the kind they change (which names its
/// change type in `record_kinds!`): each verb — the change's stable name in the audit log
/// (`change:<scope>:<code>`) and in the words of its report and of the access log
/// (`change-done-<code>`, `access-change-<code>`), with the value of the kind's change it
/// is — and the forms the pages post for it, with what each carries (sources by id, items
/// by the opaque token their list entry carries, never a source's id in clear). `change.rs`
/// expands it into [`change::ChangeForm`] and its [`change::form`]s, [`change::ChangeVerb`]
/// and each change's verb; how each form becomes a change is its
/// [`change::PlanForm`], written beside its kind (a form without one does not compile).
macro_rules! source_changes {
    ($then:ident) => {
        $then! {
            Consent = crate::consent::Consents: crate::consent::ConsentChange {
                verbs: [
                    GiveConsent = "give" when crate::consent::ConsentChange::Give,
                    RevokeConsent = "revoke" when crate::consent::ConsentChange::Revoke,
                ],
                forms: [
                    /// Give or revoke the informed consent at one hub.
                    Consent { source: String, give: bool },
                ],
            },
            Relationships = crate::relationship::Relationships: crate::relationship::RelationshipChange {
                verbs: [EndRelationship = "end" when crate::relationship::RelationshipChange::End { .. }],
                forms: [
                    /// End the care relationship this token names.
                    EndRelationship { link: String },
                ],
            },
            Exclusions = crate::exclusion::Exclusions: crate::exclusion::ExclusionChange {
                verbs: [
                    AddExclusion = "add" when crate::exclusion::ExclusionChange::Add { .. },
                    LiftExclusion = "lift" when crate::exclusion::ExclusionChange::Lift { .. },
                ],
                forms: [
                    /// Forbid the care provider this directory token names to see the record,
                    /// at every hub that keeps exclusions.
                    AddExclusion { party: String },
                    /// Lift the exclusion this token names, at every hub that keeps exclusions.
                    LiftExclusion { exclusion: String },
                ],
            },
        }
    };
}

/// The parts of a record someone may be given (a mandate, a support code, the rule table
/// for minors), by their name in forms and the audit log, in the order forms list them.
/// Each reads the kinds that name it in `record_kinds!`; `grant.rs` expands the list
/// into [`grant::GrantScope`].
macro_rules! grant_scopes {
    ($then:ident) => {
        $then! {
            Documents = "documents",
            Vaccinations = "vaccinations",
            Medication = "medication",
            /// Allergies and the health summary (SumEHR).
            Summary = "summary",
            /// Seeing and changing informed consent, the care team and exclusions (and so
            /// who can see the record).
            ConsentsManage = "consents-manage",
            /// Seeing who looked at the record.
            AccessLog = "access-log",
        }
    };
}

pub mod access_event;
pub mod access_log;
pub mod action;
pub mod allergy;
pub mod audit;
pub mod change;
pub mod coding;
pub mod consent;
pub mod date;
pub mod document;
pub mod exclusion;
pub mod export;
pub mod grant;
pub mod item;
pub mod kind;
pub mod mandate;
pub mod markup;
pub mod medication;
pub mod minor;
pub mod party;
pub mod policy;
pub mod portal_service;
pub mod principal;
pub mod relationship;
pub mod share;
pub mod source_answer;
pub mod ssin;
pub mod sumehr;
pub mod support_code;
pub mod terminology;
pub mod vaccination;
pub mod visibility;

pub use principal::{Principal, Role};
pub use ssin::{Ssin, SsinError};
