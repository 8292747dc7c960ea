//! Acting for someone else: whose record a person may open and why, the choice of whose
//! record a session opens (decided by the policy, audited), and who represents a minor.

use std::collections::BTreeMap;

use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::grant::GrantScope;
use carnet_core::mandate::MandateId;
use carnet_core::policy::{self};
use carnet_core::portal_service::{ActForBasis, ActForChoice, ActForService, Representative, ServiceError};
use carnet_core::principal::ActingFor;
use carnet_core::{Principal, Ssin};

use super::Portal;
use super::internal;
use crate::clock::today_in_belgium;

/// The seal purpose of the tokens `/act-for` names people by.
pub(super) const ACT_FOR_PURPOSE: &str = "act-for";

#[async_trait::async_trait]
impl ActForService for Portal {
    async fn representatives(&self, principal: &Principal) -> Result<Vec<Representative>, ServiceError> {
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

    async fn act_for_choices(&self, principal: &Principal) -> Result<Vec<ActForChoice>, ServiceError> {
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

    #[tracing::instrument(name = "portal.choose_act_for", skip_all)]
    async fn choose_act_for(
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
