//! Mandates, the grants to act for someone that a citizen gives in Carnet itself (support
//! codes are in `support_codes`). Each change is written in one transaction with its audit entry; the
//! policy's facts are read fresh on every request ([`Store::mandates_between`]), so a
//! revocation holds at the very next request on every instance.

use carnet_core::Ssin;
use carnet_core::audit::AuditEvent;
use carnet_core::change::FormKey;
use carnet_core::date::Day;
use carnet_core::grant::GrantScope;
use carnet_core::mandate::{Mandate, MandateDraft, MandateId, MandateState};
use carnet_core::policy::{Authorized, ManageGrants};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError, now_ms};

const MANDATE_COLUMNS: &str =
    "id, giver, giver_name, holder, holder_name, scopes, first_day, last_day, state, given_ms";

fn ssin(row: &AnyRow, column: &str) -> Result<Ssin, StoreError> {
    let text: String = row.try_get(column)?;
    Ssin::parse(&text).map_err(|_| StoreError::Corrupt(format!("{column} is not a valid SSIN")))
}

fn mandate(row: &AnyRow) -> Result<Mandate, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("mandate {what}"));
    let first_day: String = row.try_get("first_day")?;
    let last_day: Option<String> = row.try_get("last_day")?;
    let state: String = row.try_get("state")?;
    let scopes: String = row.try_get("scopes")?;
    Ok(Mandate {
        id: MandateId(row.try_get("id")?),
        giver: ssin(row, "giver")?,
        giver_name: row.try_get("giver_name")?,
        holder: ssin(row, "holder")?,
        holder_name: row.try_get("holder_name")?,
        scopes: GrantScope::parse_list(&scopes),
        first_day: Day::parse(&first_day).ok_or_else(|| corrupt("first day"))?,
        last_day: match last_day {
            Some(text) => Some(Day::parse(&text).ok_or_else(|| corrupt("last day"))?),
            None => None,
        },
        state: MandateState::from_code(&state).ok_or_else(|| corrupt("state"))?,
        given_ms: row.try_get("given_ms")?,
    })
}

impl Store {
    /// The mandates `giver` gave `holder`, in any state: what the policy decides on when
    /// `holder` acts for `giver`. Not behind a proof: it is the policy's own input.
    pub async fn mandates_between(&self, holder: &Ssin, giver: &Ssin) -> Result<Vec<Mandate>, StoreError> {
        let sql = format!("SELECT {MANDATE_COLUMNS} FROM mandates WHERE holder = $1 AND giver = $2 ORDER BY id");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(holder.expose())
            .bind(giver.expose())
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(mandate).collect()
    }

    /// The mandates held by anyone: the people `holder` may act for (the act-for page).
    pub async fn mandates_held(&self, proof: &Authorized<ManageGrants>) -> Result<Vec<Mandate>, StoreError> {
        let sql = format!("SELECT {MANDATE_COLUMNS} FROM mandates WHERE holder = $1 ORDER BY id DESC LIMIT 500");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(proof.subject().expose()).fetch_all(self.pool()).await?;
        rows.iter().map(mandate).collect()
    }

    /// The mandates the proof's subject gave.
    pub async fn mandates_given(&self, proof: &Authorized<ManageGrants>) -> Result<Vec<Mandate>, StoreError> {
        let sql = format!("SELECT {MANDATE_COLUMNS} FROM mandates WHERE giver = $1 ORDER BY id DESC LIMIT 500");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(proof.subject().expose()).fetch_all(self.pool()).await?;
        rows.iter().map(mandate).collect()
    }

    /// The mandates the proof's subject gave, for their access log (who their trusted
    /// persons are, by name).
    pub async fn mandates_in_log(
        &self,
        proof: &Authorized<carnet_core::policy::Read<carnet_core::access_event::AccessEvents>>,
    ) -> Result<Vec<Mandate>, StoreError> {
        let sql = format!("SELECT {MANDATE_COLUMNS} FROM mandates WHERE giver = $1 ORDER BY id DESC LIMIT 500");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(proof.subject().expose()).fetch_all(self.pool()).await?;
        rows.iter().map(mandate).collect()
    }

    /// One mandate, by its number, for the proof's subject to answer (the service checks
    /// that they are its giver or holder, and writes a refusal in the giver's log if not).
    pub async fn mandate(
        &self,
        _proof: &Authorized<ManageGrants>,
        id: MandateId,
    ) -> Result<Option<Mandate>, StoreError> {
        let sql = format!("SELECT {MANDATE_COLUMNS} FROM mandates WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id.0).fetch_optional(self.pool()).await?;
        row.as_ref().map(mandate).transpose()
    }

    /// Gives a mandate from the proof's subject, pending, with its audit entry (`event`'s
    /// basis is filled in with the new id). A second submit of the same form (`key`) gives
    /// nothing more and answers the first one's id.
    pub async fn give_mandate(
        &self,
        proof: &Authorized<ManageGrants>,
        key: &FormKey,
        giver_name: &str,
        draft: &MandateDraft,
        event: &AuditEvent,
    ) -> Result<MandateId, StoreError> {
        let giver = proof.subject().expose().to_owned();
        let (key_text, giver_name) = (key.as_str().to_owned(), giver_name.to_owned());
        let draft = draft.clone();
        let event = event.clone();
        let now = now_ms();
        // The id is only known inside the transaction: the entry is written there too.
        let store = self.clone();
        let inserted = self
            .with_audit_after(move |tx| {
                Box::pin(async move {
                    let row = sqlx::query(
                        "INSERT INTO mandates (giver, giver_name, holder, holder_name, scopes, first_day, last_day, \
                         state, given_ms, changed_ms, form_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10) \
                         ON CONFLICT (form_key) DO NOTHING RETURNING id",
                    )
                    .bind(giver)
                    .bind(giver_name)
                    .bind(draft.holder.expose().to_owned())
                    .bind(draft.holder_name.clone())
                    .bind(GrantScope::list(&draft.scopes))
                    .bind(draft.first_day.to_string())
                    .bind(draft.last_day.map(|d| d.to_string()))
                    .bind(MandateState::Pending.code())
                    .bind(now)
                    .bind(key_text)
                    .fetch_optional(&mut **tx)
                    .await?;
                    let Some(row) = row else { return Ok(None) };
                    let id: i64 = row.try_get(0)?;
                    let event = AuditEvent { basis: format!("mandate:{id}"), ..event };
                    Ok(Some((MandateId(id), vec![event])))
                })
            })
            .await?;
        if let Some(id) = inserted {
            return Ok(id);
        }
        let row = sqlx::query("SELECT id FROM mandates WHERE form_key = $1 AND giver = $2")
            .bind(key.as_str())
            .bind(proof.subject().expose())
            .fetch_optional(store.pool())
            .await?;
        match row {
            Some(row) => Ok(MandateId(row.try_get(0)?)),
            None => Err(StoreError::Corrupt("this form's key belongs to another change".into())),
        }
    }

    /// Moves a mandate the proof's subject gave (`as_giver`) or holds from one of `from` to
    /// `to`, with its audit entry; `false` when it is not theirs or no longer in one of
    /// those states (nothing written: a second submit changes nothing).
    pub async fn move_mandate(
        &self,
        proof: &Authorized<ManageGrants>,
        id: MandateId,
        as_giver: bool,
        from: &[MandateState],
        to: MandateState,
        event: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let side = if as_giver { "giver" } else { "holder" };
        let states = from.iter().map(|s| format!("'{}'", s.code())).collect::<Vec<_>>().join(", ");
        let sql = format!(
            "UPDATE mandates SET state = $1, changed_ms = $2 WHERE id = $3 AND {side} = $4 AND state IN ({states})"
        );
        let person = proof.subject().expose().to_owned();
        let moved = self
            .with_audit(std::slice::from_ref(event), move |tx| {
                Box::pin(async move {
                    let done = sqlx::query(sqlx::AssertSqlSafe(sql))
                        .bind(to.code())
                        .bind(now_ms())
                        .bind(id.0)
                        .bind(person)
                        .execute(&mut **tx)
                        .await?;
                    Ok((done.rows_affected() == 1).then_some(()))
                })
            })
            .await?;
        Ok(moved.is_some())
    }
}

#[cfg(test)]
mod tests {
    use carnet_core::action::Action;
    use carnet_core::audit::Outcome;
    use carnet_core::policy::own_proof_for_tests;

    use super::*;
    use crate::testing;

    const MARIA: &str = "41022703827";
    const PIETER: &str = "68081420385";

    fn event(actor: &str, subject: &str, action: &str) -> AuditEvent {
        let (Ok(actor), Ok(subject)) = (Ssin::parse(actor), Ssin::parse(subject)) else { panic!("ssin") };
        AuditEvent {
            actor: Some(actor),
            subject: Some(subject),
            action: action.to_owned(),
            basis: "self".into(),
            outcome: Outcome::Success,
            sources: String::new(),
            request_id: None,
        }
    }

    fn draft() -> MandateDraft {
        let Ok(holder) = Ssin::parse(PIETER) else { panic!("ssin") };
        MandateDraft {
            holder,
            holder_name: "Pieter Van den Bossche".into(),
            scopes: vec![GrantScope::Documents, GrantScope::Medication],
            first_day: Day { year: 2026, month: 12, day: 3 },
            last_day: None,
        }
    }

    #[tokio::test]
    async fn a_mandate_is_given_once_per_form_accepted_by_its_holder_and_revoked_by_its_giver() {
        for store in testing::stores("mandates").await {
            let maria = own_proof_for_tests::<ManageGrants>(MARIA);
            let pieter = own_proof_for_tests::<ManageGrants>(PIETER);
            assert_eq!(maria.action(), Action::ManageGrants);
            let key = FormKey::from_random([7; 16]);
            let give = event(MARIA, MARIA, "mandate:give");
            let Ok(id) = store.give_mandate(&maria, &key, "Maria Van den Bossche", &draft(), &give).await else {
                panic!("give")
            };
            // The same form again: the same mandate, no second one.
            let again = store.give_mandate(&maria, &key, "Maria Van den Bossche", &draft(), &give).await;
            assert!(matches!(again, Ok(same) if same == id));
            let Ok(given) = store.mandates_given(&maria).await else { panic!("given") };
            assert_eq!(given.len(), 1);
            assert_eq!(given[0].state, MandateState::Pending);
            assert_eq!(given[0].scopes, vec![GrantScope::Documents, GrantScope::Medication]);
            let Ok(held) = store.mandates_held(&pieter).await else { panic!("held") };
            assert_eq!(held.len(), 1);
            // The giver cannot accept it; the holder can, once.
            let accept = event(PIETER, MARIA, "mandate:accept");
            let pending = [MandateState::Pending];
            assert!(matches!(
                store.move_mandate(&maria, id, false, &pending, MandateState::Accepted, &accept).await,
                Ok(false)
            ));
            assert!(matches!(
                store.move_mandate(&pieter, id, false, &pending, MandateState::Accepted, &accept).await,
                Ok(true)
            ));
            assert!(matches!(
                store.move_mandate(&pieter, id, false, &pending, MandateState::Accepted, &accept).await,
                Ok(false)
            ));
            let (Ok(holder), Ok(giver)) = (Ssin::parse(PIETER), Ssin::parse(MARIA)) else { panic!("ssin") };
            let Ok(between) = store.mandates_between(&holder, &giver).await else { panic!("between") };
            assert_eq!(between.iter().map(|m| m.state).collect::<Vec<_>>(), vec![MandateState::Accepted]);
            assert!(matches!(store.mandates_between(&giver, &holder).await, Ok(none) if none.is_empty()));
            let revoke = event(MARIA, MARIA, "mandate:revoke");
            let open = [MandateState::Pending, MandateState::Accepted];
            assert!(matches!(
                store.move_mandate(&maria, id, true, &open, MandateState::Revoked, &revoke).await,
                Ok(true)
            ));
            let Ok(between) = store.mandates_between(&holder, &giver).await else { panic!("between") };
            assert_eq!(between[0].state, MandateState::Revoked);
            // Give, accept and revoke are in the audit log; the refused moves are not.
            let Ok(records) = testing::actions(&store).await else { panic!("audit") };
            assert_eq!(records, vec!["mandate:give", "mandate:accept", "mandate:revoke"]);
        }
    }
}
