//! The one policy check.
//!
//! Every read or change of a citizen's data asks [`decide`] first. Only this module can
//! build an [`Authorized`] proof, and connectors and the store accept nothing else, so no
//! data access can skip the check. Today the only basis is self-access; mandates,
//! parental authority and helpdesk support codes will be further [`Basis`] variants,
//! decided here and nowhere else.

use std::marker::PhantomData;

use serde::{Deserialize, Serialize};

use crate::kind::{Changeable, Kind};
use crate::principal::Principal;
use crate::ssin::Ssin;

pub use crate::kind::Scope;

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

/// What a proof is for: reading a kind of data ([`Read`]) or changing it ([`Change`]).
pub trait Act: Send + Sync + 'static {
    fn action() -> Action;
}

/// Reading the kind `K` (a type, never a value: see [`Authorized`]).
pub struct Read<K>(PhantomData<fn() -> K>);

/// Changing the kind `K` at a source.
pub struct Change<K>(PhantomData<fn() -> K>);

impl<K: Kind> Act for Read<K> {
    fn action() -> Action {
        Action::Read(K::SCOPE)
    }
}

impl<K: Changeable> Act for Change<K> {
    fn action() -> Action {
        Action::Change(K::SCOPE)
    }
}

/// Proof that the policy allowed `actor` to do `A` (read or change one kind of data) on
/// `subject`'s record. What it is for is part of its type: a reader of vaccinations takes
/// an `Authorized<Read<Vaccinations>>`, and a proof for anything else does not compile.
/// Its fields are private and it has no public constructor: only [`decide`] makes one.
///
/// A proof for one kind is no proof for another, nor is a read proof one for a change:
///
/// ```compile_fail
/// use carnet_core::consent::Consents;
/// use carnet_core::policy::{Authorized, Change, Read};
/// fn change_consent(proof: &Authorized<Change<Consents>>) {}
/// fn with(proof: Authorized<Read<Consents>>) {
///     change_consent(&proof); // does not compile: a read proof
/// }
/// ```
pub struct Authorized<A: Act> {
    actor: Ssin,
    subject: Ssin,
    basis: Basis,
    act: PhantomData<fn() -> A>,
}

impl<A: Act> Clone for Authorized<A> {
    fn clone(&self) -> Self {
        Authorized { actor: self.actor.clone(), subject: self.subject.clone(), basis: self.basis, act: PhantomData }
    }
}

impl<A: Act> std::fmt::Debug for Authorized<A> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The SSINs stay out (`Ssin`'s own Debug masks them too).
        f.debug_struct("Authorized").field("action", &A::action()).field("basis", &self.basis).finish_non_exhaustive()
    }
}

impl<A: Act> Authorized<A> {
    pub fn actor(&self) -> &Ssin {
        &self.actor
    }
    pub fn subject(&self) -> &Ssin {
        &self.subject
    }
    pub fn action(&self) -> Action {
        A::action()
    }
    pub fn basis(&self) -> Basis {
        self.basis
    }
}

/// Decides whether `principal` may do `A` on the record of `subject`.
pub fn decide<A: Act>(principal: &Principal, subject: &Ssin) -> Result<Authorized<A>, Denied> {
    let basis = basis(principal, subject, A::action())?;
    Ok(Authorized { actor: principal.ssin().clone(), subject: subject.clone(), basis, act: PhantomData })
}

/// For tests (the `test-support` feature): the proof a citizen gets for their own record,
/// decided by the policy like any other. Panics on an invalid SSIN.
#[cfg(any(test, feature = "test-support"))]
pub fn own_proof_for_tests<A: Act>(ssin: &str) -> Authorized<A> {
    let Ok(ssin) = Ssin::parse(ssin) else { panic!("test SSIN {ssin:?} is not valid") };
    let person = Principal::for_tests(ssin.clone(), "Test", vec![crate::principal::Role::Citizen]);
    match decide::<A>(&person, &ssin) {
        Ok(proof) => proof,
        Err(e) => panic!("a citizen may act on their own record: {e}"),
    }
}

/// The rules: on which basis `principal` may perform `action` on `subject`'s record.
/// Mandates, parental authority and support codes will be further [`Basis`] variants,
/// decided here.
fn basis(principal: &Principal, subject: &Ssin, _action: Action) -> Result<Basis, Denied> {
    if principal.ssin() == subject {
        return Ok(Basis::SelfAccess);
    }
    Err(Denied::NoBasis)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::principal::Role;
    use crate::vaccination::Vaccinations;

    fn person(ssin: &str, roles: Vec<Role>) -> Principal {
        let Ok(ssin) = Ssin::parse(ssin) else { panic!("test ssin must be valid") };
        Principal::for_tests(ssin, "Test", roles)
    }

    #[test]
    fn a_citizen_may_read_their_own_vaccinations() {
        let sofie = person("85041212468", vec![Role::Citizen]);
        let decision = decide::<Read<Vaccinations>>(&sofie, sofie.ssin());
        let Ok(proof) = decision else { panic!("self access must be allowed") };
        assert_eq!(proof.subject(), sofie.ssin());
        assert_eq!(proof.actor(), sofie.ssin());
        assert_eq!(proof.basis(), Basis::SelfAccess);
        assert_eq!(proof.action(), Action::Read(Scope::Vaccinations));
    }

    #[test]
    fn a_citizen_may_not_read_someone_elses_vaccinations() {
        let sofie = person("85041212468", vec![Role::Citizen]);
        let maria = person("41022703827", vec![Role::Citizen]);
        let decision = decide::<Read<Vaccinations>>(&sofie, maria.ssin());
        assert_eq!(decision.err(), Some(Denied::NoBasis));
    }

    #[test]
    fn a_change_proof_names_the_change() {
        let sofie = person("85041212468", vec![Role::Citizen]);
        let Ok(proof) = decide::<Change<crate::consent::Consents>>(&sofie, sofie.ssin()) else { panic!("self") };
        assert_eq!(proof.action(), Action::Change(Scope::Consent));
    }

    #[test]
    fn helpdesk_staff_get_no_access_to_others_by_their_role_alone() {
        let lotte = person("92013014620", vec![Role::Citizen, Role::Helpdesk]);
        let maria = person("41022703827", vec![Role::Citizen]);
        assert!(decide::<Read<Vaccinations>>(&lotte, maria.ssin()).is_err());
    }
}
