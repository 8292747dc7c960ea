//! Changes a citizen makes at the sources: give or revoke consent, end a care
//! relationship, add or lift an exclusion. One vocabulary for the pages (what was asked),
//! the service (which goes through the policy with a change proof) and the audit log (a
//! stable code per change, no health data).

use serde::{Deserialize, Serialize};

use crate::Ssin;
use crate::kind::{Changeable, Scope};

/// A kind's change as the citizen names it: its verb.
pub trait SourceChange {
    fn verb(&self) -> ChangeVerb;
}

/// How a form becomes a change, written beside the kind it changes: which tokens it
/// opens, whose record, what, where it goes. The portal does the rest the same way for
/// every form (the policy's change proof, the one-time key, the sources, the audit).
pub trait PlanForm {
    type Change: SourceChange;
    /// `None`: the form does not hold together (a token that does not open).
    fn plan(self, open: &dyn OpenToken) -> Option<Planned<Self::Change>>;
}

/// Opens the tokens pages carry instead of the sources' ids (the portal holds the key).
pub trait OpenToken {
    /// The token of an item of `scope` (each kind's tokens open only as that kind's).
    fn item(&self, scope: Scope, token: &str) -> Option<Opened>;
    /// A directory entry's token: a care provider, for one person's record.
    fn directory(&self, token: &str) -> Option<Opened>;
}

/// What a token holds: whose record, which source, the source's id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub subject: Ssin,
    pub source: String,
    pub id: String,
}

/// A change worked out from its form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned<C> {
    /// Whose record: the one a token names, or (`None`) the one the signed-in person has open.
    pub subject: Option<Ssin>,
    pub change: C,
    /// The care provider it is about, by number (the report shows their name).
    pub nihdi: Option<String>,
    /// The one source it goes to, by id, or (`None`) every source that takes it.
    pub at: Option<String>,
}

/// Something to do with a form, typed, and the kind it changes (see [`ChangeForm::visit`]).
pub trait FormVisitor {
    type Out;
    fn visit<K: Changeable, F: PlanForm<Change = K::Change>>(self, form: F) -> Self::Out
    where
        K::Change: SourceChange;
}

/// Something to do for a kind the citizen changes at the sources (see [`visit_changed`]).
pub trait ChangedVisitor {
    type Out;
    fn visit<K: Changeable>(self) -> Self::Out;
}

macro_rules! changes {
    ($(
        $scope:ident = $kind:ty: $change:ty {
            verbs: [$($verb:ident = $code:literal when $pat:pat),+ $(,)?],
            forms: [$($(#[$form_doc:meta])* $form:ident { $($field:ident: $field_type:ty),* $(,)? }),+ $(,)?] $(,)?
        },
    )+) => {
        /// The forms the pages post, each with what it carries; each becomes a change by its
        /// [`PlanForm`](super::PlanForm), beside its kind.
        pub mod form {
            use serde::{Deserialize, Serialize};

            $($(
                $(#[$form_doc])*
                #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
                pub struct $form {
                    $(pub $field: $field_type,)*
                }

                impl From<$form> for super::ChangeForm {
                    fn from(form: $form) -> Self {
                        super::ChangeForm::$form(form)
                    }
                }
            )+)+
        }

        /// What a form asks for, in the page's terms (listed in `source_changes!` in `lib.rs`).
        #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
        pub enum ChangeForm {
            $($($form(form::$form),)+)+
        }

        impl ChangeForm {
            /// The kind the form changes.
            pub fn scope(&self) -> Scope {
                match self {
                    $($(ChangeForm::$form(_) => Scope::$scope,)+)+
                }
            }

            /// Hands the form, typed, to `visitor`, with the kind it changes.
            pub fn visit<V: FormVisitor>(self, visitor: V) -> V::Out {
                match self {
                    $($(ChangeForm::$form(form) => visitor.visit::<$kind, form::$form>(form),)+)+
                }
            }
        }

        /// Hands `visitor` the kind `scope` names, if the citizen changes it at the sources.
        pub fn visit_changed<V: ChangedVisitor>(scope: Scope, visitor: V) -> Option<V::Out> {
            match scope {
                $(Scope::$scope => Some(visitor.visit::<$kind>()),)+
                _ => None,
            }
        }

        /// Which change was made, by name: in the audit log, in the change's report, in the
        /// access timeline ("you revoked your consent at CoZo").
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum ChangeVerb {
            $($($verb,)+)+
        }

        impl ChangeVerb {
            pub const ALL: &[ChangeVerb] = &[$($(ChangeVerb::$verb,)+)+];

            /// The verb's own name (`give`, `end` …), unique among every change's.
            pub fn code(self) -> &'static str {
                match self {
                    $($(ChangeVerb::$verb => $code,)+)+
                }
            }

            /// The kind it changes.
            pub fn scope(self) -> Scope {
                match self {
                    $($(ChangeVerb::$verb => Scope::$scope,)+)+
                }
            }
        }

        $(impl SourceChange for $change {
            fn verb(&self) -> ChangeVerb {
                match self {
                    $($pat => ChangeVerb::$verb,)+
                }
            }
        })+
    };
}

source_changes!(changes);

impl ChangeVerb {
    /// The audit log's action: `change:consent:give`, `change:exclusions:add` …
    pub fn action_code(self) -> String {
        format!("change:{}:{}", self.scope().as_str(), self.code())
    }

    /// The verb of an audit action code, if it names a change.
    pub fn from_action_code(code: &str) -> Option<ChangeVerb> {
        ChangeVerb::ALL.iter().copied().find(|verb| code == verb.action_code())
    }
}

/// How a change went at one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeStatus {
    /// Asked, no answer yet (or Carnet stopped before it came: the attempt stays visible).
    Pending,
    Done,
    /// The source understood and said no (a hub's negative acknowledgement).
    Refused,
    /// The source did not answer, or answered with an error: nothing is known to have changed.
    Unavailable,
    /// The source does not hold what the change is about (a relationship already ended).
    NotFound,
}

impl ChangeStatus {
    pub fn code(self) -> &'static str {
        match self {
            ChangeStatus::Pending => "pending",
            ChangeStatus::Done => "done",
            ChangeStatus::Refused => "refused",
            ChangeStatus::Unavailable => "unavailable",
            ChangeStatus::NotFound => "not-found",
        }
    }
}

/// One source's part of a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceChangeResult {
    pub source_id: String,
    pub source_name: String,
    pub status: ChangeStatus,
}

/// What became of a change: the report the page shows after it (also to a second submit
/// of the same form, which changes nothing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeReport {
    pub verb: ChangeVerb,
    /// The care provider it was about, by name where a source knows it.
    pub professional: Option<String>,
    pub sources: Vec<SourceChangeResult>,
    /// When it was asked, in milliseconds since the epoch.
    pub at_ms: i64,
}

impl ChangeReport {
    /// Done at every source it went to.
    pub fn all_done(&self) -> bool {
        !self.sources.is_empty() && self.sources.iter().all(|s| s.status == ChangeStatus::Done)
    }
}

/// A form's one-time key: a double submit of the same form acts once. Made by the server
/// when it renders the form (random, url-safe), checked for its shape when it comes back.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FormKey(String);

impl FormKey {
    /// A key as a form sent it: 16 to 64 characters of `A-Z a-z 0-9 - _`.
    pub fn parse(text: &str) -> Option<FormKey> {
        let ok = (16..=64).contains(&text.len())
            && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| FormKey(text.to_owned()))
    }

    /// A key made of 16 random bytes (32 hex digits).
    pub fn from_random(bytes: [u8; 16]) -> FormKey {
        FormKey(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verb_reads_back_from_its_audit_action() {
        for verb in ChangeVerb::ALL {
            assert_eq!(ChangeVerb::from_action_code(&verb.action_code()), Some(*verb));
        }
        assert_eq!(ChangeVerb::from_action_code("read:consent"), None);
        assert_eq!(ChangeVerb::GiveConsent.action_code(), "change:consent:give");
    }

    #[test]
    fn each_verb_has_a_code_of_its_own_and_each_change_its_verb() {
        let mut codes: Vec<&str> = ChangeVerb::ALL.iter().map(|v| v.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), ChangeVerb::ALL.len(), "the words of a report are named by the verb's code");
        use crate::exclusion::ExclusionChange;
        assert_eq!(crate::consent::ConsentChange::Revoke.verb(), ChangeVerb::RevokeConsent);
        assert_eq!(ExclusionChange::Lift { nihdi: "1".into() }.verb(), ChangeVerb::LiftExclusion);
        assert_eq!(ChangeForm::from(form::LiftExclusion { exclusion: "t".into() }).scope(), Scope::Exclusions);
    }

    /// Opens `<scope>:<id>` for items and `directory:<id>` for directory entries, all of one person.
    struct Plain;

    impl OpenToken for Plain {
        fn item(&self, scope: Scope, token: &str) -> Option<Opened> {
            Self::opened(token.strip_prefix(scope.as_str())?.strip_prefix(':')?)
        }

        fn directory(&self, token: &str) -> Option<Opened> {
            Self::opened(token.strip_prefix("directory:")?)
        }
    }

    impl Plain {
        fn opened(id: &str) -> Option<Opened> {
            Some(Opened { subject: Ssin::parse("41022703827").ok()?, source: "cozo".into(), id: id.into() })
        }
    }

    #[test]
    fn each_form_plans_its_change_from_what_it_carries_and_opens() {
        use crate::consent::ConsentChange;
        use crate::exclusion::ExclusionChange;
        use crate::relationship::RelationshipChange;
        let consent = form::Consent { source: "rsw".into(), give: false }.plan(&Plain);
        assert_eq!(
            consent,
            Some(Planned { subject: None, change: ConsentChange::Revoke, nihdi: None, at: Some("rsw".into()) })
        );
        let Some(end) = form::EndRelationship { link: "relationships:123".into() }.plan(&Plain) else {
            panic!("opens")
        };
        assert_eq!(
            (end.change, end.nihdi, end.at),
            (RelationshipChange::End { nihdi: "123".into() }, Some("123".into()), Some("cozo".into()))
        );
        assert_eq!(end.subject.as_ref().map(Ssin::expose), Some("41022703827"), "the token's record");
        let Some(add) = form::AddExclusion { party: "directory:456".into() }.plan(&Plain) else { panic!("opens") };
        assert_eq!((add.change, add.at), (ExclusionChange::Add { nihdi: "456".into() }, None), "at every hub");
        let Some(lift) = form::LiftExclusion { exclusion: "exclusions:456".into() }.plan(&Plain) else {
            panic!("opens")
        };
        assert_eq!((lift.change, lift.at), (ExclusionChange::Lift { nihdi: "456".into() }, None));
        // A token opens only as what it was made for.
        assert_eq!(form::EndRelationship { link: "exclusions:123".into() }.plan(&Plain), None);
        assert_eq!(form::AddExclusion { party: "exclusions:456".into() }.plan(&Plain), None);
        assert_eq!(form::LiftExclusion { exclusion: "directory:456".into() }.plan(&Plain), None);
    }

    #[test]
    fn a_form_key_is_url_safe_and_long_enough() {
        assert!(FormKey::parse("abcdefghijklmnop").is_some());
        assert!(FormKey::parse("short").is_none());
        assert!(FormKey::parse("abcdefghijklmnop<").is_none());
        assert!(FormKey::parse(&"a".repeat(65)).is_none());
        let made = FormKey::from_random([0xab; 16]);
        assert_eq!(FormKey::parse(made.as_str()), Some(made));
    }

    #[test]
    fn a_report_is_done_only_when_every_source_did_it() {
        let result = |status| SourceChangeResult { source_id: "cozo".into(), source_name: "CoZo".into(), status };
        let mut report =
            ChangeReport { verb: ChangeVerb::AddExclusion, professional: None, sources: Vec::new(), at_ms: 0 };
        assert!(!report.all_done(), "went nowhere");
        report.sources = vec![result(ChangeStatus::Done), result(ChangeStatus::Unavailable)];
        assert!(!report.all_done());
        report.sources.truncate(1);
        assert!(report.all_done());
    }
}
