//! Shares a citizen made (see `carnet_core::share`): made and revoked with their audit
//! entries, found by their link's keyed hash when someone opens one, their wrong passcodes
//! counted (a lock after too many in a row, closed for good after too many in all), their
//! openings counted with the audit entry of what was read, and their secrets forgotten
//! once they end.

use carnet_core::audit::AuditEvent;
use carnet_core::change::FormKey;
use carnet_core::kind::Scope;
use carnet_core::policy::{Authorized, ManageGrants};
use carnet_core::share::{LOCK_MS, ShareGrant, ShareId, ShareState, TRIES_IN_A_ROW, TRIES_IN_ALL};
use carnet_core::ssin::Ssin;
use sqlx::Row;

use crate::{Store, StoreError};

/// A new share, as the service made it.
#[derive(Debug, Clone)]
pub struct NewShare<'a> {
    pub key: &'a FormKey,
    /// The link's keyed hash (the link itself is never stored in clear).
    pub link_hash: &'a str,
    /// The link (its id and its files' key), sealed, for the citizen's page.
    pub link_sealed: &'a str,
    pub parts: &'a [Scope],
    pub label: Option<&'a str>,
    pub passcode_hash: Option<&'a str>,
    pub made_ms: i64,
    pub expires_ms: i64,
}

/// A share as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareRow {
    pub grant: ShareGrant,
    pub link_sealed: Option<String>,
    pub label: Option<String>,
    pub passcode_hash: Option<String>,
    pub made_ms: i64,
    /// 0 open, 1 revoked, 2 closed after too many wrong passcodes.
    pub revoked: i64,
    pub wrong_in_row: i64,
    pub wrong_in_all: i64,
    pub locked_until_ms: i64,
    pub openings: i64,
}

impl ShareRow {
    pub fn state(&self, now_ms: i64) -> ShareState {
        match self.revoked {
            1 => ShareState::Revoked,
            2 => ShareState::ClosedForTries,
            _ if now_ms >= self.grant.expires_ms => ShareState::Expired,
            _ if now_ms < self.locked_until_ms => ShareState::Locked(self.locked_until_ms),
            _ => ShareState::Open,
        }
    }
}

const COLUMNS: &str = "id, link_sealed, maker, subject, parts, label, passcode_hash, made_ms, expires_ms, revoked, \
                       wrong_in_row, wrong_in_all, locked_until_ms, openings";

fn row_of(row: &sqlx::any::AnyRow) -> Result<ShareRow, StoreError> {
    let ssin = |column: &str| -> Result<Ssin, StoreError> {
        let text: String = row.try_get(column)?;
        Ssin::parse(&text).map_err(|_| StoreError::Corrupt("a share's national register number".into()))
    };
    let parts: String = row.try_get("parts")?;
    let parts = parts
        .split(',')
        .map(Scope::from_name)
        .collect::<Option<Vec<Scope>>>()
        .ok_or_else(|| StoreError::Corrupt("a share's parts".into()))?;
    let revoked: i64 = row.try_get("revoked")?;
    Ok(ShareRow {
        grant: ShareGrant {
            id: ShareId(row.try_get("id")?),
            maker: ssin("maker")?,
            subject: ssin("subject")?,
            parts,
            expires_ms: row.try_get("expires_ms")?,
            revoked: revoked != 0,
        },
        link_sealed: row.try_get("link_sealed")?,
        label: row.try_get("label")?,
        passcode_hash: row.try_get("passcode_hash")?,
        made_ms: row.try_get("made_ms")?,
        revoked,
        wrong_in_row: row.try_get("wrong_in_row")?,
        wrong_in_all: row.try_get("wrong_in_all")?,
        locked_until_ms: row.try_get("locked_until_ms")?,
        openings: row.try_get("openings")?,
    })
}

impl Store {
    /// Makes a share of the proof's subject's record, with its audit entry (its basis names
    /// the new share). A second submit of the same form gives the first share's id.
    #[tracing::instrument(name = "store.make_share", skip_all)]
    pub async fn make_share(
        &self,
        proof: &Authorized<ManageGrants>,
        share: NewShare<'_>,
        event: &AuditEvent,
    ) -> Result<ShareId, StoreError> {
        let subject = proof.subject().expose().to_owned();
        let maker = proof.actor().expose().to_owned();
        let (key, hash, sealed) =
            (share.key.as_str().to_owned(), share.link_hash.to_owned(), share.link_sealed.to_owned());
        let parts = share.parts.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",");
        let (label, passcode) = (share.label.map(str::to_owned), share.passcode_hash.map(str::to_owned));
        let (made, expires) = (share.made_ms, share.expires_ms);
        let event = event.clone();
        let subject_for_insert = subject.clone();
        let inserted = self
            .with_audit_after(move |tx| {
                Box::pin(async move {
                    let row = sqlx::query(
                        "INSERT INTO shares (link_hash, link_sealed, maker, subject, parts, label, passcode_hash, \
                         made_ms, expires_ms, revoked, wrong_in_row, wrong_in_all, locked_until_ms, openings, form_key) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, 0, 0, 0, 0, $10) \
                         ON CONFLICT (form_key) DO NOTHING RETURNING id",
                    )
                    .bind(hash)
                    .bind(sealed)
                    .bind(maker)
                    .bind(subject_for_insert)
                    .bind(parts)
                    .bind(label)
                    .bind(passcode)
                    .bind(made)
                    .bind(expires)
                    .bind(key)
                    .fetch_optional(&mut **tx)
                    .await?;
                    let Some(row) = row else { return Ok(None) };
                    let id: i64 = row.try_get(0)?;
                    Ok(Some((ShareId(id), vec![AuditEvent { basis: format!("share:{id}"), ..event }])))
                })
            })
            .await?;
        if let Some(id) = inserted {
            return Ok(id);
        }
        let row = sqlx::query("SELECT id FROM shares WHERE form_key = $1 AND subject = $2")
            .bind(share.key.as_str())
            .bind(&subject)
            .fetch_optional(self.pool())
            .await?;
        match row {
            Some(row) => Ok(ShareId(row.try_get(0)?)),
            None => Err(StoreError::Corrupt("this form's key belongs to another change".into())),
        }
    }

    /// The proof's subject's shares made since `since_ms`, newest first.
    pub async fn shares_of(
        &self,
        proof: &Authorized<ManageGrants>,
        since_ms: i64,
    ) -> Result<Vec<ShareRow>, StoreError> {
        let sql =
            format!("SELECT {COLUMNS} FROM shares WHERE subject = $1 AND made_ms >= $2 ORDER BY id DESC LIMIT 50");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(proof.subject().expose())
            .bind(since_ms)
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(row_of).collect()
    }

    /// Revokes one of the proof's subject's shares at once (the next opening, on any
    /// instance, reads this row), forgetting its secrets, with its audit entry. `false`:
    /// no open share of theirs has that number.
    pub async fn revoke_share(
        &self,
        proof: &Authorized<ManageGrants>,
        id: ShareId,
        event: &AuditEvent,
    ) -> Result<bool, StoreError> {
        let subject = proof.subject().expose().to_owned();
        let done = self
            .with_audit(std::slice::from_ref(event), move |tx| {
                Box::pin(async move {
                    let done = sqlx::query(
                        "UPDATE shares SET revoked = 1, link_sealed = NULL, passcode_hash = NULL \
                         WHERE id = $1 AND subject = $2 AND revoked = 0",
                    )
                    .bind(id.0)
                    .bind(subject)
                    .execute(&mut **tx)
                    .await?;
                    Ok((done.rows_affected() == 1).then_some(()))
                })
            })
            .await?;
        Ok(done.is_some())
    }

    /// Whose record a share is of (to write a refused revocation in their log).
    pub async fn share_subject(&self, id: ShareId) -> Result<Option<Ssin>, StoreError> {
        let row =
            sqlx::query("SELECT subject FROM shares WHERE id = $1").bind(id.0).fetch_optional(self.pool()).await?;
        let Some(row) = row else { return Ok(None) };
        let text: String = row.try_get(0)?;
        Ssin::parse(&text).map(Some).map_err(|_| StoreError::Corrupt("a share's national register number".into()))
    }

    /// The share a link names, by the link's keyed hash (finding it is no permission: the
    /// policy decides every part it names, at each opening).
    pub async fn share_by_link(&self, link_hash: &str) -> Result<Option<ShareRow>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM shares WHERE link_hash = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(link_hash).fetch_optional(self.pool()).await?;
        row.as_ref().map(row_of).transpose()
    }

    /// Counts a wrong passcode: after [`TRIES_IN_A_ROW`] in a row the share locks for
    /// [`LOCK_MS`]; after [`TRIES_IN_ALL`] it closes for good. Gives the share as it is now.
    pub async fn note_wrong_passcode(&self, id: ShareId, now_ms: i64) -> Result<Option<ShareRow>, StoreError> {
        sqlx::query(
            "UPDATE shares SET wrong_in_row = wrong_in_row + 1, wrong_in_all = wrong_in_all + 1, \
             locked_until_ms = CASE WHEN wrong_in_row + 1 >= $2 THEN $3 ELSE locked_until_ms END, \
             revoked = CASE WHEN wrong_in_all + 1 >= $4 AND revoked = 0 THEN 2 ELSE revoked END \
             WHERE id = $1",
        )
        .bind(id.0)
        .bind(TRIES_IN_A_ROW)
        .bind(now_ms + LOCK_MS)
        .bind(TRIES_IN_ALL)
        .execute(self.pool())
        .await?;
        // A lock starts the count in a row again.
        sqlx::query("UPDATE shares SET wrong_in_row = 0 WHERE id = $1 AND wrong_in_row >= $2")
            .bind(id.0)
            .bind(TRIES_IN_A_ROW)
            .execute(self.pool())
            .await?;
        let sql = format!("SELECT {COLUMNS} FROM shares WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id.0).fetch_optional(self.pool()).await?;
        row.as_ref().map(row_of).transpose()
    }

    /// Counts an opening (the passcode's count in a row starts again), with the audit entry
    /// of what was read (made from the policy's proofs of the reading), in one
    /// transaction. Gives which opening it was.
    pub async fn note_share_opened(
        &self,
        id: ShareId,
        subject: &Ssin,
        events: &[AuditEvent],
    ) -> Result<i64, StoreError> {
        let subject = subject.expose().to_owned();
        let opened = self
            .with_audit(events, move |tx| {
                Box::pin(async move {
                    sqlx::query(
                        "UPDATE shares SET openings = openings + 1, wrong_in_row = 0 WHERE id = $1 AND subject = $2",
                    )
                    .bind(id.0)
                    .bind(subject)
                    .execute(&mut **tx)
                    .await?;
                    let row = sqlx::query("SELECT openings FROM shares WHERE id = $1")
                        .bind(id.0)
                        .fetch_one(&mut **tx)
                        .await?;
                    Ok(Some(row.try_get::<i64, _>(0)?))
                })
            })
            .await?;
        Ok(opened.unwrap_or(0))
    }

    /// Forgets the secrets (the sealed link, the passcode's hash) of every share that
    /// expired before `now_ms` or was revoked: an ended share keeps nothing to open with.
    pub async fn forget_ended_shares(&self, now_ms: i64) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "UPDATE shares SET link_sealed = NULL, passcode_hash = NULL \
             WHERE (expires_ms <= $1 OR revoked <> 0) AND (link_sealed IS NOT NULL OR passcode_hash IS NOT NULL)",
        )
        .bind(now_ms)
        .execute(self.pool())
        .await?;
        Ok(done.rows_affected())
    }
}

#[cfg(test)]
mod tests {
    use carnet_core::access_event::AccessEvents;
    use carnet_core::audit::Outcome;
    use carnet_core::policy::{Read, own_proof_for_tests};

    use super::*;
    use crate::testing::stores;

    const SOFIE: &str = "85041212468";

    async fn audit_count(store: &Store) -> usize {
        let proof = own_proof_for_tests::<Read<AccessEvents>>(SOFIE);
        store.audit_for(&proof, 100).await.map(|r| r.len()).unwrap_or_else(|e| panic!("{e}"))
    }

    #[tokio::test]
    async fn a_share_is_made_once_locked_by_wrong_passcodes_revoked_and_forgotten() {
        for store in stores("shares").await {
            let proof = own_proof_for_tests::<ManageGrants>(SOFIE);
            let Some(key) = FormKey::parse("0123456789abcdef0123") else { panic!("key") };
            let share = NewShare {
                key: &key,
                link_hash: "hash-1",
                link_sealed: "sealed",
                parts: &[Scope::Vaccinations, Scope::Allergies],
                label: Some("For Dr. Müller"),
                passcode_hash: Some("pass"),
                made_ms: 1_000,
                expires_ms: i64::MAX,
            };
            let event = AuditEvent::allowed(&proof, Outcome::Success, &[], None);
            let id = store.make_share(&proof, share.clone(), &event).await.unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(store.make_share(&proof, share, &event).await.ok(), Some(id), "a second submit");
            assert_eq!(audit_count(&store).await, 1);
            let Some(found) = store.share_by_link("hash-1").await.ok().flatten() else { panic!("found") };
            assert_eq!(found.grant.parts, [Scope::Vaccinations, Scope::Allergies]);
            assert_eq!(found.state(2_000), ShareState::Open);

            // Five wrong passcodes in a row lock it; an opening starts the count again.
            for _ in 0..TRIES_IN_A_ROW {
                store.note_wrong_passcode(id, 2_000).await.unwrap_or_else(|e| panic!("{e}"));
            }
            let Some(locked) = store.share_by_link("hash-1").await.ok().flatten() else { panic!("found") };
            assert_eq!(locked.state(2_000), ShareState::Locked(2_000 + LOCK_MS));
            assert_eq!(locked.state(2_000 + LOCK_MS), ShareState::Open);
            let sofie = Ssin::parse(SOFIE).unwrap_or_else(|e| panic!("{e:?}"));
            assert_eq!(store.note_share_opened(id, &sofie, &[]).await.ok(), Some(1));
            assert_eq!(store.note_share_opened(id, &sofie, &[]).await.ok(), Some(2));
            // Twenty in all close it for good.
            for _ in TRIES_IN_A_ROW..TRIES_IN_ALL {
                store.note_wrong_passcode(id, 3_000).await.unwrap_or_else(|e| panic!("{e}"));
            }
            let Some(closed) = store.share_by_link("hash-1").await.ok().flatten() else { panic!("found") };
            assert_eq!(closed.state(3_000), ShareState::ClosedForTries);
            assert!(!closed.grant.is_open(3_000));
            assert_eq!(store.forget_ended_shares(3_000).await.ok(), Some(1));
            let Some(forgotten) = store.share_by_link("hash-1").await.ok().flatten() else { panic!("found") };
            assert_eq!((forgotten.link_sealed, forgotten.passcode_hash), (None, None));
            assert_eq!(store.shares_of(&proof, 0).await.map(|s| s.len()).ok(), Some(1));
            // Revoking: only an open share, once.
            assert_eq!(store.revoke_share(&proof, id, &event).await.ok(), Some(false));
        }
    }

    #[tokio::test]
    async fn a_revoked_share_is_closed_at_once_for_every_instance() {
        for store in stores("shares-revoke").await {
            let proof = own_proof_for_tests::<ManageGrants>(SOFIE);
            let Some(key) = FormKey::parse("abcdef0123456789abcd") else { panic!("key") };
            let share = NewShare {
                key: &key,
                link_hash: "hash-2",
                link_sealed: "sealed",
                parts: &[Scope::Vaccinations],
                label: None,
                passcode_hash: None,
                made_ms: 1_000,
                expires_ms: i64::MAX,
            };
            let event = AuditEvent::allowed(&proof, Outcome::Success, &[], None);
            let id = store.make_share(&proof, share, &event).await.unwrap_or_else(|e| panic!("{e}"));
            let other = store.reopen().await;
            assert_eq!(store.revoke_share(&proof, id, &event).await.ok(), Some(true));
            let Some(seen) = other.share_by_link("hash-2").await.ok().flatten() else { panic!("found") };
            assert_eq!(seen.state(2_000), ShareState::Revoked);
            assert!(!seen.grant.is_open(2_000));
            assert_eq!(seen.link_sealed, None);
        }
    }
}
