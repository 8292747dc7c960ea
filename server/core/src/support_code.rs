//! Support codes: a citizen on the phone with the helpdesk issues a short code, valid for
//! a few minutes, for the parts of the record they choose; the first agent to enter it
//! holds it and gets a read-only view of those parts until it expires or the citizen
//! revokes it. The store keeps only a keyed hash of the code. What a code allows is
//! decided by the policy ([`crate::policy`]); guessing is throttled by [`Throttle`].

use serde::{Deserialize, Serialize};

use crate::grant::GrantScope;
use crate::ssin::Ssin;

/// The letters a code is made of: no 0/O, 1/I/L or 5/S, 2/Z, 8/B to mix up over the phone.
pub const ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY34679";

/// Characters in a code.
pub const LENGTH: usize = 8;

/// A code's number (the store's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SupportCodeId(pub i64);

/// A code in its canonical form (the `LENGTH` letters, upper case, no separator).
#[derive(Clone, PartialEq, Eq)]
pub struct SupportCode(String);

impl std::fmt::Debug for SupportCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SupportCode(********)")
    }
}

impl SupportCode {
    /// A new code from random bytes (one per letter; rejection keeps every letter equally likely).
    pub fn from_random(mut random: impl FnMut() -> u8) -> SupportCode {
        let n = ALPHABET.len();
        let limit = 256 - 256 % n;
        let mut code = String::with_capacity(LENGTH);
        while code.len() < LENGTH {
            let byte = usize::from(random());
            if byte < limit
                && let Some(&letter) = ALPHABET.get(byte % n)
            {
                code.push(char::from(letter));
            }
        }
        SupportCode(code)
    }

    /// A code as someone typed or read it: case, spaces and dashes do not matter.
    pub fn parse(input: &str) -> Option<SupportCode> {
        let code: String =
            input.chars().filter(|c| !c.is_whitespace() && *c != '-').map(|c| c.to_ascii_uppercase()).collect();
        let valid = code.len() == LENGTH && code.bytes().all(|b| ALPHABET.contains(&b));
        valid.then_some(SupportCode(code))
    }

    /// The canonical form (what is hashed).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// As it is read out: two groups of four ("ACDE-FGHJ").
    pub fn grouped(&self) -> String {
        let (a, b) = self.0.split_at(LENGTH / 2);
        format!("{a}-{b}")
    }
}

/// What a support code may cover: the parts of the record a helpdesk agent may read with
/// the caller. Who opened the record (the access log) and consent, the care team and
/// exclusions stay with the citizen; a code never changes anything (see the policy).
pub const CODE_SCOPES: &[GrantScope] =
    &[GrantScope::Documents, GrantScope::Vaccinations, GrantScope::Medication, GrantScope::Summary];

/// A support code as stored (without the code: only its hash is kept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportGrant {
    pub id: SupportCodeId,
    /// The citizen who issued it.
    pub citizen: Ssin,
    pub scopes: Vec<GrantScope>,
    pub issued_ms: i64,
    pub expires_ms: i64,
    pub revoked: bool,
    /// The agent who redeemed it first, and their name.
    pub holder: Option<(Ssin, String)>,
}

/// Where a code stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SupportStatus {
    /// Waiting for an agent to enter it.
    Waiting,
    /// An agent holds it.
    InUse,
    Expired,
    Revoked,
}

impl SupportStatus {
    pub fn message_id(self) -> &'static str {
        match self {
            SupportStatus::Waiting => "support-status-waiting",
            SupportStatus::InUse => "support-status-in-use",
            SupportStatus::Expired => "support-status-expired",
            SupportStatus::Revoked => "support-status-revoked",
        }
    }
}

impl SupportGrant {
    pub fn status_at(&self, now_ms: i64) -> SupportStatus {
        if self.revoked {
            SupportStatus::Revoked
        } else if now_ms >= self.expires_ms {
            SupportStatus::Expired
        } else if self.holder.is_some() {
            SupportStatus::InUse
        } else {
            SupportStatus::Waiting
        }
    }

    /// Whether `agent` holds it and it is in force at `now_ms`.
    pub fn held_by(&self, agent: &Ssin, now_ms: i64) -> bool {
        self.status_at(now_ms) == SupportStatus::InUse && self.holder.as_ref().is_some_and(|(h, _)| h == agent)
    }
}

/// How many wrong codes are tolerated before a lockout, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttle {
    /// Wrong codes one agent may enter within `window_ms`.
    pub per_agent: u32,
    /// Wrong codes entered for one citizen (the agent names the citizen with the code),
    /// by any agents, within `window_ms`: then that citizen's open codes are revoked.
    pub per_citizen: u32,
    pub window_ms: i64,
    /// How long an agent stays locked out after too many wrong codes.
    pub lockout_ms: i64,
}

impl Throttle {
    pub const DEFAULT: Throttle =
        Throttle { per_agent: 5, per_citizen: 5, window_ms: 15 * 60_000, lockout_ms: 15 * 60_000 };

    /// Whether someone with `failures` wrong codes in the window (at most `limit`), the
    /// latest at `last_failure_ms`, is locked out at `now_ms`.
    pub fn locked(&self, limit: u32, failures: u32, last_failure_ms: Option<i64>, now_ms: i64) -> bool {
        failures >= limit && last_failure_ms.is_some_and(|last| now_ms < last + self.lockout_ms)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_only_the_unambiguous_letters_and_read_back_in_any_case() {
        let mut n = 0u8;
        let code = SupportCode::from_random(|| {
            n = n.wrapping_add(37);
            n
        });
        assert_eq!(code.expose().len(), LENGTH);
        assert!(code.expose().bytes().all(|b| ALPHABET.contains(&b)));
        let grouped = code.grouped();
        assert_eq!(grouped.len(), LENGTH + 1);
        assert_eq!(SupportCode::parse(&grouped.to_lowercase()), Some(code.clone()));
        assert_eq!(SupportCode::parse(&format!(" {} ", grouped.replace('-', " "))), Some(code));
        for ambiguous in ["0", "O", "1", "I", "L", "5", "S", "2", "Z", "8", "B"] {
            assert!(!ALPHABET.contains(&ambiguous.as_bytes()[0]), "{ambiguous}");
        }
        assert_eq!(SupportCode::parse("ACDE-FGH"), None);
        assert_eq!(SupportCode::parse("ACDE-FGHO"), None);
        assert!(!format!("{:?}", SupportCode::parse("ACDEFGHJ")).contains("ACDE"));
    }

    #[test]
    fn random_bytes_beyond_the_last_full_round_are_skipped() {
        // 250..=255 would favour the first letters: they are drawn again.
        let mut bytes = [255u8, 250, 0, 1, 2, 3, 4, 5, 6, 7].into_iter();
        let code = SupportCode::from_random(|| bytes.next().unwrap_or(0));
        assert_eq!(code.expose(), "ACDEFGHJ");
    }

    #[test]
    fn a_grant_is_held_only_by_its_agent_until_it_expires_or_is_revoked() {
        let Ok(citizen) = Ssin::parse("41022703827") else { panic!("ssin") };
        let Ok(agent) = Ssin::parse("92013014620") else { panic!("ssin") };
        let Ok(other) = Ssin::parse("85041212468") else { panic!("ssin") };
        let mut grant = SupportGrant {
            id: SupportCodeId(1),
            citizen,
            scopes: vec![GrantScope::Medication],
            issued_ms: 0,
            expires_ms: 1000,
            revoked: false,
            holder: None,
        };
        assert_eq!(grant.status_at(10), SupportStatus::Waiting);
        assert!(!grant.held_by(&agent, 10));
        grant.holder = Some((agent.clone(), "Lotte".into()));
        assert!(grant.held_by(&agent, 999));
        assert!(!grant.held_by(&other, 999));
        assert!(!grant.held_by(&agent, 1000));
        assert_eq!(grant.status_at(1000), SupportStatus::Expired);
        grant.revoked = true;
        assert_eq!(grant.status_at(10), SupportStatus::Revoked);
        assert!(!grant.held_by(&agent, 10));
    }

    #[test]
    fn an_agent_is_locked_out_after_too_many_wrong_codes_for_a_while() {
        let t = Throttle::DEFAULT;
        assert!(!t.locked(t.per_agent, 4, Some(0), 1));
        assert!(t.locked(t.per_agent, 5, Some(0), 1));
        assert!(!t.locked(t.per_agent, 5, Some(0), t.lockout_ms));
        assert!(!t.locked(t.per_agent, 9, None, 1));
    }
}
