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

impl Vaccination {
    /// Is `other` the same vaccination, recorded at another source? The same day and a
    /// vaccine code (or product) in common.
    pub fn same_as(&self, other: &Vaccination) -> bool {
        let day = |v: &Vaccination| v.occurrence.date().and_then(|d| d.day());
        if day(self).is_none() || day(self) != day(other) || self.status != other.status {
            return false;
        }
        let shared = self
            .vaccine
            .iter()
            .any(|a| a.code.is_some() && other.vaccine.iter().any(|b| a.system == b.system && a.code == b.code));
        let product = self.product.as_ref().is_some_and(|p| p.code.is_some() && other.product.as_ref() == Some(p));
        shared || product
    }
}

pub mod schedule;

/// The kind: vaccinations, with the status against the basic vaccination schedule when
/// the person's birth date is known (computed from what the sources that answered sent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vaccinations;

#[cfg(test)]
mod tests {
    use super::*;

    fn given(code: &str, on: &str) -> Vaccination {
        Vaccination {
            id: None,
            status: VaccinationStatus::Completed,
            vaccine: vec![Coding {
                system: Some(crate::coding::SNOMED_CT.into()),
                code: Some(code.into()),
                display: None,
            }],
            vaccine_text: None,
            product: None,
            occurrence: PartialDate::parse(on).map_or(Occurrence::Unknown, Occurrence::Date),
            dose_number: None,
            dose_quantity: None,
            performer: None,
            lot_number: None,
            status_reason: None,
            unknown_extensions: Vec::new(),
        }
    }

    #[test]
    fn the_same_vaccine_on_the_same_day_is_the_same_vaccination() {
        assert!(given("871831003", "1986-05-20").same_as(&given("871831003", "1986-05-20")));
        assert!(!given("871831003", "1986-05-20").same_as(&given("871831003", "1986-06-20")), "another day");
        assert!(!given("871831003", "1986-05-20").same_as(&given("871826000", "1986-05-20")), "another vaccine");
        assert!(!given("871831003", "1986").same_as(&given("871831003", "1986")), "no day: cannot tell");
    }
}
