//! The Belgian basic vaccination schedule and where a person stands against it.
//!
//! The schedule is data, not code: `server/core/data/be-vaccination-schedule.toml`
//! ([`BASIC_SCHEDULE_TOML`]) says which diseases, which doses at which age, and which codes
//! the sources use for vaccines against each disease. The server parses it once
//! ([`Schedule`] is `Deserialize`); [`Schedule::status`] does the counting.

use serde::{Deserialize, Serialize};

use crate::coding::Coding;
use crate::date::{Day, PartialDate};
use crate::item::Item;
use crate::source_answer::SourceAnswer;
use crate::vaccination::{Vaccination, VaccinationStatus};

/// The schedule as kept in the repository.
pub const BASIC_SCHEDULE_TOML: &str = include_str!("../../data/be-vaccination-schedule.toml");

/// The whole schedule, as parsed from [`BASIC_SCHEDULE_TOML`].
#[derive(Debug, Clone, Deserialize)]
pub struct Schedule {
    pub schedule: ScheduleInfo,
    #[serde(rename = "disease")]
    pub diseases: Vec<Disease>,
    #[serde(rename = "dose")]
    pub doses: Vec<Dose>,
}

/// Where the schedule comes from: shown under the status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleInfo {
    pub name: String,
    pub reference: String,
    pub url: String,
    /// `YYYY-MM` of the official version.
    pub published: String,
    /// `YYYY-MM-DD` when it was written into Carnet.
    pub transcribed: String,
}

/// One disease and the codes of the vaccines against it.
#[derive(Debug, Clone, Deserialize)]
pub struct Disease {
    pub id: String,
    #[serde(default)]
    pub snomed: Vec<String>,
    #[serde(default)]
    pub vaccine_snomed: Vec<String>,
    #[serde(default)]
    pub vaccine_atc: Vec<String>,
    #[serde(default)]
    pub kmehr: Vec<String>,
}

/// One moment of the schedule.
#[derive(Debug, Clone, Deserialize)]
pub struct Dose {
    pub diseases: Vec<String>,
    pub number: u32,
    pub age: Age,
    pub overdue: Age,
    pub until: Option<Age>,
    pub repeat: Option<Age>,
    pub from: Option<Age>,
    pub born_from: Option<i32>,
}

/// An age: months and weeks ("15m" is 15 months, "5y" 60 months, "8w" 8 weeks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Age {
    pub months: u32,
    pub weeks: u32,
}

impl Age {
    /// The day someone born on `birth` reaches this age.
    pub fn reached(self, birth: Day) -> Day {
        birth.plus_months(self.months as i32).plus_days(i64::from(self.weeks) * 7)
    }

    /// For showing: the one unit the age is best said in.
    pub fn in_words(self) -> AgeInWords {
        if self.weeks > 0 && self.months == 0 {
            AgeInWords::Weeks(self.weeks)
        } else if self.months.is_multiple_of(12) && self.months > 0 {
            AgeInWords::Years(self.months / 12)
        } else {
            AgeInWords::Months(self.months)
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeInWords {
    Weeks(u32),
    Months(u32),
    Years(u32),
}

impl TryFrom<String> for Age {
    type Error = String;

    fn try_from(text: String) -> Result<Age, String> {
        let mut age = Age { months: 0, weeks: 0 };
        let mut number = String::new();
        let mut parts = 0;
        for c in text.trim().chars() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let n: u32 = number.parse().map_err(|_| format!("age {text:?}: a unit without a number"))?;
            number.clear();
            match c {
                'y' => age.months += n * 12,
                'm' => age.months += n,
                'w' => age.weeks += n,
                _ => return Err(format!("age {text:?}: unknown unit {c:?} (use y, m or w)")),
            }
            parts += 1;
        }
        if !number.is_empty() || parts == 0 {
            return Err(format!("age {text:?}: every number needs a unit (y, m or w)"));
        }
        Ok(age)
    }
}

impl From<Age> for String {
    fn from(age: Age) -> String {
        let (years, months) = (age.months / 12, age.months % 12);
        let mut text = String::new();
        if years > 0 {
            text.push_str(&format!("{years}y"));
        }
        if months > 0 {
            text.push_str(&format!("{months}m"));
        }
        if age.weeks > 0 || text.is_empty() {
            text.push_str(&format!("{}w", age.weeks));
        }
        text
    }
}

/// Where one dose stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DoseState {
    /// A vaccination counts for it (for a repeating dose: the latest one is recent enough).
    Done,
    /// Its time has come.
    Due,
    /// Its time has passed by more than the schedule's margin.
    Overdue,
    /// Not yet: the person is too young.
    Later,
    /// Not for this person: the moment has passed for good, or it is not for their generation.
    NotApplicable,
}

impl DoseState {
    /// Fluent id suffix: `schedule-status-<id>`.
    pub fn id(self) -> &'static str {
        match self {
            DoseState::Done => "done",
            DoseState::Due => "due",
            DoseState::Overdue => "overdue",
            DoseState::Later => "later",
            DoseState::NotApplicable => "not-applicable",
        }
    }
}

/// Where a person stands against the schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScheduleStatus {
    pub schedule: ScheduleInfo,
    /// The diseases in the schedule's order; those outside the basic schedule (no doses)
    /// come last, and only when the person was vaccinated against them.
    pub diseases: Vec<DiseaseStatus>,
}

/// One disease: its doses and the vaccinations that count against it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiseaseStatus {
    pub id: String,
    /// Empty when the disease is not part of the basic schedule.
    pub doses: Vec<DoseStatus>,
    /// Every completed vaccination against the disease, oldest first (undated last).
    pub given: Vec<GivenRef>,
}

impl DiseaseStatus {
    pub fn in_schedule(&self) -> bool {
        !self.doses.is_empty()
    }
}

/// A vaccination in the reading it was computed from: `answer` indexes the source answers,
/// `item` the items of that answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GivenRef {
    pub answer: usize,
    pub item: usize,
}

/// One dose of the schedule for one person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DoseStatus {
    pub number: u32,
    /// For a repeating dose, how often (every 10 years, every year).
    pub repeat: Option<Age>,
    pub age: Age,
    pub state: DoseState,
    /// The vaccination that counts for it (for a repeating dose: the latest).
    pub given_on: Option<PartialDate>,
    /// From when it is (or was, or will be) due.
    pub due_from: Day,
}

impl ScheduleStatus {
    /// How many doses are in a state.
    pub fn count(&self, state: DoseState) -> usize {
        self.diseases.iter().flat_map(|d| &d.doses).filter(|d| d.state == state).count()
    }
}

impl Schedule {
    /// Checks what serde cannot: every dose names known diseases, ids are unique.
    pub fn check(&self) -> Result<(), String> {
        let mut ids: Vec<&str> = Vec::new();
        for disease in &self.diseases {
            if ids.contains(&disease.id.as_str()) {
                return Err(format!("disease {:?} is listed twice", disease.id));
            }
            ids.push(&disease.id);
        }
        for dose in &self.doses {
            if let Some(unknown) = dose.diseases.iter().find(|d| !ids.contains(&d.as_str())) {
                return Err(format!("dose {} names the unknown disease {unknown:?}", dose.number));
            }
            if dose.overdue.reached(Day { year: 2000, month: 1, day: 1 })
                < dose.age.reached(Day { year: 2000, month: 1, day: 1 })
            {
                return Err(format!("dose {} of {:?}: overdue comes before its age", dose.number, dose.diseases));
            }
        }
        Ok(())
    }

    /// The diseases a vaccine protects against, by its codes: SNOMED CT vaccine codes,
    /// ATC codes and KMEHR vaccine indications (a combined vaccine names several).
    pub fn diseases_of(&self, codes: &[Coding]) -> Vec<&Disease> {
        self.diseases
            .iter()
            .filter(|disease| {
                codes.iter().any(|coding| {
                    let Some(code) = coding.code.as_deref() else { return false };
                    let list = match coding.system.as_deref() {
                        Some(crate::coding::SNOMED_CT) => &disease.vaccine_snomed,
                        Some("CD-ATC") | Some(ATC) => &disease.vaccine_atc,
                        Some("CD-VACCINEINDICATION") => &disease.kmehr,
                        _ => return false,
                    };
                    list.iter().any(|c| c == code)
                })
            })
            .collect()
    }

    /// Where someone born on `birth` stands on `today`, given the vaccinations every source
    /// sent. Only completed vaccinations count; a dose counts from its (earliest possible) date.
    pub fn status(&self, birth: Day, today: Day, answers: &[SourceAnswer<Vec<Item<Vaccination>>>]) -> ScheduleStatus {
        // Every completed vaccination, with the diseases it protects against.
        let mut given: Vec<(GivenRef, Option<PartialDate>, Vec<&str>)> = Vec::new();
        for (a, answer) in answers.iter().enumerate() {
            let Ok(items) = &answer.result else { continue };
            for (i, item) in items.iter().enumerate() {
                let Some(v) = item.read() else { continue };
                if v.status != VaccinationStatus::Completed {
                    continue;
                }
                let diseases = self.diseases_of(&v.vaccine).into_iter().map(|d| d.id.as_str()).collect();
                given.push((GivenRef { answer: a, item: i }, v.occurrence.date(), diseases));
            }
        }

        let mut diseases = Vec::new();
        let mut outside = Vec::new();
        for disease in &self.diseases {
            let mut against: Vec<(GivenRef, Option<PartialDate>)> =
                given.iter().filter(|(_, _, ds)| ds.contains(&disease.id.as_str())).map(|(r, d, _)| (*r, *d)).collect();
            against.sort_by_key(|(_, date)| (date.is_none(), date.map(|d| d.earliest())));
            // One event on one day counts once, however many sources record it.
            let mut days: Vec<Day> = against.iter().filter_map(|(_, d)| d.map(|d| d.earliest())).collect();
            days.dedup();
            let mut doses: Vec<&Dose> = self.doses.iter().filter(|d| d.diseases.contains(&disease.id)).collect();
            doses.sort_by_key(|d| d.number);
            let doses = count_doses(&doses, &days, birth, today);
            let status =
                DiseaseStatus { id: disease.id.clone(), doses, given: against.into_iter().map(|(r, _)| r).collect() };
            if status.in_schedule() {
                diseases.push(status);
            } else if !status.given.is_empty() {
                outside.push(status);
            }
        }
        diseases.extend(outside);
        ScheduleStatus { schedule: self.schedule.clone(), diseases }
    }
}

/// FHIR's ATC system.
const ATC: &str = "http://www.whocc.no/atc";

/// Matches the days a disease was vaccinated against to its doses, in order of number.
fn count_doses(doses: &[&Dose], days: &[Day], birth: Day, today: Day) -> Vec<DoseStatus> {
    let mut used = vec![false; days.len()];
    doses
        .iter()
        .map(|dose| {
            let age_day = dose.age.reached(birth);
            let margin = dose.overdue.reached(birth).ordinal() - age_day.ordinal();
            let for_generation = dose.born_from.is_none_or(|year| birth.year >= year);
            let (state, given_on, due_from) = if let Some(repeat) = dose.repeat {
                // Due again `repeat` after the latest vaccination, and never before its age.
                let latest = days.last().copied();
                let due = latest.map(|d| repeat.reached(d)).filter(|d| *d > age_day).unwrap_or(age_day);
                let state = if !for_generation {
                    DoseState::NotApplicable
                } else if today < age_day {
                    DoseState::Later
                } else if today < due {
                    DoseState::Done
                } else if today < due.plus_days(margin) {
                    DoseState::Due
                } else {
                    DoseState::Overdue
                };
                (state, latest.filter(|_| state == DoseState::Done).map(PartialDate::from), due)
            } else {
                let until = dose.until.map(|u| u.reached(birth));
                let from = dose.from.map(|f| f.reached(birth));
                let found = days.iter().zip(&used).position(|(day, taken)| {
                    !taken && until.is_none_or(|u| *day < u) && from.is_none_or(|f| *day >= f)
                });
                let state = match found {
                    Some(i) => {
                        if let Some(taken) = used.get_mut(i) {
                            *taken = true;
                        }
                        DoseState::Done
                    }
                    None if !for_generation => DoseState::NotApplicable,
                    None if until.is_some_and(|u| today >= u) => DoseState::NotApplicable,
                    None if today < age_day => DoseState::Later,
                    None if today < age_day.plus_days(margin) => DoseState::Due,
                    None => DoseState::Overdue,
                };
                (state, found.and_then(|i| days.get(i)).map(|day| PartialDate::from(*day)), age_day)
            };
            DoseStatus { number: dose.number, repeat: dose.repeat, age: dose.age, state, given_on, due_from }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vaccination::Occurrence;

    fn schedule() -> Schedule {
        let schedule: Schedule =
            toml::from_str(BASIC_SCHEDULE_TOML).unwrap_or_else(|e| panic!("the schedule parses: {e}"));
        schedule.check().unwrap_or_else(|e| panic!("the schedule is consistent: {e}"));
        schedule
    }

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap_or_else(|| panic!("a test date"))
    }

    fn given(system: &str, code: &str, on: &str) -> Item<Vaccination> {
        Item::Read(Vaccination {
            id: None,
            status: VaccinationStatus::Completed,
            vaccine: vec![Coding { system: Some(system.into()), code: Some(code.into()), display: None }],
            vaccine_text: None,
            product: None,
            occurrence: Occurrence::Date(day(on).into()),
            dose_number: None,
            dose_quantity: None,
            performer: None,
            lot_number: None,
            status_reason: None,
            unknown_extensions: Vec::new(),
        })
    }

    fn answers(items: Vec<Item<Vaccination>>) -> Vec<SourceAnswer<Vec<Item<Vaccination>>>> {
        vec![SourceAnswer { source_id: "a".into(), source_name: "A".into(), result: Ok(items), stale: None }]
    }

    fn states(status: &ScheduleStatus, disease: &str) -> Vec<DoseState> {
        let found = status.diseases.iter().find(|d| d.id == disease);
        found.map(|d| d.doses.iter().map(|d| d.state).collect()).unwrap_or_default()
    }

    use DoseState::*;
    const HEXAVALENT: &str = "871895005";
    const MMR: &str = "J07BD52";

    #[test]
    fn ages_are_read_and_written_back() {
        for (text, months, weeks) in [("8w", 0, 8), ("15m", 15, 0), ("5y", 60, 0), ("65y3m", 783, 0)] {
            let age = Age::try_from(text.to_owned()).unwrap_or_else(|e| panic!("an age: {e}"));
            assert_eq!((age.months, age.weeks), (months, weeks), "{text}");
            assert_eq!(Age::try_from(String::from(age)), Ok(age), "{text} written back");
        }
        for bad in ["", "5", "y", "5x", "5y3"] {
            assert!(Age::try_from(bad.to_owned()).is_err(), "{bad:?} is not an age");
        }
        assert_eq!(Age::try_from("15m".to_owned()).map(Age::in_words), Ok(AgeInWords::Months(15)));
        assert_eq!(Age::try_from("5y".to_owned()).map(Age::in_words), Ok(AgeInWords::Years(5)));
        assert_eq!(Age::try_from("8w".to_owned()).map(Age::in_words), Ok(AgeInWords::Weeks(8)));
    }

    #[test]
    fn the_schedule_names_its_source_and_maps_combined_vaccines_to_each_disease() {
        let s = schedule();
        assert!(s.schedule.url.starts_with("https://www.hgr-css.be/"));
        let ids = |codes: &[Coding]| s.diseases_of(codes).into_iter().map(|d| d.id.as_str()).collect::<Vec<_>>();
        let snomed = |code: &str| {
            vec![Coding { system: Some(crate::coding::SNOMED_CT.into()), code: Some(code.into()), display: None }]
        };
        assert_eq!(ids(&snomed(HEXAVALENT)), ["diphtheria", "tetanus", "pertussis", "polio", "hib", "hepatitis-b"]);
        let kmehr = vec![Coding {
            system: Some("CD-VACCINEINDICATION".into()),
            code: Some("seasonalinfluenza".into()),
            display: None,
        }];
        assert_eq!(ids(&kmehr), ["influenza"]);
        let atc = vec![Coding { system: Some("CD-ATC".into()), code: Some(MMR.into()), display: None }];
        assert_eq!(ids(&atc), ["measles", "mumps", "rubella"]);
        // A code from an unknown system, or MenB, maps to nothing.
        assert!(ids(&[Coding { system: Some("LOCAL".into()), code: Some(MMR.into()), display: None }]).is_empty());
        assert!(ids(&snomed("1981000221108")).is_empty());
    }

    #[test]
    fn a_toddler_with_the_infant_series_is_due_for_nothing_but_what_comes_at_15_months() {
        let birth = day("2025-01-10");
        let series =
            ["2025-03-07", "2025-04-04", "2025-05-02"].map(|on| given(crate::coding::SNOMED_CT, HEXAVALENT, on));
        let status = schedule().status(birth, day("2026-04-20"), &answers(series.into()));
        // Doses 1-3 done; dose 4 (15 months) due since 10 April, overdue from 10 July.
        assert_eq!(states(&status, "polio")[..4], [Done, Done, Done, Due]);
        assert_eq!(states(&status, "hepatitis-b")[..4], [Done, Done, Done, Due]);
        // No pneumococcal dose at all: the first two are overdue, the 12-month one too
        // (15 months passed on 10 April).
        assert_eq!(states(&status, "pneumococcal"), [Overdue, Overdue, Overdue, Later]);
        // Rotavirus can no longer be started or finished.
        assert_eq!(states(&status, "rotavirus"), [NotApplicable, NotApplicable]);
        assert_eq!(states(&status, "hpv"), [Later, Later]);
        let polio = status.diseases.iter().find(|d| d.id == "polio").unwrap_or_else(|| panic!("polio"));
        assert_eq!(polio.given.len(), 3);
        assert_eq!(polio.doses[3].due_from, day("2026-04-10"));
    }

    #[test]
    fn one_vaccination_recorded_by_two_sources_counts_once() {
        let birth = day("2024-01-01");
        let mut both = answers(vec![given("CD-ATC", MMR, "2025-01-05")]);
        both.extend(answers(vec![given(crate::coding::SNOMED_CT, "871831003", "2025-01-05")]));
        let status = schedule().status(birth, day("2026-06-01"), &both);
        assert_eq!(states(&status, "measles"), [Done, Due]);
        let measles = status.diseases.iter().find(|d| d.id == "measles").unwrap_or_else(|| panic!("measles"));
        assert_eq!(measles.given.len(), 2, "both records are shown in the history");
    }

    #[test]
    fn adults_are_counted_by_date_and_boosters_repeat() {
        let birth = day("1985-04-12");
        let s = schedule();
        // A dTpa booster at 39: done until 10 years later.
        let status = s.status(birth, day("2026-11-23"), &answers(vec![given("CD-ATC", "J07AJ52", "2024-10-18")]));
        assert_eq!(
            states(&status, "tetanus"),
            [NotApplicable, NotApplicable, NotApplicable, NotApplicable, NotApplicable, NotApplicable, Done]
        );
        let tetanus = status.diseases.iter().find(|d| d.id == "tetanus").unwrap_or_else(|| panic!("tetanus"));
        assert_eq!(tetanus.doses[6].due_from, day("2034-10-18"));
        // The last one 12 years ago: due for 10 years … overdue 2 years after.
        let status = s.status(birth, day("2026-11-23"), &answers(vec![given("CD-ATC", "J07AJ52", "2014-10-18")]));
        assert_eq!(states(&status, "tetanus")[6], Overdue);
        let status = s.status(birth, day("2025-11-23"), &answers(vec![given("CD-ATC", "J07AJ52", "2014-10-18")]));
        assert_eq!(states(&status, "tetanus")[6], Due);
        // Nothing at all: due from 25 … overdue from 27.
        let status = s.status(birth, day("2011-01-01"), &[]);
        assert_eq!(states(&status, "tetanus")[6], Due);
        assert_eq!(states(&status, "tetanus")[5], NotApplicable, "the adolescent booster is not caught up after 25");
    }

    #[test]
    fn a_childs_extra_dose_does_not_fill_an_adult_dose_and_generations_before_1970_need_no_mmr() {
        let s = schedule();
        let birth = day("2010-01-01");
        let pcv = ["2010-03-01", "2010-05-01", "2010-07-01", "2011-01-01"].map(|on| given("CD-ATC", "J07AL02", on));
        let status = s.status(birth, day("2026-01-01"), &answers(pcv.into()));
        assert_eq!(states(&status, "pneumococcal"), [Done, Done, Done, Later]);

        let status = s.status(
            day("1941-02-27"),
            day("2026-11-23"),
            &answers(vec![given("CD-VACCINEINDICATION", "seasonalinfluenza", "2026-10-08")]),
        );
        assert_eq!(states(&status, "measles"), [NotApplicable, NotApplicable]);
        assert_eq!(states(&status, "influenza"), [Done]);
        assert_eq!(states(&status, "pneumococcal"), [NotApplicable, NotApplicable, NotApplicable, Overdue]);
        // The flu vaccine of last season, a year and three months on: overdue.
        let status = s.status(
            day("1941-02-27"),
            day("2027-01-09"),
            &answers(vec![given("CD-VACCINEINDICATION", "seasonalinfluenza", "2025-10-08")]),
        );
        assert_eq!(states(&status, "influenza"), [Overdue]);
    }

    #[test]
    fn vaccinations_not_given_count_for_nothing_and_diseases_outside_the_schedule_come_last() {
        let mut refused = given("CD-ATC", MMR, "2020-01-01");
        if let Item::Read(v) = &mut refused {
            v.status = VaccinationStatus::NotDone;
        }
        let hepatitis_a = given("CD-VACCINEINDICATION", "hepatitisa", "2019-05-01");
        let status = schedule().status(day("2018-01-01"), day("2026-01-01"), &answers(vec![refused, hepatitis_a]));
        assert_eq!(states(&status, "measles"), [Overdue, Due]);
        let last = status.diseases.last().unwrap_or_else(|| panic!("a disease"));
        assert_eq!((last.id.as_str(), last.in_schedule(), last.given.len()), ("hepatitis-a", false, 1));
        assert!(!status.diseases.iter().any(|d| d.id == "covid-19"), "no vaccination, not in the schedule: not listed");
        // At 8: MMR 1 for three diseases, and the booster of 5 years for four (overdue from 8).
        assert_eq!(status.count(Overdue), 3 + 4);
    }
}
