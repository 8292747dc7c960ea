//! Shares: a citizen makes an expiring link to parts of their patient summary (which IPS
//! sections, for how long, with or without a passcode told separately). Whoever opens it —
//! no login — sees those parts, read at that moment through the policy as the citizen
//! (a share is a grant with a basis of its own: [`crate::policy::Basis::Share`]). The link
//! holds no personal data and no guessable id: 128 random bits. Its shape is a SMART Health
//! Link (HL7 SMART Health Cards and Links STU1; written by the connectors' `shl` module).

use serde::{Deserialize, Serialize};

use crate::kind::Scope;
use crate::ssin::Ssin;

/// A share's number (the store's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ShareId(pub i64);

/// How long a share may run: from one hour to 30 days, chosen from these (hours).
pub const DURATIONS_HOURS: &[i64] = &[1, 24, 24 * 7, 24 * 30];

/// Wrong passcodes in a row before the share locks for [`LOCK_MS`].
pub const TRIES_IN_A_ROW: i64 = 5;

/// How long a share stays locked after [`TRIES_IN_A_ROW`] wrong passcodes.
pub const LOCK_MS: i64 = 15 * 60 * 1000;

/// Wrong passcodes in all before the share closes for good (the citizen sees why).
pub const TRIES_IN_ALL: i64 = 20;

/// A passcode: 4 to 40 characters, told separately from the link.
pub fn passcode_ok(passcode: &str) -> bool {
    (4..=40).contains(&passcode.chars().count())
}

/// A share as the policy needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareGrant {
    pub id: ShareId,
    /// Who made it (today: the citizen, on their own record).
    pub maker: Ssin,
    /// Whose record.
    pub subject: Ssin,
    pub parts: Vec<Scope>,
    pub expires_ms: i64,
    pub revoked: bool,
}

impl ShareGrant {
    /// Still open: not revoked, not expired.
    pub fn is_open(&self, now_ms: i64) -> bool {
        !self.revoked && now_ms < self.expires_ms
    }
}

/// Where a share stands, for the citizen's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ShareState {
    Open,
    /// Too many wrong passcodes in a row: locked until then (ms since the epoch).
    Locked(i64),
    Expired,
    Revoked,
    /// Closed after [`TRIES_IN_ALL`] wrong passcodes.
    ClosedForTries,
}

/// The label as the payload may carry it: at most 80 characters, one line.
pub fn label(text: &str) -> Option<String> {
    let one_line: String = text.chars().filter(|c| !c.is_control()).collect();
    let trimmed = one_line.trim();
    (!trimmed.is_empty()).then(|| trimmed.chars().take(80).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_one_short_line() {
        assert_eq!(label("For Dr. Müller\n(Berlin)").as_deref(), Some("For Dr. Müller(Berlin)"));
        assert_eq!(label("  "), None);
        assert_eq!(label(&"x".repeat(200)).map(|l| l.len()), Some(80));
    }

    #[test]
    fn a_share_is_open_until_it_expires_or_is_revoked() {
        let Ok(ssin) = Ssin::parse("85041212468") else { panic!("ssin") };
        let share = ShareGrant {
            id: ShareId(1),
            maker: ssin.clone(),
            subject: ssin,
            parts: vec![Scope::Vaccinations],
            expires_ms: 10,
            revoked: false,
        };
        assert!(share.is_open(9));
        assert!(!share.is_open(10));
        assert!(!ShareGrant { revoked: true, ..share }.is_open(0));
        assert!(passcode_ok("1234") && !passcode_ok("123") && !passcode_ok(&"x".repeat(41)));
    }
}
