//! KMEHR, as the Belgian hubs speak it. Today: the vaccination items of KMEHR messages
//! (vaccination transactions and SumEHR). The hub services SOAP client follows.

pub mod codesystem;
pub(crate) mod common;
pub mod hub;
pub mod medication;
pub mod message;
pub mod pcdh;
pub mod soap;
pub mod sumehr;
pub mod vaccination;

/// The KMEHR namespace.
pub const KMEHR_NS: &str = "http://www.ehealth.fgov.be/standards/kmehr/schema/v1";
