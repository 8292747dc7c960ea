//! Vaccinations as a citizen sees them.

use serde::{Deserialize, Serialize};

use crate::coding::Coding;
use crate::date::PartialDate;

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

/// Who gave the vaccine, as far as the source says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Performer {
    /// A name given by the source.
    Named(String),
    /// A care professional identified by their NIHDI (RIZIV/INAMI) number.
    Nihdi(String),
    /// A care professional identified by their national register number, which Carnet
    /// does not show.
    Person,
    /// Another identifier or a reference, shown raw.
    Other(String),
}

/// How much was given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub value: f64,
    pub unit: Option<String>,
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

/// An item as read from a source: either understood, or explicitly not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Item<T> {
    Read(T),
    /// "Could not read this item": the source sent something Carnet cannot interpret.
    Unreadable {
        /// The item's id, if even that could be read.
        id: Option<String>,
        /// A technical reason, for diagnostics; no health data.
        reason: String,
    },
}
