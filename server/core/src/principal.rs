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
///
/// It also says whose record the session has open ([`Principal::subject`]): their own, or
/// that of someone they chose to act for at `/act-for`. That choice is no permission:
/// every request is decided again by the policy on the grants in force at that moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    ssin: Ssin,
    display_name: String,
    roles: Vec<Role>,
    acting_for: Option<ActingFor>,
}

/// The other person whose record a session has open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActingFor {
    pub ssin: Ssin,
    pub name: String,
    /// When they are a minor the person represents: the rule that applied when the record
    /// was opened (what every page says; each request is decided again on the day).
    pub minor: Option<MinorNote>,
}

/// Which band of the rule table for minors applies, for the pages to say why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinorNote {
    pub band: String,
    pub age: u32,
    pub scopes: Vec<crate::grant::GrantScope>,
    pub own_consent: bool,
    pub reference: crate::minor::Reference,
}

impl Principal {
    /// The person a verified login (or a session that one started) names. For the login
    /// layer only.
    #[cfg(feature = "authentication")]
    pub fn authenticated(ssin: Ssin, display_name: String, roles: Vec<Role>) -> Principal {
        Principal { ssin, display_name, roles, acting_for: None }
    }

    /// The same person with another record open (`None`: their own). For the login
    /// layer only, from what the sealed session holds.
    #[cfg(feature = "authentication")]
    pub fn acting_for(self, acting_for: Option<ActingFor>) -> Principal {
        Principal { acting_for, ..self }
    }

    /// A principal for tests.
    #[cfg(any(test, feature = "test-support"))]
    pub fn for_tests(ssin: Ssin, display_name: &str, roles: Vec<Role>) -> Principal {
        Principal { ssin, display_name: display_name.to_owned(), roles, acting_for: None }
    }

    /// A principal for tests, acting for `subject`.
    #[cfg(any(test, feature = "test-support"))]
    pub fn acting_for_tests(self, subject: Ssin, name: &str) -> Principal {
        Principal { acting_for: Some(ActingFor { ssin: subject, name: name.to_owned(), minor: None }), ..self }
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

    pub fn is_helpdesk(&self) -> bool {
        self.roles.contains(&Role::Helpdesk)
    }

    /// Whose record this session has open: the person acted for, or their own.
    pub fn subject(&self) -> &Ssin {
        self.acting_for.as_ref().map(|a| &a.ssin).unwrap_or(&self.ssin)
    }

    /// The other person whose record is open, if any.
    pub fn acting(&self) -> Option<&ActingFor> {
        self.acting_for.as_ref()
    }
}
