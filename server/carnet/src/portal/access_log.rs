//! The access log: the sources' access events and Carnet's own audit entries about the
//! person, read through the policy; and the person's "seen until" marker.

use std::collections::HashMap;

use carnet_core::Principal;
use carnet_core::access_event::AccessEvents;
use carnet_core::access_log::{
    AccessLog, AccessNews, NEW_WITHOUT_MARKER_MS, NewAccess, PortalAccess, PortalAction, withhold_lines,
};
use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::party::Party;
use carnet_core::policy::{self, Basis, Change, Read};
use carnet_core::portal_service::{AccessLogService, ServiceError};
use carnet_store::AuditRecord;

use super::Inner;
use super::Portal;
use crate::clock::now_ms;

/// "Lotte C.": a helpdesk agent as the citizen sees them.
fn short_name(name: &str) -> String {
    let mut parts = name.split_whitespace();
    let first = parts.next().unwrap_or_default();
    match parts.next().and_then(|p| p.chars().next()) {
        Some(initial) => format!("{first} {initial}."),
        None => first.to_owned(),
    }
}

/// The citizen's trusted persons by name: by their mandate's number and by their number.
struct People {
    by_mandate: HashMap<i64, String>,
    by_ssin: HashMap<String, String>,
}

/// Carnet's entries shown at most (the newest).
const PORTAL_ENTRIES: i64 = 2000;

impl Inner {
    /// Carnet's entries as timeline lines, newest first: the reads of one page view are one
    /// line; a change's attempt is shown only when its outcome is missing.
    fn portal_accesses(
        &self,
        records: &[AuditRecord],
        professionals: &HashMap<String, String>,
        people: &People,
    ) -> Vec<PortalAccess> {
        let mut out: Vec<(Option<&str>, PortalAccess)> = Vec::new();
        for record in records {
            let action = PortalAction::parse(&record.action);
            let outcome = Outcome::from_code(&record.outcome).unwrap_or(Outcome::Failure);
            let request = record.request_id.as_deref();
            let same_request = |(id, line): &(Option<&str>, PortalAccess)| {
                id.is_some()
                    && *id == request
                    && std::mem::discriminant(&line.action) == std::mem::discriminant(&action)
            };
            if let PortalAction::Read(scopes) = &action
                && outcome != Outcome::Denied
                && let Some((_, line)) = out.iter_mut().find(|l| same_request(l) && l.1.outcome != Outcome::Denied)
            {
                if let PortalAction::Read(known) = &mut line.action {
                    for scope in scopes {
                        if !known.contains(scope) {
                            known.push(*scope);
                        }
                    }
                }
                continue;
            }
            if matches!(action, PortalAction::Change(_)) && outcome == Outcome::Attempt && out.iter().any(same_request)
            {
                // Newest first: the outcome of this attempt is already in.
                continue;
            }
            let sources = record
                .sources
                .split(',')
                .filter(|id| !id.is_empty())
                .map(|id| self.sources.name_of(id).unwrap_or(id).to_owned())
                .collect();
            let by_self = record.actor == record.subject;
            let basis = Basis::from_code(&record.basis).filter(|b| *b != Basis::SelfAccess);
            let trusted_person = match &basis {
                Some(Basis::Mandate(id)) => people.by_mandate.get(&id.0).cloned(),
                _ => None,
            };
            let line = PortalAccess {
                at_ms: record.at_ms,
                by_self,
                actor_name: (!by_self).then(|| people.by_ssin.get(&record.actor).cloned()).flatten(),
                basis,
                trusted_person,
                professional: request
                    .and_then(|r| professionals.get(r))
                    .cloned()
                    .filter(|_| matches!(action, PortalAction::Change(_))),
                action,
                outcome,
                sources,
            };
            out.push((request, line));
        }
        out.into_iter().map(|(_, line)| line).collect()
    }

    /// Someone who acted on the record, as the citizen's log names them: by name, or a
    /// helpdesk agent (`agent`) by first name and initial ("Lotte C.").
    async fn name_in_log(&self, actor: &str, agent: bool) -> Option<String> {
        let ssin = carnet_core::Ssin::parse(actor).ok()?;
        let name = self.store.account_name(&ssin).await.ok().flatten()?;
        Some(if agent { short_name(&name) } else { name })
    }
}

#[async_trait::async_trait]
impl AccessLogService for Portal {
    #[tracing::instrument(name = "portal.access_log", skip_all)]
    async fn access_log(&self, principal: &Principal, request_id: Option<String>) -> Result<AccessLog, ServiceError> {
        let proof = self.authorize::<Read<AccessEvents>>(principal, principal.subject(), &request_id).await?;
        let (events, event) = self.fetch(&proof, &request_id).await;
        let internal = |e: carnet_store::StoreError| {
            tracing::error!(error = %e, "could not read the access log");
            ServiceError::Internal
        };
        let records = self.store.audit_for(&proof, PORTAL_ENTRIES).await.map_err(internal)?;
        let reports = self.store.change_reports(&proof).await.map_err(internal)?;
        let seen_until_ms = self.store.access_seen_until(&proof).await.map_err(internal)?;
        let mandates = self.store.mandates_in_log(&proof).await.map_err(internal)?;
        self.write_audit(event.as_slice()).await?;
        let professionals: HashMap<String, String> =
            reports.into_iter().filter_map(|(request_id, report)| Some((request_id?, report.professional?))).collect();
        let mut people = People {
            by_mandate: mandates.iter().map(|m| (m.id.0, m.holder_name.clone())).collect(),
            by_ssin: mandates.iter().map(|m| (m.holder.expose().to_owned(), m.holder_name.clone())).collect(),
        };
        // Others who acted on the record without a mandate, each looked up once: helpdesk
        // agents with a support code by first name and initial, parents (the register's
        // link, the rule table's band) by name.
        let mut others: std::collections::BTreeMap<&str, bool> = std::collections::BTreeMap::new();
        for r in records.iter().filter(|r| r.actor != r.subject) {
            if r.basis.starts_with("support-code:") || r.action == "support-code:redeem" {
                others.insert(r.actor.as_str(), true);
            } else if r.basis.starts_with("parent:") || r.basis == "denied:minor-age" {
                others.entry(r.actor.as_str()).or_insert(false);
            }
        }
        for (actor, agent) in others {
            if let Some(name) = self.name_in_log(actor, agent).await {
                people.by_ssin.entry(actor.to_owned()).or_insert(name);
            }
        }
        let mut portal = self.portal_accesses(&records, &professionals, &people);
        // Each line is data of a kind: what the viewer's grant does not cover stays out.
        let withheld = withhold_lines(&mut portal, proof.covers());
        Ok(AccessLog { events, portal, seen_until_ms, withheld })
    }

    /// The marker and who read the record through Carnet since (each once, with their
    /// first read): what the dashboard's alert adds to the sources' access events. The
    /// alert is the citizen's own (someone acting for them gets none).
    async fn access_news(&self, principal: &Principal) -> Result<AccessNews, ServiceError> {
        let facts = self.facts(principal, principal.subject()).await?;
        let decision = policy::decide::<Read<AccessEvents>>(principal, principal.subject(), &facts.grants(self));
        let Ok(proof) = decision else { return Ok(AccessNews::default()) };
        let internal = |e: carnet_store::StoreError| {
            tracing::error!(error = %e, "could not read the access log's marker");
            ServiceError::Internal
        };
        let seen_until_ms = self.store.access_seen_until(&proof).await.map_err(internal)?;
        if !matches!(proof.basis(), Basis::SelfAccess) {
            return Ok(AccessNews { seen_until_ms, through_carnet: Vec::new() });
        }
        let since = seen_until_ms.unwrap_or(now_ms() - NEW_WITHOUT_MARKER_MS);
        let records = self.store.read_by_others_since(&proof, since, 200).await.map_err(internal)?;
        // Each actor once, with their first read (oldest first); a helpdesk agent by first
        // name and initial, as in the log.
        let mut first: Vec<(&str, i64, bool)> = Vec::new();
        for record in &records {
            if !first.iter().any(|(actor, _, _)| *actor == record.actor) {
                first.push((record.actor.as_str(), record.at_ms, record.basis.starts_with("support-code:")));
            }
        }
        let mut through_carnet = Vec::new();
        for (actor, at_ms, agent) in first {
            let who = self.name_in_log(actor, agent).await.map(Party::Named).unwrap_or(Party::Person);
            through_carnet.push(NewAccess { who, institution: None, at_ms, source_name: "Carnet".to_owned() });
        }
        Ok(AccessNews { seen_until_ms, through_carnet })
    }

    async fn mark_access_seen(
        &self,
        principal: &Principal,
        until_ms: i64,
        request_id: Option<String>,
    ) -> Result<(), ServiceError> {
        let proof = self.authorize::<Change<AccessEvents>>(principal, principal.subject(), &request_id).await?;
        let event = AuditEvent::allowed(&proof, Outcome::Success, &[], request_id);
        // Seen up to now at most: a marker in the future would hide accesses still to come.
        let until_ms = until_ms.min(now_ms());
        self.store.mark_access_seen(&proof, until_ms, &event).await.map_err(|e| {
            tracing::error!(error = %e, "could not move the access log's marker");
            ServiceError::Internal
        })
    }
}
