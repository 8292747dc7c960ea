//! Medication in words and in time: which lines apply on a day, at which moments, how much.

use carnet_core::coding::Coding;
use carnet_core::date::Day;
use carnet_core::medication::{Dosage, LineStatus, MedicationLine, MedicationRecordKind};

use crate::components::format::concept;
use crate::i18n::Lang;

/// The moments of a day a schedule is laid out in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Slot {
    Morning,
    Noon,
    Evening,
    Night,
    /// No moment given: any time of the day (or as the instructions say).
    AnyTime,
}

impl Slot {
    pub const ALL: [Slot; 5] = [Slot::Morning, Slot::Noon, Slot::Evening, Slot::Night, Slot::AnyTime];

    pub fn message_id(self) -> &'static str {
        match self {
            Slot::Morning => "slot-morning",
            Slot::Noon => "slot-noon",
            Slot::Evening => "slot-evening",
            Slot::Night => "slot-night",
            Slot::AnyTime => "slot-any-time",
        }
    }

    /// The slot of a KMEHR day period or a FHIR EventTiming code.
    pub fn of_moment(coding: &Coding) -> Slot {
        let code = coding.code.as_deref().unwrap_or_default().to_ascii_lowercase();
        match code.as_str() {
            "morning" | "beforebreakfast" | "duringbreakfast" | "afterbreakfast" | "morn" | "morn.early"
            | "morn.late" | "acm" | "cm" | "pcm" | "wake" => Slot::Morning,
            "midday" | "beforelunch" | "duringlunch" | "afterlunch" | "noon" | "acd" | "cd" | "pcd" | "aft"
            | "aft.early" | "aft.late" | "afternoon" => Slot::Noon,
            "evening" | "beforedinner" | "duringdinner" | "afterdinner" | "eve" | "eve.early" | "eve.late" | "acv"
            | "cv" | "pcv" => Slot::Evening,
            "thehourofsleep" | "night" | "hs" | "phs" => Slot::Night,
            _ => Slot::AnyTime,
        }
    }

    /// The slot of a clock time ("08:00").
    pub fn of_time(time: &str) -> Slot {
        match time.split(':').next().and_then(|h| h.parse::<u8>().ok()) {
            Some(4..=10) => Slot::Morning,
            Some(11..=15) => Slot::Noon,
            Some(16..=20) => Slot::Evening,
            Some(_) => Slot::Night,
            None => Slot::AnyTime,
        }
    }
}

/// The medicine's name: the source's product name or text, else its codes in words.
pub fn medicine_name(lang: Lang, line: &MedicationLine) -> String {
    line.medicine_text.clone().unwrap_or_else(|| concept(lang, &line.medicine, None))
}

/// The line's status on this day if it runs then (started, not ended, not stopped: see
/// [`MedicationLine::status_on`]); suspended days count, the pages mark them.
pub fn running_status(line: &MedicationLine, day: Day) -> Option<LineStatus> {
    let started = line.kind != MedicationRecordKind::Delivered && line.start.is_none_or(|s| s.earliest() <= day);
    let status = line.status_on(day);
    (started && matches!(status, LineStatus::Active | LineStatus::Suspended | LineStatus::Unknown)).then_some(status)
}

/// Does the line run on this day? See [`running_status`].
pub fn runs_on(line: &MedicationLine, day: Day) -> bool {
    running_status(line, day).is_some()
}

/// Is it to be taken on this day (running, not suspended, and one of its dosages is due
/// or "when needed")?
pub fn active_today(line: &MedicationLine, day: Day) -> bool {
    running_status(line, day).is_some_and(|status| status != LineStatus::Suspended)
        && (line.dosage.is_empty()
            || line.dosage.iter().any(|d| d.as_needed)
            || scheduled_on(line, day).next().is_some())
}

/// The line's dosages due on this day ("when needed" ones are not scheduled).
pub fn scheduled_on(line: &MedicationLine, day: Day) -> impl Iterator<Item = &Dosage> {
    let start = line.start.and_then(|s| s.day());
    line.dosage.iter().filter(move |d| !d.as_needed && applies_on(d, start, day))
}

/// Does this dosage apply on `day` (its dates, weekdays, day number or every-N-days)?
pub fn applies_on(dosage: &Dosage, start: Option<Day>, day: Day) -> bool {
    if !dosage.dates.is_empty() {
        return dosage.dates.iter().any(|d| d.day() == Some(day));
    }
    if !dosage.weekdays.is_empty() {
        const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let Some(name) = NAMES.get(usize::from(day.weekday())) else { return false };
        return dosage.weekdays.iter().any(|w| w.to_ascii_lowercase().starts_with(name));
    }
    if let (Some(n), Some(start)) = (dosage.day_number, start) {
        return start.plus_days(i64::from(n) - 1) == day;
    }
    if let (Some(f), Some(start)) = (&dosage.frequency, start) {
        let every_days = match f.unit.as_str() {
            "d" => f.period,
            "wk" => f.period * 7.0,
            _ => 1.0,
        };
        if every_days > 1.0 && f.count == 1 {
            let since = day.ordinal() - start.ordinal();
            return since >= 0 && since % (every_days.round() as i64).max(1) == 0;
        }
    }
    true
}

/// The slots a dosage is taken in.
pub fn slots(dosage: &Dosage) -> Vec<Slot> {
    let mut slots: Vec<Slot> =
        dosage.moments.iter().map(Slot::of_moment).chain(dosage.times.iter().map(|t| Slot::of_time(t))).collect();
    if slots.is_empty() {
        slots.push(Slot::AnyTime);
    }
    slots.sort();
    slots.dedup();
    slots
}

/// How much per intake: "1 tablet", "0,5 ml", or the source's text.
pub fn amount(lang: Lang, dosage: &Dosage) -> String {
    match &dosage.amount {
        Some(q) => match &q.unit {
            Some(unit) => format!("{} {unit}", lang.decimal(q.value)),
            None => lang.decimal(q.value),
        },
        None => dosage.text.clone().unwrap_or_default(),
    }
}

/// One line in a few words: "morning 1 tablet, evening 1 tablet", or the source's text.
pub fn dosage_summary(lang: Lang, line: &MedicationLine) -> String {
    let parts: Vec<String> = line
        .dosage
        .iter()
        .filter(|d| d.day_number.is_none() && d.dates.is_empty())
        .map(|d| {
            if d.as_needed {
                return lang.t_args("dosage-as-needed", &[("amount", amount(lang, d).into())]);
            }
            let moments: Vec<String> =
                slots(d).into_iter().filter(|s| *s != Slot::AnyTime).map(|s| lang.t(s.message_id())).collect();
            let amount = amount(lang, d);
            if moments.is_empty() { amount } else { format!("{}: {amount}", moments.join(", ")) }
        })
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        line.dosage.iter().find_map(|d| d.text.clone()).or_else(|| line.instructions.clone()).unwrap_or_default()
    } else {
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_core::medication::Frequency;

    fn day(text: &str) -> Day {
        Day::parse(text).unwrap_or_else(|| panic!("{text}"))
    }

    #[test]
    fn weekdays_day_numbers_and_every_n_days_pick_their_days() {
        let monday = day("2026-11-23");
        let weekly = Dosage { weekdays: vec!["monday".into()], ..Default::default() };
        assert!(applies_on(&weekly, None, monday));
        assert!(!applies_on(&weekly, None, monday.plus_days(1)));
        let day_two = Dosage { day_number: Some(2), ..Default::default() };
        assert!(applies_on(&day_two, Some(monday), monday.plus_days(1)));
        assert!(!applies_on(&day_two, Some(monday), monday));
        let every_other =
            Dosage { frequency: Some(Frequency { count: 1, period: 2.0, unit: "d".into() }), ..Default::default() };
        assert!(applies_on(&every_other, Some(monday), monday.plus_days(4)));
        assert!(!applies_on(&every_other, Some(monday), monday.plus_days(3)));
        assert!(applies_on(&Dosage::default(), Some(monday), monday.plus_days(3)));
    }

    #[test]
    fn moments_and_clock_times_fall_in_slots() {
        let coding = |code: &str| Coding { system: None, code: Some(code.into()), display: None };
        assert_eq!(Slot::of_moment(&coding("afterbreakfast")), Slot::Morning);
        assert_eq!(Slot::of_moment(&coding("HS")), Slot::Night);
        assert_eq!(Slot::of_moment(&coding("EVE")), Slot::Evening);
        assert_eq!(Slot::of_time("12:30"), Slot::Noon);
        assert_eq!(Slot::of_time("22:00"), Slot::Night);
    }
}
