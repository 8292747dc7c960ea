//! KMEHR, as the Belgian hubs speak it: the messages (`message.rs`: transactions, each kind's
//! items read by the kind's own module, `crate::<kind>::kmehr`; `codesystem.rs` the code
//! tables) and the hub services client (`hub/`: the SOAP transport, then one module per
//! capability).

pub mod codesystem;
pub(crate) mod common;
pub mod hub;
pub mod message;

/// The KMEHR namespace.
pub const KMEHR_NS: &str = "http://www.ehealth.fgov.be/standards/kmehr/schema/v1";
