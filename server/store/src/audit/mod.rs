//! The audit log: append-only and tamper-evident against someone who can write the
//! database.
//!
//! - **One chain per running instance.** Each [`Store`] opens a chain of its own (a random
//!   id): entry `n` of a chain carries a keyed MAC (HMAC-SHA-256 with the audit key, which
//!   is not in the database) over its content, its chain, its sequence number and the MAC
//!   of entry `n - 1`. An edited, inserted, removed or swapped entry breaks the chain
//!   there; without the key, nobody can compute a MAC that fits. The instance keeps its
//!   chain's head in memory, so appends take no table lock: instances (and the citizens
//!   they serve) never wait for each other; within an instance, concurrent requests share
//!   one transaction (group commit).
//! - **Signed checkpoints** of each chain's head (chain, sequence number, MAC, time, and a
//!   MAC of these by the audit key) go to a file outside the database
//!   ([`CheckpointLog`]), which operators can ship elsewhere. Deleting the newest entries
//!   of a chain, or a whole chain, is detected against its last checkpoint.
//! - The schema refuses `UPDATE`, `DELETE` and (PostgreSQL) `TRUNCATE`, and the portal's
//!   database role may only `INSERT` and `SELECT` (see [`crate::Store::grant_portal_role`]).
//!
//! [`Store::verify_audit`] checks every chain and every checkpoint.

mod checkpoints;
mod key;
mod verify;
mod writer;

pub use checkpoints::{Checkpoint, CheckpointLog};
pub use key::AuditKey;
pub(crate) use writer::Chain;

use sqlx::Row;

use crate::{Store, StoreError};

/// One stored entry, as shown to the citizen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    /// The chain (one per running instance) and the entry's place in it.
    pub chain: String,
    pub seq: i64,
    pub at_ms: i64,
    /// The actor's and the subject's national register numbers; empty when unknown.
    pub actor: String,
    pub subject: String,
    pub action: String,
    pub basis: String,
    pub outcome: String,
    pub sources: String,
    pub request_id: Option<String>,
}

/// What [`Store::verify_audit`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Every chain is whole and reaches at least its last checkpoint.
    Intact { chains: usize, entries: u64, checkpoints: usize },
    /// The first place where it is not, and why.
    Broken { chain: String, seq: i64, reason: String },
}

impl Store {
    /// This instance's chain id.
    pub fn audit_chain(&self) -> &str {
        &self.chain.id
    }
}

pub(crate) fn read_record(row: &sqlx::any::AnyRow) -> Result<AuditRecord, StoreError> {
    Ok(AuditRecord {
        chain: row.try_get(0)?,
        seq: row.try_get(1)?,
        at_ms: row.try_get(2)?,
        actor: row.try_get(3)?,
        subject: row.try_get(4)?,
        action: row.try_get(5)?,
        basis: row.try_get(6)?,
        outcome: row.try_get(7)?,
        sources: row.try_get(8)?,
        request_id: row.try_get(9)?,
    })
}

#[cfg(test)]
mod tests;
