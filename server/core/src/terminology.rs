//! Code systems as sources publish them: codes with their displays in several languages.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concept {
    pub code: String,
    /// (language, text) pairs; the language may be empty when the source does not say.
    pub displays: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeSystem {
    pub url: Option<String>,
    pub name: Option<String>,
    pub concepts: Vec<Concept>,
}
