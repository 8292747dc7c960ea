//! Dates as health records carry them: often complete, sometimes only a year or a month.

use std::fmt;

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
    use super::*;

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
    fn dates_sort_chronologically() {
        let a = PartialDate::parse("2019-09-05");
        let b = PartialDate::parse("2020-01-01");
        assert!(a < b);
    }
}
