//! Carnet's domain, free of I/O and of any web framework.
//!
//! - [`ssin`]: the national register number, parsed and validated at the edge.
//! - [`principal`]: who is logged in.
//! - [`policy`]: the one place that decides whether an action on a citizen's data is allowed.
//! - [`audit`]: the typed events every access leaves behind.
//! - [`vaccination`], [`coding`], [`date`]: what a citizen's record contains.
//! - [`service`]: the interface the pages call, implemented by the server.

pub mod audit;
pub mod coding;
pub mod date;
pub mod policy;
pub mod principal;
pub mod service;
pub mod source;
pub mod ssin;
pub mod vaccination;

pub use principal::{Principal, Role};
pub use ssin::{Ssin, SsinError};
