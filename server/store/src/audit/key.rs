//! The audit key and the MACs made with it: of each entry (over its content, its chain,
//! its place and the MAC before it) and of each checkpoint.

use hmac::{Hmac, KeyInit as _, Mac};
use sha2::Sha256;

use super::AuditRecord;

/// The MAC "before" the first entry of every chain.
pub(crate) const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The secret that makes the chain tamper-evident (32 bytes; kept outside the database).
#[derive(Clone)]
pub struct AuditKey([u8; 32]);

impl std::fmt::Debug for AuditKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AuditKey(…)")
    }
}

impl AuditKey {
    pub fn new(bytes: [u8; 32]) -> AuditKey {
        AuditKey(bytes)
    }

    /// HMAC-SHA-256 over length-prefixed fields, hex.
    fn mac(&self, label: &str, fields: &[&str]) -> String {
        // A 32-byte key always fits HMAC.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.0) else { return String::new() };
        for field in std::iter::once(label).chain(fields.iter().copied()) {
            mac.update(&(field.len() as u64).to_le_bytes());
            mac.update(field.as_bytes());
        }
        hex::encode(mac.finalize().into_bytes())
    }

    pub(crate) fn entry_mac(&self, prev_mac: &str, record: &AuditRecord) -> String {
        self.mac(
            "carnet-audit-entry-v1",
            &[
                prev_mac,
                &record.chain,
                &record.seq.to_string(),
                &record.at_ms.to_string(),
                &record.actor,
                &record.subject,
                &record.action,
                &record.basis,
                &record.outcome,
                &record.sources,
                record.request_id.as_deref().unwrap_or("\u{0}none"),
            ],
        )
    }

    pub(crate) fn checkpoint_sig(&self, chain: &str, seq: i64, mac: &str, at_ms: i64) -> String {
        self.mac("carnet-audit-checkpoint-v1", &[chain, &seq.to_string(), mac, &at_ms.to_string()])
    }
}
