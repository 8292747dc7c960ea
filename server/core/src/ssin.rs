//! The Belgian national register number (SSIN / INSZ / NISS).
//!
//! Eleven digits: `YYMMDD` birth date, a three-digit sequence (odd for men, even for
//! women) and two check digits, `97 - (first nine digits mod 97)`. For people born in
//! 2000 or later the check is computed over `2` followed by the first nine digits.
//! BIS numbers (month + 20 or + 40) follow the same check and are accepted.
//!
//! An [`Ssin`] never prints in clear: `Debug` and `Display` mask it, so it cannot leak
//! into logs or traces by accident. [`Ssin::expose`] gives the digits to the few places
//! that must send them (a connector's query, the database).

use std::fmt;

use serde::{Deserialize, Serialize};

/// A validated national register number.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Ssin(String);

/// Why a string is not a national register number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SsinError {
    #[error("the national register number is missing")]
    Missing,
    #[error("a national register number has 11 digits")]
    WrongLength,
    #[error("a national register number has only digits")]
    NotDigits,
    #[error("the check digits of the national register number do not match")]
    Checksum,
}

impl SsinError {
    /// The stable code of this error, which is also its Fluent message id.
    pub fn code(self) -> &'static str {
        match self {
            SsinError::Missing => "error-ssin-missing",
            SsinError::WrongLength | SsinError::NotDigits | SsinError::Checksum => "error-ssin-invalid",
        }
    }
}

impl Ssin {
    /// Parses a national register number. Accepts the usual separators
    /// (`85.04.12-124.68`, spaces) and nothing else.
    pub fn parse(input: &str) -> Result<Self, SsinError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(SsinError::Missing);
        }
        let mut digits = String::with_capacity(11);
        for c in trimmed.chars() {
            match c {
                '0'..='9' => digits.push(c),
                '.' | '-' | ' ' => {}
                _ => return Err(SsinError::NotDigits),
            }
        }
        if digits.len() != 11 {
            return Err(SsinError::WrongLength);
        }
        let (body, check) = digits.split_at(9);
        let body: u64 = body.parse().map_err(|_| SsinError::NotDigits)?;
        let check: u64 = check.parse().map_err(|_| SsinError::NotDigits)?;
        let born_before_2000 = 97 - body % 97 == check;
        let born_from_2000 = 97 - (2_000_000_000 + body) % 97 == check;
        if born_before_2000 || born_from_2000 { Ok(Ssin(digits)) } else { Err(SsinError::Checksum) }
    }

    /// The birth date the number encodes: the year always (the check digits tell the
    /// century), month and day when they are known (BIS numbers add 20 or 40 to the
    /// month; a zero month or day means unknown).
    pub fn birth_date(&self) -> crate::date::PartialDate {
        let digit = |i: usize| self.0.as_bytes().get(i).map_or(0, |b| u32::from(b.wrapping_sub(b'0')));
        let yy = (digit(0) * 10 + digit(1)) as i32;
        let mut month = (digit(2) * 10 + digit(3)) as u8;
        let day = (digit(4) * 10 + digit(5)) as u8;
        // Parsing guarantees eleven digits and one matching check.
        let body: u64 = self.0[..9].parse().unwrap_or(0);
        let check: u64 = self.0[9..].parse().unwrap_or(0);
        let year = if 97 - (2_000_000_000 + body) % 97 == check { 2000 + yy } else { 1900 + yy };
        if month > 40 {
            month -= 40;
        } else if month > 20 {
            month -= 20;
        }
        let month = Some(month).filter(|m| (1..=12).contains(m));
        let day = month.and_then(|m| Some(day).filter(|d| *d >= 1 && *d <= crate::date::days_in_month(year, m)));
        crate::date::PartialDate { year, month, day }
    }

    /// The eleven digits, for the places that must send or store them. Never log this.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Ssin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Ssin(***********)")
    }
}

impl fmt::Display for Ssin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***********")
    }
}

impl TryFrom<String> for Ssin {
    type Error = SsinError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Ssin::parse(&value)
    }
}

impl From<Ssin> for String {
    fn from(value: Ssin) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_birth_date_comes_from_the_number_with_its_century() {
        use crate::date::PartialDate;
        let date = |s: &str| Ssin::parse(s).map(|s| s.birth_date()).ok();
        assert_eq!(date("85041212468"), Some(PartialDate { year: 1985, month: Some(4), day: Some(12) }));
        assert_eq!(date("21061521244"), Some(PartialDate { year: 2021, month: Some(6), day: Some(15) }));
        assert_eq!(date("09050706674"), Some(PartialDate { year: 2009, month: Some(5), day: Some(7) }));
    }

    #[test]
    fn a_valid_number_born_before_2000_is_accepted() {
        assert_eq!(Ssin::parse("85041212468").map(|s| s.expose().to_owned()), Ok("85041212468".to_owned()));
        assert!(Ssin::parse("41022703827").is_ok());
    }

    #[test]
    fn the_usual_separators_are_accepted() {
        assert_eq!(Ssin::parse(" 85.04.12-124.68 ").map(|s| s.expose().to_owned()), Ok("85041212468".to_owned()));
    }

    #[test]
    fn a_number_born_in_2000_or_later_uses_the_2_prefix_rule() {
        // 21061521244: born 2021-06-15; only the 2000+ rule makes its check digits right.
        assert!(Ssin::parse("21061521244").is_ok());
        assert!(Ssin::parse("13021908747").is_ok());
        assert!(Ssin::parse("09050706674").is_ok());
        // The same body with the pre-2000 check digits is rejected... unless valid under it.
        let body: u64 = 210615212;
        let old_rule_check = 97 - body % 97;
        let old_rule = format!("{body:09}{old_rule_check:02}");
        // Under the old rule the number is also well-formed (a person born in 1921).
        assert!(Ssin::parse(&old_rule).is_ok());
    }

    #[test]
    fn a_wrong_checksum_is_rejected() {
        assert_eq!(Ssin::parse("85041212469"), Err(SsinError::Checksum));
        assert_eq!(Ssin::parse("21061521245"), Err(SsinError::Checksum));
    }

    #[test]
    fn a_wrong_length_is_rejected() {
        assert_eq!(Ssin::parse("8504121246"), Err(SsinError::WrongLength));
        assert_eq!(Ssin::parse("850412124680"), Err(SsinError::WrongLength));
    }

    #[test]
    fn letters_are_rejected() {
        assert_eq!(Ssin::parse("8504121246A"), Err(SsinError::NotDigits));
        assert_eq!(Ssin::parse("85041212468\u{0661}"), Err(SsinError::NotDigits));
    }

    #[test]
    fn an_empty_number_is_missing() {
        assert_eq!(Ssin::parse("  "), Err(SsinError::Missing));
    }

    #[test]
    fn debug_and_display_never_show_the_digits() {
        let Ok(ssin) = Ssin::parse("85041212468") else { panic!("valid") };
        assert!(!format!("{ssin:?}").contains("85041212468"));
        assert!(!format!("{ssin}").contains("85041212468"));
        assert!(!format!("{ssin:#?}").contains("2468"));
    }

    #[test]
    fn deserialising_validates() {
        assert!(serde_json::from_str::<Ssin>("\"85041212468\"").is_ok());
        assert!(serde_json::from_str::<Ssin>("\"85041212469\"").is_err());
    }
}
