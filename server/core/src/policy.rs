//! The one policy check.
//!
//! Every read or change of a citizen's data asks [`decide`] first. Only this module can
//! build an [`Authorized`] proof, and connectors and the store accept nothing else, so no
//! data access can skip the check. A person acts on their own record, or for someone else
//! on one of three bases, each decided here and nowhere else from the facts the service
//! gathered for the request ([`Grants`], read fresh on every request, so a revocation
//! holds at once): a mandate the other person gave ([`crate::mandate`]), a parent's or
//! legal representative's link to a minor under the rule table ([`crate::minor`]), or a
//! support code the citizen issued to the helpdesk ([`crate::support_code`], read-only).

use std::marker::PhantomData;

use serde::{Deserialize, Serialize};

use crate::date::Day;
use crate::grant::GrantScope;
use crate::kind::{Changeable, Kind, Scopes};
use crate::mandate::{Mandate, MandateId};
use crate::minor::{MinorRules, ParentLink};
use crate::principal::{Principal, Role};
use crate::share::{ShareGrant, ShareId};
use crate::ssin::Ssin;
use crate::support_code::{SupportCodeId, SupportGrant};

pub use crate::kind::Scope;

use crate::action::Action;

/// Why an action is allowed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Basis {
    /// The person acts on their own record.
    SelfAccess,
    /// Under a mandate the subject gave the actor.
    Mandate(MandateId),
    /// As a minor's parent or legal representative, under a band of the rule table (its id).
    Parent(String),
    /// As a helpdesk agent holding the subject's support code (read-only).
    SupportCode(SupportCodeId),
    /// Whoever holds a share's link (and its passcode), reading what it names as its maker
    /// (read-only).
    Share(ShareId),
}

impl Basis {
    /// Its name in the audit log: `self`, `mandate:<id>`, `parent:<band>`, `support-code:<id>`.
    pub fn code(&self) -> String {
        match self {
            Basis::SelfAccess => "self".to_owned(),
            Basis::Mandate(id) => format!("mandate:{}", id.0),
            Basis::Parent(band) => format!("parent:{band}"),
            Basis::SupportCode(id) => format!("support-code:{}", id.0),
            Basis::Share(id) => format!("share:{}", id.0),
        }
    }

    /// The basis an audit log's code names (see [`Basis::code`]).
    pub fn from_code(code: &str) -> Option<Basis> {
        match code.split_once(':') {
            None if code == "self" => Some(Basis::SelfAccess),
            Some(("mandate", id)) => id.parse().ok().map(|id| Basis::Mandate(MandateId(id))),
            Some(("parent", band)) if !band.is_empty() => Some(Basis::Parent(band.to_owned())),
            Some(("support-code", id)) => id.parse().ok().map(|id| Basis::SupportCode(SupportCodeId(id))),
            Some(("share", id)) => id.parse().ok().map(|id| Basis::Share(ShareId(id))),
            _ => None,
        }
    }
}

/// Why an action is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Denied {
    /// The person asked for someone else's data and has no basis to see it.
    #[error("no basis to act for this person")]
    NoBasis,
    /// A mandate is in force, but it does not cover this part of the record.
    #[error("outside the mandate")]
    OutsideMandate,
    /// The actor is the minor's parent, but the rule table gives no access to this part at
    /// the minor's age.
    #[error("the rules for minors do not allow it at this age")]
    MinorAge,
    /// A support code is held, but it does not cover this part of the record, or the
    /// action is a change (a support code gives a read-only view).
    #[error("outside the support code")]
    OutsideSupportCode,
    /// A share's link was opened, but the share ended (expired, revoked) or does not name
    /// this part of the record, or the action is a change (a share is read-only).
    #[error("outside the share")]
    OutsideShare,
}

impl Denied {
    pub fn code(self) -> &'static str {
        match self {
            Denied::NoBasis => "denied:no-basis",
            Denied::OutsideMandate => "denied:outside-mandate",
            Denied::MinorAge => "denied:minor-age",
            Denied::OutsideSupportCode => "denied:outside-support-code",
            Denied::OutsideShare => "denied:outside-share",
        }
    }

    pub fn from_code(code: &str) -> Option<Denied> {
        [Denied::NoBasis, Denied::OutsideMandate, Denied::MinorAge, Denied::OutsideSupportCode, Denied::OutsideShare]
            .into_iter()
            .find(|d| d.code() == code)
    }
}

/// The facts the policy decides on when someone acts for another person, gathered by the
/// service for this request (never cached across requests): the mandates between the
/// two, the national register's links from the actor to the subject with the rule table,
/// and the support codes the subject issued that the actor holds.
#[derive(Debug, Clone, Copy)]
pub struct Grants<'a> {
    /// Today in Belgium.
    pub today: Day,
    /// Now, in milliseconds since the epoch.
    pub now_ms: i64,
    pub mandates: &'a [Mandate],
    pub links: &'a [ParentLink],
    pub rules: Option<&'a MinorRules>,
    pub support: &'a [SupportGrant],
}

impl<'a> Grants<'a> {
    /// No grants at all: enough for a person acting on their own record.
    pub fn none(today: Day, now_ms: i64) -> Grants<'static> {
        Grants { today, now_ms, mandates: &[], links: &[], rules: None, support: &[] }
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

/// Managing one's own mandates and support codes.
pub struct ManageGrants;

impl Act for ManageGrants {
    fn action() -> Action {
        Action::ManageGrants
    }
}

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
    /// The kinds the actor may read of the subject's record, decided with this proof: what
    /// a reading may show of content of another kind inside its own (a SumEHR's
    /// medication section, a document that is a SumEHR). See [`crate::kind`].
    covers: Scopes,
    act: PhantomData<fn() -> A>,
}

impl<A: Act> Clone for Authorized<A> {
    fn clone(&self) -> Self {
        Authorized {
            actor: self.actor.clone(),
            subject: self.subject.clone(),
            basis: self.basis.clone(),
            covers: self.covers,
            act: PhantomData,
        }
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
    pub fn basis(&self) -> &Basis {
        &self.basis
    }
    /// The kinds of the subject's record the actor may read, as the policy decided them
    /// with this proof.
    pub fn covers(&self) -> Scopes {
        self.covers
    }
}

/// Decides whether `principal` may do `A` on the record of `subject`, given the facts in
/// `grants`.
pub fn decide<A: Act>(principal: &Principal, subject: &Ssin, grants: &Grants<'_>) -> Result<Authorized<A>, Denied> {
    let basis = basis(principal, subject, A::action(), grants)?;
    let covers = Scope::ALL
        .iter()
        .filter(|scope| self::basis(principal, subject, Action::Read(**scope), grants).is_ok())
        .fold(Scopes::default(), |covers, scope| covers.with(*scope));
    Ok(Authorized { actor: principal.ssin().clone(), subject: subject.clone(), basis, covers, act: PhantomData })
}

/// An opening of a share: whoever holds its link reads what it names, decided now as its
/// maker (a share is a grant with a basis of its own): only the parts it names, only while
/// it is open (not expired, not revoked), and only what the maker may read today — a
/// mandate ended since holds for it too. Read-only. The proof's actor is the maker, its
/// basis the share.
pub fn decide_shared<A: Act>(
    maker: &Principal,
    share: &ShareGrant,
    grants: &Grants<'_>,
) -> Result<Authorized<A>, Denied> {
    let Action::Read(scope) = A::action() else { return Err(Denied::OutsideShare) };
    if maker.ssin() != &share.maker || !share.is_open(grants.now_ms) || !share.parts.contains(&scope) {
        return Err(Denied::OutsideShare);
    }
    basis(maker, &share.subject, A::action(), grants)?;
    let covers = share
        .parts
        .iter()
        .filter(|scope| basis(maker, &share.subject, Action::Read(**scope), grants).is_ok())
        .fold(Scopes::default(), |covers, scope| covers.with(*scope));
    Ok(Authorized {
        actor: maker.ssin().clone(),
        subject: share.subject.clone(),
        basis: Basis::Share(share.id),
        covers,
        act: PhantomData,
    })
}

/// Whether `principal` may open `subject`'s record at all now: the basis of the first part
/// of it they may read (a session that chooses to act for someone is refused otherwise).
/// Gives no proof: every read is decided again.
pub fn may_act_for(principal: &Principal, subject: &Ssin, grants: &Grants<'_>) -> Result<Basis, Denied> {
    let mut refusal = Denied::NoBasis;
    for scope in Scope::ALL {
        match basis(principal, subject, Action::Read(*scope), grants) {
            Ok(basis) => return Ok(basis),
            Err(Denied::NoBasis) => {}
            Err(other) => refusal = other,
        }
    }
    Err(refusal)
}

/// Whether `principal` may read `scope` of `subject`'s record now (a page that lists what
/// it may show asks this first). Gives no proof.
pub fn may_read(principal: &Principal, subject: &Ssin, scope: Scope, grants: &Grants<'_>) -> Result<Basis, Denied> {
    basis(principal, subject, Action::Read(scope), grants)
}

/// For tests (the `test-support` feature): the proof a citizen gets for their own record,
/// decided by the policy like any other. Panics on an invalid SSIN.
#[cfg(any(test, feature = "test-support"))]
pub fn own_proof_for_tests<A: Act>(ssin: &str) -> Authorized<A> {
    let Ok(ssin) = Ssin::parse(ssin) else { panic!("test SSIN {ssin:?} is not valid") };
    let person = Principal::for_tests(ssin.clone(), "Test", vec![Role::Citizen]);
    let grants = Grants::none(Day { year: 2026, month: 1, day: 1 }, 0);
    match decide::<A>(&person, &ssin, &grants) {
        Ok(proof) => proof,
        Err(e) => panic!("a citizen may act on their own record: {e}"),
    }
}

/// The rules: on which basis `principal` may perform `action` on `subject`'s record. The
/// first basis that allows it wins; when none does, the refusal names the closest one (a
/// mandate that does not cover it rather than "no basis"), for the audit log and the page.
fn basis(principal: &Principal, subject: &Ssin, action: Action, grants: &Grants<'_>) -> Result<Basis, Denied> {
    let actor = principal.ssin();
    if actor == subject {
        return Ok(Basis::SelfAccess);
    }
    let mut refusal = Denied::NoBasis;

    // Helpdesk staff act only under a support code they hold, and only to read.
    if principal.roles().contains(&Role::Helpdesk) {
        let held = grants.support.iter().filter(|g| &g.citizen == subject && g.held_by(actor, grants.now_ms));
        for grant in held {
            let scopes: Vec<GrantScope> =
                grant.scopes.iter().copied().filter(|s| crate::support_code::CODE_SCOPES.contains(s)).collect();
            if matches!(action, Action::Read(_)) && GrantScope::any_allows(&scopes, action) {
                return Ok(Basis::SupportCode(grant.id));
            }
            refusal = Denied::OutsideSupportCode;
        }
    }

    let mandates =
        grants.mandates.iter().filter(|m| &m.giver == subject && &m.holder == actor && m.is_active_on(grants.today));
    for mandate in mandates {
        if GrantScope::any_allows(&mandate.scopes, action) {
            return Ok(Basis::Mandate(mandate.id));
        }
        refusal = Denied::OutsideMandate;
    }

    let links = grants.links.iter().filter(|l| &l.parent == actor && &l.child == subject);
    for link in links {
        let band = grants.rules.and_then(|rules| rules.band_on(link.child_birth, grants.today));
        match band {
            Some(band) if GrantScope::any_allows(&band.scopes, action) => return Ok(Basis::Parent(band.id.clone())),
            _ if refusal == Denied::NoBasis => refusal = Denied::MinorAge,
            _ => {}
        }
    }
    Err(refusal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consent::Consents;
    use crate::document::Documents;
    use crate::mandate::MandateState;
    use crate::minor::{AgeBand, LinkKind, Reference};
    use crate::support_code::SupportGrant;
    use crate::vaccination::Vaccinations;

    const TODAY: Day = Day { year: 2026, month: 12, day: 3 };

    fn none() -> Grants<'static> {
        Grants::none(TODAY, 1_000)
    }

    fn person(ssin: &str, roles: Vec<Role>) -> Principal {
        let Ok(ssin) = Ssin::parse(ssin) else { panic!("test ssin must be valid") };
        Principal::for_tests(ssin, "Test", roles)
    }

    #[test]
    fn a_citizen_may_read_their_own_vaccinations() {
        let sofie = person("85041212468", vec![Role::Citizen]);
        let decision = decide::<Read<Vaccinations>>(&sofie, sofie.ssin(), &none());
        let Ok(proof) = decision else { panic!("self access must be allowed") };
        assert_eq!(proof.subject(), sofie.ssin());
        assert_eq!(proof.actor(), sofie.ssin());
        assert_eq!(proof.basis(), &Basis::SelfAccess);
        assert_eq!(proof.action(), Action::Read(Scope::Vaccinations));
    }

    #[test]
    fn a_citizen_may_not_read_someone_elses_vaccinations() {
        let sofie = person("85041212468", vec![Role::Citizen]);
        let maria = person("41022703827", vec![Role::Citizen]);
        let decision = decide::<Read<Vaccinations>>(&sofie, maria.ssin(), &none());
        assert_eq!(decision.err(), Some(Denied::NoBasis));
    }

    #[test]
    fn a_change_proof_names_the_change() {
        let sofie = person("85041212468", vec![Role::Citizen]);
        let Ok(proof) = decide::<Change<Consents>>(&sofie, sofie.ssin(), &none()) else { panic!("self") };
        assert_eq!(proof.action(), Action::Change(Scope::Consent));
    }

    #[test]
    fn helpdesk_staff_get_no_access_to_others_by_their_role_alone() {
        let lotte = person("92013014620", vec![Role::Citizen, Role::Helpdesk]);
        let maria = person("41022703827", vec![Role::Citizen]);
        assert!(decide::<Read<Vaccinations>>(&lotte, maria.ssin(), &none()).is_err());
    }

    const MARIA: &str = "41022703827";
    const PIETER: &str = "68081420385";
    const LOTTE: &str = "92013014620";

    fn ssin(s: &str) -> Ssin {
        let Ok(ssin) = Ssin::parse(s) else { panic!("test ssin") };
        ssin
    }

    fn mandate(state: MandateState, scopes: Vec<GrantScope>, last_day: Option<Day>) -> Mandate {
        Mandate {
            id: MandateId(7),
            giver: ssin(MARIA),
            giver_name: "Maria".into(),
            holder: ssin(PIETER),
            holder_name: "Pieter".into(),
            scopes,
            first_day: Day { year: 2026, month: 1, day: 1 },
            last_day,
            state,
            given_ms: 0,
        }
    }

    fn with_mandates(mandates: &[Mandate]) -> Grants<'_> {
        Grants { mandates, ..none() }
    }

    #[test]
    fn a_proof_covers_exactly_what_the_grant_lets_the_actor_read() {
        let pieter = person(PIETER, vec![Role::Citizen]);
        let maria = ssin(MARIA);
        let mandates = [mandate(MandateState::Accepted, vec![GrantScope::Documents], None)];
        let Ok(proof) = decide::<Read<Documents>>(&pieter, &maria, &with_mandates(&mandates)) else {
            panic!("covered")
        };
        assert_eq!(proof.covers().list(), vec![Scope::Documents]);
        let mandates = [mandate(MandateState::Accepted, vec![GrantScope::Summary, GrantScope::Documents], None)];
        let Ok(proof) = decide::<Read<Documents>>(&pieter, &maria, &with_mandates(&mandates)) else {
            panic!("covered")
        };
        assert_eq!(proof.covers().list(), vec![Scope::Documents, Scope::SumEhr, Scope::Allergies]);
        let Ok(own) = decide::<Read<Documents>>(&pieter, pieter.ssin(), &none()) else { panic!("self") };
        assert_eq!(own.covers(), crate::kind::Scopes::all());
    }

    #[test]
    fn an_active_mandate_allows_what_it_covers_and_nothing_else() {
        let pieter = person(PIETER, vec![Role::Citizen]);
        let maria = ssin(MARIA);
        let mandates = [mandate(MandateState::Accepted, vec![GrantScope::Documents, GrantScope::Vaccinations], None)];
        let grants = with_mandates(&mandates);
        let Ok(proof) = decide::<Read<Documents>>(&pieter, &maria, &grants) else { panic!("covered") };
        assert_eq!(proof.basis(), &Basis::Mandate(MandateId(7)));
        assert_eq!(proof.basis().code(), "mandate:7");
        assert_eq!(proof.actor(), pieter.ssin());
        assert_eq!(proof.subject(), &maria);
        assert_eq!(decide::<Read<Consents>>(&pieter, &maria, &grants).err(), Some(Denied::OutsideMandate));
        assert_eq!(decide::<Change<Consents>>(&pieter, &maria, &grants).err(), Some(Denied::OutsideMandate));
        // Not the other way round: Maria gets nothing on Pieter's record from it.
        let maria_p = person(MARIA, vec![Role::Citizen]);
        assert_eq!(decide::<Read<Documents>>(&maria_p, &ssin(PIETER), &grants).err(), Some(Denied::NoBasis));
    }

    #[test]
    fn a_mandate_that_is_pending_declined_revoked_or_past_allows_nothing() {
        let pieter = person(PIETER, vec![Role::Citizen]);
        let maria = ssin(MARIA);
        let yesterday = Day { year: 2026, month: 12, day: 2 };
        for m in [
            mandate(MandateState::Pending, vec![GrantScope::Documents], None),
            mandate(MandateState::Declined, vec![GrantScope::Documents], None),
            mandate(MandateState::Revoked, vec![GrantScope::Documents], None),
            mandate(MandateState::Accepted, vec![GrantScope::Documents], Some(yesterday)),
        ] {
            let mandates = [m];
            let decision = decide::<Read<Documents>>(&pieter, &maria, &with_mandates(&mandates));
            assert_eq!(decision.err(), Some(Denied::NoBasis), "{:?}", mandates[0].state);
        }
        let on_its_last_day = [mandate(MandateState::Accepted, vec![GrantScope::Documents], Some(TODAY))];
        assert!(decide::<Read<Documents>>(&pieter, &maria, &with_mandates(&on_its_last_day)).is_ok());
    }

    #[test]
    fn consents_manage_is_the_only_mandate_scope_that_changes() {
        let pieter = person(PIETER, vec![Role::Citizen]);
        let maria = ssin(MARIA);
        let mandates = [mandate(MandateState::Accepted, vec![GrantScope::ConsentsManage], None)];
        let Ok(proof) = decide::<Change<Consents>>(&pieter, &maria, &with_mandates(&mandates)) else {
            panic!("manage")
        };
        assert_eq!(proof.basis(), &Basis::Mandate(MandateId(7)));
        let seen = decide::<Change<crate::access_event::AccessEvents>>(&pieter, &maria, &with_mandates(&mandates));
        assert_eq!(seen.err(), Some(Denied::OutsideMandate));
    }

    fn rules() -> MinorRules {
        let reference = Reference { en: "r".into(), nl: "r".into(), fr: "r".into(), de: "r".into() };
        let band = |id: &str, from: u32, until: Option<u32>, scopes: Vec<GrantScope>| AgeBand {
            id: id.into(),
            from_age: from,
            until_age: until,
            scopes,
            own_consent: until.is_none(),
            reference: reference.clone(),
        };
        MinorRules {
            name: "t".into(),
            date: "2026-12-03".into(),
            bands: vec![
                band("under-12", 0, Some(12), GrantScope::ALL.to_vec()),
                band("from-12-to-16", 12, Some(16), vec![GrantScope::Vaccinations]),
                band("from-16", 16, None, vec![]),
            ],
        }
    }

    #[test]
    fn a_parent_gets_what_the_rule_table_gives_at_the_childs_age_on_the_day() {
        let marc = person("80090315741", vec![Role::Citizen]);
        let child = ssin("13021908747");
        let rules = rules();
        // Twelve on 2026-12-03.
        let links = [ParentLink {
            parent: marc.ssin().clone(),
            parent_name: "Marc".into(),
            child: child.clone(),
            child_name: "Lucas".into(),
            child_birth: Day { year: 2014, month: 12, day: 3 },
            kind: LinkKind::Parent,
        }];
        let on = |today: Day| Grants { today, links: &links, rules: Some(&rules), ..none() };
        let day_before = Day { year: 2026, month: 12, day: 2 };
        let day_after = Day { year: 2026, month: 12, day: 4 };
        let Ok(proof) = decide::<Read<Documents>>(&marc, &child, &on(day_before)) else { panic!("under 12") };
        assert_eq!(proof.basis(), &Basis::Parent("under-12".into()));
        assert_eq!(decide::<Read<Documents>>(&marc, &child, &on(TODAY)).err(), Some(Denied::MinorAge));
        assert_eq!(decide::<Read<Documents>>(&marc, &child, &on(day_after)).err(), Some(Denied::MinorAge));
        let Ok(proof) = decide::<Read<Vaccinations>>(&marc, &child, &on(TODAY)) else { panic!("12-16 vaccinations") };
        assert_eq!(proof.basis().code(), "parent:from-12-to-16");
        let sixteen = Day { year: 2030, month: 12, day: 3 };
        assert_eq!(decide::<Read<Vaccinations>>(&marc, &child, &on(sixteen)).err(), Some(Denied::MinorAge));
        // No table: no access through a link.
        let no_rules = Grants { links: &links, ..none() };
        assert_eq!(decide::<Read<Vaccinations>>(&marc, &child, &no_rules).err(), Some(Denied::MinorAge));
        // The link is one way.
        let rules_on = on(day_before);
        let child_p = Principal::for_tests(child.clone(), "Lucas", vec![Role::Citizen]);
        assert_eq!(decide::<Read<Documents>>(&child_p, marc.ssin(), &rules_on).err(), Some(Denied::NoBasis));
    }

    fn support(holder: Option<&str>, scopes: Vec<GrantScope>, revoked: bool) -> SupportGrant {
        SupportGrant {
            id: SupportCodeId(3),
            citizen: ssin(MARIA),
            scopes,
            issued_ms: 0,
            expires_ms: 10_000,
            revoked,
            holder: holder.map(|h| (ssin(h), "Lotte".into())),
        }
    }

    #[test]
    fn a_support_code_gives_its_holder_a_read_only_view_of_its_scopes_while_it_runs() {
        let lotte = person(LOTTE, vec![Role::Citizen, Role::Helpdesk]);
        let maria = ssin(MARIA);
        fn at(now_ms: i64, support: &[SupportGrant]) -> Grants<'_> {
            Grants { now_ms, support, ..none() }
        }
        let held = &[support(Some(LOTTE), vec![GrantScope::Medication], false)];
        let Ok(proof) = decide::<Read<crate::medication::Medications>>(&lotte, &maria, &at(5_000, held)) else {
            panic!("held")
        };
        assert_eq!(proof.basis(), &Basis::SupportCode(SupportCodeId(3)));
        assert_eq!(decide::<Read<Documents>>(&lotte, &maria, &at(5_000, held)).err(), Some(Denied::OutsideSupportCode));
        let everything = &[support(Some(LOTTE), GrantScope::ALL.to_vec(), false)];
        assert_eq!(
            decide::<Change<Consents>>(&lotte, &maria, &at(5_000, everything)).err(),
            Some(Denied::OutsideSupportCode)
        );
        // Expired, revoked, held by another agent, not yet redeemed: nothing.
        assert_eq!(
            decide::<Read<crate::medication::Medications>>(&lotte, &maria, &at(10_000, held)).err(),
            Some(Denied::NoBasis)
        );
        for other in [
            support(Some(LOTTE), vec![GrantScope::Medication], true),
            support(Some(PIETER), vec![GrantScope::Medication], false),
            support(None, vec![GrantScope::Medication], false),
        ] {
            let decision = decide::<Read<crate::medication::Medications>>(&lotte, &maria, &at(5_000, &[other]));
            assert_eq!(decision.err(), Some(Denied::NoBasis));
        }
        // Without the helpdesk role a held code gives nothing.
        let citizen_lotte = person(LOTTE, vec![Role::Citizen]);
        assert_eq!(
            decide::<Read<crate::medication::Medications>>(&citizen_lotte, &maria, &at(5_000, held)).err(),
            Some(Denied::NoBasis)
        );
    }

    #[test]
    fn nobody_manages_someone_elses_grants_whatever_they_hold() {
        let pieter = person(PIETER, vec![Role::Citizen]);
        let maria = ssin(MARIA);
        let mandates = [mandate(MandateState::Accepted, GrantScope::ALL.to_vec(), None)];
        assert!(decide::<ManageGrants>(&pieter, pieter.ssin(), &none()).is_ok());
        assert_eq!(
            decide::<ManageGrants>(&pieter, &maria, &with_mandates(&mandates)).err(),
            Some(Denied::OutsideMandate)
        );
    }

    #[test]
    fn bases_and_refusals_read_back_from_their_codes() {
        for basis in [
            Basis::SelfAccess,
            Basis::Mandate(MandateId(12)),
            Basis::Parent("under-12".into()),
            Basis::SupportCode(SupportCodeId(4)),
            Basis::Share(ShareId(9)),
        ] {
            assert_eq!(Basis::from_code(&basis.code()), Some(basis));
        }
        assert_eq!(Basis::from_code("mandate:x"), None);
        assert_eq!(Basis::from_code("parent:"), None);
        for denied in [
            Denied::NoBasis,
            Denied::OutsideMandate,
            Denied::MinorAge,
            Denied::OutsideSupportCode,
            Denied::OutsideShare,
        ] {
            assert_eq!(Denied::from_code(denied.code()), Some(denied));
        }
    }

    fn share(maker: &Principal, subject: &Principal) -> ShareGrant {
        ShareGrant {
            id: ShareId(3),
            maker: maker.ssin().clone(),
            subject: subject.ssin().clone(),
            parts: vec![Scope::Vaccinations],
            expires_ms: 2_000,
            revoked: false,
        }
    }

    #[test]
    fn a_share_reads_only_what_it_names_while_it_is_open_as_its_maker() {
        let sofie = person("85041212468", vec![Role::Citizen]);
        let maria = person("41022703827", vec![Role::Citizen]);
        let shared = share(&sofie, &sofie);
        let Ok(proof) = decide_shared::<Read<Vaccinations>>(&sofie, &shared, &none()) else { panic!("named") };
        assert_eq!(proof.basis(), &Basis::Share(ShareId(3)));
        assert_eq!(proof.actor(), sofie.ssin());
        assert!(proof.covers().contains(Scope::Vaccinations) && !proof.covers().contains(Scope::Documents));
        let refused =
            |share: &ShareGrant, grants: &Grants<'_>| decide_shared::<Read<Vaccinations>>(&sofie, share, grants).err();
        // Not a part it names; a change; ended; revoked; another maker.
        assert_eq!(decide_shared::<Read<Documents>>(&sofie, &shared, &none()).err(), Some(Denied::OutsideShare));
        assert_eq!(decide_shared::<Change<Consents>>(&sofie, &shared, &none()).err(), Some(Denied::OutsideShare));
        assert_eq!(refused(&shared, &Grants::none(TODAY, 2_000)), Some(Denied::OutsideShare));
        assert_eq!(refused(&ShareGrant { revoked: true, ..shared.clone() }, &none()), Some(Denied::OutsideShare));
        assert_eq!(
            decide_shared::<Read<Vaccinations>>(&maria, &shared, &none()).err(),
            Some(Denied::OutsideShare),
            "only as its maker"
        );
        // A share of someone else's record made under a mandate holds only while the
        // mandate does: without it, the maker has no basis.
        let of_maria = share(&sofie, &maria);
        assert_eq!(refused(&of_maria, &none()), Some(Denied::NoBasis));
    }
}
