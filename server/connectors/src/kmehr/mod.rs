//! KMEHR, as the Belgian hubs speak it: the messages (`message.rs`: transactions, with
//! `sumehr.rs`, `medication.rs`, `vaccination.rs` reading their items; `codesystem.rs` the
//! code tables) and the hub services client (`hub/`: the SOAP transport, then one module
//! per capability).

pub mod codesystem;
pub(crate) mod common;
pub mod hub;
pub mod medication;
pub mod message;
pub mod sumehr;
pub mod vaccination;

/// The KMEHR namespace.
pub const KMEHR_NS: &str = "http://www.ehealth.fgov.be/standards/kmehr/schema/v1";
