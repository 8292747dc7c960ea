//! The helpdesk: an agent redeems a citizen's support code (throttled, audited), sees the
//! codes they hold, and each readable part's sources and their state.

use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::kind::Scope;
use carnet_core::policy;
use carnet_core::portal_service::{HelpdeskConsole, HelpdeskService, RedeemError, ServiceError};
use carnet_core::principal::ActingFor;
use carnet_core::source_answer::SourceState;
use carnet_core::support_code::{SupportCode, Throttle};
use carnet_core::{Principal, Ssin};
use carnet_store::support_codes::Redeemed;

use super::Portal;
use super::internal;
use super::support::REDEEM_ACTION;
use crate::clock::now_ms;

#[async_trait::async_trait]
impl HelpdeskService for Portal {
    #[tracing::instrument(name = "portal.redeem_support_code", skip_all)]
    async fn redeem_support_code(
        &self,
        principal: &Principal,
        citizen: &str,
        code: &str,
        request_id: Option<String>,
    ) -> Result<ActingFor, RedeemError> {
        let digits: String = citizen.chars().filter(char::is_ascii_digit).collect();
        let citizen = Ssin::parse(&digits);
        if !principal.is_helpdesk() {
            // Refused before anyone is named: in the actor's own log (a citizen cannot
            // write lines into someone else's log through this form).
            let refused = AuditEvent::refused_named(
                principal.ssin(),
                principal.ssin(),
                REDEEM_ACTION,
                "denied:not-helpdesk",
                request_id,
            );
            self.write_audit(std::slice::from_ref(&refused)).await.map_err(RedeemError::Service)?;
            return Err(RedeemError::NotHelpdesk);
        }
        let Ok(citizen) = citizen else { return Err(RedeemError::Malformed) };
        let Some(code) = SupportCode::parse(code) else {
            // Not a code at all (a typo, not a guess: not counted), yet in the citizen's log.
            let refused = AuditEvent::refused_named(
                principal.ssin(),
                &citizen,
                REDEEM_ACTION,
                "denied:malformed-code",
                request_id,
            );
            self.write_audit(std::slice::from_ref(&refused)).await.map_err(RedeemError::Service)?;
            return Err(RedeemError::Malformed);
        };
        let agent = principal.ssin().clone();
        let subject = citizen.clone();
        let audit = move |outcome: &Redeemed| {
            let (basis, result) = match outcome {
                Redeemed::Held(grant) => (policy::Basis::SupportCode(grant.id).code(), Outcome::Success),
                Redeemed::Wrong => ("denied:wrong-code".to_owned(), Outcome::Denied),
                Redeemed::HeldByOther => ("denied:held-by-another-agent".to_owned(), Outcome::Denied),
                Redeemed::Locked => ("denied:locked-out".to_owned(), Outcome::Denied),
            };
            AuditEvent {
                actor: Some(agent.clone()),
                subject: Some(subject.clone()),
                action: REDEEM_ACTION.to_owned(),
                basis,
                outcome: result,
                sources: String::new(),
                request_id: request_id.clone(),
            }
        };
        let outcome = self
            .store
            .redeem_support_code(
                principal.ssin(),
                principal.display_name(),
                &citizen,
                &self.code_hash(&code),
                now_ms(),
                Throttle::DEFAULT,
                audit,
            )
            .await
            .map_err(|e| RedeemError::Service(internal("a support code")(e)))?;
        match outcome {
            Redeemed::Held(_) => {
                let name = self.store.account_name(&citizen).await.ok().flatten().unwrap_or_default();
                Ok(ActingFor { ssin: citizen, name, minor: None })
            }
            Redeemed::Wrong => Err(RedeemError::Wrong),
            Redeemed::HeldByOther => Err(RedeemError::HeldByOther),
            Redeemed::Locked => Err(RedeemError::Locked),
        }
    }

    async fn helpdesk_console(&self, principal: &Principal) -> Result<HelpdeskConsole, ServiceError> {
        if !principal.is_helpdesk() {
            return Err(ServiceError::Forbidden);
        }
        let now = now_ms();
        let running = self.store.support_running_for(principal.ssin(), now).await.map_err(internal("support codes"))?;
        let mut held = Vec::new();
        for grant in running {
            let name = self.store.account_name(&grant.citizen).await.ok().flatten().unwrap_or_default();
            let token = self.sealer.seal(super::act_for::ACT_FOR_PURPOSE, grant.citizen.expose().as_bytes());
            held.push((grant, name, token));
        }
        Ok(HelpdeskConsole { held, now_ms: now })
    }

    #[tracing::instrument(name = "portal.diagnostics", skip_all)]
    async fn diagnostics(
        &self,
        principal: &Principal,
        request_id: Option<String>,
    ) -> Result<Vec<(Scope, Vec<SourceState>)>, ServiceError> {
        // The sources' technical state is for the helpdesk, with a code (not for a trusted
        // person or a parent, nor for a citizen on their own record).
        if !principal.is_helpdesk() || principal.subject() == principal.ssin() {
            return Err(ServiceError::Forbidden);
        }
        let subject = principal.subject();
        let facts = self.facts(principal, subject).await?;
        let grants = facts.grants(self);
        let mut out = Vec::new();
        for scope in Scope::ALL {
            // Only what the session may read: asking for more would only fill the log with refusals.
            if policy::may_read(principal, subject, *scope, &grants).is_err() {
                continue;
            }
            let reading = scope
                .visit(super::records::ReadKind { inner: &self.inner, principal, request_id: &request_id })
                .await?;
            out.push((*scope, reading.states().to_vec()));
        }
        Ok(out)
    }
}
