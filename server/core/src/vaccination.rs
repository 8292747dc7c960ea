//! Vaccinations as a citizen sees them.

use serde::{Deserialize, Serialize};

use crate::coding::Coding;
pub use crate::coding::Quantity;
use crate::date::PartialDate;
pub use crate::item::Item;
pub use crate::party::Party as Performer;

/// The state of a vaccination record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum VaccinationStatus {
    /// The vaccine was given.
    Completed,
    /// The vaccine was not given (refused, out of stock …).
    NotDone,
    /// The record was entered by mistake.
    EnteredInError,
    /// A status this version does not know, kept raw.
    Other(String),
}

/// When it happened: a (partial) date, or only a text ("Summer 2011").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Occurrence {
    Date(PartialDate),
    Text(String),
    Unknown,
}

impl Occurrence {
    pub fn date(&self) -> Option<PartialDate> {
        match self {
            Occurrence::Date(d) => Some(*d),
            _ => None,
        }
    }
}

/// One vaccination record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Vaccination {
    /// The record's id at its source.
    pub id: Option<String>,
    pub status: VaccinationStatus,
    /// The vaccine's codes (SNOMED CT in the Belgian profile), displays as the source sent them.
    pub vaccine: Vec<Coding>,
    /// The vaccine as free text, when the source gives one.
    pub vaccine_text: Option<String>,
    /// The product given (CNK code), when the source says.
    pub product: Option<Coding>,
    pub occurrence: Occurrence,
    /// Which dose in the series ("1", "2", "booster" …).
    pub dose_number: Option<String>,
    pub dose_quantity: Option<Quantity>,
    pub performer: Option<Performer>,
    pub lot_number: Option<String>,
    /// Why it was not given.
    pub status_reason: Option<Coding>,
    /// Extensions this version does not understand, by URL: kept so nothing is dropped silently.
    pub unknown_extensions: Vec<String>,
}

pub mod schedule;

/// The kind: vaccinations, with the status against the basic vaccination schedule when
/// the person's birth date is known (computed from what the sources that answered sent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vaccinations;
