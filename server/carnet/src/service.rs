//! The [`PortalService`] the pages call: policy first, then the sources, then the audit.

use std::sync::Arc;

use carnet_connectors::Sources;
use carnet_core::Principal;
use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::policy::{self, Action, Scope};
use carnet_core::service::{Dashboard, PortalService, ServiceError};
use carnet_store::Store;

pub struct Portal {
    store: Store,
    sources: Arc<Sources>,
}

impl Portal {
    pub fn new(store: Store, sources: Arc<Sources>) -> Portal {
        Portal { store, sources }
    }
}

#[async_trait::async_trait]
impl PortalService for Portal {
    #[tracing::instrument(name = "portal.dashboard", skip_all)]
    async fn dashboard(&self, principal: &Principal, request_id: Option<String>) -> Result<Dashboard, ServiceError> {
        // The dashboard is the person's own record (acting for others comes with mandates).
        let subject = &principal.ssin;
        let action = Action::Read(Scope::Vaccinations);
        let proof = match policy::decide(principal, subject, action) {
            Ok(proof) => proof,
            Err(denied) => {
                let event = AuditEvent::refused(&principal.ssin, subject, action, denied, request_id);
                if let Err(e) = self.store.append_audit(&event).await {
                    tracing::error!(error = %e, "could not write the audit entry for a refusal");
                }
                return Err(ServiceError::Forbidden);
            }
        };

        // All sources at once; each has its own deadline, so a slow one delays nobody else.
        let answers = self.sources.vaccinations(&proof).await;
        let fresh = answers.iter().filter(|a| a.result.is_ok() && a.stale.is_none()).count();
        let outcome = match fresh {
            n if n == answers.len() => Outcome::Success,
            0 => Outcome::Failure,
            _ => Outcome::Partial,
        };
        let sources = self.sources.serving(Scope::Vaccinations);
        // No audit entry, no data.
        self.store
            .append_audit(&AuditEvent::allowed(&proof, outcome, &sources, request_id))
            .await
            .map_err(|e| {
                tracing::error!(error = %e, "could not write the audit entry");
                ServiceError::Internal
            })?;
        Ok(Dashboard { display_name: principal.display_name.clone(), vaccinations: answers })
    }
}
