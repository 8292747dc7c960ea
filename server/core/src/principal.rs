//! Who is logged in.
//!
//! A [`Principal`] is what the policy decides on, so it cannot be built from anything a
//! request carries: its fields are private, it does not deserialize, and its one
//! constructor is behind the `authentication` feature, which only the server's login
//! layer turns on (after verifying an ID token). Tests of other crates get theirs through
//! [`Principal::for_tests`] (the `test-support` feature, for dev-dependencies only).

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    ssin: Ssin,
    display_name: String,
    roles: Vec<Role>,
}

impl Principal {
    /// The person a verified login (or a session that one started) names. For the login
    /// layer only.
    #[cfg(feature = "authentication")]
    pub fn authenticated(ssin: Ssin, display_name: String, roles: Vec<Role>) -> Principal {
        Principal { ssin, display_name, roles }
    }

    /// A principal for tests.
    #[cfg(any(test, feature = "test-support"))]
    pub fn for_tests(ssin: Ssin, display_name: &str, roles: Vec<Role>) -> Principal {
        Principal { ssin, display_name: display_name.to_owned(), roles }
    }

    /// The person's own national register number.
    pub fn ssin(&self) -> &Ssin {
        &self.ssin
    }

    /// The name to greet them with.
    pub fn display_name(&self) -> &str {
        &self.display_name
    }

    pub fn roles(&self) -> &[Role] {
        &self.roles
    }
}
