//! Reads `CodeSystem` resources (the HL7 Belgium code systems: cd-hcparty …) so codes can be
//! shown in the citizen's language: every concept with its display and its designations
//! per language; nested concepts are flattened into one list.

use carnet_core::item::Item;
use carnet_core::terminology::{CodeSystem, Concept};
use serde_json::Value;

use super::common::{Reason, expect_type, objects, str_at, string, unreadable};

/// How deep nested concepts are followed.
const MAX_DEPTH: u8 = 16;

/// Reads one resource that should be a CodeSystem.
pub fn read_code_system(resource: &Value) -> Item<CodeSystem> {
    match read(resource) {
        Ok(system) => Item::Read(system),
        Err(reason) => unreadable(resource, reason),
    }
}

fn read(resource: &Value) -> Result<CodeSystem, Reason> {
    expect_type(resource, &["CodeSystem"])?;
    // The display is in the code system's language, when it says which.
    let language = string(resource, "language")?.unwrap_or_default();
    let mut concepts = Vec::new();
    flatten(resource, &language, 0, &mut concepts)?;
    Ok(CodeSystem {
        url: string(resource, "url")?,
        name: string(resource, "name")?.or(string(resource, "title")?),
        concepts,
    })
}

/// Adds the concepts of `parent` (the code system or a concept) and their children.
fn flatten(parent: &Value, language: &str, depth: u8, out: &mut Vec<Concept>) -> Result<(), Reason> {
    if depth > MAX_DEPTH {
        return Err("concepts are nested too deep".into());
    }
    for concept in objects(parent, "concept")? {
        // A concept without a code cannot be looked up: its children still can.
        if let Some(code) = string(concept, "code")? {
            out.push(Concept { code, displays: displays(concept, language)? });
        }
        flatten(concept, language, depth + 1, out)?;
    }
    Ok(())
}

/// (language, text) pairs: the display, then each designation, without repeats.
fn displays(concept: &Value, language: &str) -> Result<Vec<(String, String)>, Reason> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |pair: (String, String)| {
        if !out.contains(&pair) {
            out.push(pair);
        }
    };
    if let Some(display) = string(concept, "display")? {
        add((language.to_owned(), display));
    }
    for designation in objects(concept, "designation")? {
        if let Some(value) = str_at(designation, "value") {
            add((str_at(designation, "language").unwrap_or_default(), value));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn text<'a>(concept: &'a Concept, language: &str) -> Option<&'a str> {
        concept.displays.iter().find(|(l, _)| l == language).map(|(_, t)| t.as_str())
    }

    #[test]
    fn the_hcparty_code_system_gives_every_code_in_four_languages() {
        let json = crate::fixtures::json("fhir/other/hl7be-core-CodeSystem-cd-hcparty.json");
        let Item::Read(system) = read_code_system(&json) else { panic!("should read") };
        assert_eq!(
            system.url.as_deref(),
            Some("https://www.ehealth.fgov.be/standards/fhir/core/CodeSystem/cd-hcparty")
        );
        assert_eq!(system.name.as_deref(), Some("HCParty"));
        assert_eq!(system.concepts.len(), 241);
        let Some(physician) = system.concepts.iter().find(|c| c.code == "persphysician") else {
            panic!("persphysician")
        };
        assert_eq!(text(physician, ""), Some("physician"));
        assert_eq!(text(physician, "nl-BE"), Some("arts"));
        assert_eq!(text(physician, "fr-BE"), Some("médecin"));
        assert_eq!(text(physician, "de"), Some("Arzt"));
    }

    #[test]
    fn nested_concepts_are_flattened() {
        let json = json!({"resourceType": "CodeSystem", "url": "u", "language": "nl-BE", "concept": [
            {"code": "a", "display": "A", "concept": [{"code": "a1", "display": "A1"}]},
            {"code": "b", "designation": [{"value": "B"}]}
        ]});
        let Item::Read(system) = read_code_system(&json) else { panic!("should read") };
        let codes: Vec<_> = system.concepts.iter().map(|c| c.code.as_str()).collect();
        assert_eq!(codes, vec!["a", "a1", "b"]);
        assert_eq!(system.concepts[0].displays, vec![("nl-BE".to_owned(), "A".to_owned())]);
        assert_eq!(system.concepts[2].displays, vec![(String::new(), "B".to_owned())]);
    }

    #[test]
    fn broken_code_systems_become_unreadable() {
        for case in [
            json!({"resourceType": "CodeSystem", "concept": "x"}),
            json!({"resourceType": "CodeSystem", "concept": [{"code": 5}]}),
            json!({"resourceType": "ValueSet"}),
        ] {
            assert!(read_code_system(&case).is_unreadable(), "{case}");
        }
    }
}
