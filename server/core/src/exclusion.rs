//! Exclusions: care providers the citizen forbade to see the record.

use serde::{Deserialize, Serialize};

use crate::change::{OpenToken, Opened, PlanForm, Planned, form};
use crate::coding::Coding;
use crate::date::PartialDate;
use crate::kind::{Scope, SealId, seal_each};
use crate::party::Party;
use crate::source_answer::Answers;

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

/// An exclusion is added or lifted at every hub that keeps them: the citizen excludes a
/// person, not a hub's copy of them.
fn everywhere(opened: Opened, change: fn(String) -> ExclusionChange) -> Planned<ExclusionChange> {
    Planned { subject: Some(opened.subject), change: change(opened.id.clone()), nihdi: Some(opened.id), at: None }
}

/// An exclusion is lifted by its id: sealed.
pub(crate) fn seal_exclusion_ids(answers: &mut Answers<Exclusion>, seal: &dyn SealId) {
    seal_each(answers, seal, |exclusion| exclusion.id.as_mut());
}

impl PlanForm for form::AddExclusion {
    type Change = ExclusionChange;

    fn plan(self, open: &dyn OpenToken) -> Option<Planned<ExclusionChange>> {
        Some(everywhere(open.directory(&self.party)?, |nihdi| ExclusionChange::Add { nihdi }))
    }
}

impl PlanForm for form::LiftExclusion {
    type Change = ExclusionChange;

    fn plan(self, open: &dyn OpenToken) -> Option<Planned<ExclusionChange>> {
        let exclusion = open.item(Scope::Exclusions, &self.exclusion)?;
        Some(everywhere(exclusion, |nihdi| ExclusionChange::Lift { nihdi }))
    }
}
