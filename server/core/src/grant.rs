//! What a grant to act for someone covers: the policy's own names for parts of a record,
//! as a citizen chooses them for a mandate or a support code and as the rule table for
//! minors lists them. Each covers some [`Action`]s; the policy asks [`GrantScope::allows`].

use serde::{Deserialize, Serialize};

use crate::action::Action;
use crate::kind::Scope;

/// The audit action of a session opening someone else's record (`/act-for`).
pub const OPEN_RECORD_ACTION: &str = "act-for:open";

macro_rules! grant_scope {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)+) => {
        /// A part of the record someone may be given, by its name in forms, the rule table
        /// for minors and the audit log (listed in `grant_scopes!` in `lib.rs`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum GrantScope {
            $($(#[$doc])* #[serde(rename = $name)] $variant,)+
        }

        impl GrantScope {
            /// Every grant scope, in the order forms list them.
            pub const ALL: &[GrantScope] = &[$(GrantScope::$variant,)+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(GrantScope::$variant => $name,)+
                }
            }
        }
    };
}

grant_scopes!(grant_scope);

macro_rules! grant_of_kind {
    ($(
        $(#[$doc:meta])*
        $variant:ident = $name:literal => $kind:ty { item: $item:ty, grant: $grant:ident $($rest:tt)* },
    )+) => {
        /// The grant scope that reads a kind (as `record_kinds!` in `lib.rs` says).
        pub const fn grant_of(scope: Scope) -> GrantScope {
            match scope {
                $(Scope::$variant => GrantScope::$grant,)+
            }
        }
    };
}

record_kinds!(grant_of_kind);

impl GrantScope {
    pub fn from_name(name: &str) -> Option<GrantScope> {
        GrantScope::ALL.iter().copied().find(|s| s.as_str() == name)
    }

    /// Whether this grant covers `action`. Only consents-manage covers a change; marking
    /// the access log as seen stays the citizen's own (it is their alert).
    pub fn allows(self, action: Action) -> bool {
        match action {
            Action::Read(scope) => grant_of(scope) == self,
            Action::Change(scope) => self == GrantScope::ConsentsManage && grant_of(scope) == self,
            Action::ManageGrants => false,
        }
    }

    /// Whether any of `scopes` covers `action`.
    pub fn any_allows(scopes: &[GrantScope], action: Action) -> bool {
        scopes.iter().any(|s| s.allows(action))
    }

    /// Parses a comma-separated list of names (as stored); unknown names are dropped.
    pub fn parse_list(text: &str) -> Vec<GrantScope> {
        let mut scopes: Vec<GrantScope> = text.split(',').filter_map(|n| GrantScope::from_name(n.trim())).collect();
        scopes.sort();
        scopes.dedup();
        scopes
    }

    /// The comma-separated list of names (see [`GrantScope::parse_list`]).
    pub fn list(scopes: &[GrantScope]) -> String {
        scopes.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kinds a grant lets someone read.
    fn reads(grant: GrantScope) -> Vec<Scope> {
        Scope::ALL.iter().copied().filter(|scope| grant_of(*scope) == grant).collect()
    }

    #[test]
    fn every_grant_scope_reads_some_kind_and_the_summary_reads_two() {
        for grant in GrantScope::ALL {
            assert!(!reads(*grant).is_empty(), "{grant:?} reads nothing");
        }
        assert_eq!(reads(GrantScope::Summary), vec![Scope::SumEhr, Scope::Allergies]);
        assert!(GrantScope::Summary.allows(Action::Read(Scope::Allergies)));
        assert!(!GrantScope::Summary.allows(Action::Read(Scope::Medication)));
    }

    #[test]
    fn only_consents_manage_changes_and_never_the_seen_marker() {
        for g in GrantScope::ALL {
            assert!(!g.allows(Action::Change(Scope::AccessEvents)));
            assert_eq!(g.allows(Action::Change(Scope::Consent)), *g == GrantScope::ConsentsManage);
        }
        assert!(GrantScope::ConsentsManage.allows(Action::Change(Scope::Exclusions)));
        assert!(!GrantScope::Documents.allows(Action::Change(Scope::Documents)));
    }

    #[test]
    fn lists_round_trip_and_drop_what_they_do_not_know() {
        let scopes = GrantScope::parse_list("medication, documents,bogus,documents");
        assert_eq!(scopes, vec![GrantScope::Documents, GrantScope::Medication]);
        assert_eq!(GrantScope::parse_list(&GrantScope::list(GrantScope::ALL)), GrantScope::ALL.to_vec());
    }
}
