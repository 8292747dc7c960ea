//! The kinds of data in a citizen's record, each defined once.
//!
//! A kind is a type (`Vaccinations`, `Medications` …) that names its [`Scope`] (the
//! policy's and the configuration's name for it) and its item type. Proofs
//! ([`crate::policy::Authorized`]), readers (in the connectors), readings
//! ([`Reading`]) and pages are all generic over the kind, so asking
//! a vaccination reader with a consent proof does not compile.
//!
//! The kinds are listed once, in `record_kinds!` in `lib.rs`; this module expands the list
//! into [`Scope`], [`AnyReading`], the [`Kind`] impls and the table of what content codes
//! name which kind ([`scope_of_code`]). The kinds' modules do not depend on this one: the
//! list depends on them, never the other way round.

use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::coding::Coding;
use crate::date::Day;
use crate::document::{DocumentBody, DocumentEntry};
use crate::source_answer::{Answers, SourceState};
use crate::sumehr::{SumEhr, SumEhrSection};
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

    /// Takes out of the items what needs a kind the reader's grant does not cover
    /// (`covers`, from the policy's proof): what a person may see is decided by what the
    /// content is, not by the page it travels in. A SumEHR's medication and vaccinations
    /// sections need those kinds; a document whose content is another kind is marked as
    /// not shared. Most kinds hold nothing of another kind and keep everything.
    fn withhold(answers: &mut Answers<Self::Item>, covers: Scopes);

    /// The reading as one of every kind's (see [`AnyReading`]).
    fn into_any(reading: Reading<Self>) -> AnyReading;

    /// The reading, if `any` is of this kind.
    fn from_any(any: AnyReading) -> Option<Reading<Self>>;

    /// The item as one of every kind's (see [`AnyItem`]).
    fn into_any_item(item: crate::item::Item<Self::Item>) -> AnyItem;

    /// The item, if `any` is of this kind.
    fn from_any_item(any: AnyItem) -> Option<crate::item::Item<Self::Item>>;
}

/// One kind of data from every source that holds it, each source's part with its state,
/// and what the portal derived from them all (see [`Kind::derive`]).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
#[serde(bound = "")]
pub struct Reading<K: Kind> {
    /// For documents, each entry's `id` is an opaque token made by the server (see
    /// [`Kind::seal_ids`]), never the source's id (which can hold the SSIN).
    pub answers: Answers<K::Item>,
    pub derived: K::Derived,
}

impl<K: Kind> Reading<K> {
    /// Each source's state in this reading, in source order.
    pub fn states(&self) -> Vec<SourceState> {
        self.answers.iter().map(|a| a.state()).collect()
    }
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
            item: $item:ty,
            grant: $grant:ident,
            codes: [$($list:ident $code:literal),* $(,)?]
            $(, derived: $derived:ty = $derive:expr)?
            $(, sealed: $seal_ids:expr)?
            $(, withheld: $withhold:expr)?
            $(, change: $change:ty)?
        },
    )+) => {
        /// A part of a citizen's record, by name: in the configuration (what a source
        /// serves), the audit log and the policy. Each names one [`Kind`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum Scope {
            $($(#[$doc])* #[serde(rename = $name)] $variant,)+
        }

        /// A reading of any kind, for a page that shows several (the dashboard): a `match`
        /// on it names every kind, so a kind the page forgets does not compile.
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        pub enum AnyReading {
            $($variant(Reading<$kind>),)+
        }

        /// One item of any kind, for a reader that reads several kinds in one answer (a
        /// FHIR Bundle's entries).
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        pub enum AnyItem {
            $($variant(crate::item::Item<$item>),)+
        }

        impl AnyItem {
            /// Whether the item could not be read.
            pub fn is_unreadable(&self) -> bool {
                match self {
                    $(AnyItem::$variant(item) => item.is_unreadable(),)+
                }
            }
        }

        impl AnyReading {
            pub fn scope(&self) -> Scope {
                match self {
                    $(AnyReading::$variant(_) => Scope::$variant,)+
                }
            }

            /// Each source's state, in source order.
            pub fn states(&self) -> Vec<SourceState> {
                match self {
                    $(AnyReading::$variant(reading) => reading.states(),)+
                }
            }
        }

        /// Which content codes name which kind (see [`scope_of_code`]).
        const CONTENT_CODES: &[(CodeList, &str, Scope)] = &[$($((kinds!(@list $list), $code, Scope::$variant),)*)+];

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

                fn withhold(answers: &mut Answers<$item>, covers: Scopes) {
                    kinds!(@withhold answers, covers $(, $withhold)?)
                }

                fn into_any(reading: Reading<Self>) -> AnyReading {
                    AnyReading::$variant(reading)
                }

                fn from_any(any: AnyReading) -> Option<Reading<Self>> {
                    match any {
                        AnyReading::$variant(reading) => Some(reading),
                        #[allow(unreachable_patterns)]
                        _ => None,
                    }
                }

                fn into_any_item(item: crate::item::Item<$item>) -> AnyItem {
                    AnyItem::$variant(item)
                }

                fn from_any_item(any: AnyItem) -> Option<crate::item::Item<$item>> {
                    match any {
                        AnyItem::$variant(item) => Some(item),
                        #[allow(unreachable_patterns)]
                        _ => None,
                    }
                }
            }

            $(impl Changeable for $kind {
                type Change = $change;
            })?
        )+
    };
    (@list transaction) => { CodeList::Transaction };
    (@list item) => { CodeList::Item };
    (@list resource) => { CodeList::Resource };
    (@list loinc) => { CodeList::Loinc };
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
    (@withhold $answers:ident, $covers:ident) => {{
        let _ = ($answers, $covers);
    }};
    (@withhold $answers:ident, $covers:ident, $withhold:expr) => { each_read($answers, |item| ($withhold)(item, $covers)) };
}

// The one list of kinds, in `lib.rs`.
record_kinds!(kinds);

/// A set of [`Scope`]s: what a proof covers besides its own kind (see
/// [`crate::policy::Authorized::covers`]), what a part of the record withholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Scopes(u32);

impl Scopes {
    /// Every scope.
    pub fn all() -> Scopes {
        Scopes::of(Scope::ALL)
    }

    pub fn of(scopes: &[Scope]) -> Scopes {
        scopes.iter().fold(Scopes::default(), |set, scope| set.with(*scope))
    }

    fn bit(scope: Scope) -> u32 {
        1 << (scope as u32)
    }

    #[must_use]
    pub fn with(self, scope: Scope) -> Scopes {
        Scopes(self.0 | Scopes::bit(scope))
    }

    pub fn contains(self, scope: Scope) -> bool {
        self.0 & Scopes::bit(scope) != 0
    }

    /// Whether every scope of `other` is in this set.
    pub fn covers_all(self, other: Scopes) -> bool {
        other.0 & !self.0 == 0
    }

    /// The scopes of `needed` outside this set, in [`Scope::ALL`]'s order.
    pub fn missing(self, needed: &[Scope]) -> Vec<Scope> {
        let mut out: Vec<Scope> = needed.iter().copied().filter(|s| !self.contains(*s)).collect();
        out.sort();
        out.dedup();
        out
    }

    /// The scopes in this set, in [`Scope::ALL`]'s order.
    pub fn list(self) -> Vec<Scope> {
        Scope::ALL.iter().copied().filter(|s| self.contains(*s)).collect()
    }
}

// What content is which kind, whatever carries it: a scope reads its kind and nothing more.
// A document whose content is a SumEHR, a medication schema or vaccinations needs that
// kind's scope as well as `documents`; a SumEHR's medication and vaccinations sections
// need theirs. The sources say what a content is by its codes.

/// FHIR's code system of resource types: what a FHIR document's Bundle carries.
pub const RESOURCE_TYPES: &str = "http://hl7.org/fhir/resource-types";

/// The code lists a content's kind is read from (see `record_kinds!`'s `codes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CodeList {
    /// KMEHR's `CD-TRANSACTION`: what a transaction (a document) is.
    Transaction,
    /// KMEHR's `CD-ITEM`: what an item (a line) is.
    Item,
    /// FHIR's resource types (see [`RESOURCE_TYPES`]).
    Resource,
    /// LOINC's document and section codes.
    Loinc,
}

impl CodeList {
    /// The list a coding's system names, if it is one of them (a KMEHR system by its name,
    /// alone or as the last part of a URL).
    fn of(system: &str) -> Option<CodeList> {
        let kmehr = |name: &str| system == name || system.strip_suffix(name).is_some_and(|rest| rest.ends_with('/'));
        if kmehr("CD-TRANSACTION") {
            Some(CodeList::Transaction)
        } else if kmehr("CD-ITEM") {
            Some(CodeList::Item)
        } else if system == RESOURCE_TYPES {
            Some(CodeList::Resource)
        } else if system == "http://loinc.org" {
            Some(CodeList::Loinc)
        } else {
            None
        }
    }
}

/// The kind a code names as content, when it is one of a kind of its own: a KMEHR
/// transaction type (`CD-TRANSACTION`), a KMEHR item type (`CD-ITEM`), a FHIR resource
/// type or a LOINC document or section code, as `record_kinds!` lists them. `None`: a
/// document like any other (a report, a letter, a note).
pub fn scope_of_code(coding: &Coding) -> Option<Scope> {
    let list = CodeList::of(coding.system.as_deref().unwrap_or_default())?;
    let code = coding.code.as_deref().unwrap_or_default().trim();
    CONTENT_CODES.iter().find(|(l, c, _)| *l == list && *c == code).map(|(_, _, scope)| *scope)
}

/// Whether some content code names this kind (its content needs its grant wherever it is).
pub fn has_content_codes(scope: Scope) -> bool {
    CONTENT_CODES.iter().any(|(_, _, named)| *named == scope)
}

/// The kinds a listed document holds besides being a document, by its type.
pub fn document_kinds(entry: &DocumentEntry) -> Vec<Scope> {
    let mut kinds: Vec<Scope> = entry.doc_type.iter().filter_map(scope_of_code).collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

/// Marks a listed document as not to be opened when its type says it holds a kind the
/// reader's grant does not cover.
pub fn withhold_document(entry: &mut DocumentEntry, covers: Scopes) {
    entry.withheld = !covers.missing(&document_kinds(entry)).is_empty();
}

/// A SumEHR's sections of a kind of their own: the section, its kind, and the KMEHR item
/// codes its "none declared" names.
const SUMEHR_SECTIONS: [(SumEhrSection, Scope, &[&str]); 3] = [
    (SumEhrSection::Allergies, Scope::Allergies, &["allergy", "adr"]),
    (SumEhrSection::Medication, Scope::Medication, &["medication"]),
    (SumEhrSection::Vaccinations, Scope::Vaccinations, &["vaccine"]),
];

/// Takes out of a SumEHR the sections whose kind the reader's grant does not cover (and
/// their "none declared", which would say something of them too).
pub fn withhold_sumehr(sumehr: &mut SumEhr, covers: Scopes) {
    for (section, scope, declared) in SUMEHR_SECTIONS {
        if covers.contains(scope) {
            continue;
        }
        match section {
            SumEhrSection::Allergies => sumehr.allergies.clear(),
            SumEhrSection::Medication => sumehr.medication.clear(),
            SumEhrSection::Vaccinations => sumehr.vaccinations.clear(),
        }
        if !sumehr.withheld.contains(&section) {
            sumehr.withheld.push(section);
        }
        sumehr.declared_none.retain(|code| !declared.contains(&code.as_str()));
    }
}

/// The kinds the whole of an opened document's body is (a SumEHR, a medication schema,
/// vaccinations, a FHIR document by its codes): each needs the reader's grant to cover it.
/// Parts of other kinds inside are withheld one by one instead ([`withhold_body`]).
pub fn body_kinds(body: &DocumentBody) -> Vec<Scope> {
    let mut kinds = match body {
        DocumentBody::SumEhr(_) => vec![Scope::SumEhr],
        DocumentBody::Medication(_) => vec![Scope::Medication],
        DocumentBody::Vaccinations(_) => vec![Scope::Vaccinations],
        DocumentBody::Note { codes, .. } => codes.iter().filter_map(scope_of_code).collect(),
        DocumentBody::File { .. } | DocumentBody::Unreadable { .. } => Vec::new(),
    };
    kinds.sort();
    kinds.dedup();
    kinds
}

/// Takes out of an opened document's body what is of a kind the reader's grant does not
/// cover (a SumEHR's sections, a report's medication or vaccination lines). Returns the
/// kinds of the parts kept (a SumEHR's sections that hold items, a report's lines) and of
/// those taken out (every section of a SumEHR the grant does not cover, empty or not).
pub fn withhold_body(body: &mut DocumentBody, covers: Scopes) -> (Vec<Scope>, Vec<Scope>) {
    let (mut kept, mut withheld) = (Vec::new(), Vec::new());
    match body {
        DocumentBody::SumEhr(sumehr) => {
            for (section, scope, _) in SUMEHR_SECTIONS {
                let holds = match section {
                    SumEhrSection::Allergies => !sumehr.allergies.is_empty(),
                    SumEhrSection::Medication => !sumehr.medication.is_empty(),
                    SumEhrSection::Vaccinations => !sumehr.vaccinations.is_empty(),
                };
                match covers.contains(scope) {
                    true if holds => kept.push(scope),
                    true => {}
                    false => withheld.push(scope),
                }
            }
            withhold_sumehr(sumehr, covers);
        }
        DocumentBody::Note { lines, .. } => lines.retain(|line| {
            let Some(scope) = line.read().and_then(|line| scope_of_code(&line.kind)) else { return true };
            let keep = covers.contains(scope);
            if keep {
                kept.push(scope)
            } else {
                withheld.push(scope)
            }
            keep
        }),
        DocumentBody::Medication(_)
        | DocumentBody::Vaccinations(_)
        | DocumentBody::File { .. }
        | DocumentBody::Unreadable { .. } => {}
    }
    for list in [&mut kept, &mut withheld] {
        list.sort();
        list.dedup();
    }
    (kept, withheld)
}

/// Calls `f` on every item that was read.
fn each_read<T>(answers: &mut Answers<T>, mut f: impl FnMut(&mut T)) {
    for answer in answers.iter_mut() {
        if let Ok(items) = &mut answer.result {
            for item in items.iter_mut() {
                if let crate::item::Item::Read(entry) = item {
                    f(entry);
                }
            }
        }
    }
}

/// Seals the id `id_of` gives of every item that was read (each kind that seals its
/// items' ids says which id, beside the kind).
pub(crate) fn seal_each<T>(answers: &mut Answers<T>, seal: &dyn SealId, id_of: impl Fn(&mut T) -> Option<&mut String>) {
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
            withheld: false,
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

    fn coding(system: &str, code: &str) -> Coding {
        Coding { system: Some(system.into()), code: Some(code.into()), display: None }
    }

    #[test]
    fn what_a_content_is_comes_from_its_codes_in_kmehr_loinc_and_fhir() {
        assert_eq!(scope_of_code(&coding("CD-TRANSACTION", "sumehr")), Some(Scope::SumEhr));
        assert_eq!(
            scope_of_code(&coding(
                "https://www.ehealth.fgov.be/standards/kmehr/cd/v1/CD-TRANSACTION",
                "medicationscheme"
            )),
            Some(Scope::Medication)
        );
        assert_eq!(scope_of_code(&coding("CD-TRANSACTION", "vaccination")), Some(Scope::Vaccinations));
        assert_eq!(scope_of_code(&coding("CD-TRANSACTION", "contactreport")), None);
        // A system that only ends like a KMEHR one is not one.
        assert_eq!(scope_of_code(&coding("X-CD-TRANSACTION", "sumehr")), None);
        assert_eq!(scope_of_code(&coding("http://loinc.org", "60591-5")), Some(Scope::SumEhr));
        assert_eq!(scope_of_code(&coding("http://loinc.org", "11369-6")), Some(Scope::Vaccinations));
        assert_eq!(scope_of_code(&coding("CD-ITEM", "medication")), Some(Scope::Medication));
        assert_eq!(scope_of_code(&coding(RESOURCE_TYPES, "AllergyIntolerance")), Some(Scope::Allergies));
    }

    #[test]
    fn a_sumehr_keeps_only_the_sections_the_grant_covers_and_says_which_it_left_out() {
        use crate::item::Item;
        let mut sumehr = SumEhr {
            medication: vec![Item::Unreadable { id: None, reason: "m".into() }],
            vaccinations: vec![Item::Unreadable { id: None, reason: "v".into() }],
            allergies: vec![Item::Unreadable { id: None, reason: "a".into() }],
            problems: vec![Item::Unreadable { id: None, reason: "p".into() }],
            declared_none: vec!["medication".into(), "problem".into()],
            ..SumEhr::default()
        };
        let summary = Scopes::of(&[Scope::SumEhr, Scope::Allergies]);
        let mut shown = DocumentBody::SumEhr(sumehr.clone());
        assert_eq!(withhold_body(&mut shown, summary).1, vec![Scope::Vaccinations, Scope::Medication]);
        withhold_sumehr(&mut sumehr, summary);
        assert!(sumehr.medication.is_empty() && sumehr.vaccinations.is_empty());
        assert_eq!(sumehr.allergies.len(), 1);
        assert_eq!(sumehr.problems.len(), 1);
        assert_eq!(sumehr.withheld, vec![SumEhrSection::Medication, SumEhrSection::Vaccinations]);
        assert_eq!(sumehr.declared_none, vec!["problem".to_owned()]);
        assert_eq!(shown, DocumentBody::SumEhr(sumehr));
        let mut all =
            SumEhr { medication: vec![Item::Unreadable { id: None, reason: "m".into() }], ..SumEhr::default() };
        withhold_sumehr(&mut all, Scopes::all());
        assert_eq!((all.medication.len(), all.withheld.len()), (1, 0));
    }

    #[test]
    fn a_document_is_what_its_type_and_its_content_say() {
        use crate::document::{DocumentFormat, NoteLine};
        use crate::item::Item;
        let mut entry = DocumentEntry {
            id: "1".into(),
            doc_type: vec![coding("CD-TRANSACTION", "sumehr")],
            title: None,
            date: None,
            author: None,
            institution: None,
            format: DocumentFormat::Kmehr,
            status: None,
            unknown_extensions: Vec::new(),
            withheld: false,
        };
        withhold_document(&mut entry, Scopes::of(&[Scope::Documents]));
        assert!(entry.withheld);
        withhold_document(&mut entry, Scopes::of(&[Scope::Documents, Scope::SumEhr]));
        assert!(!entry.withheld);
        let line = |system: &str, code: &str| {
            Item::Read(NoteLine { kind: coding(system, code), codes: Vec::new(), text: None, value: None, date: None })
        };
        let mut note = DocumentBody::Note {
            texts: vec!["report".into()],
            lines: vec![line("CD-ITEM", "medication"), line("CD-ITEM", "clinical")],
            codes: vec![coding("CD-TRANSACTION", "contactreport")],
        };
        assert_eq!(body_kinds(&note), Vec::<Scope>::new());
        assert_eq!(withhold_body(&mut note.clone(), Scopes::all()).0, vec![Scope::Medication]);
        assert_eq!(withhold_body(&mut note, Scopes::of(&[Scope::Documents])).1, vec![Scope::Medication]);
        let DocumentBody::Note { lines, .. } = &note else { panic!("a note") };
        assert_eq!(lines.len(), 1);
        let bundle = DocumentBody::Note {
            texts: Vec::new(),
            lines: Vec::new(),
            codes: vec![coding("http://loinc.org", "60591-5"), coding(RESOURCE_TYPES, "Immunization")],
        };
        assert_eq!(body_kinds(&bundle), vec![Scope::SumEhr, Scope::Vaccinations]);
    }

    #[test]
    fn no_content_code_names_two_kinds() {
        for (i, (list, code, scope)) in CONTENT_CODES.iter().enumerate() {
            let twice = CONTENT_CODES[i + 1..].iter().find(|(l, c, _)| l == list && c == code);
            assert!(twice.is_none(), "{list:?} {code} names {scope:?} and {twice:?}");
        }
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
