//! Support codes: a citizen issues one at `/support` for the parts of the record they
//! choose; a helpdesk agent enters it with the citizen's number and gets a read-only view
//! of those parts while it runs (the policy's `SupportCode` basis, decided per request);
//! the citizen sees it running and revokes it. The code is stored as a keyed hash (and
//! sealed for the citizen's own page); guessing is throttled per agent and per citizen.

use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::change::FormKey;
use carnet_core::grant::GrantScope;
use carnet_core::kind::Scope;
use carnet_core::policy;
use carnet_core::portal_service::{HelpdeskConsole, RedeemError, ServiceError, SupportCodeView, SupportCodes};
use carnet_core::principal::ActingFor;
use carnet_core::source_answer::SourceState;
use carnet_core::support_code::{CODE_SCOPES, SupportCode, SupportCodeId, Throttle};
use carnet_core::{Principal, Ssin};
use carnet_store::support_codes::{NewCode, Redeemed};

use super::Inner;
use crate::clock::now_ms;

/// The audit actions of support codes.
pub const ISSUE_ACTION: &str = "support-code:issue";
pub const REVOKE_ACTION: &str = "support-code:revoke";
pub const REDEEM_ACTION: &str = "support-code:redeem";
const SEAL_PURPOSE: &str = "support-code";

fn internal(e: carnet_store::StoreError) -> ServiceError {
    tracing::error!(error = %e, "could not read or write a support code");
    ServiceError::Internal
}

impl Inner {
    /// The keyed hash a code is found by (the key never leaves the process).
    fn code_hash(&self, code: &SupportCode) -> String {
        hex::encode(crate::secrets::mac(&self.sealer.subkey("support-code-hash"), &[code.expose().as_bytes()]))
    }

    pub(super) async fn support_codes(&self, principal: &Principal) -> Result<SupportCodes, ServiceError> {
        let proof = self.own_grants(principal)?;
        let now = now_ms();
        let codes = self.store.support_codes_of(&proof, now - 24 * 3600 * 1000).await.map_err(internal)?;
        let codes = codes
            .into_iter()
            .map(|(grant, sealed)| {
                let waiting = grant.status_at(now) == carnet_core::support_code::SupportStatus::Waiting;
                let code = sealed
                    .filter(|_| waiting)
                    .and_then(|s| self.sealer.open(SEAL_PURPOSE, &s))
                    .and_then(|bytes| String::from_utf8(bytes).ok())
                    .and_then(|text| SupportCode::parse(&text))
                    .map(|code| code.grouped());
                SupportCodeView { grant, code }
            })
            .collect();
        // Shown in whole minutes, rounded up.
        let minutes = (self.support_lifetime_ms + 59_999) / 60_000;
        Ok(SupportCodes { codes, now_ms: now, minutes })
    }

    pub(super) async fn issue_support_code(
        &self,
        principal: &Principal,
        key: FormKey,
        scopes: Vec<String>,
        request_id: Option<String>,
    ) -> Result<SupportCodeId, ServiceError> {
        let proof = self.own_grants(principal)?;
        let mut scopes: Vec<GrantScope> = scopes.iter().filter_map(|s| GrantScope::from_name(s)).collect();
        scopes.sort();
        scopes.dedup();
        // Only what a code may cover: the access log and consent stay with the citizen.
        if scopes.is_empty() || scopes.iter().any(|s| !CODE_SCOPES.contains(s)) {
            return Err(ServiceError::BadRequest);
        }
        let code = SupportCode::from_random(rand::random::<u8>);
        let (hash, sealed) = (self.code_hash(&code), self.sealer.seal(SEAL_PURPOSE, code.expose().as_bytes()));
        let issued_ms = now_ms();
        let event = AuditEvent {
            action: ISSUE_ACTION.to_owned(),
            ..AuditEvent::allowed(&proof, Outcome::Success, &[], request_id)
        };
        let new = NewCode {
            key: &key,
            hash: &hash,
            sealed: &sealed,
            scopes: &scopes,
            issued_ms,
            expires_ms: issued_ms.saturating_add(self.support_lifetime_ms),
        };
        self.store.issue_support_code(&proof, new, &event).await.map_err(internal)
    }

    pub(super) async fn revoke_support_code(
        &self,
        principal: &Principal,
        id: SupportCodeId,
        request_id: Option<String>,
    ) -> Result<(), ServiceError> {
        let proof = self.own_grants(principal)?;
        let event = AuditEvent {
            action: REVOKE_ACTION.to_owned(),
            basis: policy::Basis::SupportCode(id).code(),
            ..AuditEvent::allowed(&proof, Outcome::Success, &[], request_id)
        };
        if self.store.revoke_support_code(&proof, id, &event).await.map_err(internal)? {
            return Ok(());
        }
        // Nothing changed: their own code stopped already (a second submit), or someone
        // else's code, refused and written in that person's log.
        match self.store.support_code_owner(id).await.map_err(internal)? {
            Some(owner) if &owner == principal.ssin() => Ok(()),
            Some(owner) => {
                let refused = AuditEvent::refused_named(
                    principal.ssin(),
                    &owner,
                    REVOKE_ACTION,
                    policy::Denied::NoBasis.code(),
                    event.request_id,
                );
                self.write_audit(std::slice::from_ref(&refused)).await?;
                Err(ServiceError::Forbidden)
            }
            // No such code: refused like someone else's (the answer does not tell which exist).
            None => Err(ServiceError::Forbidden),
        }
    }

    pub(super) async fn redeem_support_code(
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
            .map_err(|e| RedeemError::Service(internal(e)))?;
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

    pub(super) async fn helpdesk_console(&self, principal: &Principal) -> Result<HelpdeskConsole, ServiceError> {
        if !principal.is_helpdesk() {
            return Err(ServiceError::Forbidden);
        }
        let now = now_ms();
        let running = self.store.support_running_for(principal.ssin(), now).await.map_err(internal)?;
        let mut held = Vec::new();
        for grant in running {
            let name = self.store.account_name(&grant.citizen).await.ok().flatten().unwrap_or_default();
            let token = self.sealer.seal(super::grants::ACT_FOR_PURPOSE, grant.citizen.expose().as_bytes());
            held.push((grant, name, token));
        }
        Ok(HelpdeskConsole { held, now_ms: now })
    }

    pub(super) async fn diagnostics(
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
            let reading = scope.visit(super::ReadKind { inner: self, principal, request_id: &request_id }).await?;
            out.push((*scope, reading.states().to_vec()));
        }
        Ok(out)
    }
}
