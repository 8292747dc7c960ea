//! Exclusions: care providers the citizen forbade to see the record.

use serde::{Deserialize, Serialize};

use crate::coding::Coding;
use crate::date::PartialDate;
use crate::party::Party;

/// A care provider the citizen excluded from their record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exclusion {
    pub id: Option<String>,
    pub professional: Party,
    pub role: Option<Coding>,
    pub institution: Option<String>,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
}

/// The kind: the exclusions in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exclusions;

/// What the citizen can do with exclusions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExclusionChange {
    /// Exclude this professional (NIHDI number) from the record.
    Add {
        nihdi: String,
    },
    Lift {
        nihdi: String,
    },
}
