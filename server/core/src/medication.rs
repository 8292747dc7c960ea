//! Medication: what to take, when, how much, prescribed by whom.

use serde::{Deserialize, Serialize};

use crate::coding::{Coding, Quantity};
use crate::date::{Day, PartialDate};
use crate::party::Party;

/// Where a line comes from: FHIR MedicationRequest / MedicationDispense / MedicationStatement,
/// KMEHR medication schema or prescription.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MedicationRecordKind {
    /// A prescription.
    Prescribed,
    /// A pharmacy delivered it.
    Delivered,
    /// A line of the medication schema / treatment the person takes.
    Taken,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineStatus {
    Active,
    /// Temporarily suspended (see `suspensions`).
    Suspended,
    Stopped,
    Completed,
    EnteredInError,
    Unknown,
    /// A status this version does not know, kept raw.
    Other(String),
}

/// How often: `count` times per `period` `unit` (UCUM-like: "h", "d", "wk", "mo").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frequency {
    pub count: u32,
    pub period: f64,
    pub unit: String,
}

/// One dosage instruction: how much, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Dosage {
    /// The instruction as free text, when the source gives one.
    pub text: Option<String>,
    /// How much per intake.
    pub amount: Option<Quantity>,
    /// Moments of the day (KMEHR CD-DAYPERIOD "morning", FHIR EventTiming "MORN" …), kept coded.
    pub moments: Vec<Coding>,
    /// Clock times ("08:00").
    pub times: Vec<String>,
    pub frequency: Option<Frequency>,
    /// Days of the week ("mon" … "sun").
    pub weekdays: Vec<String>,
    pub route: Option<Coding>,
    pub as_needed: bool,
    /// Extra instructions for this intake ("Day 1 of treatment cycle", "with food").
    pub instructions: Vec<String>,
    /// Specific dates of intake, for a one-off or scheduled dose (FHIR `timing.event`).
    pub dates: Vec<PartialDate>,
    /// How long this dosage applies ("1 wk", "7 d"): the first of several dosage steps
    /// (FHIR `timing.repeat.boundsDuration`).
    pub duration: Option<Quantity>,
    /// The day of the treatment this intake is for, counted from the start (day 1 is the
    /// start date): KMEHR regimen `daynumber` ("day 1: 2 tablets, day 2: 1 tablet").
    pub day_number: Option<u32>,
}

/// A period in which the line is suspended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suspension {
    pub from: Option<PartialDate>,
    pub until: Option<PartialDate>,
    pub reason: Option<String>,
}

/// One medication line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MedicationLine {
    pub id: Option<String>,
    pub kind: MedicationRecordKind,
    pub status: LineStatus,
    /// Codes of the medicine (CNK, ATC, SNOMED CT, VMP group …), displays as sent.
    pub medicine: Vec<Coding>,
    /// The medicine as text (product name, or the free-text medicine of KMEHR).
    pub medicine_text: Option<String>,
    pub dosage: Vec<Dosage>,
    pub start: Option<PartialDate>,
    pub end: Option<PartialDate>,
    /// Prescriber, pharmacist or author of the line.
    pub author: Option<Party>,
    /// Why it is taken, or instructions for the patient, as text.
    pub reason: Option<String>,
    pub instructions: Option<String>,
    pub suspensions: Vec<Suspension>,
    /// Extensions this version does not understand, by URL: kept so nothing is dropped silently.
    pub unknown_extensions: Vec<String>,
    /// How long the treatment is meant to last, raw: "chronic", "acute", "oneshot" (KMEHR
    /// CD-TEMPORALITY).
    pub temporality: Option<String>,
    /// When to start taking it, as text ("at a migraine attack"): the Vitalink medication
    /// schema's begin condition.
    pub begin_condition: Option<String>,
    /// When to stop, as text ("until the box is empty"): the schema's end condition.
    pub end_condition: Option<String>,
    /// What a pharmacy delivery adds to a [`MedicationRecordKind::Delivered`] line (the
    /// pharmacy itself is the `author`, the day of the delivery the `start`).
    #[serde(default)]
    pub delivery: Option<Delivery>,
}

/// What a pharmacy delivery says beyond the line itself (the pharmaceutical care data hub's
/// dispensations).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Delivery {
    /// Who prescribed what was delivered, when it was delivered on a prescription.
    pub prescriber: Option<Party>,
    /// How many packages were delivered.
    pub packages: Option<u32>,
    /// When to start taking it, when the pharmacist said so (the delivery day is `start`).
    pub take_from: Option<PartialDate>,
}

/// The kind: medication lines (schemes, prescriptions, deliveries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Medications;

// ---- the status on a day ----------------------------------------------------------------

impl MedicationLine {
    /// The suspension in force on `day`: begun on or before it and not yet over. One without
    /// an end runs until further notice.
    pub fn suspension_on(&self, day: Day) -> Option<&Suspension> {
        self.suspensions.iter().find(|s| {
            s.from.is_none_or(|from| from.earliest() <= day) && s.until.is_none_or(|until| until.latest() >= day)
        })
    }

    /// The day a stop takes effect, for a line the source says is stopped: the start of its
    /// open-ended suspension (a definitive one), else its end; `None` when the source gives
    /// no day (stopped all along).
    fn stop_day(&self) -> Option<Day> {
        let definitive = self.suspensions.iter().filter(|s| s.until.is_none()).filter_map(|s| s.from);
        definitive.map(PartialDate::earliest).min().or(self.end.map(PartialDate::earliest))
    }

    /// The line's status on `day`, its suspensions and end taken into account — the one
    /// rule every page and connector uses:
    /// - **stopped** when the source says it is stopped and the stop has taken effect; a
    ///   stop planned for later leaves it **active** until that day;
    /// - **suspended** inside a suspension. A suspension without an end date is a pause
    ///   "until further notice", not a stop: only the source's own status says a treatment
    ///   is stopped for good (KMEHR's `stopped` lifecycle, the FHIR status), so a paused
    ///   medicine is never shown as ended;
    /// - **completed** after its end;
    /// - otherwise the status the source gave.
    pub fn status_on(&self, day: Day) -> LineStatus {
        if self.status == LineStatus::Stopped {
            match self.stop_day() {
                Some(stop) if stop > day => {}
                _ => return LineStatus::Stopped,
            }
        }
        if self.suspension_on(day).is_some() {
            return LineStatus::Suspended;
        }
        if self.end.is_some_and(|end| end.latest() < day) {
            return LineStatus::Completed;
        }
        match &self.status {
            LineStatus::Stopped => LineStatus::Active,
            status => status.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> Day {
        match PartialDate::parse(&format!("{y:04}-{m:02}-{d:02}")).and_then(PartialDate::day) {
            Some(day) => day,
            None => panic!("a valid day"),
        }
    }

    fn date(y: i32, m: u8, d: u8) -> Option<PartialDate> {
        PartialDate::parse(&format!("{y:04}-{m:02}-{d:02}"))
    }

    fn line(status: LineStatus, suspensions: Vec<Suspension>, end: Option<PartialDate>) -> MedicationLine {
        MedicationLine {
            id: None,
            kind: MedicationRecordKind::Taken,
            status,
            medicine: Vec::new(),
            medicine_text: Some("X".into()),
            start: date(2022, 1, 1),
            end,
            dosage: Vec::new(),
            author: None,
            instructions: None,
            reason: None,
            suspensions,
            unknown_extensions: Vec::new(),
            temporality: None,
            begin_condition: None,
            end_condition: None,
            delivery: None,
        }
    }

    fn pause(from: (i32, u8, u8), until: Option<(i32, u8, u8)>) -> Suspension {
        Suspension {
            from: date(from.0, from.1, from.2),
            until: until.and_then(|(y, m, d)| date(y, m, d)),
            reason: None,
        }
    }

    #[test]
    fn a_temporary_suspension_suspends_only_its_days() {
        let l = line(LineStatus::Active, vec![pause((2022, 7, 2), Some((2022, 7, 3)))], None);
        assert_eq!(l.status_on(day(2022, 7, 1)), LineStatus::Active);
        assert_eq!(l.status_on(day(2022, 7, 2)), LineStatus::Suspended);
        assert_eq!(l.status_on(day(2022, 7, 3)), LineStatus::Suspended);
        assert_eq!(l.status_on(day(2022, 7, 4)), LineStatus::Active);
    }

    #[test]
    fn an_open_ended_suspension_is_a_pause_until_further_notice_not_a_stop() {
        let l = line(LineStatus::Active, vec![pause((2022, 7, 5), None)], None);
        assert_eq!(l.status_on(day(2022, 7, 4)), LineStatus::Active);
        assert_eq!(l.status_on(day(2022, 7, 5)), LineStatus::Suspended);
        assert_eq!(l.status_on(day(2030, 1, 1)), LineStatus::Suspended);
        assert!(l.suspension_on(day(2030, 1, 1)).is_some());
    }

    #[test]
    fn a_definitive_stop_takes_effect_on_its_day_and_not_before() {
        let l = line(LineStatus::Stopped, vec![pause((2022, 7, 5), None)], date(2022, 7, 5));
        assert_eq!(l.status_on(day(2022, 7, 4)), LineStatus::Active, "a stop planned for later");
        assert_eq!(l.status_on(day(2022, 7, 5)), LineStatus::Stopped);
        assert_eq!(l.status_on(day(2023, 1, 1)), LineStatus::Stopped, "stopped, not suspended nor completed");
        let undated = line(LineStatus::Stopped, Vec::new(), None);
        assert_eq!(undated.status_on(day(2022, 1, 1)), LineStatus::Stopped, "no day given: stopped all along");
    }

    #[test]
    fn after_its_end_a_line_is_completed_and_otherwise_keeps_the_source_status() {
        let l = line(LineStatus::Active, Vec::new(), date(2022, 3, 1));
        assert_eq!(l.status_on(day(2022, 3, 1)), LineStatus::Active);
        assert_eq!(l.status_on(day(2022, 3, 2)), LineStatus::Completed);
        let unknown = line(LineStatus::Unknown, Vec::new(), None);
        assert_eq!(unknown.status_on(day(2022, 3, 2)), LineStatus::Unknown);
    }
}
