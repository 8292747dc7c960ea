//! Therapeutic relationships: the care providers who treat the citizen and may see the
//! record (with consent).

use serde::{Deserialize, Serialize};

use crate::change::{OpenToken, PlanForm, Planned, form};
use crate::coding::Coding;
use crate::date::PartialDate;
use crate::kind::{Scope, SealId, seal_each};
use crate::party::Party;
use crate::source_answer::Answers;

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

/// The kind: therapeutic relationships.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Relationships;

/// What the citizen can do with a therapeutic relationship.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelationshipChange {
    /// End the relationship with this professional (NIHDI number).
    End { nihdi: String },
}

/// A relationship is ended by its id (the professional's number at the hub): sealed.
pub(crate) fn seal_link_ids(answers: &mut Answers<TherapeuticLink>, seal: &dyn SealId) {
    seal_each(answers, seal, |link| link.id.as_mut());
}

impl PlanForm for form::EndRelationship {
    type Change = RelationshipChange;

    /// Ended at the hub that holds it, for the record its token names.
    fn plan(self, open: &dyn OpenToken) -> Option<Planned<RelationshipChange>> {
        let link = open.item(Scope::Relationships, &self.link)?;
        Some(Planned {
            subject: Some(link.subject),
            change: RelationshipChange::End { nihdi: link.id.clone() },
            nihdi: Some(link.id),
            at: Some(link.source),
        })
    }
}
