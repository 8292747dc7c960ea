//! Connectors: how Carnet asks the hubs and vaults for a citizen's data.
//!
//! Every call takes an [`carnet_core::policy::Authorized`] proof (so nothing can read data
//! the policy did not allow), has a timeout, and returns typed errors. No SSIN and no
//! health data is ever logged: spans carry the source id, the kind of data, the latency
//! and the outcome.

mod base64;
pub mod cache;
pub mod call;
pub mod connector;
pub mod document_body;
pub mod error;
pub mod fhir;
#[cfg(test)]
mod fixtures;
pub mod kmehr;
pub mod metrics;
pub mod pcdh;
pub mod register;
pub mod sources;
pub mod xml;

pub use connector::{Connector, Directory, DocumentFetcher, Reader, Registry, Source, Writer};
pub use error::ConnectorError;
pub use metrics::Metrics;
pub use sources::Sources;
