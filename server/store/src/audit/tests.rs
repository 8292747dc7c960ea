//! The audit log against a real SQLite and a real PostgreSQL.

use carnet_core::audit::AuditEvent;

use super::*;
use crate::testing::{owner_pool, stores};
use crate::{Backend, now_ms};
use carnet_core::Ssin;
use carnet_core::audit::Outcome;
use carnet_core::policy::own_proof_for_tests;
use std::io::Write;

fn event(subject: &str, outcome: Outcome) -> AuditEvent {
    let Ok(ssin) = Ssin::parse(subject) else { panic!("valid test ssin") };
    AuditEvent {
        actor: Some(ssin.clone()),
        subject: Some(ssin),
        action: "read:vaccinations".into(),
        basis: "self".into(),
        outcome,
        sources: "vitalink".into(),
        request_id: Some("req-1".into()),
    }
}

async fn append_n(store: &Store, n: usize) {
    for _ in 0..n {
        store.append_audit(&event("85041212468", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
    }
}

async fn verdict(store: &Store, checkpoints: &[Checkpoint]) -> Verdict {
    store.verify_audit(checkpoints).await.unwrap_or_else(|e| panic!("{e}"))
}

/// Runs SQL as someone who can write the database (the owner, triggers off), as an
/// attacker with database access would.
async fn tamper(store: &Store, sql: &str) {
    let pool = owner_pool(store).await;
    let statements: Vec<String> = match store.backend() {
        Backend::Sqlite => vec![
            "DROP TRIGGER IF EXISTS audit_entries_no_update".into(),
            "DROP TRIGGER IF EXISTS audit_entries_no_delete".into(),
            sql.to_owned(),
        ],
        Backend::Postgres => vec![
            "ALTER TABLE audit_entries DISABLE TRIGGER USER".into(),
            sql.to_owned(),
            "ALTER TABLE audit_entries ENABLE TRIGGER USER".into(),
        ],
    };
    for statement in statements {
        sqlx::query(sqlx::AssertSqlSafe(statement)).execute(&pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
    pool.close().await;
}

fn intact(v: &Verdict) -> bool {
    matches!(v, Verdict::Intact { .. })
}

fn broken_at(v: &Verdict) -> Option<i64> {
    match v {
        Verdict::Broken { seq, .. } => Some(*seq),
        Verdict::Intact { .. } => None,
    }
}

#[tokio::test]
async fn entries_chain_and_read_back_newest_first() {
    for store in stores("audit-chain").await {
        let first = store.append_audit(&event("85041212468", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
        let second =
            store.append_audit(&event("41022703827", Outcome::Failure)).await.unwrap_or_else(|e| panic!("{e}"));
        let third = store.append_audit(&event("85041212468", Outcome::Partial)).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((first, second, third), (1, 2, 3));
        let sofie = own_proof_for_tests("85041212468");
        let entries = store.audit_for(&sofie, 10).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(entries.iter().map(|e| e.seq).collect::<Vec<_>>(), vec![3, 1]);
        assert_eq!(entries.first().map(|e| e.outcome.as_str()), Some("partial"));
        assert_eq!(verdict(&store, &[]).await, Verdict::Intact { chains: 1, entries: 3, checkpoints: 0 });
    }
}

/// Someone else's accesses are not pushed out of the log by the person's own page
/// views (nor the other way round): each side is read up to the limit.
#[tokio::test]
async fn the_log_of_others_and_of_oneself_each_keep_their_newest_entries() {
    for store in stores("audit-sides").await {
        let Ok(pieter) = Ssin::parse("68081420385") else { panic!("valid test ssin") };
        let by_pieter = AuditEvent { actor: Some(pieter), ..event("41022703827", Outcome::Success) };
        store.append_audit(&by_pieter).await.unwrap_or_else(|e| panic!("{e}"));
        for _ in 0..5 {
            store.append_audit(&event("41022703827", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
        }
        let maria = own_proof_for_tests("41022703827");
        let entries = store.audit_for(&maria, 3).await.unwrap_or_else(|e| panic!("{e}"));
        let actors: Vec<&str> = entries.iter().map(|e| e.actor.as_str()).collect();
        assert_eq!(actors, vec!["41022703827", "41022703827", "41022703827", "68081420385"], "newest first");
    }
}

#[tokio::test]
async fn a_batch_chains_each_entry_in_one_transaction() {
    for store in stores("audit-batch").await {
        store.append_audit(&event("85041212468", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
        let batch = [
            event("85041212468", Outcome::Partial),
            event("85041212468", Outcome::Failure),
            event("41022703827", Outcome::Success),
        ];
        let last = store.append_audit_batch(&batch).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(last, 4);
        let sofie = own_proof_for_tests("85041212468");
        let entries = store.audit_for(&sofie, 10).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            entries.iter().map(|e| (e.seq, e.outcome.as_str())).collect::<Vec<_>>(),
            vec![(3, "failure"), (2, "partial"), (1, "success")]
        );
        assert!(intact(&verdict(&store, &[]).await));
    }
}

#[tokio::test]
async fn the_log_refuses_updates_deletes_and_truncation() {
    for store in stores("audit-append-only").await {
        store.append_audit(&event("85041212468", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
        let update =
            sqlx::query("UPDATE audit_entries SET outcome = 'success' WHERE seq = 1").execute(store.pool()).await;
        assert!(update.is_err(), "{:?}: update must fail", store.backend());
        let delete = sqlx::query("DELETE FROM audit_entries WHERE seq = 1").execute(store.pool()).await;
        assert!(delete.is_err(), "{:?}: delete must fail", store.backend());
        if store.backend() == Backend::Postgres {
            let truncate = sqlx::query("TRUNCATE audit_entries").execute(store.pool()).await;
            assert!(truncate.is_err(), "truncate must fail");
            // Even the owner's TRUNCATE meets the trigger.
            let owner = owner_pool(&store).await;
            let truncate = sqlx::query("TRUNCATE audit_entries").execute(&owner).await;
            assert!(truncate.is_err(), "the owner's truncate must meet the trigger");
        }
        assert!(intact(&verdict(&store, &[]).await));
    }
}

#[tokio::test]
async fn the_portal_role_may_only_insert_and_select_the_audit_log() {
    for store in stores("audit-role").await {
        if store.backend() != Backend::Postgres {
            continue;
        }
        for sql in [
            "ALTER TABLE audit_entries DISABLE TRIGGER USER",
            "DROP TRIGGER audit_entries_no_change ON audit_entries",
            "DROP TABLE audit_entries",
            "CREATE TABLE x (a int)",
        ] {
            let result = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(store.pool()).await;
            assert!(result.is_err(), "the portal role must not be able to {sql}");
        }
    }
}

#[tokio::test]
async fn an_edited_entry_is_found() {
    for store in stores("audit-edit").await {
        append_n(&store, 4).await;
        tamper(&store, "UPDATE audit_entries SET outcome = 'denied' WHERE seq = 2").await;
        assert_eq!(broken_at(&verdict(&store, &[]).await), Some(2), "{:?}", store.backend());
    }
}

#[tokio::test]
async fn a_recomputed_plain_hash_does_not_fit() {
    for store in stores("audit-rehash").await {
        append_n(&store, 2).await;
        // Without the key, a forger can only guess at the MAC.
        tamper(&store, "UPDATE audit_entries SET subject = '41022703827', mac = '00' WHERE seq = 2").await;
        assert_eq!(broken_at(&verdict(&store, &[]).await), Some(2));
    }
}

#[tokio::test]
async fn a_deleted_middle_entry_is_found() {
    for store in stores("audit-delete-middle").await {
        append_n(&store, 5).await;
        tamper(&store, "DELETE FROM audit_entries WHERE seq = 3").await;
        assert_eq!(broken_at(&verdict(&store, &[]).await), Some(3), "{:?}", store.backend());
    }
}

#[tokio::test]
async fn swapped_entries_are_found() {
    for store in stores("audit-swap").await {
        store.append_audit(&event("85041212468", Outcome::Success)).await.unwrap_or_else(|e| panic!("{e}"));
        store.append_audit(&event("41022703827", Outcome::Failure)).await.unwrap_or_else(|e| panic!("{e}"));
        store.append_audit(&event("85041212468", Outcome::Partial)).await.unwrap_or_else(|e| panic!("{e}"));
        // Entries 2 and 3 trade places (each keeps its MAC, the numbers swap).
        tamper(&store, "UPDATE audit_entries SET seq = -1 WHERE seq = 2").await;
        tamper(&store, "UPDATE audit_entries SET seq = 2 WHERE seq = 3").await;
        tamper(&store, "UPDATE audit_entries SET seq = 3 WHERE seq = -1").await;
        assert_eq!(broken_at(&verdict(&store, &[]).await), Some(2), "{:?}", store.backend());
    }
}

#[tokio::test]
async fn a_deleted_tail_is_found_against_the_last_checkpoint() {
    for store in stores("audit-tail").await {
        append_n(&store, 5).await;
        let Some(cp) = store.audit_checkpoint().await else { panic!("the head moved") };
        assert_eq!(cp.seq, 5);
        assert_eq!(store.audit_checkpoint().await, None, "no new checkpoint while the head stays");
        assert!(intact(&verdict(&store, std::slice::from_ref(&cp)).await));
        tamper(&store, "DELETE FROM audit_entries WHERE seq >= 4").await;
        // Without the checkpoint the shorter chain looks whole: that is what it is for.
        assert!(intact(&verdict(&store, &[]).await));
        let found = verdict(&store, std::slice::from_ref(&cp)).await;
        assert_eq!(broken_at(&found), Some(4), "{:?}: {found:?}", store.backend());
    }
}

#[tokio::test]
async fn a_whole_deleted_chain_and_a_forged_checkpoint_are_found() {
    for store in stores("audit-chain-gone").await {
        append_n(&store, 2).await;
        let Some(cp) = store.audit_checkpoint().await else { panic!("the head moved") };
        let forged = Checkpoint { seq: 1, ..cp.clone() };
        assert_eq!(broken_at(&verdict(&store, &[cp.clone(), forged]).await), Some(1));
        tamper(&store, "DELETE FROM audit_entries").await;
        assert_eq!(broken_at(&verdict(&store, &[cp]).await), Some(1));
    }
}

#[tokio::test]
async fn another_key_finds_nothing_intact() {
    for store in stores("audit-other-key").await {
        append_n(&store, 1).await;
        let other = store.with_audit_key(AuditKey::new([7; 32]));
        assert_eq!(broken_at(&verdict(&other, &[]).await), Some(1));
    }
}

#[tokio::test]
async fn appends_succeed_while_other_writes_run() {
    for store in stores("audit-mixed-writes").await {
        let Ok(ssin) = Ssin::parse("85041212468") else { panic!() };
        let mut tasks = Vec::new();
        for i in 0..30 {
            let store = store.clone();
            let ssin = ssin.clone();
            tasks.push(tokio::spawn(async move {
                if i % 2 == 0 {
                    store.append_audit(&event("85041212468", Outcome::Success)).await.map(|_| ())
                } else {
                    let person = carnet_core::Principal::for_tests(ssin, "Sofie", vec![carnet_core::Role::Citizen]);
                    store.record_login(&person).await
                }
            }));
        }
        for task in tasks {
            task.await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|e| panic!("{:?}: {e}", store.backend()));
        }
        assert_eq!(verdict(&store, &[]).await, Verdict::Intact { chains: 1, entries: 15, checkpoints: 0 });
    }
}

#[tokio::test]
async fn concurrent_appends_share_one_writer_that_ends_when_nothing_waits() {
    for store in stores("audit-one-writer").await {
        append_n(&store, 1).await;
        let metrics = tokio::runtime::Handle::current().metrics();
        let before = metrics.num_alive_tasks();
        let one = event("85041212468", Outcome::Success);
        let appends = (0..500).map(|_| store.append_audit(&one));
        let mut seqs: Vec<i64> = futures_util::future::join_all(appends)
            .await
            .into_iter()
            .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
            .collect();
        seqs.sort_unstable();
        assert_eq!(seqs, (2..=501).collect::<Vec<i64>>(), "each caller is told its own entry");
        // At most the one writer is left (about to find nothing waiting), and a task or
        // two the pool may have started. A task per caller left hundreds queueing for the
        // chain with nothing to write: under load they piled up faster than they drained.
        let left = metrics.num_alive_tasks().saturating_sub(before);
        assert!(left <= 3, "{:?}: {left} tasks still alive", store.backend());
        assert_eq!(verdict(&store, &[]).await, Verdict::Intact { chains: 1, entries: 501, checkpoints: 0 });
    }
}

#[tokio::test]
async fn two_instances_append_concurrently_each_to_its_own_chain() {
    for store in stores("audit-two-instances").await {
        // A second instance on the same database: a chain of its own.
        let other = store.reopen().await;
        assert_ne!(store.audit_chain(), other.audit_chain());
        let mut tasks = Vec::new();
        for i in 0..40 {
            let s = if i % 2 == 0 { store.clone() } else { other.clone() };
            tasks.push(tokio::spawn(async move { s.append_audit(&event("85041212468", Outcome::Success)).await }));
        }
        for task in tasks {
            task.await.unwrap_or_else(|e| panic!("{e}")).unwrap_or_else(|e| panic!("{:?}: {e}", store.backend()));
        }
        let checkpoints: Vec<Checkpoint> =
            [store.audit_checkpoint().await, other.audit_checkpoint().await].into_iter().flatten().collect();
        assert_eq!(checkpoints.iter().map(|c| c.seq).collect::<Vec<_>>(), vec![20, 20]);
        assert_eq!(verdict(&store, &checkpoints).await, Verdict::Intact { chains: 2, entries: 40, checkpoints: 2 });
        let sofie = own_proof_for_tests("85041212468");
        assert_eq!(store.audit_for(&sofie, 100).await.map(|e| e.len()).ok(), Some(40), "both chains are read");
    }
}

#[test]
fn the_checkpoint_log_appends_lines_and_survives_a_torn_last_line() {
    let dir = std::env::temp_dir().join(format!("carnet-cp-{}-{}", std::process::id(), now_ms()));
    let _ = std::fs::create_dir_all(&dir);
    let log = CheckpointLog::new(dir.join("checkpoints.jsonl"));
    assert_eq!(log.read().ok().map(|c| c.len()), Some(0), "no file yet: no checkpoints");
    let cp = Checkpoint { chain: "a".into(), seq: 1, mac: "m".into(), at_ms: 1, sig: "s".into() };
    log.append(&cp).unwrap_or_else(|e| panic!("{e}"));
    log.append(&Checkpoint { seq: 2, ..cp.clone() }).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(log.read().ok().map(|c| c.iter().map(|c| c.seq).collect::<Vec<_>>()), Some(vec![1, 2]));
    let mut file = std::fs::OpenOptions::new().append(true).open(log.path()).unwrap_or_else(|e| panic!("{e}"));
    file.write_all(b"{\"chain\":\"a\",\"se").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(log.read().ok().map(|c| c.len()), Some(2), "a torn last line is skipped");
    file.write_all(b"\n{}\n").unwrap_or_else(|e| panic!("{e}"));
    assert!(log.read().is_err(), "a bad line in the middle is an error");
}
