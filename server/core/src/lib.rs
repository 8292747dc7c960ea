//! Carnet's domain, free of I/O and of any web framework.
//!
//! - [`ssin`]: the national register number, parsed and validated at the edge.
//! - [`principal`]: who is logged in.
//! - [`policy`]: the one place that decides whether an action on a citizen's data is allowed,
//!   on the bases in [`mandate`] (trusted persons), [`minor`] (parents, by the rule table)
//!   and [`support_code`] (the helpdesk), each covering [`grant`] scopes.
//! - [`audit`]: the typed events every access leaves behind.
//! - what a citizen's record contains, one module per capability: [`vaccination`],
//!   [`medication`], [`allergy`], [`document`], [`sumehr`], [`consent`] (consent,
//!   therapeutic links, exclusions), [`access`]; shared pieces in [`item`], [`party`],
//!   [`coding`], [`date`], [`terminology`].
//! - [`change`]: the changes a citizen makes at the sources (consent, relationships,
//!   exclusions), with their one-time form keys and reports.
//! - [`service`]: the interface the pages call, implemented by the server.

pub mod access_event;
pub mod access_log;
pub mod action;
pub mod allergy;
pub mod audit;
pub mod change;
pub mod coding;
pub mod consent;
pub mod date;
pub mod document;
pub mod exclusion;
pub mod grant;
pub mod item;
pub mod kind;
pub mod mandate;
pub mod markup;
pub mod medication;
pub mod minor;
pub mod party;
pub mod policy;
pub mod portal_service;
pub mod principal;
pub mod relationship;
pub mod source_answer;
pub mod ssin;
pub mod sumehr;
pub mod support_code;
pub mod terminology;
pub mod vaccination;
pub mod visibility;

pub use principal::{Principal, Role};
pub use ssin::{Ssin, SsinError};
