//! Changes a citizen asked for at a source, by their form's one-time key: claimed with the
//! audit entry of the attempt before the source is asked, finished with the entry of the
//! outcome (each in one transaction with its audit entry), so a second submit of the same
//! form changes nothing and a crash in between leaves the attempt visible.

use carnet_core::access_event::AccessEvents;
use carnet_core::audit::AuditEvent;
use carnet_core::change::{ChangeReport, FormKey};
use carnet_core::policy::{Act, Authorized, Read};
use sqlx::Row;

use crate::{Store, StoreError, now_ms};

/// What claiming a form's key found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// The first submit: the caller makes the change.
    New,
    /// The form was submitted before (by the same person): its report as it stands now.
    Seen(ChangeReport),
}

impl Store {
    /// Claims `key` for a change on the proof's subject, writing `report` (every source
    /// pending) and the audit entry of the attempt in one transaction.
    #[tracing::instrument(name = "store.claim_change", skip_all)]
    pub async fn claim_change<A: Act>(
        &self,
        proof: &Authorized<A>,
        key: &FormKey,
        report: &ChangeReport,
        attempt: &AuditEvent,
        request_id: Option<&str>,
    ) -> Result<Claim, StoreError> {
        let json = serde_json::to_string(report).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let (form_key, actor, subject) =
            (key.as_str().to_owned(), proof.actor().expose().to_owned(), proof.subject().expose().to_owned());
        let verb = report.verb.code().to_owned();
        let request_id = request_id.map(str::to_owned);
        let claimed = self
            .with_audit(std::slice::from_ref(attempt), move |tx| {
                Box::pin(async move {
                    let inserted = sqlx::query(
                        "INSERT INTO change_requests (form_key, actor, subject, verb, report, done, created_ms, request_id) \
                         VALUES ($1, $2, $3, $4, $5, 0, $6, $7) ON CONFLICT (form_key) DO NOTHING",
                    )
                    .bind(form_key)
                    .bind(actor)
                    .bind(subject)
                    .bind(verb)
                    .bind(json)
                    .bind(now_ms())
                    .bind(request_id)
                    .execute(&mut **tx)
                    .await?;
                    Ok((inserted.rows_affected() == 1).then_some(()))
                })
            })
            .await?;
        if claimed.is_some() {
            return Ok(Claim::New);
        }
        // Submitted before: by this person, its report; by anyone else, a key that is not theirs.
        match self.change_report(proof, key).await? {
            Some(first) if first.verb == report.verb => Ok(Claim::Seen(first)),
            _ => Err(StoreError::Corrupt("this form's key belongs to another change".into())),
        }
    }

    /// Records how the change went (`report`) with the audit entry of its outcome, in one
    /// transaction.
    #[tracing::instrument(name = "store.finish_change", skip_all)]
    pub async fn finish_change<A: Act>(
        &self,
        proof: &Authorized<A>,
        key: &FormKey,
        report: &ChangeReport,
        outcome: &AuditEvent,
    ) -> Result<(), StoreError> {
        let json = serde_json::to_string(report).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let (form_key, actor) = (key.as_str().to_owned(), proof.actor().expose().to_owned());
        self.with_audit(std::slice::from_ref(outcome), move |tx| {
            Box::pin(async move {
                sqlx::query("UPDATE change_requests SET report = $1, done = 1 WHERE form_key = $2 AND actor = $3")
                    .bind(json)
                    .bind(form_key)
                    .bind(actor)
                    .execute(&mut **tx)
                    .await?;
                Ok(Some(()))
            })
        })
        .await?;
        Ok(())
    }

    /// The report of the change made with `key` by the proof's actor on its subject's record.
    pub async fn change_report<A: Act>(
        &self,
        proof: &Authorized<A>,
        key: &FormKey,
    ) -> Result<Option<ChangeReport>, StoreError> {
        let row = sqlx::query("SELECT report FROM change_requests WHERE form_key = $1 AND actor = $2 AND subject = $3")
            .bind(key.as_str())
            .bind(proof.actor().expose())
            .bind(proof.subject().expose())
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else { return Ok(None) };
        let json: String = row.try_get(0)?;
        serde_json::from_str(&json).map(Some).map_err(|e| StoreError::Corrupt(e.to_string()))
    }

    /// The reports of the changes made on the proof's subject's record, by request id
    /// (for the access timeline: which care provider a change was about).
    pub async fn change_reports(
        &self,
        proof: &Authorized<Read<AccessEvents>>,
    ) -> Result<Vec<(Option<String>, ChangeReport)>, StoreError> {
        let rows = sqlx::query(
            "SELECT request_id, report FROM change_requests WHERE subject = $1 ORDER BY created_ms DESC LIMIT 1000",
        )
        .bind(proof.subject().expose())
        .fetch_all(self.pool())
        .await?;
        let mut out = Vec::new();
        for row in rows {
            let json: String = row.try_get(1)?;
            if let Ok(report) = serde_json::from_str(&json) {
                out.push((row.try_get(0)?, report));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use carnet_core::change::{ChangeStatus, ChangeVerb, SourceChangeResult};
    use carnet_core::consent::Consents;
    use carnet_core::policy::{Change, own_proof_for_tests};

    use super::*;
    use crate::testing::stores;

    const SOFIE: &str = "85041212468";

    fn report(status: ChangeStatus) -> ChangeReport {
        ChangeReport {
            verb: ChangeVerb::RevokeConsent,
            professional: None,
            sources: vec![SourceChangeResult { source_id: "cozo".into(), source_name: "CoZo".into(), status }],
            at_ms: 1,
        }
    }

    fn event(outcome: carnet_core::audit::Outcome) -> AuditEvent {
        let proof = own_proof_for_tests::<Change<Consents>>(SOFIE);
        AuditEvent::change(&proof, ChangeVerb::RevokeConsent, outcome, &["cozo"], None)
    }

    async fn audit_count(store: &Store) -> usize {
        let proof = own_proof_for_tests::<Read<AccessEvents>>(SOFIE);
        store.audit_for(&proof, 100).await.map(|r| r.len()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[tokio::test]
    async fn a_key_is_claimed_once_and_the_second_submit_reads_the_first_ones_report() {
        for store in stores("changes").await {
            let proof = own_proof_for_tests::<Change<Consents>>(SOFIE);
            let Some(key) = FormKey::parse("0123456789abcdef0123") else { panic!("key") };
            let pending = report(ChangeStatus::Pending);
            let attempt = event(carnet_core::audit::Outcome::Attempt);
            let first = store.claim_change(&proof, &key, &pending, &attempt, Some("r1")).await;
            assert_eq!(first.ok(), Some(Claim::New), "{:?}", store.backend());
            assert_eq!(audit_count(&store).await, 1, "the attempt is audited with the claim");
            let again = store.claim_change(&proof, &key, &pending, &attempt, Some("r2")).await;
            assert_eq!(again.ok(), Some(Claim::Seen(pending.clone())));
            assert_eq!(audit_count(&store).await, 1, "a second submit writes no attempt");
            let done = report(ChangeStatus::Done);
            let outcome = event(carnet_core::audit::Outcome::Success);
            store.finish_change(&proof, &key, &done, &outcome).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(store.change_report(&proof, &key).await.ok().flatten(), Some(done.clone()));
            assert_eq!(store.claim_change(&proof, &key, &pending, &attempt, None).await.ok(), Some(Claim::Seen(done)));
            assert_eq!(audit_count(&store).await, 2);
            // The same key for another change is not this form's.
            let other_change = ChangeReport { verb: ChangeVerb::GiveConsent, ..pending.clone() };
            assert!(store.claim_change(&proof, &key, &other_change, &attempt, None).await.is_err());
            // Someone else's proof finds no report under that key.
            let other = own_proof_for_tests::<Change<Consents>>("41022703827");
            assert_eq!(store.change_report(&other, &key).await.ok().flatten(), None);
            assert!(store.claim_change(&other, &key, &pending, &attempt, None).await.is_err());
            let verdict = store.verify_audit(&[]).await.unwrap_or_else(|e| panic!("{e}"));
            assert!(matches!(verdict, crate::Verdict::Intact { .. }), "{verdict:?}");
        }
    }
}
