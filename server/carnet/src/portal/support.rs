//! Support codes: a citizen issues one at `/support` for the parts of the record they
//! choose; a helpdesk agent enters it with the citizen's number and gets a read-only view
//! of those parts while it runs (the policy's `SupportCode` basis, decided per request);
//! the citizen sees it running and revokes it. The code is stored as a keyed hash (and
//! sealed for the citizen's own page); guessing is throttled per agent and per citizen.

use carnet_core::Principal;
use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::change::FormKey;
use carnet_core::grant::GrantScope;
use carnet_core::policy;
use carnet_core::portal_service::{ServiceError, SupportCodeView, SupportCodes, SupportService};
use carnet_core::support_code::{CODE_SCOPES, SupportCode, SupportCodeId};
use carnet_store::support_codes::NewCode;

use super::Portal;
use super::{Inner, internal};
use crate::clock::now_ms;

/// The audit actions of support codes.
pub const ISSUE_ACTION: &str = "support-code:issue";
pub const REVOKE_ACTION: &str = "support-code:revoke";
pub const REDEEM_ACTION: &str = "support-code:redeem";
const SEAL_PURPOSE: &str = "support-code";

impl Inner {
    /// The keyed hash a code is found by (the key never leaves the process).
    pub(super) fn code_hash(&self, code: &SupportCode) -> String {
        hex::encode(crate::secrets::mac(&self.sealer.subkey("support-code-hash"), &[code.expose().as_bytes()]))
    }
}

#[async_trait::async_trait]
impl SupportService for Portal {
    async fn support_codes(&self, principal: &Principal) -> Result<SupportCodes, ServiceError> {
        let proof = self.own_grants(principal)?;
        let now = now_ms();
        let codes =
            self.store.support_codes_of(&proof, now - 24 * 3600 * 1000).await.map_err(internal("a support code"))?;
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

    #[tracing::instrument(name = "portal.issue_support_code", skip_all)]
    async fn issue_support_code(
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
        self.store.issue_support_code(&proof, new, &event).await.map_err(internal("a support code"))
    }

    async fn revoke_support_code(
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
        if self.store.revoke_support_code(&proof, id, &event).await.map_err(internal("a support code"))? {
            return Ok(());
        }
        // Nothing changed: their own code stopped already (a second submit), or someone
        // else's code, refused and written in that person's log.
        match self.store.support_code_owner(id).await.map_err(internal("a support code"))? {
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
}
