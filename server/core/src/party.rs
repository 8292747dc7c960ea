//! Who did something: a care professional, an institution, a person.

use serde::{Deserialize, Serialize};

use crate::date::PartialDate;

/// Who, as far as the source says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Party {
    /// A name given by the source.
    Named(String),
    /// A care professional or institution identified by their NIHDI (RIZIV/INAMI) number.
    Nihdi(String),
    /// A person identified by their national register number, which Carnet does not show.
    Person,
    /// Another identifier, shown raw.
    Other(String),
    /// A reference to a person or organisation that nothing resolved: shown as "a care
    /// provider"; the reference is kept for the helpdesk's diagnostics.
    Unresolved(String),
}

/// A person or organisation record a source sends (FHIR Patient, Practitioner,
/// Organization, RelatedPerson; a KMEHR hcparty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyRecord {
    /// What kind of party this is, as the source names it ("Practitioner", "persphysician").
    pub kind: String,
    pub name: Option<String>,
    /// NIHDI number of a professional or institution.
    pub nihdi: Option<String>,
    /// Profession or role, coded.
    pub role: Vec<crate::coding::Coding>,
    pub birth_date: Option<PartialDate>,
    /// The organisation a professional works for, by name.
    pub organisation: Option<String>,
}

/// A search in the hubs' directory of care providers: by NIHDI (RIZIV/INAMI) number or by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DirectoryQuery {
    /// Eleven digits (typed with or without the usual separators).
    Nihdi(String),
    /// Part of a name, at least two letters.
    Name(String),
}

/// Why a search was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QueryError {
    /// Nothing (or one letter) typed.
    TooShort,
    /// Digits, but not a NIHDI number's eleven.
    NotANumber,
    /// Longer than any name.
    TooLong,
}

impl QueryError {
    pub fn message_id(self) -> &'static str {
        match self {
            QueryError::TooShort => "directory-error-too-short",
            QueryError::NotANumber => "directory-error-not-a-number",
            QueryError::TooLong => "directory-error-too-long",
        }
    }
}

impl DirectoryQuery {
    /// What the citizen typed: a number if it is made of digits (spaces, dots, dashes and
    /// slashes ignored), else a name (white space collapsed).
    pub fn parse(text: &str) -> Result<DirectoryQuery, QueryError> {
        let text = text.trim();
        let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
        let only_number = text.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '/'));
        if only_number && !digits.is_empty() {
            return if digits.len() == 11 { Ok(DirectoryQuery::Nihdi(digits)) } else { Err(QueryError::NotANumber) };
        }
        let name = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match name.chars().filter(|c| c.is_alphabetic()).count() {
            0 | 1 => Err(QueryError::TooShort),
            _ if name.chars().count() > 80 => Err(QueryError::TooLong),
            _ => Ok(DirectoryQuery::Name(name)),
        }
    }

    /// Does this directory entry answer the query? (For a directory that lists everyone.)
    pub fn matches(&self, nihdi: &str, name: &str) -> bool {
        match self {
            DirectoryQuery::Nihdi(n) => n == nihdi,
            DirectoryQuery::Name(query) => {
                let name = fold(name);
                let query = fold(query);
                let mut words = query.split([' ', '-', '.']).filter(|w| !w.is_empty()).peekable();
                words.peek().is_some()
                    && words.all(|word| name.split([' ', '-', '.']).any(|part| part.starts_with(word)))
            }
        }
    }
}

/// Lower case without accents, for comparing names ("Véronique" finds "veronique").
fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

/// A care provider found in a hub's directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryEntry {
    /// Opaque: what the page sends back to choose this entry (made by the server).
    pub token: String,
    pub nihdi: String,
    pub name: String,
    /// Profession (KMEHR CD-HCPARTY).
    pub role: Option<crate::coding::Coding>,
    /// Where they work (the town of their practice), when the directory says.
    pub place: Option<String>,
    /// The hubs whose directory knows them, by name.
    pub sources: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_a_number_or_a_name() {
        assert_eq!(DirectoryQuery::parse(" 1-30278-55-580 "), Ok(DirectoryQuery::Nihdi("13027855580".into())));
        assert_eq!(DirectoryQuery::parse("1302785"), Err(QueryError::NotANumber));
        assert_eq!(DirectoryQuery::parse("  Katrien   Verbiest "), Ok(DirectoryQuery::Name("Katrien Verbiest".into())));
        assert_eq!(DirectoryQuery::parse("k"), Err(QueryError::TooShort));
        assert_eq!(DirectoryQuery::parse(""), Err(QueryError::TooShort));
        assert_eq!(DirectoryQuery::parse(&"a".repeat(81)), Err(QueryError::TooLong));
    }

    #[test]
    fn a_name_matches_by_the_start_of_its_words_without_accents() {
        let Ok(query) = DirectoryQuery::parse("verb kat") else { panic!("a name") };
        assert!(query.matches("13302785580", "Dr. Katrien Verbiest"));
        assert!(!query.matches("13302785580", "Dr. Annelies Peeters"));
        let Ok(query) = DirectoryQuery::parse("Dr. Katrien Verbiest") else { panic!("a name") };
        assert!(query.matches("13302785580", "Dr. Katrien Verbiest"), "a full name with its title");
        let Ok(query) = DirectoryQuery::parse("Véro") else { panic!("a name") };
        assert!(query.matches("1", "Dr. Veronique Lambert"));
        let Ok(query) = DirectoryQuery::parse("13302785580") else { panic!("a number") };
        assert!(query.matches("13302785580", "anyone"));
        assert!(!query.matches("10829059004", "anyone"));
    }
}
