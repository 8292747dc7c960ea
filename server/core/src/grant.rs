//! What a grant to act for someone covers: the policy's own names for parts of a record,
//! as a citizen chooses them for a mandate or a support code and as the rule table for
//! minors lists them. Each covers some [`Action`]s; the policy asks [`GrantScope::allows`].

use serde::{Deserialize, Serialize};

use crate::action::Action;
use crate::kind::Scope;

/// The audit action of a session opening someone else's record (`/act-for`).
pub const OPEN_RECORD_ACTION: &str = "act-for:open";

/// A part of the record someone may be given, by its name in forms, the rule table for
/// minors and the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum GrantScope {
    #[serde(rename = "documents")]
    Documents,
    #[serde(rename = "vaccinations")]
    Vaccinations,
    #[serde(rename = "medication")]
    Medication,
    /// Allergies and the health summary (SumEHR).
    #[serde(rename = "summary")]
    Summary,
    /// Seeing and changing informed consent, the care team and exclusions (and so who
    /// can see the record).
    #[serde(rename = "consents-manage")]
    ConsentsManage,
    /// Seeing who looked at the record.
    #[serde(rename = "access-log")]
    AccessLog,
}

impl GrantScope {
    /// Every grant scope, in the order forms list them.
    pub const ALL: &[GrantScope] = &[
        GrantScope::Documents,
        GrantScope::Vaccinations,
        GrantScope::Medication,
        GrantScope::Summary,
        GrantScope::ConsentsManage,
        GrantScope::AccessLog,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            GrantScope::Documents => "documents",
            GrantScope::Vaccinations => "vaccinations",
            GrantScope::Medication => "medication",
            GrantScope::Summary => "summary",
            GrantScope::ConsentsManage => "consents-manage",
            GrantScope::AccessLog => "access-log",
        }
    }

    pub fn from_name(name: &str) -> Option<GrantScope> {
        GrantScope::ALL.iter().copied().find(|s| s.as_str() == name)
    }

    /// Whether this grant covers `action`. Only consents-manage covers a change; marking
    /// the access log as seen stays the citizen's own (it is their alert).
    pub fn allows(self, action: Action) -> bool {
        match action {
            Action::Read(scope) => self.reads().contains(&scope),
            Action::Change(scope) => {
                self == GrantScope::ConsentsManage
                    && matches!(scope, Scope::Consent | Scope::Relationships | Scope::Exclusions)
            }
            Action::ManageGrants => false,
        }
    }

    /// The kinds of data this grant lets someone read.
    pub fn reads(self) -> &'static [Scope] {
        match self {
            GrantScope::Documents => &[Scope::Documents],
            GrantScope::Vaccinations => &[Scope::Vaccinations],
            GrantScope::Medication => &[Scope::Medication],
            GrantScope::Summary => &[Scope::Allergies, Scope::SumEhr],
            GrantScope::ConsentsManage => &[Scope::Consent, Scope::Relationships, Scope::Exclusions],
            GrantScope::AccessLog => &[Scope::AccessEvents],
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

    #[test]
    fn every_readable_scope_is_covered_by_exactly_one_grant_scope() {
        for scope in Scope::ALL {
            let covering = GrantScope::ALL.iter().filter(|g| g.allows(Action::Read(*scope))).count();
            assert_eq!(covering, 1, "{scope:?}");
        }
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
