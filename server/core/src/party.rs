//! Who did something: a care professional, an institution, a person.

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;

/// Who, as far as the source says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Party {
    /// A name given by the source.
    Named(String),
    /// A care professional or institution identified by their NIHDI (RIZIV/INAMI) number.
    Nihdi(String),
    /// A person identified by their national register number, which Carnet does not show.
    Person,
    /// Another identifier or a reference, shown raw.
    Other(String),
}

/// A person or organisation record a source sends (FHIR Patient, Practitioner,
/// Organization, RelatedPerson; a KMEHR hcparty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyRecord {
    /// What kind of party this is, as the source names it ("Practitioner", "persphysician").
    pub kind: String,
    pub name: Option<String>,
    /// NIHDI number of a professional or institution.
    pub nihdi: Option<String>,
    /// Profession or role, coded.
    pub role: Vec<crate::coding::Coding>,
    pub birth_date: Option<PartialDate>,
    /// The organisation a professional works for, by name.
    pub organisation: Option<String>,
}
