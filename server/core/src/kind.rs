//! The kinds of data in a citizen's record, each defined once.
//!
//! A kind is a type (`Vaccinations`, `Medications` …) that names its [`Scope`] (the
//! policy's and the configuration's name for it) and its item type. Proofs
//! ([`crate::policy::Authorized`]), readers (in the connectors), readings
//! ([`crate::portal_service::Reading`]) and pages are all generic over the kind, so asking
//! a vaccination reader with a consent proof does not compile.
//!
//! Adding a kind: a type implementing [`Kind`] in its own module, one line in the
//! [`kinds!`] list below, its reader(s) in the connectors, and its page.

use std::fmt::Debug;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::date::Day;
use crate::source_answer::Answers;
use crate::vaccination::schedule::Schedule;

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
    ($($(#[$doc:meta])* $variant:ident = $name:literal => $kind:ty,)+) => {
        /// A part of a citizen's record, by name: in the configuration (what a source
        /// serves), the audit log and the policy. Each names one [`Kind`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum Scope {
            $($(#[$doc])* #[serde(rename = $name)] $variant,)+
        }

        impl Scope {
            /// Every scope, in the order pages list them.
            pub const ALL: &[Scope] = &[$(Scope::$variant,)+];

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
    };
}

kinds! {
    Documents = "documents" => crate::document::Documents,
    SumEhr = "sumehr" => crate::sumehr::SumEhrs,
    Vaccinations = "vaccinations" => crate::vaccination::Vaccinations,
    Medication = "medication" => crate::medication::Medications,
    Allergies = "allergies" => crate::allergy::Allergies,
    Consent = "consent" => crate::consent::Consents,
    Relationships = "relationships" => crate::relationship::Relationships,
    Exclusions = "exclusions" => crate::exclusion::Exclusions,
    AccessEvents = "access-events" => crate::access_event::AccessEvents,
}

/// Declares a kind whose derived value is `()`: `simple_kind!(Name, Scope::X, Item)`.
#[macro_export]
macro_rules! simple_kind {
    ($(#[$doc:meta])* $name:ident, $scope:ident, $item:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub struct $name;

        impl $crate::kind::Kind for $name {
            const SCOPE: $crate::kind::Scope = $crate::kind::Scope::$scope;
            type Item = $item;
            type Derived = ();
            fn derive(_: &$crate::source_answer::Answers<$item>, _: &$crate::kind::Context<'_>) {}
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

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
