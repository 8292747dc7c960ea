//! Signed checkpoints of each chain's head, written to a file outside the database (see
//! `crate::audit`): deleting the newest entries of a chain, or a whole chain, is detected
//! against its last checkpoint.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Store, now_ms};

/// The head of a chain at one moment, signed with the audit key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub chain: String,
    pub seq: i64,
    pub mac: String,
    pub at_ms: i64,
    pub sig: String,
}

impl Store {
    /// A signed checkpoint of this instance's chain head, if it moved since the last one.
    /// Only committed entries are in the head.
    pub async fn audit_checkpoint(&self) -> Option<Checkpoint> {
        let head = self.chain.head.lock().await.clone();
        let mut last = self.chain.checkpointed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if head.seq == *last {
            return None;
        }
        *last = head.seq;
        let at_ms = now_ms();
        let sig = self.chain.key.checkpoint_sig(&self.chain.id, head.seq, &head.mac, at_ms);
        Some(Checkpoint { chain: self.chain.id.clone(), seq: head.seq, mac: head.mac, at_ms, sig })
    }
}

/// The checkpoint file: one JSON object per line, appended (never rewritten), so it can
/// be shipped elsewhere as it grows (a log shipper, `tail -F`, a WORM store).
#[derive(Debug, Clone)]
pub struct CheckpointLog {
    path: PathBuf,
}

impl CheckpointLog {
    pub fn new(path: impl Into<PathBuf>) -> CheckpointLog {
        CheckpointLog { path: path.into() }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends one checkpoint and syncs it to disk.
    pub fn append(&self, checkpoint: &Checkpoint) -> std::io::Result<()> {
        let mut line = serde_json::to_string(checkpoint).map_err(std::io::Error::other)?;
        line.push('\n');
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(&self.path)?;
        // One write of one line: appends of several processes do not interleave.
        file.write_all(line.as_bytes())?;
        file.sync_data()
    }

    /// Every checkpoint in the file (none if there is no file yet); a line that is not a
    /// checkpoint is an error naming its number.
    pub fn read(&self) -> std::io::Result<Vec<Checkpoint>> {
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            // A torn last line (a crash during the write) is not a checkpoint, but is no
            // finding either: the one before it still holds.
            match serde_json::from_str::<Checkpoint>(line) {
                Ok(cp) => out.push(cp),
                Err(_) if n + 1 == text.lines().count() && !text.ends_with('\n') => {}
                Err(e) => {
                    return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, format!("line {}: {e}", n + 1)));
                }
            }
        }
        Ok(out)
    }
}
