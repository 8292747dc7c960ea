//! Acting for others: the facts the policy decides on when someone acts for another
//! person (read fresh for every request: a revocation holds at the very next one, on any
//! instance), the mandates a person gave and holds, and the choice of whose record a
//! session opens.

use std::collections::BTreeMap;

use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::change::FormKey;
use carnet_core::grant::GrantScope;
use carnet_core::mandate::{self, Mandate, MandateAnswer, MandateForm, MandateId};
use carnet_core::minor::ParentLink;
use carnet_core::policy::{self, Authorized, Grants, ManageGrants};
use carnet_core::portal_service::{
    ActForBasis, ActForChoice, GiveMandateError, Mandates, Representative, ServiceError,
};
use carnet_core::principal::{ActingFor, MinorNote};
use carnet_core::support_code::SupportGrant;
use carnet_core::{Principal, Ssin};

use super::Inner;
use crate::clock::{now_ms, today_in_belgium};

/// The seal purpose of the tokens `/act-for` names people by.
pub(super) const ACT_FOR_PURPOSE: &str = "act-for";

/// What the policy needs to know when `principal` acts on `subject`'s record.
#[derive(Default)]
pub(super) struct Facts {
    mandates: Vec<Mandate>,
    links: Vec<ParentLink>,
    support: Vec<SupportGrant>,
    /// The register was asked and did not answer.
    pub(super) register_unavailable: bool,
}

impl Facts {
    pub(super) fn grants<'a>(&'a self, inner: &'a Inner) -> Grants<'a> {
        Grants {
            today: today_in_belgium(),
            now_ms: now_ms(),
            mandates: &self.mandates,
            links: &self.links,
            rules: inner.rules.as_ref(),
            support: &self.support,
        }
    }
}

fn internal(what: &'static str) -> impl Fn(carnet_store::StoreError) -> ServiceError {
    move |e| {
        tracing::error!(error = %e, "could not read or write {what}");
        ServiceError::Internal
    }
}

impl Inner {
    /// The facts for `principal` acting on `subject` (none for their own record).
    pub(super) async fn facts(&self, principal: &Principal, subject: &Ssin) -> Result<Facts, ServiceError> {
        if principal.ssin() == subject {
            return Ok(Facts::default());
        }
        let mandates = self.store.mandates_between(principal.ssin(), subject).await.map_err(internal("mandates"))?;
        let (links, register_unavailable) = match self.children(principal).await {
            Ok(links) => (links.into_iter().filter(|l| &l.child == subject).collect(), false),
            Err(()) => (Vec::new(), true),
        };
        // Helpdesk staff act only under the codes they hold.
        let support = if principal.is_helpdesk() {
            self.store.support_held(principal.ssin(), subject).await.map_err(internal("support codes"))?
        } else {
            Vec::new()
        };
        Ok(Facts { mandates, links, support, register_unavailable })
    }

    /// The minors the national register says `principal` represents (none without a register).
    async fn children(&self, principal: &Principal) -> Result<Vec<ParentLink>, ()> {
        let Some(register) = &self.register else { return Ok(Vec::new()) };
        register.children_of(principal.ssin()).await.map_err(|e| {
            tracing::warn!(error = %e, "the national register did not answer");
        })
    }

    /// What the rule table says for a minor born on `birth`, today.
    fn minor_note(&self, birth: carnet_core::date::Day) -> Option<MinorNote> {
        let band = self.rules.as_ref()?.band_on(birth, today_in_belgium())?;
        Some(MinorNote {
            band: band.id.clone(),
            age: carnet_core::minor::age_on(birth, today_in_belgium())?,
            scopes: band.scopes.clone(),
            own_consent: band.own_consent,
            reference: band.reference.clone(),
        })
    }

    pub(super) async fn representatives(&self, principal: &Principal) -> Result<Vec<Representative>, ServiceError> {
        let Some(register) = &self.register else { return Ok(Vec::new()) };
        let links = register.representatives_of(principal.ssin()).await.map_err(|e| {
            tracing::warn!(error = %e, "the national register did not answer");
            ServiceError::SourceUnavailable
        })?;
        Ok(links
            .into_iter()
            .filter_map(|l| Some(Representative { name: l.parent_name.clone(), note: self.minor_note(l.child_birth)? }))
            .collect())
    }

    /// The proof for managing one's own grants (the policy allows it on one's own record only).
    pub(super) fn own_grants(&self, principal: &Principal) -> Result<Authorized<ManageGrants>, ServiceError> {
        let none = Grants::none(today_in_belgium(), now_ms());
        policy::decide::<ManageGrants>(principal, principal.ssin(), &none).map_err(|_| ServiceError::Forbidden)
    }

    pub(super) async fn mandates(&self, principal: &Principal) -> Result<Mandates, ServiceError> {
        let proof = self.own_grants(principal)?;
        let given = self.store.mandates_given(&proof).await.map_err(internal("mandates"))?;
        let held = self.store.mandates_held(&proof).await.map_err(internal("mandates"))?;
        let name_matches = held
            .iter()
            .filter(|m| mandate::names_match(&m.holder_name, principal.display_name()))
            .map(|m| m.id)
            .collect();
        Ok(Mandates { given, held, name_matches, today: today_in_belgium() })
    }

    pub(super) async fn give_mandate(
        &self,
        principal: &Principal,
        key: FormKey,
        form: MandateForm,
        request_id: Option<String>,
    ) -> Result<MandateId, GiveMandateError> {
        let proof = self.own_grants(principal).map_err(GiveMandateError::Service)?;
        let draft = form.check(principal.ssin(), today_in_belgium()).map_err(GiveMandateError::Form)?;
        let event = AuditEvent {
            action: mandate::GIVE_ACTION.to_owned(),
            ..AuditEvent::allowed(&proof, Outcome::Success, &[], request_id)
        };
        self.store
            .give_mandate(&proof, &key, principal.display_name(), &draft, &event)
            .await
            .map_err(|e| GiveMandateError::Service(internal("a mandate")(e)))
    }

    pub(super) async fn answer_mandate(
        &self,
        principal: &Principal,
        id: MandateId,
        answer: MandateAnswer,
        request_id: Option<String>,
    ) -> Result<(), ServiceError> {
        let proof = self.own_grants(principal)?;
        // A number that names no mandate is refused like someone else's: the answer does
        // not tell which numbers exist.
        let mandate =
            self.store.mandate(&proof, id).await.map_err(internal("a mandate"))?.ok_or(ServiceError::Forbidden)?;
        let own_side = if answer.by_giver() { &mandate.giver } else { &mandate.holder };
        let name_ok =
            answer != MandateAnswer::Accept || mandate::names_match(&mandate.holder_name, principal.display_name());
        if own_side != principal.ssin() || !name_ok {
            // Refused, and written in the log of the person whose record the mandate opens.
            let (action, basis) = (answer.action_code(), policy::Denied::NoBasis.code());
            let refused = AuditEvent::refused_named(principal.ssin(), &mandate.giver, &action, basis, request_id);
            self.write_audit(std::slice::from_ref(&refused)).await?;
            return Err(ServiceError::Forbidden);
        }
        // In the log of the person whose record the mandate opens.
        let event = AuditEvent {
            subject: Some(mandate.giver.clone()),
            action: answer.action_code(),
            basis: policy::Basis::Mandate(id).code(),
            ..AuditEvent::allowed(&proof, Outcome::Success, &[], request_id)
        };
        let (from, to) = answer.transition();
        // Already answered (a second submit): nothing changes, nothing is written.
        self.store
            .move_mandate(&proof, id, answer.by_giver(), from, to, &event)
            .await
            .map_err(internal("a mandate"))?;
        Ok(())
    }

    pub(super) async fn act_for_choices(&self, principal: &Principal) -> Result<Vec<ActForChoice>, ServiceError> {
        let proof = self.own_grants(principal)?;
        let today = today_in_belgium();
        let held = self.store.mandates_held(&proof).await.map_err(internal("mandates"))?;
        // One line per person, with every mandate in force (their scopes together).
        let mut by_giver: BTreeMap<String, (String, MandateId, Vec<GrantScope>, Option<carnet_core::date::Day>)> =
            BTreeMap::new();
        for m in held.into_iter().filter(|m| m.is_active_on(today)) {
            let entry = by_giver
                .entry(m.giver.expose().to_owned())
                .or_insert_with(|| (m.giver_name.clone(), m.id, Vec::new(), m.last_day));
            entry.2.extend(m.scopes.iter().copied());
            entry.2.sort();
            entry.2.dedup();
            entry.3 = match (entry.3, m.last_day) {
                (Some(a), Some(b)) => Some(a.max(b)),
                _ => None,
            };
        }
        let mut choices: Vec<ActForChoice> = by_giver
            .into_iter()
            .map(|(ssin, (name, id, scopes, last_day))| ActForChoice {
                name,
                token: self.sealer.seal(ACT_FOR_PURPOSE, ssin.as_bytes()),
                why: ActForBasis::Mandate { id, scopes, last_day },
            })
            .collect();
        // The children, youngest first, each with what the rule table gives today.
        let mut children = self.children(principal).await.map_err(|()| ServiceError::SourceUnavailable)?;
        children.sort_by_key(|l| std::cmp::Reverse(l.child_birth));
        for link in children {
            let Some(note) = self.minor_note(link.child_birth) else { continue };
            choices.push(ActForChoice {
                name: link.child_name.clone(),
                token: self.sealer.seal(ACT_FOR_PURPOSE, link.child.expose().as_bytes()),
                why: ActForBasis::Minor(note),
            });
        }
        Ok(choices)
    }

    pub(super) async fn choose_act_for(
        &self,
        principal: &Principal,
        token: &str,
        request_id: Option<String>,
    ) -> Result<ActingFor, ServiceError> {
        let subject = self
            .sealer
            .open(ACT_FOR_PURPOSE, token)
            .and_then(|bytes| String::from_utf8(bytes).ok())
            .and_then(|text| Ssin::parse(&text).ok())
            .ok_or(ServiceError::NotFound)?;
        let facts = self.facts(principal, &subject).await?;
        let decision = policy::may_act_for(principal, &subject, &facts.grants(self));
        let basis = match &decision {
            Ok(basis) => basis.code(),
            Err(denied) => denied.code().to_owned(),
        };
        let event = AuditEvent {
            actor: Some(principal.ssin().clone()),
            subject: Some(subject.clone()),
            action: carnet_core::grant::OPEN_RECORD_ACTION.to_owned(),
            basis,
            outcome: if decision.is_ok() { Outcome::Success } else { Outcome::Denied },
            sources: String::new(),
            request_id,
        };
        self.write_audit(std::slice::from_ref(&event)).await?;
        if decision.is_err() {
            return Err(if facts.register_unavailable {
                ServiceError::SourceUnavailable
            } else {
                ServiceError::Forbidden
            });
        }
        let link = facts.links.iter().find(|l| l.child == subject);
        let name = facts
            .mandates
            .iter()
            .find(|m| m.giver == subject)
            .map(|m| m.giver_name.clone())
            .or_else(|| link.map(|l| l.child_name.clone()));
        let name = match name {
            Some(name) => name,
            None => self.store.account_name(&subject).await.ok().flatten().unwrap_or_default(),
        };
        let minor = match decision {
            Ok(policy::Basis::Parent(_)) => link.and_then(|l| self.minor_note(l.child_birth)),
            _ => None,
        };
        Ok(ActingFor { ssin: subject, name, minor })
    }
}
