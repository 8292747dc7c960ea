//! What the portal can do for the person behind a request, one trait per capability
//! (each in its file, with the view types its pages get). The server implements them all
//! (`server/carnet/src/portal/<capability>.rs`: policy, sources, audit); the app only sees
//! [`PortalService`], which is every one of them, and these view types.
//!
//! Every method decides through the policy and writes the audit log before it gives
//! anything back.

mod access_log;
mod act_for;
mod changes;
mod documents;
mod error;
mod export;
mod helpdesk;
mod mandates;
mod records;
mod share;
mod support;

pub use access_log::AccessLogService;
pub use act_for::{ActForBasis, ActForChoice, ActForService, Representative};
pub use changes::{ChangeService, DirectorySearch};
pub use documents::{DocumentService, OpenedDocument};
pub use error::ServiceError;
pub use export::{ExportContent, ExportJob, ExportService, ExportState};
pub use helpdesk::{HelpdeskConsole, HelpdeskService, RedeemError};
pub use mandates::{GiveMandateError, MandateService, Mandates};
pub use records::{ReadingBatches, RecordService, ScopeReading, read};
pub use share::{OpenError, OpenedShare, QrImage, ShareAccess, ShareRequest, ShareService, ShareView};
pub use support::{SupportCodeView, SupportCodes, SupportService};

use crate::date::Day;

/// The portal's clock (the pages compute ages, schedules and what is new from it).
pub trait Clock: Send + Sync {
    /// Today in Belgium (the pages compute ages, schedules and "today's medication").
    fn today(&self) -> Day;

    /// Now, in milliseconds since the epoch (what is new since the person last looked).
    fn now_ms(&self) -> i64;
}

/// Everything the portal does, as the app is given it: each capability's trait.
pub trait PortalService:
    RecordService
    + DocumentService
    + ExportService
    + ShareService
    + AccessLogService
    + ChangeService
    + MandateService
    + ActForService
    + SupportService
    + HelpdeskService
    + Clock
    + 'static
{
}

impl<T> PortalService for T where
    T: RecordService
        + DocumentService
        + ExportService
        + ShareService
        + AccessLogService
        + ChangeService
        + MandateService
        + ActForService
        + SupportService
        + HelpdeskService
        + Clock
        + 'static
{
}
