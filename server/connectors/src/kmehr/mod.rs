//! KMEHR, as the Belgian hubs speak it: the messages (`message.rs`: transactions, with
//! `sumehr.rs`, `medication.rs`, `vaccination.rs` reading their items; `codesystem.rs` the
//! code tables) and the hub services client (`hub/`: the SOAP transport, then one module
//! per capability).

/// Each kind of data read item by item from the KMEHR transactions that hold it, once: the
/// kind, the transaction types (`CD-TRANSACTION`), which of a transaction's items are of the
/// kind and the function that reads one (with its transaction's id and author). `message.rs`
/// expands it into what such a transaction holds ([`message::TransactionContent::Items`])
/// and [`message::KmehrKind`]; a hub reads and registers each kind from it
/// (`hub/transactions.rs`, `hub/mod.rs`). A new kind's KMEHR reader is its module line below
/// and its line here. (The SumEHR, the medication schema — folded across a folder's
/// transactions — and the documents have readers of their own.)
macro_rules! kmehr_kinds {
    ($then:ident) => {
        $then! {
            Vaccinations = carnet_core::vaccination::Vaccinations: ["vaccination"]
                => items crate::kmehr::vaccination::is_vaccine, read crate::kmehr::vaccination::read_item;
        }
    };
}

pub mod codesystem;
pub(crate) mod common;
pub mod hub;
pub mod medication;
pub mod message;
pub mod sumehr;
pub mod vaccination;

/// The KMEHR namespace.
pub const KMEHR_NS: &str = "http://www.ehealth.fgov.be/standards/kmehr/schema/v1";
