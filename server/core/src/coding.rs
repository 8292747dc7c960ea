//! Codes from terminologies (SNOMED CT, CNK, ATC …) as the sources send them.

use serde::{Deserialize, Serialize};

pub const SNOMED_CT: &str = "http://snomed.info/sct";
pub const CNK: &str = "https://www.ehealth.fgov.be/standards/fhir/medication/NamingSystem/be-ns-cnk-codes";

/// One code. Nothing is dropped: an unknown system or code is kept and shown raw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Coding {
    pub system: Option<String>,
    pub code: Option<String>,
    /// The text the source gave for this code, in the source's language.
    pub display: Option<String>,
}

impl Coding {
    /// A short name for the code system, for showing a raw code ("SNOMED CT 871895005").
    pub fn system_label(&self) -> &str {
        match self.system.as_deref() {
            Some(SNOMED_CT) => "SNOMED CT",
            Some(CNK) => "CNK",
            Some(other) => other.rsplit('/').next().unwrap_or(other),
            None => "",
        }
    }

    pub fn is_snomed(&self) -> bool {
        self.system.as_deref() == Some(SNOMED_CT)
    }
}

/// An amount with its unit, as the source gives it ("1 ml", "2 tablets").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub value: f64,
    pub unit: Option<String>,
}
