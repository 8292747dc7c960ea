//! Reads `AllergyIntolerance` resources: plain FHIR R4 and the HL7 Belgium
//! BeAllergyIntolerance profile (its allergy-type extension).
//!
//! What causes it comes from `code`, else from the reactions' substances; a record that
//! names neither is unreadable. "No known allergy" statements (SNOMED CT, or the IPS
//! absent-unknown codes) are read as such (see [`Allergy::no_known`]), not as an allergy to
//! a substance called "no known allergy".

use carnet_core::allergy::{Allergy, AllergyKind, Criticality, Reaction};
use carnet_core::coding::{Coding, SNOMED_CT};
use carnet_core::item::Item;
use serde_json::Value;

use crate::fhir::common::{
    Context, Reason, array, codings, concepts_at, date, expect_type, extension, item_id, notes, object, party_field,
    str_at, string, unknown_extensions, unreadable,
};

/// BeAllergyIntolerance: allergy or intolerance, as a SNOMED CT concept.
const EXT_ALLERGY_TYPE: &str =
    "https://www.ehealth.fgov.be/standards/fhir/allergy/StructureDefinition/be-ext-allergy-type";
const KNOWN_EXTENSIONS: [&str; 1] = [EXT_ALLERGY_TYPE];

/// SNOMED CT situations that state the absence of allergies, with the scope of the statement.
const NO_KNOWN_ALLERGY: [(&str, &str); 4] = [
    ("716186003", "any"),         // No known allergy
    ("409137002", "medication"),  // No known drug allergy
    ("429625007", "food"),        // No known food allergy
    ("428607008", "environment"), // No known environmental allergy
];

/// The International Patient Summary's codes for absent or unknown data: a patient summary
/// states "no known allergies" with them instead of SNOMED CT.
const IPS_ABSENT_UNKNOWN: &str = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";
/// Its codes that state the absence of allergies, with the scope of the statement
/// (`no-allergy-info`, "no information", states nothing and is not among them).
const IPS_NO_KNOWN_ALLERGY: [(&str, &str); 4] = [
    ("no-known-allergies", "any"),
    ("no-known-medication-allergies", "medication"),
    ("no-known-food-allergies", "food"),
    ("no-known-environmental-allergies", "environment"),
];

/// Reads one resource that should be an AllergyIntolerance.
pub fn read_allergy(resource: &Value) -> Item<Allergy> {
    read_allergy_in(resource, &Context::none())
}

/// Reads an AllergyIntolerance that came in a Bundle: references to other entries resolve.
pub(crate) fn read_allergy_in<'a>(resource: &'a Value, ctx: &Context<'a>) -> Item<Allergy> {
    match read(resource, ctx) {
        Ok(allergy) => Item::Read(allergy),
        Err(reason) => unreadable(resource, reason),
    }
}

fn read<'a>(resource: &'a Value, ctx: &Context<'a>) -> Result<Allergy, Reason> {
    expect_type(resource, &["AllergyIntolerance"])?;
    let code = object(resource, "code")?;
    let reactions = read_reactions(resource)?;
    let mut substance = code.map(codings).unwrap_or_default();
    let substance_text = code.and_then(|c| str_at(c, "text"));
    if substance.is_empty() && substance_text.is_none() {
        // No code: the substances the reactions name, if any.
        substance = reactions.iter().flat_map(|r| r.substance.iter().cloned()).collect();
    }
    if substance.is_empty() && substance_text.is_none() {
        return Err("neither code nor a reaction substance".into());
    }
    Ok(Allergy {
        id: item_id(resource),
        no_known: no_known(&substance),
        substance,
        substance_text,
        kind: kind(resource)?,
        categories: array(resource, "category")?.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        criticality: criticality(string(resource, "criticality")?),
        clinical_status: status_code(resource, "clinicalStatus")?,
        verification: status_code(resource, "verificationStatus")?,
        reactions,
        onset: onset(resource)?,
        recorded: date(resource, "recordedDate")?,
        recorder: match party_field(resource, "recorder", ctx)? {
            Some(p) => Some(p),
            None => party_field(resource, "asserter", ctx)?,
        },
        note: notes(resource, "note"),
        unknown_extensions: unknown_extensions(resource, &KNOWN_EXTENSIONS)?,
    })
}

/// Allergy or intolerance: FHIR `type`, else the Belgian extension's SNOMED CT concept.
fn kind(resource: &Value) -> Result<AllergyKind, Reason> {
    match string(resource, "type")?.as_deref() {
        Some("allergy") => return Ok(AllergyKind::Allergy),
        Some("intolerance") => return Ok(AllergyKind::Intolerance),
        _ => {}
    }
    let coded = extension(resource, EXT_ALLERGY_TYPE).and_then(|e| e.get("valueCodeableConcept")).map(codings);
    let snomed = |code: &str| coded.iter().flatten().any(|c| c.is_snomed() && c.code.as_deref() == Some(code));
    Ok(if snomed("609328004") {
        AllergyKind::Allergy // Allergic disposition
    } else if snomed("782197009") {
        AllergyKind::Intolerance // Intolerance to substance
    } else {
        AllergyKind::Unknown
    })
}

fn criticality(value: Option<String>) -> Criticality {
    match value.as_deref() {
        Some("low") => Criticality::Low,
        Some("high") => Criticality::High,
        Some("unable-to-assess") => Criticality::UnableToAssess,
        None => Criticality::Unknown,
        Some(other) => Criticality::Other(other.to_owned()),
    }
}

/// The code of a status CodeableConcept ("active", "confirmed" …), else its text.
fn status_code(resource: &Value, key: &str) -> Result<Option<String>, Reason> {
    Ok(object(resource, key)?.and_then(|c| codings(c).into_iter().find_map(|c| c.code).or_else(|| str_at(c, "text"))))
}

/// When it started: `onsetDateTime`, else the start of `onsetPeriod`.
fn onset(resource: &Value) -> Result<Option<carnet_core::date::PartialDate>, Reason> {
    if let Some(d) = date(resource, "onsetDateTime")? {
        return Ok(Some(d));
    }
    Ok(crate::fhir::common::period(resource, "onsetPeriod")?.0)
}

fn read_reactions(resource: &Value) -> Result<Vec<Reaction>, Reason> {
    crate::fhir::common::objects(resource, "reaction")?
        .iter()
        .map(|r| {
            Ok(Reaction {
                manifestation: concepts_at(r, "manifestation").map_err(|e| format!("reaction.{e}"))?,
                text: str_at(r, "description").or_else(|| notes(r, "note")),
                severity: str_at(r, "severity"),
                substance: r.get("substance").map(codings).unwrap_or_default(),
            })
        })
        .collect()
}

/// The scope of a "no known allergy" statement, if the codes make one (SNOMED CT, or the
/// IPS absent-unknown codes).
fn no_known(substance: &[Coding]) -> Option<String> {
    substance.iter().find_map(|c| {
        let known: &[(&str, &str)] = match c.system.as_deref() {
            Some(SNOMED_CT) => &NO_KNOWN_ALLERGY,
            Some(IPS_ABSENT_UNKNOWN) => &IPS_NO_KNOWN_ALLERGY,
            _ => return None,
        };
        known.iter().find(|(code, _)| c.code.as_deref() == Some(code)).map(|(_, scope)| (*scope).to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_core::date::PartialDate;
    use carnet_core::party::Party;

    fn read_fixture(name: &str) -> Allergy {
        let json = crate::fixtures::json(&format!("fhir/allergy/{name}"));
        match read_allergy(&json) {
            Item::Read(a) => a,
            Item::Unreadable { reason, .. } => panic!("{name} was not read: {reason}"),
        }
    }

    fn code_and_display(codings: &[Coding]) -> Vec<(Option<&str>, Option<&str>)> {
        codings.iter().map(|c| (c.code.as_deref(), c.display.as_deref())).collect()
    }

    #[test]
    fn the_fhir_example_gives_substance_criticality_status_and_reactions() {
        let a = read_fixture("fhir-r4-AllergyIntolerance-example.json");
        assert_eq!(a.id.as_deref(), Some("example"));
        assert_eq!(code_and_display(&a.substance), vec![(Some("227493005"), Some("Cashew nuts"))]);
        assert_eq!(a.kind, AllergyKind::Allergy);
        assert_eq!(a.categories, vec!["food".to_owned()]);
        assert_eq!(a.criticality, Criticality::High);
        assert_eq!(a.clinical_status.as_deref(), Some("active"));
        assert_eq!(a.verification.as_deref(), Some("confirmed"));
        assert_eq!(a.onset, Some(PartialDate { year: 2004, month: None, day: None }));
        assert_eq!(a.recorded, PartialDate::parse("2014-10-09"));
        assert_eq!(a.recorder, Some(Party::Unresolved("Practitioner/example".into())));
        assert_eq!(a.reactions.len(), 2);
        let first = &a.reactions[0];
        assert_eq!(code_and_display(&first.manifestation), vec![(Some("39579001"), Some("Anaphylactic reaction"))]);
        assert_eq!(first.severity.as_deref(), Some("severe"));
        assert!(first.text.as_deref().is_some_and(|t| t.starts_with("Challenge Protocol")));
        assert_eq!(first.substance.first().and_then(|c| c.code.as_deref()), Some("1160593"));
        assert!(a.reactions[1].text.as_deref().is_some_and(|t| t.contains("within 15 minutes")));
        assert!(a.note.as_deref().is_some_and(|n| n.contains("anaphylactic")));
        assert_eq!(a.no_known, None);
    }

    #[test]
    fn no_known_allergy_is_a_statement_not_a_substance() {
        let a = read_fixture("fhir-r4-AllergyIntolerance-nka.json");
        assert_eq!(a.no_known.as_deref(), Some("any"));
        assert_eq!(a.substance_text.as_deref(), Some("NKA"));
        assert_eq!(a.criticality, Criticality::Unknown);
    }

    #[test]
    fn a_patient_summary_states_no_known_allergies_with_its_own_codes() {
        let bundle = crate::fixtures::json("fhir/ips/hl7-shl-ig-IPS_IG-bundle-01.json");
        let entries = bundle["entry"].as_array().map(Vec::as_slice).unwrap_or_default();
        let statement = entries
            .iter()
            .map(|e| &e["resource"])
            .find(|r| r["id"] == "c7781f44-6df8-4a8b-9e06-0b34263a47c5")
            .map(read_allergy);
        let Some(Item::Read(a)) = statement else { panic!("the IPS no-known-food-allergies statement should read") };
        assert_eq!(a.no_known.as_deref(), Some("food"));
        assert_eq!(code_and_display(&a.substance), vec![(Some("no-known-food-allergies"), None)]);
        // "No information" states nothing: it is not a no-known statement.
        let json = serde_json::json!({"resourceType": "AllergyIntolerance", "code": {"coding": [
            {"system": IPS_ABSENT_UNKNOWN, "code": "no-allergy-info"}]}});
        let Item::Read(info) = read_allergy(&json) else { panic!("should read") };
        assert_eq!(info.no_known, None);
    }

    #[test]
    fn the_belgian_profile_reads_its_allergy_type_extension() {
        let a = read_fixture("hl7be-allergy-AllergyIntolerance-allergyintolerance1.json");
        assert_eq!(code_and_display(&a.substance), vec![(Some("762952008"), Some("Peanut (substance)"))]);
        assert_eq!(a.substance_text.as_deref(), Some("Allergic to peanut"));
        assert_eq!(a.kind, AllergyKind::Allergy);
        assert_eq!(a.criticality, Criticality::High);
        assert_eq!(a.verification.as_deref(), Some("unconfirmed"));
        assert!(a.unknown_extensions.is_empty());

        let b = read_fixture("hl7be-allergy-AllergyIntolerance-allergyintolerance2.json");
        assert_eq!(b.substance_text.as_deref(), Some("Allergic to pollen"));
        assert_eq!(b.categories, vec!["environment".to_owned()]);
        let substances: Vec<_> = b.reactions.iter().flat_map(|r| code_and_display(&r.substance)).collect();
        assert_eq!(
            substances,
            vec![(Some("256262001"), Some("Silver Birch pollen")), (Some("710732007"), Some("Douglas fir pollen"))]
        );
        assert_eq!(b.reactions[1].severity.as_deref(), Some("mild"));
    }

    #[test]
    fn a_minimal_allergy_without_profile_reads() {
        let a = read_fixture("hl7be-pss-AllergyIntolerance-30551ce1-5a28-4356-b684-2e639094ad02.json");
        assert_eq!(code_and_display(&a.substance), vec![(Some("91939003"), Some("Allergy to sulfonamide"))]);
        assert_eq!(a.clinical_status.as_deref(), Some("active"));
        assert_eq!(a.kind, AllergyKind::Unknown);
        assert_eq!(a.recorder, None);
    }

    #[test]
    fn unknown_extensions_and_intolerances_are_kept() {
        let json = serde_json::json!({"resourceType": "AllergyIntolerance", "id": "i", "type": "intolerance",
            "code": {"text": "lactose"}, "modifierExtension": [{"url": "https://example.org/x"}]});
        let Item::Read(a) = read_allergy(&json) else { panic!("should read") };
        assert_eq!(a.kind, AllergyKind::Intolerance);
        assert_eq!(a.unknown_extensions, vec!["https://example.org/x".to_owned()]);
    }

    #[test]
    fn broken_allergies_become_unreadable_with_their_id() {
        let cases = [
            serde_json::json!({"resourceType": "Patient", "id": "p"}),
            serde_json::json!({"resourceType": "AllergyIntolerance", "id": "a"}),
            serde_json::json!({"resourceType": "AllergyIntolerance", "id": "b", "code": "peanut"}),
            serde_json::json!({"resourceType": "AllergyIntolerance", "id": "c", "code": {"text": "x"}, "criticality": 5}),
            serde_json::json!({"resourceType": "AllergyIntolerance", "id": "d", "code": {"text": "x"}, "recordedDate": "yesterday"}),
            serde_json::json!({"resourceType": "AllergyIntolerance", "id": "e", "code": {"text": "x"}, "reaction": "x"}),
        ];
        for case in cases {
            match read_allergy(&case) {
                Item::Unreadable { id, .. } => assert_eq!(id.as_deref(), case.get("id").and_then(Value::as_str)),
                Item::Read(_) => panic!("{case} should be unreadable"),
            }
        }
    }
}
