//! Therapeutic relationships: the care providers who treat the citizen and may see the
//! record (with consent).

use serde::{Deserialize, Serialize};

use crate::coding::Coding;
use crate::date::PartialDate;
use crate::party::Party;

/// A therapeutic relationship: a care provider who treats the citizen and may see the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TherapeuticLink {
    pub id: Option<String>,
    pub professional: Party,
    /// Profession (KMEHR CD-HCPARTY, e.g. "persphysician").
    pub role: Option<Coding>,
    pub institution: Option<String>,
    /// Kind of link ("gpconsultation", "hospitaladmission" …).
    pub kind: Option<String>,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
}

crate::simple_kind!(
    /// The kind: therapeutic relationships.
    Relationships, Relationships, TherapeuticLink);

/// What the citizen can do with a therapeutic relationship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelationshipChange {
    /// End the relationship with this professional (NIHDI number).
    End { nihdi: String },
}

impl crate::kind::Changeable for Relationships {
    type Change = RelationshipChange;
}
