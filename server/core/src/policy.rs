//! The one policy check.
//!
//! Every read or change of a citizen's data asks [`decide`] first. Only this module can
//! build an [`Authorized`] proof, and connectors and the store accept nothing else, so no
//! data access can skip the check. Today the only basis is self-access; mandates,
//! parental authority and helpdesk support codes will be further [`Basis`] variants,
//! decided here and nowhere else.

use serde::{Deserialize, Serialize};

use crate::principal::Principal;
use crate::ssin::Ssin;

/// A part of a citizen's record. Its serde names are those of [`Scope::as_str`]
/// (configuration lists what a source serves by them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    Documents,
    #[serde(rename = "sumehr")]
    SumEhr,
    Vaccinations,
    Medication,
    Allergies,
    Consent,
    Relationships,
    Exclusions,
    AccessEvents,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Documents => "documents",
            Scope::SumEhr => "sumehr",
            Scope::Vaccinations => "vaccinations",
            Scope::Medication => "medication",
            Scope::Allergies => "allergies",
            Scope::Consent => "consent",
            Scope::Relationships => "relationships",
            Scope::Exclusions => "exclusions",
            Scope::AccessEvents => "access-events",
        }
    }
}

/// What someone wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    Read(Scope),
    /// Give or revoke consent, end a relationship, add or lift an exclusion.
    Change(Scope),
}

impl Action {
    /// A stable name for the audit log.
    pub fn code(self) -> String {
        match self {
            Action::Read(scope) => format!("read:{}", scope.as_str()),
            Action::Change(scope) => format!("change:{}", scope.as_str()),
        }
    }
}

/// Why an action is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// The person acts on their own record.
    SelfAccess,
}

impl Basis {
    pub fn code(self) -> &'static str {
        match self {
            Basis::SelfAccess => "self",
        }
    }
}

/// Why an action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Denied {
    /// The person asked for someone else's data and has no basis to see it.
    #[error("no basis to act for this person")]
    NoBasis,
}

impl Denied {
    pub fn code(self) -> &'static str {
        match self {
            Denied::NoBasis => "denied:no-basis",
        }
    }
}

/// Proof that the policy allowed `actor` to perform `action` on `subject`'s data.
/// Its fields are private and it has no public constructor: only [`decide`] makes one.
#[derive(Debug, Clone)]
pub struct Authorized {
    actor: Ssin,
    subject: Ssin,
    action: Action,
    basis: Basis,
}

impl Authorized {
    pub fn actor(&self) -> &Ssin {
        &self.actor
    }
    pub fn subject(&self) -> &Ssin {
        &self.subject
    }
    pub fn action(&self) -> Action {
        self.action
    }
    pub fn basis(&self) -> Basis {
        self.basis
    }
}

/// Decides whether `principal` may perform `action` on the record of `subject`.
pub fn decide(principal: &Principal, subject: &Ssin, action: Action) -> Result<Authorized, Denied> {
    if &principal.ssin == subject {
        return Ok(Authorized {
            actor: principal.ssin.clone(),
            subject: subject.clone(),
            action,
            basis: Basis::SelfAccess,
        });
    }
    Err(Denied::NoBasis)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::principal::Role;

    fn person(ssin: &str) -> Principal {
        let Ok(ssin) = Ssin::parse(ssin) else { panic!("test ssin must be valid") };
        Principal { ssin, display_name: "Test".into(), roles: vec![Role::Citizen] }
    }

    #[test]
    fn scopes_are_named_in_configuration_as_in_the_audit_log() {
        for scope in [
            Scope::Documents,
            Scope::SumEhr,
            Scope::Vaccinations,
            Scope::Medication,
            Scope::Allergies,
            Scope::Consent,
            Scope::Relationships,
            Scope::Exclusions,
            Scope::AccessEvents,
        ] {
            let json = format!("\"{}\"", scope.as_str());
            assert_eq!(serde_json::from_str::<Scope>(&json).ok(), Some(scope), "{json}");
        }
    }

    #[test]
    fn a_citizen_may_read_their_own_vaccinations() {
        let sofie = person("85041212468");
        let decision = decide(&sofie, &sofie.ssin, Action::Read(Scope::Vaccinations));
        let Ok(proof) = decision else { panic!("self access must be allowed") };
        assert_eq!(proof.subject(), &sofie.ssin);
        assert_eq!(proof.actor(), &sofie.ssin);
        assert_eq!(proof.basis(), Basis::SelfAccess);
    }

    #[test]
    fn a_citizen_may_not_read_someone_elses_vaccinations() {
        let sofie = person("85041212468");
        let maria = person("41022703827");
        let decision = decide(&sofie, &maria.ssin, Action::Read(Scope::Vaccinations));
        assert_eq!(decision.err(), Some(Denied::NoBasis));
    }

    #[test]
    fn helpdesk_staff_get_no_access_to_others_by_their_role_alone() {
        let mut lotte = person("92013014620");
        lotte.roles.push(Role::Helpdesk);
        let maria = person("41022703827");
        assert!(decide(&lotte, &maria.ssin, Action::Read(Scope::Vaccinations)).is_err());
    }
}
