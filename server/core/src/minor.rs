//! Parents and minors: what a parent (or a minor's legal representative) may do in the
//! minor's record depends on the minor's age, by a rule table that is data
//! ([`DEFAULT_RULES_TOML`], `data/be-minor-access.toml`, with its legal references), not
//! code. Who is whose parent comes from a source (the national register, as a
//! [`ParentLink`]); Carnet never stores it. The policy ([`crate::policy`]) applies the
//! table; pages explain its answer with [`MinorRules::band_on`].

use serde::{Deserialize, Serialize};

use crate::date::Day;
use crate::grant::GrantScope;
use crate::ssin::Ssin;

/// The default table, shipped in the repository.
pub const DEFAULT_RULES_TOML: &str = include_str!("../data/be-minor-access.toml");

/// The rule table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinorRules {
    pub name: String,
    /// The day it was last checked against its sources.
    pub date: String,
    #[serde(rename = "band")]
    pub bands: Vec<AgeBand>,
}

/// One age range of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgeBand {
    pub id: String,
    pub from_age: u32,
    /// The first age after the band; `None` for the last one.
    #[serde(default)]
    pub until_age: Option<u32>,
    pub scopes: Vec<GrantScope>,
    /// From this band on the minor manages their own consent and record.
    #[serde(default)]
    pub own_consent: bool,
    pub reference: Reference,
}

/// A band's legal reference and source, in each language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub en: String,
    pub nl: String,
    pub fr: String,
    pub de: String,
}

impl Reference {
    /// The reference in a language (`en`, `nl`, `fr`, `de`; English otherwise).
    pub fn in_language(&self, code: &str) -> &str {
        match code {
            "nl" => &self.nl,
            "fr" => &self.fr,
            "de" => &self.de,
            _ => &self.en,
        }
    }
}

/// Why a table cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RulesError {
    #[error("the bands must start at age 0 and follow each other without gaps or overlaps (at band {0:?})")]
    Gap(String),
    #[error("the last band must have no until_age, and only the last")]
    Open,
    #[error("band id {0:?} is used twice or is not kebab-case")]
    Id(String),
    /// The register's parent–child links do not end at 18: the open-ended last band must
    /// give parents nothing, and begin by 18.
    #[error("the last band (open-ended, so also for adults) must begin by age 18 and give no scopes: {0:?}")]
    Adults(String),
}

impl MinorRules {
    /// Checks a table read from its TOML (the server reads it: `MinorRules` is
    /// `Deserialize`): the bands follow each other from age 0 without gaps, overlaps or an
    /// open end before the last, and their ids are unique and kebab-case.
    pub fn check(&self) -> Result<(), RulesError> {
        let mut next = 0;
        let mut ids = std::collections::HashSet::new();
        for (i, band) in self.bands.iter().enumerate() {
            let kebab = !band.id.is_empty()
                && band.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !kebab || !ids.insert(band.id.as_str()) {
                return Err(RulesError::Id(band.id.clone()));
            }
            if band.from_age != next {
                return Err(RulesError::Gap(band.id.clone()));
            }
            let last = i + 1 == self.bands.len();
            match (band.until_age, last) {
                (None, true) if band.scopes.is_empty() && band.from_age <= 18 => {}
                (None, true) => return Err(RulesError::Adults(band.id.clone())),
                (Some(until), false) if until > band.from_age => next = until,
                (Some(_), false) => return Err(RulesError::Gap(band.id.clone())),
                _ => return Err(RulesError::Open),
            }
        }
        if self.bands.is_empty() {
            return Err(RulesError::Open);
        }
        Ok(())
    }

    /// The band for someone of `age` completed years.
    pub fn band_for(&self, age: u32) -> Option<&AgeBand> {
        self.bands.iter().find(|b| b.from_age <= age && b.until_age.is_none_or(|until| age < until))
    }

    /// The band of someone born on `birth`, on `today`.
    pub fn band_on(&self, birth: Day, today: Day) -> Option<&AgeBand> {
        self.band_for(age_on(birth, today)?)
    }

    /// The band with this id.
    pub fn band(&self, id: &str) -> Option<&AgeBand> {
        self.bands.iter().find(|b| b.id == id)
    }
}

/// Completed years of someone born on `birth`, on `today` (`None` before their birth).
/// Born on 29 February: a year older on 1 March in a year without one.
pub fn age_on(birth: Day, today: Day) -> Option<u32> {
    if today < birth {
        return None;
    }
    let years = today.year - birth.year;
    let before_birthday = (today.month, today.day) < (birth.month, birth.day);
    u32::try_from(years - i32::from(before_birthday)).ok()
}

/// How a person is linked to a minor (as the national register says).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkKind {
    Parent,
    /// A guardian or other legal representative of the minor.
    LegalRepresentative,
}

impl LinkKind {
    pub fn code(self) -> &'static str {
        match self {
            LinkKind::Parent => "parent",
            LinkKind::LegalRepresentative => "legal-representative",
        }
    }

    pub fn from_code(code: &str) -> Option<LinkKind> {
        [LinkKind::Parent, LinkKind::LegalRepresentative].into_iter().find(|k| k.code() == code)
    }
}

/// A parent–child link from the national register: who represents whom, and the child's
/// birth date (which the rule table needs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParentLink {
    pub parent: Ssin,
    pub parent_name: String,
    pub child: Ssin,
    pub child_name: String,
    pub child_birth: Day,
    pub kind: LinkKind,
}

#[cfg(test)]
mod tests {
    use super::*;

    impl MinorRules {
        fn parse(text: &str) -> Result<MinorRules, String> {
            let rules: MinorRules = toml::from_str(text).map_err(|e| e.to_string())?;
            rules.check().map_err(|e| format!("{e:?}"))?;
            Ok(rules)
        }

        fn default_table() -> Result<MinorRules, String> {
            MinorRules::parse(DEFAULT_RULES_TOML)
        }
    }

    fn day(s: &str) -> Day {
        let Some(day) = Day::parse(s) else { panic!("test day {s}") };
        day
    }

    #[test]
    fn the_default_table_reads_and_covers_every_age() {
        let Ok(rules) = MinorRules::default_table() else { panic!("the shipped table must read") };
        for age in 0..120 {
            assert!(rules.band_for(age).is_some(), "age {age}");
        }
        let ids: Vec<&str> = rules.bands.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["under-12", "from-12-to-16", "from-16"]);
        assert!(rules.band("from-16").is_some_and(|b| b.own_consent && b.scopes.is_empty()));
        assert!(rules.bands.iter().all(|b| !b.reference.in_language("de").is_empty()));
    }

    #[test]
    fn a_birthday_moves_a_child_into_the_next_band_on_the_day() {
        let Ok(rules) = MinorRules::default_table() else { panic!("table") };
        let birth = day("2014-12-03");
        let band = |today: &str| rules.band_on(birth, day(today)).map(|b| b.id.as_str());
        assert_eq!(band("2026-12-02"), Some("under-12"));
        assert_eq!(band("2026-12-03"), Some("from-12-to-16"));
        assert_eq!(band("2026-12-04"), Some("from-12-to-16"));
        assert_eq!(band("2030-12-02"), Some("from-12-to-16"));
        assert_eq!(band("2030-12-03"), Some("from-16"));
    }

    #[test]
    fn ages_count_completed_years_and_29_february_turns_on_1_march() {
        assert_eq!(age_on(day("2020-05-10"), day("2020-05-09")), None);
        assert_eq!(age_on(day("2020-05-10"), day("2020-05-10")), Some(0));
        assert_eq!(age_on(day("2020-05-10"), day("2025-05-09")), Some(4));
        assert_eq!(age_on(day("2020-05-10"), day("2025-05-10")), Some(5));
        assert_eq!(age_on(day("2008-02-29"), day("2021-02-28")), Some(12));
        assert_eq!(age_on(day("2008-02-29"), day("2021-03-01")), Some(13));
        assert_eq!(age_on(day("2008-02-29"), day("2024-02-29")), Some(16));
    }

    #[test]
    fn a_table_with_a_gap_an_overlap_or_an_open_middle_is_refused() {
        let band = |id: &str, from: u32, until: Option<u32>| {
            let until = until.map(|u| format!("until_age = {u}\n")).unwrap_or_default();
            format!(
                "[[band]]\nid = \"{id}\"\nfrom_age = {from}\n{until}scopes = []\n[band.reference]\nen = \"x\"\nnl = \"x\"\nfr = \"x\"\nde = \"x\"\n"
            )
        };
        let table = |bands: &[String]| format!("name = \"t\"\ndate = \"2026-01-01\"\n{}", bands.concat());
        assert!(MinorRules::parse(&table(&[band("a", 0, Some(12)), band("b", 12, None)])).is_ok());
        assert!(matches!(
            MinorRules::parse(&table(&[band("a", 0, Some(12)), band("b", 13, None)])),
            Err(e) if e.starts_with("Gap")
        ));
        assert!(matches!(
            MinorRules::parse(&table(&[band("a", 0, Some(12)), band("b", 10, None)])),
            Err(e) if e.starts_with("Gap")
        ));
        assert!(
            matches!(MinorRules::parse(&table(&[band("a", 0, None), band("b", 12, None)])), Err(e) if e.starts_with("Open"))
        );
        assert!(matches!(MinorRules::parse(&table(&[band("a", 0, Some(12))])), Err(e) if e.starts_with("Open")));
        assert!(matches!(
            MinorRules::parse(&table(&[band("a", 0, Some(12)), band("a", 12, None)])),
            Err(e) if e.starts_with("Id")
        ));
        // The register's links do not end at 18: the open last band gives parents nothing.
        let open_with_scopes = band("b", 12, None).replace("scopes = []", "scopes = [\"documents\"]");
        assert!(matches!(
            MinorRules::parse(&table(&[band("a", 0, Some(12)), open_with_scopes])),
            Err(e) if e.starts_with("Adults")
        ));
        assert!(matches!(
            MinorRules::parse(&table(&[band("a", 0, Some(19)), band("b", 19, None)])),
            Err(e) if e.starts_with("Adults")
        ));
        assert!(matches!(MinorRules::parse("name = \"t\"\ndate = \"x\"\nband = 3"), Err(e) if e.contains("band")));
    }
}
