//! Shares: the citizen makes an expiring link to parts of their summary, sees their shares
//! with their openings and revokes one at once; whoever holds a link opens it, with its
//! passcode when it has one, and reads the parts it names as they are now.

use serde::{Deserialize, Serialize};

use crate::change::FormKey;
use crate::date::PartialDate;
use crate::kind::{AnyReading, Scope};
use crate::principal::Principal;
use crate::share::ShareState;

use super::error::ServiceError;

/// A share as its maker's page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareView {
    pub id: i64,
    pub parts: Vec<Scope>,
    pub label: Option<String>,
    pub made_ms: i64,
    pub expires_ms: i64,
    pub state: ShareState,
    pub openings: i64,
    pub passcode: bool,
    /// While it is open: the address to give (the human page, with the SMART Health Link
    /// after `#`), and the same as a QR code.
    pub link: Option<String>,
    pub qr: Option<QrImage>,
}

/// A QR code as the page draws it (SVG): a square of `size` modules (its quiet zone
/// included) and the path of its dark modules, in module units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QrImage {
    pub size: usize,
    pub path: String,
}

/// What the share form asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareRequest {
    pub parts: Vec<Scope>,
    /// How long, in hours (one of [`crate::share::DURATIONS_HOURS`]).
    pub hours: i64,
    pub passcode: Option<String>,
    pub label: Option<String>,
}

/// How one gets in: the passcode typed, or the ticket the page got for it a moment ago.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareAccess {
    None,
    Passcode(String),
    Ticket(String),
}

/// What an opening shows: the parts, as the sources hold them now.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedShare {
    pub parts: Vec<Scope>,
    pub readings: Vec<AnyReading>,
    pub name: String,
    pub birth_date: Option<PartialDate>,
    pub ssin: String,
    pub label: Option<String>,
    pub made_ms: i64,
    pub expires_ms: i64,
    /// Which opening this is, and when (ms since the epoch).
    pub opening: i64,
    pub opened_ms: i64,
    /// A ticket for this page's downloads (valid a few minutes; none is needed without a
    /// passcode).
    pub ticket: Option<String>,
    /// Random bytes of this share: the summary's identifiers.
    pub seed: [u8; 16],
    /// The key its SMART Health Link's files are encrypted with.
    pub file_key: [u8; 32],
}

impl OpenedShare {
    /// What was read, as an export's content (its files are made the same way).
    pub fn content(&self) -> super::ExportContent {
        super::ExportContent {
            parts: self.parts.clone(),
            readings: self.readings.clone(),
            ssin: self.ssin.clone(),
            name: self.name.clone(),
            birth_date: self.birth_date,
            made_by: None,
            made_ms: self.opened_ms,
            seed: self.seed,
        }
    }
}

/// Why a link does not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OpenError {
    /// No share, or one that ended (expired, revoked): the same answer, nothing told.
    Gone,
    NeedsPasscode,
    /// Wrong; this many more tries before it locks.
    WrongPasscode {
        left: i64,
    },
    /// Too many wrong passcodes: until then (ms since the epoch).
    Locked {
        until_ms: i64,
    },
    /// The policy refused what it names now (the maker's mandate ended …).
    Refused,
    Unavailable,
}

#[async_trait::async_trait]
pub trait ShareService: Send + Sync {
    /// The shares of the person's own record (made in the last 90 days), newest first.
    async fn shares(&self, principal: &Principal) -> Result<Vec<ShareView>, ServiceError>;

    /// Makes a share of the person's own record (a second submit of the same form makes
    /// none). Gives its number.
    async fn make_share(
        &self,
        principal: &Principal,
        request: ShareRequest,
        key: &FormKey,
        request_id: Option<String>,
    ) -> Result<i64, ServiceError>;

    /// Revokes one of the person's shares at once.
    async fn revoke_share(
        &self,
        principal: &Principal,
        id: i64,
        request_id: Option<String>,
    ) -> Result<(), ServiceError>;

    /// Checks a link (and its passcode, when it has one: a wrong one counts towards the
    /// lock) and gives a ticket for its page and files (valid a few minutes). Reads nothing
    /// of the record: an opening is a page or a file.
    async fn unlock_share(&self, link: &str, passcode: Option<&str>) -> Result<String, OpenError>;

    /// Opens a link (its id, as in the address): the parts it names, read now through the
    /// policy as its maker, audited as an opening.
    async fn open_share(
        &self,
        link: &str,
        access: ShareAccess,
        request_id: Option<String>,
    ) -> Result<OpenedShare, OpenError>;
}
