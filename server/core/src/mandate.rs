//! Mandates: a citizen lets a trusted person act for them in the parts of the record they
//! choose, from a day, until a day or until they revoke it. The trusted person accepts (or
//! declines) first. What a mandate allows on a given day is decided by the policy
//! ([`crate::policy`]) from [`Mandate::status_on`] and its scopes; nothing else reads it.

use serde::{Deserialize, Serialize};

use crate::date::Day;
use crate::grant::GrantScope;
use crate::ssin::Ssin;

/// A mandate's number (the store's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MandateId(pub i64);

/// What the two people did with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MandateState {
    /// Given, not yet accepted.
    Pending,
    /// Accepted by the trusted person.
    Accepted,
    Declined,
    /// Revoked by the citizen (or given back by the trusted person).
    Revoked,
}

impl MandateState {
    pub fn code(self) -> &'static str {
        match self {
            MandateState::Pending => "pending",
            MandateState::Accepted => "accepted",
            MandateState::Declined => "declined",
            MandateState::Revoked => "revoked",
        }
    }

    pub fn from_code(code: &str) -> Option<MandateState> {
        [MandateState::Pending, MandateState::Accepted, MandateState::Declined, MandateState::Revoked]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// Where a mandate stands on a given day (what both sides see).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MandateStatus {
    /// Waiting for the trusted person.
    Pending,
    /// Accepted; its first day is still to come.
    NotYetStarted,
    /// In force today.
    Active,
    /// Its last day has passed.
    Ended,
    Declined,
    Revoked,
}

impl MandateStatus {
    /// Its Fluent message id.
    pub fn message_id(self) -> &'static str {
        match self {
            MandateStatus::Pending => "mandate-status-pending",
            MandateStatus::NotYetStarted => "mandate-status-not-yet-started",
            MandateStatus::Active => "mandate-status-active",
            MandateStatus::Ended => "mandate-status-ended",
            MandateStatus::Declined => "mandate-status-declined",
            MandateStatus::Revoked => "mandate-status-revoked",
        }
    }

    /// Whether the mandate can still become or is in force (what "revoke" applies to).
    pub fn is_open(self) -> bool {
        matches!(self, MandateStatus::Pending | MandateStatus::NotYetStarted | MandateStatus::Active)
    }
}

/// A mandate as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mandate {
    pub id: MandateId,
    /// The citizen who gave it.
    pub giver: Ssin,
    pub giver_name: String,
    /// The trusted person.
    pub holder: Ssin,
    /// The name the citizen gave for them (checked against their login's name on accepting).
    pub holder_name: String,
    pub scopes: Vec<GrantScope>,
    pub first_day: Day,
    /// Its last day in force, if it has one.
    pub last_day: Option<Day>,
    pub state: MandateState,
    /// When it was given, in milliseconds since the epoch.
    pub given_ms: i64,
}

impl Mandate {
    /// Where it stands on `today` (a Belgian calendar day).
    pub fn status_on(&self, today: Day) -> MandateStatus {
        match self.state {
            MandateState::Pending => MandateStatus::Pending,
            MandateState::Declined => MandateStatus::Declined,
            MandateState::Revoked => MandateStatus::Revoked,
            MandateState::Accepted if self.last_day.is_some_and(|last| today > last) => MandateStatus::Ended,
            MandateState::Accepted if today < self.first_day => MandateStatus::NotYetStarted,
            MandateState::Accepted => MandateStatus::Active,
        }
    }

    /// Whether it is in force on `today`.
    pub fn is_active_on(&self, today: Day) -> bool {
        self.status_on(today) == MandateStatus::Active
    }
}

/// What one side does with a mandate after it was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MandateAnswer {
    /// The trusted person accepts it.
    Accept,
    /// The trusted person declines it.
    Decline,
    /// The citizen who gave it revokes it.
    Revoke,
    /// The trusted person gives it back (it ends at once, like a revocation).
    GiveBack,
}

impl MandateAnswer {
    pub const ALL: [MandateAnswer; 4] =
        [MandateAnswer::Accept, MandateAnswer::Decline, MandateAnswer::Revoke, MandateAnswer::GiveBack];

    pub fn code(self) -> &'static str {
        match self {
            MandateAnswer::Accept => "accept",
            MandateAnswer::Decline => "decline",
            MandateAnswer::Revoke => "revoke",
            MandateAnswer::GiveBack => "give-back",
        }
    }

    pub fn from_code(code: &str) -> Option<MandateAnswer> {
        MandateAnswer::ALL.into_iter().find(|a| a.code() == code)
    }

    /// Its audit action code (`mandate:accept` …).
    pub fn action_code(self) -> String {
        format!("mandate:{}", self.code())
    }

    /// Whether the citizen who gave the mandate answers (or the trusted person).
    pub fn by_giver(self) -> bool {
        self == MandateAnswer::Revoke
    }

    /// The states it applies to, and the state it leaves.
    pub fn transition(self) -> (&'static [MandateState], MandateState) {
        match self {
            MandateAnswer::Accept => (&[MandateState::Pending], MandateState::Accepted),
            MandateAnswer::Decline => (&[MandateState::Pending], MandateState::Declined),
            MandateAnswer::Revoke | MandateAnswer::GiveBack => {
                (&[MandateState::Pending, MandateState::Accepted], MandateState::Revoked)
            }
        }
    }
}

/// The audit action code of giving a mandate.
pub const GIVE_ACTION: &str = "mandate:give";

/// Why a mandate cannot be given as asked. Each is a Fluent message id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MandateError {
    /// The national register number is not a valid one.
    InvalidSsin,
    /// The citizen named themself.
    ToSelf,
    NameMissing,
    NoScope,
    InvalidFirstDay,
    InvalidLastDay,
    /// The last day comes before the first.
    LastBeforeFirst,
    /// The first day has already passed.
    FirstDayPassed,
    /// The name does not match the trusted person's own (on accepting).
    NameMismatch,
}

impl MandateError {
    pub fn message_id(self) -> &'static str {
        match self {
            MandateError::InvalidSsin => "mandate-error-ssin",
            MandateError::ToSelf => "mandate-error-self",
            MandateError::NameMissing => "mandate-error-name",
            MandateError::NoScope => "mandate-error-scope",
            MandateError::InvalidFirstDay => "mandate-error-first-day",
            MandateError::InvalidLastDay => "mandate-error-last-day",
            MandateError::LastBeforeFirst => "mandate-error-last-before-first",
            MandateError::FirstDayPassed => "mandate-error-first-day-passed",
            MandateError::NameMismatch => "mandate-error-name-mismatch",
        }
    }

    /// The form field it is about (for the error next to it).
    pub fn field(self) -> &'static str {
        match self {
            MandateError::InvalidSsin | MandateError::ToSelf => "holder_ssin",
            MandateError::NameMissing | MandateError::NameMismatch => "holder_name",
            MandateError::NoScope => "scopes",
            MandateError::InvalidFirstDay | MandateError::FirstDayPassed => "first_day",
            MandateError::InvalidLastDay | MandateError::LastBeforeFirst => "last_day",
        }
    }
}

/// What the form to give a mandate sent, as typed (kept to show again with the errors).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MandateForm {
    pub holder_ssin: String,
    pub holder_name: String,
    pub scopes: Vec<String>,
    /// `YYYY-MM-DD` (an `<input type="date">`); empty: today.
    pub first_day: String,
    /// `YYYY-MM-DD`; empty: until revoked.
    pub last_day: String,
}

/// A mandate to give, checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MandateDraft {
    pub holder: Ssin,
    pub holder_name: String,
    pub scopes: Vec<GrantScope>,
    pub first_day: Day,
    pub last_day: Option<Day>,
}

impl MandateForm {
    /// Checks the form for `giver` on `today`: every error at once, each with its field.
    pub fn check(&self, giver: &Ssin, today: Day) -> Result<MandateDraft, Vec<MandateError>> {
        let mut errors = Vec::new();
        let digits: String = self.holder_ssin.chars().filter(char::is_ascii_digit).collect();
        let holder = match Ssin::parse(&digits) {
            Ok(ssin) if &ssin == giver => {
                errors.push(MandateError::ToSelf);
                None
            }
            Ok(ssin) => Some(ssin),
            Err(_) => {
                errors.push(MandateError::InvalidSsin);
                None
            }
        };
        let holder_name = self.holder_name.split_whitespace().collect::<Vec<_>>().join(" ");
        if holder_name.is_empty() || holder_name.chars().count() > 200 {
            errors.push(MandateError::NameMissing);
        }
        let mut scopes: Vec<GrantScope> = self.scopes.iter().filter_map(|s| GrantScope::from_name(s)).collect();
        scopes.sort();
        scopes.dedup();
        if scopes.is_empty() {
            errors.push(MandateError::NoScope);
        }
        let first_day = match self.first_day.trim() {
            "" => Some(today),
            text => match Day::parse(text) {
                Some(day) if day < today => {
                    errors.push(MandateError::FirstDayPassed);
                    None
                }
                Some(day) => Some(day),
                None => {
                    errors.push(MandateError::InvalidFirstDay);
                    None
                }
            },
        };
        let last_day = match self.last_day.trim() {
            "" => None,
            text => match Day::parse(text) {
                Some(day) => Some(day),
                None => {
                    errors.push(MandateError::InvalidLastDay);
                    None
                }
            },
        };
        if let (Some(first), Some(last)) = (first_day, last_day)
            && last < first
        {
            errors.push(MandateError::LastBeforeFirst);
        }
        match (holder, first_day) {
            (Some(holder), Some(first_day)) if errors.is_empty() => {
                Ok(MandateDraft { holder, holder_name, scopes, first_day, last_day })
            }
            _ => Err(errors),
        }
    }
}

/// Whether the name a citizen gave for their trusted person is that person's own name
/// (as their login gives it): the same letters, ignoring case, accents, spaces, hyphens
/// and apostrophes ("Van den Bossche" and "van den bossche", "Müller" and "Muller").
pub fn names_match(given: &str, own: &str) -> bool {
    let key = |name: &str| -> String {
        name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).map(fold_accent).collect()
    };
    let given = key(given);
    !given.is_empty() && given == key(own)
}

/// A Latin letter without its accent (the letters of Belgian names).
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ssin(s: &str) -> Ssin {
        let Ok(ssin) = Ssin::parse(s) else { panic!("test ssin") };
        ssin
    }

    fn day(s: &str) -> Day {
        let Some(day) = Day::parse(s) else { panic!("test day") };
        day
    }

    fn mandate(state: MandateState, first: &str, last: Option<&str>) -> Mandate {
        Mandate {
            id: MandateId(1),
            giver: ssin("41022703827"),
            giver_name: "Maria".into(),
            holder: ssin("85041212468"),
            holder_name: "Pieter".into(),
            scopes: vec![GrantScope::Documents],
            first_day: day(first),
            last_day: last.map(day),
            state,
            given_ms: 0,
        }
    }

    #[test]
    fn a_mandate_is_active_from_its_first_day_to_its_last_inclusive() {
        let m = mandate(MandateState::Accepted, "2026-12-10", Some("2026-12-20"));
        assert_eq!(m.status_on(day("2026-12-09")), MandateStatus::NotYetStarted);
        assert_eq!(m.status_on(day("2026-12-10")), MandateStatus::Active);
        assert_eq!(m.status_on(day("2026-12-20")), MandateStatus::Active);
        assert_eq!(m.status_on(day("2026-12-21")), MandateStatus::Ended);
        let open = mandate(MandateState::Accepted, "2026-12-10", None);
        assert!(open.is_active_on(day("2099-01-01")));
    }

    #[test]
    fn only_an_accepted_mandate_is_ever_active() {
        for state in [MandateState::Pending, MandateState::Declined, MandateState::Revoked] {
            let m = mandate(state, "2026-01-01", None);
            assert!(!m.is_active_on(day("2026-06-01")), "{state:?}");
        }
        assert!(mandate(MandateState::Pending, "2026-01-01", None).status_on(day("2026-06-01")).is_open());
        assert!(!mandate(MandateState::Revoked, "2026-01-01", None).status_on(day("2026-06-01")).is_open());
    }

    #[test]
    fn the_form_is_checked_all_at_once_and_names_each_field() {
        let giver = ssin("41022703827");
        let today = day("2026-12-03");
        let form = MandateForm {
            holder_ssin: "41022703828".into(),
            holder_name: "  ".into(),
            scopes: vec!["nonsense".into()],
            first_day: "2026-12-01".into(),
            last_day: "tomorrow".into(),
        };
        let Err(errors) = form.check(&giver, today) else { panic!("must fail") };
        assert_eq!(
            errors,
            vec![
                MandateError::InvalidSsin,
                MandateError::NameMissing,
                MandateError::NoScope,
                MandateError::FirstDayPassed,
                MandateError::InvalidLastDay
            ]
        );
        let to_self = MandateForm { holder_ssin: "41.02.27-038.27".into(), ..form.clone() };
        assert!(to_self.check(&giver, today).is_err_and(|e| e.contains(&MandateError::ToSelf)));
        let backwards = MandateForm {
            holder_ssin: "85.04.12-124.68".into(),
            holder_name: " Pieter   Van den Bossche ".into(),
            scopes: vec!["medication".into(), "documents".into(), "medication".into()],
            first_day: "2026-12-10".into(),
            last_day: "2026-12-09".into(),
        };
        assert_eq!(backwards.check(&giver, today), Err(vec![MandateError::LastBeforeFirst]));
        let good = MandateForm { last_day: String::new(), first_day: String::new(), ..backwards };
        let Ok(draft) = good.check(&giver, today) else { panic!("valid") };
        assert_eq!(draft.holder_name, "Pieter Van den Bossche");
        assert_eq!(draft.scopes, vec![GrantScope::Documents, GrantScope::Medication]);
        assert_eq!(draft.first_day, today);
        assert_eq!(draft.last_day, None);
    }

    #[test]
    fn names_match_ignoring_case_accents_and_punctuation_only() {
        assert!(names_match("pieter van den bossche", "Pieter Van den Bossche"));
        assert!(names_match("Jean-Luc D'Hondt", "jean luc dhondt"));
        assert!(names_match("Müller", "Muller"));
        assert!(names_match("Hélène", "Helene"));
        assert!(!names_match("Pieter Van den Bossch", "Pieter Van den Bossche"));
        assert!(!names_match("", ""));
        assert!(!names_match("Marc Dubois", "Pieter Van den Bossche"));
    }
}
