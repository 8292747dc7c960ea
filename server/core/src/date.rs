//! Dates as health records carry them: often complete, sometimes only a year or a month.

use std::fmt;
use std::sync::LazyLock;

use jiff::tz::{self, TimeZone};
use jiff::{Timestamp, civil};

use serde::{Deserialize, Serialize};

/// A calendar date with optional month and day (FHIR `date`, the date part of `dateTime`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or a date-time starting with one of them.
    pub fn parse(input: &str) -> Option<PartialDate> {
        let date_part = input.trim().split('T').next()?;
        let mut parts = date_part.split('-');
        let year_text = parts.next()?;
        if year_text.len() != 4 {
            return None;
        }
        let year: i32 = year_text.parse().ok()?;
        let month = match parts.next() {
            Some(m) if m.len() == 2 => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            Some(_) => return None,
            None => None,
        };
        let day = match parts.next() {
            Some(d) if d.len() == 2 && month.is_some() => {
                let day = d.parse::<u8>().ok()?;
                let max = days_in_month(year, month?);
                if day == 0 || day > max {
                    return None;
                }
                Some(day)
            }
            Some(_) => return None,
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(PartialDate { year, month, day })
    }
}

/// The number of days in a month of a year (Gregorian).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// A complete calendar date, for arithmetic (ages, schedules, week views).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// Days since 1970-01-01 (negative before), proleptic Gregorian.
    pub fn ordinal(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day with this ordinal (see [`Day::ordinal`]).
    pub fn from_ordinal(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }

    pub fn plus_days(self, days: i64) -> Day {
        Day::from_ordinal(self.ordinal() + days)
    }

    /// The same day `months` later (or the month's last day when it is shorter).
    pub fn plus_months(self, months: i32) -> Day {
        let total = self.year * 12 + i32::from(self.month) - 1 + months;
        let year = total.div_euclid(12);
        let month = (total.rem_euclid(12) + 1) as u8;
        Day { year, month, day: self.day.min(days_in_month(year, month)) }
    }

    /// Monday is 0, Sunday 6.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        ((self.ordinal() + 3).rem_euclid(7)) as u8
    }

    /// The calendar day in Belgium at `unix_seconds` (seconds since 1970-01-01 UTC), by
    /// [`BELGIUM`]'s rule. Ages, schedules and "today's medication" count in it.
    pub fn in_belgium(unix_seconds: i64) -> Day {
        BelgianTime::at(unix_seconds * 1000).day
    }

    /// `YYYY-MM-DD`, as in query strings.
    pub fn parse(input: &str) -> Option<Day> {
        let date = PartialDate::parse(input)?;
        if input.trim().len() != 10 {
            return None;
        }
        date.day()
    }
}

/// Belgium's clock as a POSIX TZ rule: CET (UTC+1), CEST (UTC+2) from the last Sunday of
/// March to the last Sunday of October, switching at 01:00 UTC (02:00 CET, 03:00 CEST). It
/// is the EU's rule (Directive 2000/84/EC), which Belgium follows; as a rule it needs no
/// time-zone database on the machine (or in the WebAssembly).
const BELGIUM: &str = "CET-1CEST,M3.5.0,M10.5.0/3";

fn belgium() -> &'static TimeZone {
    static ZONE: LazyLock<TimeZone> =
        LazyLock::new(|| TimeZone::posix(BELGIUM).unwrap_or_else(|_| TimeZone::fixed(tz::offset(1))));
    &ZONE
}

/// A moment as a clock in Belgium shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BelgianTime {
    pub day: Day,
    pub hour: u8,
    pub minute: u8,
}

impl BelgianTime {
    /// At `unix_ms` (milliseconds since 1970-01-01 UTC; beyond the years -9999 to 9999, their end).
    pub fn at(unix_ms: i64) -> BelgianTime {
        let at =
            Timestamp::from_millisecond(unix_ms).unwrap_or(if unix_ms < 0 { Timestamp::MIN } else { Timestamp::MAX });
        let shown = belgium().to_datetime(at);
        BelgianTime {
            day: Day { year: i32::from(shown.year()), month: shown.month() as u8, day: shown.day() as u8 },
            hour: shown.hour() as u8,
            minute: shown.minute() as u8,
        }
    }
}

/// A moment as RFC 3339 text in UTC (`2026-12-07T14:02:00Z`), for documents that are read
/// by machines (the patient summary).
pub fn rfc3339(unix_ms: i64) -> String {
    let at = Timestamp::from_millisecond(unix_ms).unwrap_or(if unix_ms < 0 { Timestamp::MIN } else { Timestamp::MAX });
    at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The moment an ISO 8601 date-time names, in milliseconds since 1970-01-01 UTC: with `Z`
/// or an offset as it says; without one, a Belgian clock's time (at the autumn switch, the
/// hour that comes twice is read as the first); a date alone is its midnight in Belgium.
/// `None` when it is not such a text.
pub fn instant_ms(text: &str) -> Option<i64> {
    let text = text.trim();
    let at = match text.parse::<Timestamp>() {
        Ok(at) => at,
        Err(_) => belgium().to_ambiguous_timestamp(text.parse::<civil::DateTime>().ok()?).compatible().ok()?,
    };
    Some(at.as_millisecond())
}

impl PartialDate {
    /// The complete date, when month and day are known.
    pub fn day(self) -> Option<Day> {
        Some(Day { year: self.year, month: self.month?, day: self.day? })
    }

    /// The earliest day this date can mean (the 1st of its month, 1 January of its year).
    pub fn earliest(self) -> Day {
        Day { year: self.year, month: self.month.unwrap_or(1), day: self.day.unwrap_or(1) }
    }

    /// The latest day this date can mean.
    pub fn latest(self) -> Day {
        let month = self.month.unwrap_or(12);
        Day { year: self.year, month, day: self.day.unwrap_or(days_in_month(self.year, month)) }
    }
}

impl From<Day> for PartialDate {
    fn from(d: Day) -> PartialDate {
        PartialDate { year: d.year, month: Some(d.month), day: Some(d.day) }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for PartialDate {
    /// ISO form, for machines (pages format dates per language through Fluent).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_belgian_day_follows_winter_and_summer_time() {
        let at = |text: &str| {
            let (date, clock) = text.split_once('T').unwrap_or_else(|| panic!("{text}"));
            let day = Day::parse(date).unwrap_or_else(|| panic!("{text}"));
            let hours: i64 = clock[..2].parse().unwrap_or_else(|e| panic!("{e}"));
            let minutes: i64 = clock[3..5].parse().unwrap_or_else(|e| panic!("{e}"));
            Day::in_belgium(day.ordinal() * 86_400 + hours * 3600 + minutes * 60).to_string()
        };
        // Winter: UTC+1.
        assert_eq!(at("2026-11-23T22:59:00Z"), "2026-11-23");
        assert_eq!(at("2026-11-23T23:00:00Z"), "2026-11-24");
        // Summer: UTC+2.
        assert_eq!(at("2026-07-01T21:59:00Z"), "2026-07-01");
        assert_eq!(at("2026-07-01T22:00:00Z"), "2026-07-02");
        // The switches (2026: 29 March and 25 October, at 01:00 UTC).
        assert_eq!(at("2026-03-29T00:59:00Z"), "2026-03-29");
        assert_eq!(at("2026-03-28T22:59:00Z"), "2026-03-28");
        assert_eq!(at("2026-03-29T22:00:00Z"), "2026-03-30");
        assert_eq!(at("2026-10-24T22:00:00Z"), "2026-10-25");
        assert_eq!(at("2026-10-25T22:30:00Z"), "2026-10-25");
        // New Year's Eve in winter.
        assert_eq!(at("2026-12-31T23:30:00Z"), "2027-01-01");
    }

    use super::*;

    #[test]
    fn belgium_s_rule_is_read_as_a_rule_not_the_fixed_fallback() {
        assert!(TimeZone::posix(BELGIUM).is_ok());
        let winter = BelgianTime::at(instant_ms("2026-01-10T09:00:00Z").unwrap_or_default());
        let summer = BelgianTime::at(instant_ms("2026-07-10T09:00:00Z").unwrap_or_default());
        assert_eq!((winter.hour, summer.hour), (10, 11));
        // Far outside any record: the clock's end, not a panic.
        assert_eq!(BelgianTime::at(i64::MAX).day.year, 9999);
    }

    #[test]
    fn full_partial_and_datetime_forms_parse() {
        assert_eq!(PartialDate::parse("2024-01-05"), Some(PartialDate { year: 2024, month: Some(1), day: Some(5) }));
        assert_eq!(PartialDate::parse("2024-01"), Some(PartialDate { year: 2024, month: Some(1), day: None }));
        assert_eq!(PartialDate::parse("2024"), Some(PartialDate { year: 2024, month: None, day: None }));
        assert_eq!(
            PartialDate::parse("2021-03-01T10:15:00+01:00"),
            Some(PartialDate { year: 2021, month: Some(3), day: Some(1) })
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for bad in ["2023-02-29", "2024-13-01", "24-01-01", "2024-1-1", "Summer 2018", "", "2024-01-05-01"] {
            assert_eq!(PartialDate::parse(bad), None, "{bad}");
        }
        assert!(PartialDate::parse("2024-02-29").is_some());
    }

    #[test]
    fn day_arithmetic_round_trips_and_knows_weekdays() {
        for text in ["1970-01-01", "2000-02-29", "2024-12-31", "1941-02-27", "2026-11-23"] {
            let day = Day::parse(text).map(|d| Day::from_ordinal(d.ordinal()).to_string());
            assert_eq!(day.as_deref(), Some(text));
        }
        assert_eq!(Day::parse("1970-01-01").map(Day::ordinal), Some(0));
        // 23 November 2026 is a Monday.
        assert_eq!(Day::parse("2026-11-23").map(Day::weekday), Some(0));
        assert_eq!(Day::parse("2024-01-31").map(|d| d.plus_months(1).to_string()).as_deref(), Some("2024-02-29"));
        assert_eq!(Day::parse("2024-03-01").map(|d| d.plus_days(-1).to_string()).as_deref(), Some("2024-02-29"));
        assert_eq!(Day::parse("2024-3-1"), None);
    }

    #[test]
    fn dates_sort_chronologically() {
        let a = PartialDate::parse("2019-09-05");
        let b = PartialDate::parse("2020-01-01");
        assert!(a < b);
    }

    #[test]
    fn an_instant_is_read_with_its_offset_or_as_belgian_time() {
        // 2026-10-21 is summer time (UTC+2).
        let utc = instant_ms("2026-10-21T06:55:12Z");
        assert_eq!(instant_ms("2026-10-21T08:55:12+02:00"), utc);
        assert_eq!(instant_ms("2026-10-21T08:55:12"), utc, "no offset: Belgian time");
        assert_eq!(instant_ms("2026-10-21T08:55:12.500+02:00"), utc.map(|u| u + 500));
        assert_eq!(instant_ms("2026-01-10T10:00:00"), instant_ms("2026-01-10T09:00:00Z"), "winter: UTC+1");
        assert_eq!(instant_ms("2026-10-21"), instant_ms("2026-10-20T22:00:00Z"));
        for bad in ["", "yesterday", "2026-10-21T25:00:00", "2026-13-01T00:00:00", "2026-10-21X08:00"] {
            assert_eq!(instant_ms(bad), None, "{bad}");
        }
        assert_eq!(instant_ms("2026-10-21 08:55:12"), utc, "a space for the T");
        assert_eq!(instant_ms("2026-10-21T06:55:12+00:00[Europe/Brussels]"), utc, "the offset decides");
        // The hour that comes twice (25 October 2026, 02:00 to 03:00): the first, in summer time.
        assert_eq!(instant_ms("2026-10-25T02:30:00"), instant_ms("2026-10-25T00:30:00Z"));
        // The hour that never comes (29 March 2026, 02:00 to 03:00): read forward.
        assert_eq!(instant_ms("2026-03-29T02:30:00"), instant_ms("2026-03-29T01:30:00Z"));
        let Some(ms) = utc else { panic!("an instant") };
        let shown = BelgianTime::at(ms);
        assert_eq!((shown.day, shown.hour, shown.minute), (Day { year: 2026, month: 10, day: 21 }, 8, 55));
    }
}
