//! Checking the audit log: every chain, entry by entry, with the audit key, and that each
//! reaches its latest checkpoint.

use sqlx::Row;

use super::checkpoints::Checkpoint;
use super::key::GENESIS;
use super::{Verdict, read_record};
use crate::{Store, StoreError};

impl Store {
    /// Checks every chain in the database with the audit key, and that each reaches its
    /// latest checkpoint in `checkpoints` (whose signatures are checked too).
    pub async fn verify_audit(&self, checkpoints: &[Checkpoint]) -> Result<Verdict, StoreError> {
        use futures_util::TryStreamExt;
        let key = &self.chain.key;
        // The latest checkpoint of each chain (a bad signature is itself a finding).
        let mut latest: std::collections::BTreeMap<&str, &Checkpoint> = Default::default();
        for cp in checkpoints {
            if key.checkpoint_sig(&cp.chain, cp.seq, &cp.mac, cp.at_ms) != cp.sig {
                return Ok(Verdict::Broken {
                    chain: cp.chain.clone(),
                    seq: cp.seq,
                    reason: "a checkpoint is not signed with this audit key".into(),
                });
            }
            if latest.get(cp.chain.as_str()).is_none_or(|known| known.seq < cp.seq) {
                latest.insert(&cp.chain, cp);
            }
        }
        let mut rows = sqlx::query(
            "SELECT chain, seq, at_ms, actor, subject, action, basis, outcome, sources, request_id, prev_mac, mac \
             FROM audit_entries ORDER BY chain, seq",
        )
        .fetch(self.pool());
        let mut entries = 0u64;
        let mut chains = 0usize;
        // The chain being walked: its id, the next expected sequence number, the previous MAC.
        let mut walking: Option<(String, i64, String)> = None;
        let mut finish = |chain: &str, next_seq: i64, last_mac: &str| -> Option<Verdict> {
            chains += 1;
            let cp = latest.remove(chain)?;
            let last_seq = next_seq - 1;
            if last_seq < cp.seq {
                return Some(Verdict::Broken {
                    chain: chain.to_owned(),
                    seq: next_seq,
                    reason: format!("entries up to {} were checkpointed, the chain ends at {last_seq}", cp.seq),
                });
            }
            if last_seq == cp.seq && last_mac != cp.mac {
                return Some(Verdict::Broken {
                    chain: chain.to_owned(),
                    seq: cp.seq,
                    reason: "differs from its checkpoint".into(),
                });
            }
            None
        };
        while let Some(row) = rows.try_next().await? {
            let record = read_record(&row)?;
            let stored_prev: String = row.try_get(10)?;
            let stored_mac: String = row.try_get(11)?;
            let (expected_seq, prev) = match &walking {
                Some((chain, next, prev)) if *chain == record.chain => (*next, prev.clone()),
                _ => {
                    if let Some((chain, next, prev)) = walking.take()
                        && let Some(broken) = finish(&chain, next, &prev)
                    {
                        return Ok(broken);
                    }
                    (1, GENESIS.to_owned())
                }
            };
            let broken = |seq: i64, reason: &str| Verdict::Broken {
                chain: record.chain.clone(),
                seq,
                reason: reason.to_owned(),
            };
            if record.seq != expected_seq {
                return Ok(broken(expected_seq, "missing (the chain skips it)"));
            }
            if stored_prev != prev || key.entry_mac(&prev, &record) != stored_mac {
                return Ok(broken(record.seq, "its content or its place does not match its MAC"));
            }
            entries += 1;
            walking = Some((record.chain, expected_seq + 1, stored_mac));
        }
        if let Some((chain, next, prev)) = walking.take()
            && let Some(broken) = finish(&chain, next, &prev)
        {
            return Ok(broken);
        }
        // A checkpointed chain with no entry left at all.
        if let Some((chain, cp)) = latest.into_iter().next() {
            return Ok(Verdict::Broken {
                chain: chain.to_owned(),
                seq: 1,
                reason: format!("entries up to {} were checkpointed, none is left", cp.seq),
            });
        }
        Ok(Verdict::Intact { chains, entries, checkpoints: checkpoints.len() })
    }
}
