//! The audit log's checkpoints and `carnet audit verify`.
//!
//! Every `CARNET_AUDIT_CHECKPOINT_SECONDS` (and once more at shutdown) the head of this
//! instance's chain, signed with the audit key, is appended to the checkpoint file
//! (`CARNET_AUDIT_CHECKPOINT_FILE`), outside the database. Ship that file elsewhere (a log
//! shipper, append-only storage) so that whoever can write the database cannot also
//! rewrite the checkpoints. `carnet audit verify` checks every chain in the database
//! against the audit key and its latest checkpoint.

use std::path::PathBuf;
use std::time::Duration;

use carnet_store::{CheckpointLog, Store, Verdict};

/// Writes a checkpoint whenever the head moved, every `every`, for as long as the
/// process runs.
pub async fn checkpoints(store: Store, file: PathBuf, every: Duration) {
    let log = CheckpointLog::new(file);
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        checkpoint_now(&store, &log).await;
    }
}

/// Writes a checkpoint now if the head moved since the last one.
pub async fn checkpoint_now(store: &Store, log: &CheckpointLog) {
    let Some(checkpoint) = store.audit_checkpoint().await else { return };
    let log = log.clone();
    let written = tokio::task::spawn_blocking(move || log.append(&checkpoint)).await;
    match written {
        Ok(Ok(())) => {}
        Ok(Err(e)) => tracing::error!(error = %e, "could not write an audit checkpoint"),
        Err(e) => tracing::error!(error = %e, "the audit checkpoint writer stopped"),
    }
}

/// `carnet audit verify [--no-checkpoints] [CHECKPOINT_FILE …]`: 0 when every chain holds
/// and reaches its latest checkpoint; 1 naming the first bad entry otherwise; 2 when it
/// cannot check.
///
/// Without a checkpoint the chains alone cannot show that their newest entries were
/// deleted: a missing checkpoint file, or files without a checkpoint while the log has
/// entries, cannot be checked (2), unless `no_checkpoints` says there are none to check.
pub async fn verify(store: &Store, files: &[PathBuf], no_checkpoints: bool) -> (u8, String) {
    let mut checkpoints = Vec::new();
    for file in files {
        if !file.exists() {
            return (
                2,
                format!("no checkpoint file at {} (pass --no-checkpoints to check the chains alone)", file.display()),
            );
        }
        match CheckpointLog::new(file.clone()).read() {
            Ok(mut found) => checkpoints.append(&mut found),
            Err(e) => return (2, format!("cannot read the checkpoints in {}: {e}", file.display())),
        }
    }
    if checkpoints.is_empty() && !no_checkpoints {
        return (
            2,
            "no checkpoint to check the log against: deleted newest entries would go unseen \
             (pass --no-checkpoints to check the chains alone)"
                .to_owned(),
        );
    }
    match store.verify_audit(&checkpoints).await {
        Ok(Verdict::Intact { chains, entries, checkpoints }) => {
            (0, format!("audit log intact: {entries} entries in {chains} chains; {checkpoints} checkpoints hold"))
        }
        Ok(Verdict::Broken { chain, seq, reason }) => {
            (1, format!("audit log BROKEN at sequence number {seq} of chain {chain}: {reason}"))
        }
        Err(e) => (2, format!("cannot read the audit log: {e}")),
    }
}
