//! SumEHR: the summary a GP keeps of a patient's health.

use serde::{Deserialize, Serialize};

use crate::allergy::Allergy;
use crate::coding::Coding;
use crate::date::PartialDate;
use crate::item::Item;
use crate::medication::MedicationLine;
use crate::party::Party;
use crate::vaccination::Vaccination;

/// A problem, a past history item or a risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthIssue {
    pub id: Option<String>,
    pub codes: Vec<Coding>,
    pub text: Option<String>,
    pub since: Option<PartialDate>,
    pub until: Option<PartialDate>,
    /// "active", "inactive" … raw.
    pub status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SumEhr {
    pub date: Option<PartialDate>,
    pub author: Option<Party>,
    pub problems: Vec<Item<HealthIssue>>,
    pub risks: Vec<Item<HealthIssue>>,
    pub allergies: Vec<Item<Allergy>>,
    pub medication: Vec<Item<MedicationLine>>,
    pub vaccinations: Vec<Item<Vaccination>>,
    /// Other item types, by their KMEHR code, kept so nothing is dropped silently.
    pub other_items: Vec<String>,
    /// Treatments other than medicines (physiotherapy, surgery …): KMEHR `treatment` items.
    pub treatments: Vec<Item<HealthIssue>>,
    /// The patient's wills as recorded by the GP (do-not-resuscitate, refusal of blood
    /// transfusion, euthanasia request …), coded: KMEHR `patientwill` items.
    pub patient_wills: Vec<Item<HealthIssue>>,
    /// Kinds of items the author explicitly declared to be absent (KMEHR `nullFlavor` on the
    /// item type: "no known problems"), by their KMEHR code ("problem", "treatment").
    pub declared_none: Vec<String>,
    /// Sections taken out because the reader's grant does not cover their kind (see
    /// [`crate::kind::withhold_sumehr`]): the page says they are not shared.
    #[serde(default)]
    pub withheld: Vec<SumEhrSection>,
}

/// A SumEHR section whose items are of a kind of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SumEhrSection {
    Allergies,
    Medication,
    Vaccinations,
}

/// The kind: the latest summarised health record of each source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SumEhrs;
