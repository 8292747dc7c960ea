//! Support codes: issued by a citizen (kept as a keyed hash to find it, and sealed for the
//! citizen's own page until an agent holds it, it is revoked or it runs out), redeemed by the first helpdesk agent who enters it
//! with the citizen's number, revoked by the citizen. Wrong codes are counted per agent and
//! per citizen ([`Throttle`]): an agent over the limit is locked out for a while; a citizen
//! whose codes are guessed at too often has their open codes revoked. Every step is written
//! with its audit entry in the citizen's log.

use carnet_core::Ssin;
use carnet_core::audit::AuditEvent;
use carnet_core::change::FormKey;
use carnet_core::grant::GrantScope;
use carnet_core::policy::{Authorized, ManageGrants};
use carnet_core::support_code::{SupportCodeId, SupportGrant, Throttle};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::{Store, StoreError};

const COLUMNS: &str = "id, citizen, scopes, issued_ms, expires_ms, revoked, holder, holder_name";

fn grant(row: &AnyRow) -> Result<SupportGrant, StoreError> {
    let corrupt = |what: &str| StoreError::Corrupt(format!("support code {what}"));
    let citizen: String = row.try_get("citizen")?;
    let scopes: String = row.try_get("scopes")?;
    let holder: Option<String> = row.try_get("holder")?;
    let holder_name: Option<String> = row.try_get("holder_name")?;
    let revoked: i64 = row.try_get("revoked")?;
    let holder = match holder {
        Some(h) => Some((Ssin::parse(&h).map_err(|_| corrupt("holder"))?, holder_name.unwrap_or_default())),
        None => None,
    };
    Ok(SupportGrant {
        id: SupportCodeId(row.try_get("id")?),
        citizen: Ssin::parse(&citizen).map_err(|_| corrupt("citizen"))?,
        scopes: GrantScope::parse_list(&scopes),
        issued_ms: row.try_get("issued_ms")?,
        expires_ms: row.try_get("expires_ms")?,
        revoked: revoked != 0,
        holder,
    })
}

/// What entering a code gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redeemed {
    /// The agent holds it now (first redemption, or again by the same agent).
    Held(SupportGrant),
    /// No open code of this citizen has this hash (wrong, expired or revoked): counted.
    Wrong,
    /// Another agent holds it.
    HeldByOther,
    /// The agent, or the citizen's codes, are locked out for now: nothing was checked.
    Locked,
}

/// A code to issue.
pub struct NewCode<'a> {
    pub key: &'a FormKey,
    pub hash: &'a str,
    pub sealed: &'a str,
    pub scopes: &'a [GrantScope],
    pub issued_ms: i64,
    pub expires_ms: i64,
}

impl Store {
    /// Issues a code for the proof's subject, with its audit entry (its basis names the new
    /// id). A second submit of the same form gives the first code's id and nothing more.
    pub async fn issue_support_code(
        &self,
        proof: &Authorized<ManageGrants>,
        code: NewCode<'_>,
        event: &AuditEvent,
    ) -> Result<SupportCodeId, StoreError> {
        let citizen = proof.subject().expose().to_owned();
        let (key, hash, sealed, scopes) =
            (code.key.as_str().to_owned(), code.hash.to_owned(), code.sealed.to_owned(), GrantScope::list(code.scopes));
        let (issued, expires) = (code.issued_ms, code.expires_ms);
        let event = event.clone();
        let citizen_for_insert = citizen.clone();
        let inserted = self
            .with_audit_after(move |tx| {
                Box::pin(async move {
                    // The sealed form of the citizen's codes that ran out goes (an agent's
                    // redemption and a revocation clear it at once).
                    sqlx::query(
                        "UPDATE support_codes SET code_sealed = NULL \
                         WHERE citizen = $1 AND expires_ms <= $2 AND code_sealed IS NOT NULL",
                    )
                    .bind(citizen_for_insert.clone())
                    .bind(issued)
                    .execute(&mut **tx)
                    .await?;
                    let row = sqlx::query(
                        "INSERT INTO support_codes (citizen, code_hash, code_sealed, scopes, issued_ms, expires_ms, \
                         revoked, form_key) VALUES ($1, $2, $3, $4, $5, $6, 0, $7) \
                         ON CONFLICT (form_key) DO NOTHING RETURNING id",
                    )
                    .bind(citizen_for_insert)
                    .bind(hash)
                    .bind(sealed)
                    .bind(scopes)
                    .bind(issued)
                    .bind(expires)
                    .bind(key)
                    .fetch_optional(&mut **tx)
                    .await?;
                    let Some(row) = row else { return Ok(None) };
                    let id: i64 = row.try_get(0)?;
                    Ok(Some((SupportCodeId(id), vec![AuditEvent { basis: format!("support-code:{id}"), ..event }])))
                })
            })
            .await?;
        if let Some(id) = inserted {
            return Ok(id);
        }
        let row = sqlx::query("SELECT id FROM support_codes WHERE form_key = $1 AND citizen = $2")
            .bind(code.key.as_str())
            .bind(&citizen)
            .fetch_optional(self.pool())
            .await?;
        match row {
            Some(row) => Ok(SupportCodeId(row.try_get(0)?)),
            None => Err(StoreError::Corrupt("this form's key belongs to another change".into())),
        }
    }

    /// Forgets the hash (and any sealed form) of every code that ran out or was stopped
    /// before `now_ms`: a code that can no longer be used leaves nothing to guess against.
    /// The row stays (the citizen's page and the log name it), its hash replaced by a
    /// placeholder of its own. Returns how many codes were forgotten.
    pub async fn forget_ended_support_codes(&self, now_ms: i64) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "UPDATE support_codes SET code_hash = 'ended:' || CAST(id AS TEXT), code_sealed = NULL \
             WHERE (expires_ms <= $1 OR revoked = 1) AND code_hash NOT LIKE 'ended:%'",
        )
        .bind(now_ms)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected())
    }

    /// The proof's subject's codes issued since `since_ms`, newest first, each with its
    /// sealed code (`None` once revoked).
    pub async fn support_codes_of(
        &self,
        proof: &Authorized<ManageGrants>,
        since_ms: i64,
    ) -> Result<Vec<(SupportGrant, Option<String>)>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS}, code_sealed FROM support_codes WHERE citizen = $1 AND issued_ms >= $2 ORDER BY id DESC LIMIT 50"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(proof.subject().expose())
            .bind(since_ms)
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(|row| Ok((grant(row)?, row.try_get("code_sealed")?))).collect()
    }

    /// Revokes one of the proof's subject's codes, with its audit entry; `false` when it is
    /// not theirs or already revoked (nothing written).
    pub async fn revoke_support_code(
        &self,
        proof: &Authorized<ManageGrants>,
        id: SupportCodeId,
        event: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let citizen = proof.subject().expose().to_owned();
        let done = self
            .with_audit(std::slice::from_ref(event), move |tx| {
                Box::pin(async move {
                    let done = sqlx::query(
                        "UPDATE support_codes SET revoked = 1, code_sealed = NULL WHERE id = $1 AND citizen = $2 AND revoked = 0",
                    )
                    .bind(id.0)
                    .bind(citizen)
                    .execute(&mut **tx)
                    .await?;
                    Ok((done.rows_affected() == 1).then_some(()))
                })
            })
            .await?;
        Ok(done.is_some())
    }

    /// Whose code this is (to write a refusal in that person's log when someone else tries
    /// to stop it). Not behind a proof: it reads no one's data but the owner's number.
    pub async fn support_code_owner(&self, id: SupportCodeId) -> Result<Option<Ssin>, StoreError> {
        let row = sqlx::query("SELECT citizen FROM support_codes WHERE id = $1")
            .bind(id.0)
            .fetch_optional(self.pool())
            .await?;
        let Some(row) = row else { return Ok(None) };
        let citizen: String = row.try_get(0)?;
        Ssin::parse(&citizen).map(Some).map_err(|_| StoreError::Corrupt("support code citizen".into()))
    }

    /// The codes of `citizen` that `agent` holds (in any state): what the policy decides on
    /// when a helpdesk agent acts for a citizen. Not behind a proof: the policy's own input.
    pub async fn support_held(&self, agent: &Ssin, citizen: &Ssin) -> Result<Vec<SupportGrant>, StoreError> {
        let sql =
            format!("SELECT {COLUMNS} FROM support_codes WHERE holder = $1 AND citizen = $2 ORDER BY id DESC LIMIT 20");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(agent.expose())
            .bind(citizen.expose())
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(grant).collect()
    }

    /// The codes `agent` holds that are still running at `now_ms` (the staff console).
    pub async fn support_running_for(&self, agent: &Ssin, now_ms: i64) -> Result<Vec<SupportGrant>, StoreError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM support_codes WHERE holder = $1 AND revoked = 0 AND expires_ms > $2 ORDER BY id DESC LIMIT 50"
        );
        let rows =
            sqlx::query(sqlx::AssertSqlSafe(sql)).bind(agent.expose()).bind(now_ms).fetch_all(self.pool()).await?;
        rows.iter().map(grant).collect()
    }

    /// An agent enters `citizen`'s number and a code (its hash). Throttled first (too many
    /// wrong codes by this agent, or for this citizen, within the window: nothing is
    /// checked); a wrong code is counted, and the citizen's open codes are revoked once
    /// their limit is reached. `audit` makes the entry for the outcome (in the citizen's log).
    #[allow(clippy::too_many_arguments)]
    pub async fn redeem_support_code(
        &self,
        agent: &Ssin,
        agent_name: &str,
        citizen: &Ssin,
        hash: &str,
        now_ms: i64,
        throttle: Throttle,
        audit: impl Fn(&Redeemed) -> AuditEvent + Send + 'static,
    ) -> Result<Redeemed, StoreError> {
        let since = now_ms - throttle.window_ms;
        // The attempt is counted before anything is checked, in its own statement: of
        // attempts sent at once, each sees those written before it, so no more than the
        // limit are ever checked. It is removed again when it was not a wrong code.
        let attempt = hex::encode(rand::random::<[u8; 16]>());
        sqlx::query("INSERT INTO support_failures (agent, citizen, at_ms, attempt) VALUES ($1, $2, $3, $4)")
            .bind(agent.expose())
            .bind(citizen.expose())
            .bind(now_ms)
            .bind(&attempt)
            .execute(self.pool())
            .await?;
        let forget = |attempt: String| async move {
            sqlx::query("DELETE FROM support_failures WHERE attempt = $1").bind(attempt).execute(self.pool()).await
        };
        // Wrong codes (and attempts under way) within the window, not counting this one.
        let failures = |column: &'static str, who: String| {
            let attempt = attempt.clone();
            async move {
                let sql = format!(
                    "SELECT COUNT(*), MAX(at_ms) FROM support_failures WHERE {column} = $1 AND at_ms >= $2 \
                     AND (attempt IS NULL OR attempt <> $3)"
                );
                let row = sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(who)
                    .bind(since)
                    .bind(attempt)
                    .fetch_one(self.pool())
                    .await?;
                let count: i64 = row.try_get(0)?;
                let last: Option<i64> = row.try_get(1)?;
                Ok::<_, StoreError>((u32::try_from(count).unwrap_or(u32::MAX), last))
            }
        };
        let (agent_failures, agent_last) = failures("agent", agent.expose().to_owned()).await?;
        let (citizen_failures, citizen_last) = failures("citizen", citizen.expose().to_owned()).await?;
        if throttle.locked(throttle.per_agent, agent_failures, agent_last, now_ms)
            || throttle.locked(throttle.per_citizen, citizen_failures, citizen_last, now_ms)
        {
            forget(attempt).await?;
            let outcome = Redeemed::Locked;
            self.append_audit(&audit(&outcome)).await?;
            return Ok(outcome);
        }
        let sql = format!(
            "SELECT {COLUMNS} FROM support_codes WHERE code_hash = $1 AND citizen = $2 AND revoked = 0 AND expires_ms > $3"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(hash)
            .bind(citizen.expose())
            .bind(now_ms)
            .fetch_optional(self.pool())
            .await?;
        let (agent_text, citizen_text, name) =
            (agent.expose().to_owned(), citizen.expose().to_owned(), agent_name.to_owned());
        let Some(row) = row else {
            // Wrong: it stays counted, and the citizen's open codes are revoked at their limit.
            let outcome = Redeemed::Wrong;
            let event = audit(&outcome);
            let revoke_all = citizen_failures + 1 >= throttle.per_citizen;
            self.with_audit(std::slice::from_ref(&event), move |tx| {
                Box::pin(async move {
                    if revoke_all {
                        sqlx::query(
                            "UPDATE support_codes SET revoked = 1, code_sealed = NULL WHERE citizen = $1 AND revoked = 0",
                        )
                        .bind(citizen_text)
                        .execute(&mut **tx)
                        .await?;
                    }
                    Ok(Some(()))
                })
            })
            .await?;
            return Ok(outcome);
        };
        forget(attempt).await?;
        let found = grant(&row)?;
        match &found.holder {
            Some((holder, _)) if holder == agent => {
                let outcome = Redeemed::Held(found.clone());
                self.append_audit(&audit(&outcome)).await?;
                return Ok(outcome);
            }
            Some(_) => {
                let outcome = Redeemed::HeldByOther;
                self.append_audit(&audit(&outcome)).await?;
                return Ok(outcome);
            }
            None => {}
        }
        // The first agent to enter it holds it: claimed with its audit entry, one transaction.
        let held = Redeemed::Held(SupportGrant { holder: Some((agent.clone(), name.clone())), ..found.clone() });
        let id = found.id;
        let claimed = self
            .with_audit(std::slice::from_ref(&audit(&held)), move |tx| {
                Box::pin(async move {
                    let claimed = sqlx::query(
                        "UPDATE support_codes SET holder = $1, holder_name = $2, redeemed_ms = $3, code_sealed = NULL \
                         WHERE id = $4 AND holder IS NULL",
                    )
                    .bind(agent_text)
                    .bind(name)
                    .bind(now_ms)
                    .bind(id.0)
                    .execute(&mut **tx)
                    .await?;
                    Ok((claimed.rows_affected() == 1).then_some(()))
                })
            })
            .await?;
        if claimed.is_some() {
            return Ok(held);
        }
        // Another agent was first, a moment ago.
        let outcome = Redeemed::HeldByOther;
        self.append_audit(&audit(&outcome)).await?;
        Ok(outcome)
    }
}

#[cfg(test)]
mod tests {
    use carnet_core::audit::Outcome;
    use carnet_core::policy::own_proof_for_tests;

    use super::*;
    use crate::testing;

    const SOFIE: &str = "85041212468";
    const LOTTE: &str = "92013014620";

    fn ssin(s: &str) -> Ssin {
        Ssin::parse(s).unwrap_or_else(|_| panic!("ssin"))
    }

    fn event(action: &str) -> AuditEvent {
        AuditEvent {
            actor: Some(ssin(SOFIE)),
            subject: Some(ssin(SOFIE)),
            action: action.to_owned(),
            basis: String::new(),
            outcome: Outcome::Success,
            sources: String::new(),
            request_id: None,
        }
    }

    fn redeem_event(outcome: &Redeemed) -> AuditEvent {
        AuditEvent {
            actor: Some(ssin(LOTTE)),
            action: format!("redeem:{outcome:?}").chars().take(30).collect(),
            ..event("x")
        }
    }

    #[tokio::test]
    async fn a_code_is_issued_once_per_form_held_by_its_first_agent_and_gives_nothing_once_expired() {
        for store in testing::stores("support").await {
            let proof = own_proof_for_tests::<ManageGrants>(SOFIE);
            let key = FormKey::from_random([3; 16]);
            let code = NewCode {
                key: &key,
                hash: "h1",
                sealed: "s1",
                scopes: &[GrantScope::Medication],
                issued_ms: 1_000,
                expires_ms: 901_000,
            };
            let Ok(id) = store.issue_support_code(&proof, code, &event("support-code:issue")).await else {
                panic!("issue")
            };
            let again =
                NewCode { key: &key, hash: "h2", sealed: "s2", scopes: &[], issued_ms: 1_000, expires_ms: 2_000 };
            assert!(
                matches!(store.issue_support_code(&proof, again, &event("support-code:issue")).await, Ok(same) if same == id)
            );
            let (sofie, lotte) = (ssin(SOFIE), ssin(LOTTE));
            let throttle = Throttle::DEFAULT;
            let redeem = |now: i64, agent: Ssin| {
                let store = store.clone();
                let sofie = sofie.clone();
                async move { store.redeem_support_code(&agent, "Agent", &sofie, "h1", now, throttle, redeem_event).await }
            };
            assert!(matches!(redeem(2_000, lotte.clone()).await, Ok(Redeemed::Held(g)) if g.id == id));
            let Ok(codes) = store.support_codes_of(&proof, 0).await else { panic!("codes") };
            assert!(codes[0].1.is_none(), "held: its sealed code is cleared");
            assert!(matches!(redeem(3_000, lotte.clone()).await, Ok(Redeemed::Held(_))), "again by the same agent");
            assert!(matches!(redeem(3_000, ssin("88031512731")).await, Ok(Redeemed::HeldByOther)));
            // Past its expiry it is no code at all (and the wrong guess is counted).
            assert!(matches!(redeem(901_000, ssin("88031512731")).await, Ok(Redeemed::Wrong)));
            let Ok(held) = store.support_held(&lotte, &sofie).await else { panic!("held") };
            assert_eq!(held.len(), 1);
            assert!(held[0].held_by(&lotte, 900_999) && !held[0].held_by(&lotte, 901_000));
            assert!(matches!(store.support_running_for(&lotte, 901_000).await, Ok(none) if none.is_empty()));
            // Revoked once; the second time changes nothing.
            assert!(matches!(store.revoke_support_code(&proof, id, &event("support-code:revoke")).await, Ok(true)));
            assert!(matches!(store.revoke_support_code(&proof, id, &event("support-code:revoke")).await, Ok(false)));
            let Ok(codes) = store.support_codes_of(&proof, 0).await else { panic!("codes") };
            assert_eq!(codes.len(), 1);
            assert!(codes[0].0.revoked && codes[0].1.is_none(), "revoked, and its sealed code cleared");
            // Ended codes' hashes are forgotten (once); the row stays for the page.
            let hashes = || async {
                let rows = sqlx::query("SELECT code_hash FROM support_codes").fetch_all(store.pool()).await;
                rows.unwrap_or_else(|e| panic!("{e}"))
                    .iter()
                    .map(|r| r.try_get::<String, _>(0).unwrap_or_default())
                    .collect::<Vec<_>>()
            };
            assert_eq!(hashes().await, vec!["h1".to_owned()]);
            assert!(matches!(store.forget_ended_support_codes(902_000).await, Ok(1)));
            assert!(matches!(store.forget_ended_support_codes(902_000).await, Ok(0)));
            assert_eq!(hashes().await, vec![format!("ended:{}", id.0)]);
            assert!(matches!(store.support_codes_of(&proof, 0).await, Ok(codes) if codes.len() == 1));
        }
    }

    #[tokio::test]
    async fn guesses_sent_at_once_are_checked_no_more_than_the_limit_allows() {
        for store in testing::stores("support-race").await {
            let proof = own_proof_for_tests::<ManageGrants>(SOFIE);
            let key = FormKey::from_random([4; 16]);
            let code = NewCode {
                key: &key,
                hash: "right",
                sealed: "s",
                scopes: &[GrantScope::Medication],
                issued_ms: 0,
                expires_ms: 900_000,
            };
            assert!(store.issue_support_code(&proof, code, &event("support-code:issue")).await.is_ok());
            let (sofie, lotte) = (ssin(SOFIE), ssin(LOTTE));
            let guesses = (0..20).map(|i| {
                let (store, sofie, lotte) = (store.clone(), sofie.clone(), lotte.clone());
                tokio::spawn(async move {
                    let hash = format!("wrong-{i}");
                    store
                        .redeem_support_code(&lotte, "Lotte", &sofie, &hash, 1_000, Throttle::DEFAULT, redeem_event)
                        .await
                })
            });
            let mut checked = 0;
            for guess in futures_util::future::join_all(guesses).await {
                match guess {
                    Ok(Ok(Redeemed::Wrong)) => checked += 1,
                    Ok(Ok(Redeemed::Locked)) => {}
                    other => panic!("{other:?}"),
                }
            }
            assert!(checked <= Throttle::DEFAULT.per_agent, "{checked} guesses checked");
            // The refused attempts left nothing behind: the rest of the limit is still there.
            for i in checked..Throttle::DEFAULT.per_agent {
                let hash = format!("later-{i}");
                let guess =
                    store.redeem_support_code(&lotte, "Lotte", &sofie, &hash, 1_500, Throttle::DEFAULT, redeem_event);
                assert!(matches!(guess.await, Ok(Redeemed::Wrong)), "guess {i}");
            }
            // Locked now, even with the right code.
            let right =
                store.redeem_support_code(&lotte, "Lotte", &sofie, "right", 2_000, Throttle::DEFAULT, redeem_event);
            assert!(matches!(right.await, Ok(Redeemed::Locked)));
        }
    }
}
