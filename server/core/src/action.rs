//! What someone wants to do with a citizen's record: what the policy decides on, what a
//! grant covers, and what the audit log names.

use serde::{Deserialize, Serialize};

use crate::kind::Scope;

/// What someone wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    Read(Scope),
    /// Give or revoke consent, end a relationship, add or lift an exclusion.
    Change(Scope),
    /// See, give, accept, decline or revoke mandates and support codes: always on one's
    /// own behalf (no grant covers it).
    ManageGrants,
}

impl Action {
    /// A stable name for the audit log.
    pub fn code(self) -> String {
        match self {
            Action::Read(scope) => format!("read:{}", scope.as_str()),
            Action::Change(scope) => format!("change:{}", scope.as_str()),
            Action::ManageGrants => "grants".to_owned(),
        }
    }
}
