//! Mandates: the ones a person gave and holds, giving one, and each side's answer.

use carnet_core::Principal;
use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::change::FormKey;
use carnet_core::mandate::{self, MandateAnswer, MandateForm, MandateId};
use carnet_core::policy::{self};
use carnet_core::portal_service::{GiveMandateError, MandateService, Mandates, ServiceError};

use super::Portal;
use super::internal;
use crate::clock::today_in_belgium;

#[async_trait::async_trait]
impl MandateService for Portal {
    async fn mandates(&self, principal: &Principal) -> Result<Mandates, ServiceError> {
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

    #[tracing::instrument(name = "portal.give_mandate", skip_all)]
    async fn give_mandate(
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

    #[tracing::instrument(name = "portal.answer_mandate", skip_all, fields(answer = answer.code()))]
    async fn answer_mandate(
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
}
