//! Who is logged in.

use serde::{Deserialize, Serialize};

use crate::ssin::Ssin;

/// A role the identity provider gives a person (from a configurable claim).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    Citizen,
    Helpdesk,
}

impl Role {
    pub fn parse(value: &str) -> Option<Role> {
        match value {
            "citizen" => Some(Role::Citizen),
            "helpdesk" => Some(Role::Helpdesk),
            _ => None,
        }
    }
}

/// The person behind a session. Built only from a verified ID token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Principal {
    /// The person's own national register number.
    pub ssin: Ssin,
    /// The name to greet them with.
    pub display_name: String,
    pub roles: Vec<Role>,
}
