//! The kinds of data in a citizen's record, each defined once.
//!
//! A kind is a type (`Vaccinations`, `Medications` …) that names its [`Scope`] (the
//! policy's and the configuration's name for it) and its item type. Proofs
//! ([`crate::policy::Authorized`]), readers (in the connectors), readings
//! ([`crate::portal_service::Reading`]) and pages are all generic over the kind, so asking
//! a vaccination reader with a consent proof does not compile.
//!
//! Adding a kind: its marker type and item type in its own module, one entry in the
//! [`kinds!`] list below (which implements [`Kind`] for it), its reader(s) in the
//! connectors, and its page. The kinds' modules do not depend on this one: the list
//! depends on them, never the other way round.

use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::date::Day;
use crate::source_answer::Answers;
use crate::vaccination::Vaccination;
use crate::vaccination::schedule::{Schedule, ScheduleStatus};

/// A kind of data in a citizen's record.
pub trait Kind: Debug + Clone + Copy + PartialEq + Send + Sync + 'static {
    /// The policy's name for this part of the record.
    const SCOPE: Scope;
    /// One entry of a source's answer.
    type Item: Debug + Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static;
    /// What the portal works out from every source's answers together (the vaccination
    /// schedule status); `()` for most kinds.
    type Derived: Debug + Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static;

    fn derive(answers: &Answers<Self::Item>, context: &Context<'_>) -> Self::Derived;

    /// Replaces the sources' ids of the items a page links to (to open one later) with what
    /// `seal` makes of them, before the items leave the portal: a source's id can hold the
    /// national register number. Most kinds link to nothing and keep theirs.
    fn seal_ids(answers: &mut Answers<Self::Item>, seal: &dyn SealId);
}

/// Makes an opaque token of one item's id at one source (the portal seals it with its key).
pub trait SealId {
    fn seal(&self, source_id: &str, id: &str) -> String;
}

/// What a [`Kind::derive`] may use besides the answers.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The person's birth date, when the SSIN gives the day.
    pub birth: Option<Day>,
    /// Today in Belgium.
    pub today: Day,
    /// The basic vaccination schedule, when it could be read.
    pub schedule: Option<&'a Schedule>,
}

/// A kind the citizen can change at a source (give or revoke consent, end a relationship,
/// add or lift an exclusion).
pub trait Changeable: Kind {
    type Change: Debug + Clone + PartialEq + Send + Sync + 'static;
}

/// Something to do for whichever kind a [`Scope`] names (see [`Scope::visit`]): the one
/// place a scope from configuration or a URL becomes a type.
pub trait KindVisitor {
    type Out;
    fn visit<K: Kind>(self) -> Self::Out;
}

macro_rules! kinds {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $name:literal => $kind:ty {
            item: $item:ty
            $(, derived: $derived:ty = $derive:expr)?
            $(, sealed: $seal_ids:expr)?
            $(, change: $change:ty)?
        },
    )+) => {
        /// A part of a citizen's record, by name: in the configuration (what a source
        /// serves), the audit log and the policy. Each names one [`Kind`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum Scope {
            $($(#[$doc])* #[serde(rename = $name)] $variant,)+
        }

        impl Scope {
            /// Every scope, in the order pages list them.
            pub const ALL: &[Scope] = &[$(Scope::$variant,)+];

            /// The scope of this name (see [`Scope::as_str`]).
            pub fn from_name(name: &str) -> Option<Scope> {
                Scope::ALL.iter().copied().find(|scope| scope.as_str() == name)
            }

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Scope::$variant => $name,)+
                }
            }

            /// Calls `visitor` with the kind this scope names.
            pub fn visit<V: KindVisitor>(self, visitor: V) -> V::Out {
                match self {
                    $(Scope::$variant => visitor.visit::<$kind>(),)+
                }
            }
        }

        $(
            impl Kind for $kind {
                const SCOPE: Scope = Scope::$variant;
                type Item = $item;
                type Derived = kinds!(@derived $($derived)?);

                fn derive(answers: &Answers<$item>, context: &Context<'_>) -> Self::Derived {
                    kinds!(@derive answers, context $(, $derive)?)
                }

                fn seal_ids(answers: &mut Answers<$item>, seal: &dyn SealId) {
                    kinds!(@seal answers, seal $(, $seal_ids)?)
                }
            }

            $(impl Changeable for $kind {
                type Change = $change;
            })?
        )+
    };
    (@derived) => { () };
    (@derived $derived:ty) => { $derived };
    (@derive $answers:ident, $context:ident) => {{
        let _ = ($answers, $context);
    }};
    (@derive $answers:ident, $context:ident, $derive:expr) => { ($derive)($answers, $context) };
    (@seal $answers:ident, $seal:ident) => {{
        let _ = ($answers, $seal);
    }};
    (@seal $answers:ident, $seal:ident, $seal_ids:expr) => { ($seal_ids)($answers, $seal) };
}

// The one list of kinds: each with its scope's name, its marker type (in its own module,
// which depends on nothing here), its item type, what the portal works out from all
// answers together (most: nothing) and, for a kind the citizen can change, the change.
kinds! {
    Documents = "documents" => crate::document::Documents {
        item: crate::document::DocumentEntry,
        sealed: seal_document_ids
    },
    SumEhr = "sumehr" => crate::sumehr::SumEhrs { item: crate::sumehr::SumEhr },
    Vaccinations = "vaccinations" => crate::vaccination::Vaccinations {
        item: crate::vaccination::Vaccination,
        derived: Option<Box<ScheduleStatus>> = schedule_status
    },
    Medication = "medication" => crate::medication::Medications { item: crate::medication::MedicationLine },
    Allergies = "allergies" => crate::allergy::Allergies { item: crate::allergy::Allergy },
    Consent = "consent" => crate::consent::Consents {
        item: crate::consent::ConsentRecord,
        change: crate::consent::ConsentChange
    },
    Relationships = "relationships" => crate::relationship::Relationships {
        item: crate::relationship::TherapeuticLink,
        sealed: seal_link_ids,
        change: crate::relationship::RelationshipChange
    },
    Exclusions = "exclusions" => crate::exclusion::Exclusions {
        item: crate::exclusion::Exclusion,
        sealed: seal_exclusion_ids,
        change: crate::exclusion::ExclusionChange
    },
    AccessEvents = "access-events" => crate::access_event::AccessEvents {
        item: crate::access_event::AccessEvent,
        change: crate::access_event::SeenUntil
    },
}

/// Seals the id `id_of` gives of every item that was read.
fn seal_each<T>(answers: &mut Answers<T>, seal: &dyn SealId, id_of: impl Fn(&mut T) -> Option<&mut String>) {
    for answer in answers.iter_mut() {
        if let Ok(items) = &mut answer.result {
            for item in items.iter_mut() {
                if let crate::item::Item::Read(entry) = item
                    && let Some(id) = id_of(entry)
                {
                    *id = seal.seal(&answer.source_id, id);
                }
            }
        }
    }
}

/// A document is opened by its id: each goes out sealed.
fn seal_document_ids(answers: &mut Answers<crate::document::DocumentEntry>, seal: &dyn SealId) {
    seal_each(answers, seal, |entry| Some(&mut entry.id));
}

/// A relationship is ended by its id (the professional's number at the hub): sealed.
fn seal_link_ids(answers: &mut Answers<crate::relationship::TherapeuticLink>, seal: &dyn SealId) {
    seal_each(answers, seal, |link| link.id.as_mut());
}

/// An exclusion is lifted by its id: sealed.
fn seal_exclusion_ids(answers: &mut Answers<crate::exclusion::Exclusion>, seal: &dyn SealId) {
    seal_each(answers, seal, |exclusion| exclusion.id.as_mut());
}

/// The vaccinations' status against the basic vaccination schedule, when the person's
/// birth date is known (computed from what the sources that answered sent).
fn schedule_status(answers: &Answers<Vaccination>, context: &Context<'_>) -> Option<Box<ScheduleStatus>> {
    let (schedule, birth) = context.schedule.zip(context.birth)?;
    Some(Box::new(schedule.status(birth, context.today, answers)))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Prefix;
    impl SealId for Prefix {
        fn seal(&self, source_id: &str, id: &str) -> String {
            format!("sealed:{source_id}:{id}")
        }
    }

    #[test]
    fn document_ids_go_out_sealed_and_unreadable_items_are_left_as_they_are() {
        use crate::document::{DocumentEntry, DocumentFormat, Documents};
        use crate::item::Item;
        use crate::source_answer::SourceAnswer;
        let entry = |id: &str| DocumentEntry {
            id: id.into(),
            doc_type: Vec::new(),
            title: None,
            date: None,
            author: None,
            institution: None,
            format: DocumentFormat::Kmehr,
            status: None,
            unknown_extensions: Vec::new(),
        };
        let mut answers = vec![SourceAnswer {
            source_id: "cozo".into(),
            source_name: "CoZo".into(),
            result: Ok(vec![Item::Read(entry("85041212468-1")), Item::Unreadable { id: None, reason: "x".into() }]),
            stale: None,
        }];
        Documents::seal_ids(&mut answers, &Prefix);
        let ids: Vec<Option<String>> =
            answers.iter().flat_map(|a| a.result.iter().flatten()).map(|i| i.read().map(|e| e.id.clone())).collect();
        assert_eq!(ids, vec![Some("sealed:cozo:85041212468-1".to_owned()), None]);
    }

    struct Name;
    impl KindVisitor for Name {
        type Out = Scope;
        fn visit<K: Kind>(self) -> Scope {
            K::SCOPE
        }
    }

    #[test]
    fn each_scope_names_the_kind_that_names_it_back() {
        for scope in Scope::ALL {
            assert_eq!(scope.visit(Name), *scope);
        }
    }

    #[test]
    fn scopes_are_named_in_configuration_as_in_the_audit_log() {
        for scope in Scope::ALL {
            let json = format!("\"{}\"", scope.as_str());
            assert_eq!(serde_json::from_str::<Scope>(&json).ok(), Some(*scope), "{json}");
        }
    }
}
