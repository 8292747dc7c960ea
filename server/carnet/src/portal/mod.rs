//! The portal service the pages call (`carnet_core::portal_service`, one trait per
//! capability), implemented by [`Portal`], one file per capability: `records.rs` (reading
//! kinds, the dashboard's batches), `documents.rs`, `access_log.rs`, `changes.rs` (the
//! controls' changes at the sources), `mandates.rs`, `act_for.rs`, `support.rs`,
//! `helpdesk.rs`; `facts.rs` is what the policy is told about who may act for whom,
//! `tokens.rs` the opaque tokens pages carry instead of the sources' ids.
//!
//! Policy first, then the sources, then the audit: every read or change of a citizen's
//! data goes through [`Inner::authorize`] and leaves an audit entry before anything is
//! returned.

use std::sync::Arc;

use carnet_connectors::Sources;
use carnet_connectors::cache::AnswerCache;
use carnet_connectors::register::RegisterClient;
use carnet_core::action::Action;
use carnet_core::audit::AuditEvent;
use carnet_core::date::Day;
use carnet_core::kind::{AnyReading, Scope, Scopes};
use carnet_core::minor::MinorRules;
use carnet_core::policy::{self, Act, Authorized};
use carnet_core::portal_service::{Clock, ServiceError};
use carnet_core::vaccination::schedule::{BASIC_SCHEDULE_TOML, Schedule};
use carnet_core::{Principal, Ssin};
use carnet_store::Store;

use crate::clock::{now_ms, today_in_belgium};
use crate::secrets::Sealer;

mod access_log;
mod act_for;
mod changes;
mod documents;
mod export;
mod facts;
mod helpdesk;
mod mandates;
mod records;
mod share;
mod support;
mod tokens;

/// A store error, logged, as the page sees it: an internal error (`what`: what was being
/// read or written).
fn internal(what: &'static str) -> impl Fn(carnet_store::StoreError) -> ServiceError {
    move |e| {
        tracing::error!(error = %e, "could not read or write {what}");
        ServiceError::Internal
    }
}

#[derive(Clone)]
pub struct Portal {
    inner: Arc<Inner>,
}

/// What the portal holds (reached through [`Portal`], which derefs to it).
pub struct Inner {
    store: Store,
    sources: Arc<Sources>,
    /// Seals the opaque document tokens: whose record, which source, which id (a source's
    /// document id can hold the SSIN, so it never goes into a page or a URL in clear).
    /// From the secret key every instance shares: a token works on any instance.
    sealer: Sealer,
    /// The basic vaccination schedule (data in the repository, read once).
    schedule: Option<Schedule>,
    /// The rule table for minors (`None`: it could not be read, and parents get nothing
    /// through it).
    rules: Option<MinorRules>,
    /// The national register (who represents which minor), when one is configured.
    register: Option<RegisterClient>,
    /// How long a support code runs after it is issued, in milliseconds.
    support_lifetime_ms: i64,
    /// The portal's public address (a share's link starts with it).
    public_url: String,
    /// What the last reading of a kind made of the cached answers (sealed, derived, what
    /// the reader's grant does not cover withheld), per person and grant: served again
    /// while those answers are unchanged, on the same day. Reached only with the policy's
    /// proof, and each reading is audited all the same.
    readings: AnswerCache<Made, (String, Scope, Scopes)>,
}

/// A reading as it was made, and from which answers on which day.
#[derive(Clone)]
struct Made {
    stamp: Vec<std::time::Instant>,
    today: Day,
    reading: AnyReading,
}

impl Portal {
    pub fn new(
        store: Store,
        sources: Arc<Sources>,
        sealer: Sealer,
        rules: MinorRules,
        register: Option<RegisterClient>,
        support_code_lifetime: std::time::Duration,
        public_url: String,
    ) -> Portal {
        let schedule = toml::from_str::<Schedule>(BASIC_SCHEDULE_TOML)
            .map_err(|e| e.to_string())
            .and_then(|schedule| schedule.check().map(|()| schedule))
            .inspect_err(
                |error| tracing::error!(%error, "the basic vaccination schedule cannot be read; no status is shown"),
            )
            .ok();
        let support_lifetime_ms = i64::try_from(support_code_lifetime.as_millis()).unwrap_or(i64::MAX);
        let kept = sources.cache_policy();
        let readings = AnswerCache::new(kept.fresh, kept.fresh, kept.capacity);
        let inner = Inner {
            store,
            sources,
            sealer,
            schedule,
            rules: Some(rules),
            register,
            support_lifetime_ms,
            public_url,
            readings,
        };
        Portal { inner: Arc::new(inner) }
    }
}

impl std::ops::Deref for Portal {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.inner
    }
}

impl Inner {
    /// The one policy check: the proof, or the refusal written to the audit log (shown to
    /// the person whose record was asked for).
    pub(super) async fn authorize<A: Act>(
        &self,
        principal: &Principal,
        subject: &Ssin,
        request_id: &Option<String>,
    ) -> Result<Authorized<A>, ServiceError> {
        let facts = self.facts(principal, subject).await?;
        let denied = match policy::decide::<A>(principal, subject, &facts.grants(self)) {
            Ok(proof) => return Ok(proof),
            Err(denied) => denied,
        };
        // Without the register's answer a parent cannot be told apart from a stranger:
        // refused (and audited) as unavailable, not as forbidden.
        let unavailable = facts.register_unavailable && denied == policy::Denied::NoBasis;
        self.audit_refusal(principal, subject, A::action(), denied, request_id).await;
        Err(if unavailable { ServiceError::SourceUnavailable } else { ServiceError::Forbidden })
    }

    /// Appends a refusal to the subject's audit log, before the refusal is answered (a
    /// group-commit writer task: it is written even if the page is gone by then). The
    /// refusal stands whether or not the entry could be written; a failure is logged.
    pub(super) async fn audit_refusal(
        &self,
        principal: &Principal,
        subject: &Ssin,
        action: Action,
        denied: policy::Denied,
        request_id: &Option<String>,
    ) {
        tracing::warn!(action = %action.code(), "the policy refused an access");
        let event = AuditEvent::refused(principal.ssin(), subject, action, denied, request_id.clone());
        if let Err(e) = self.store.append_audit(&event).await {
            tracing::error!(error = %e, "could not write the audit entry for a refusal");
        }
    }

    pub(super) async fn write_audit(&self, events: &[AuditEvent]) -> Result<(), ServiceError> {
        if events.is_empty() {
            return Ok(());
        }
        // No audit entry, no data.
        self.store.append_audit_batch(events).await.map(|_| ()).map_err(|e| {
            tracing::error!(error = %e, "could not write the audit entries");
            ServiceError::Internal
        })
    }
}

impl Clock for Portal {
    fn today(&self) -> Day {
        today_in_belgium()
    }

    fn now_ms(&self) -> i64 {
        now_ms()
    }
}
