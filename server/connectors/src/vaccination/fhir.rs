//! Reads `Immunization` resources in the HL7 Belgium BeVaccination shape.
//!
//! Lenient by design: real examples deviate (dates as text, identifiers without a system,
//! codes without a display). Whatever is understood is kept; unknown extensions are
//! listed by URL; an entry that is not an Immunization at all, or lacks what makes a
//! vaccination a vaccination, becomes [`Item::Unreadable`] and the rest of the bundle
//! still reads.

use carnet_core::date::PartialDate;
use carnet_core::vaccination::{Item, Occurrence, Quantity, Vaccination, VaccinationStatus};
use serde_json::Value;

use crate::fhir::common::{Context, codings, party, str_at};

const EXT_RECORDER: &str = "https://www.ehealth.fgov.be/standards/fhir/core/StructureDefinition/be-ext-recorder";
const EXT_ADMINISTERED_PRODUCT: &str =
    "https://www.ehealth.fgov.be/standards/fhir/vaccination/StructureDefinition/be-ext-administeredProduct";
/// Extensions whose content Carnet reads or deliberately does not show.
const KNOWN_EXTENSIONS: [&str; 4] = [
    EXT_RECORDER,
    EXT_ADMINISTERED_PRODUCT,
    // Older (legacy) names of the same Belgian extensions.
    "https://www.ehealth.fgov.be/standards/fhir/StructureDefinition/be-recorder",
    "https://www.ehealth.fgov.be/standards/fhir/StructureDefinition/be-immunizationLocation",
];

/// Reads one resource that should be an Immunization.
pub fn read_immunization(resource: &Value) -> Item<Vaccination> {
    read_immunization_in(resource, &Context::none())
}

/// Reads an Immunization that came in a Bundle: references to other entries resolve.
pub(crate) fn read_immunization_in<'a>(resource: &'a Value, ctx: &Context<'a>) -> Item<Vaccination> {
    let id = str_at(resource, "id");
    let unreadable = |reason: &str| Item::Unreadable { id: id.clone(), reason: reason.to_owned() };

    if resource.get("resourceType").and_then(Value::as_str) != Some("Immunization") {
        return unreadable("not an Immunization resource");
    }
    let status = match resource.get("status").and_then(Value::as_str) {
        Some("completed") => VaccinationStatus::Completed,
        Some("not-done") => VaccinationStatus::NotDone,
        Some("entered-in-error") => VaccinationStatus::EnteredInError,
        Some(other) => VaccinationStatus::Other(other.to_owned()),
        None => return unreadable("status is missing"),
    };
    let Some(vaccine_code) = resource.get("vaccineCode").filter(|v| v.is_object()) else {
        return unreadable("vaccineCode is missing");
    };
    let vaccine = codings(vaccine_code);
    let vaccine_text = str_at(vaccine_code, "text");
    if vaccine.is_empty() && vaccine_text.is_none() {
        return unreadable("vaccineCode has neither a coding nor a text");
    }

    let occurrence = if let Some(text) = resource.get("occurrenceDateTime").and_then(Value::as_str) {
        match PartialDate::parse(text) {
            Some(date) => Occurrence::Date(date),
            None => return unreadable("occurrenceDateTime is not a date"),
        }
    } else if let Some(text) = resource.get("occurrenceString").and_then(Value::as_str) {
        Occurrence::Text(text.to_owned())
    } else {
        Occurrence::Unknown
    };

    let dose_number =
        resource.get("protocolApplied").and_then(Value::as_array).and_then(|applied| applied.first()).and_then(
            |first| {
                first
                    .get("doseNumberPositiveInt")
                    .and_then(Value::as_u64)
                    .map(|n| n.to_string())
                    .or_else(|| str_at(first, "doseNumberString"))
            },
        );
    let dose_quantity = resource.get("doseQuantity").and_then(|q| {
        Some(Quantity { value: q.get("value")?.as_f64()?, unit: str_at(q, "unit").or_else(|| str_at(q, "code")) })
    });

    let mut product = None;
    let mut lot_number = str_at(resource, "lotNumber");
    let unknown_extensions = crate::fhir::common::unknown_extensions(resource, &KNOWN_EXTENSIONS).unwrap_or_default();
    for extension in resource.get("extension").and_then(Value::as_array).into_iter().flatten() {
        let Some(url) = extension.get("url").and_then(Value::as_str) else { continue };
        if url == EXT_ADMINISTERED_PRODUCT {
            for part in extension.get("extension").and_then(Value::as_array).into_iter().flatten() {
                match part.get("url").and_then(Value::as_str) {
                    Some("coded") => {
                        product = part.get("valueCodeableConcept").map(codings).and_then(|c| c.into_iter().next());
                    }
                    Some("lotNumber") => {
                        lot_number = lot_number.or_else(|| str_at(part, "valueString"));
                    }
                    _ => {}
                }
            }
        }
    }

    let performer = resource
        .get("performer")
        .and_then(Value::as_array)
        .and_then(|performers| performers.first())
        .and_then(|p| p.get("actor"))
        .and_then(|actor| party(actor, resource, ctx));

    let status_reason = resource.get("statusReason").map(codings).and_then(|c| c.into_iter().next());

    Item::Read(Vaccination {
        id,
        status,
        vaccine,
        vaccine_text,
        product,
        occurrence,
        dose_number,
        dose_quantity,
        performer,
        lot_number,
        status_reason,
        unknown_extensions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_core::coding::Coding;
    use carnet_core::vaccination::Performer;

    fn read_fixture(name: &str) -> Vaccination {
        let json = crate::fixtures::json(&format!("fhir/vaccination/{name}"));
        match read_immunization(&json) {
            Item::Read(v) => v,
            Item::Unreadable { reason, .. } => panic!("{name} was not read: {reason}"),
        }
    }

    /// Every real example in the fixtures folder reads, with the fields a citizen sees.
    #[test]
    fn every_real_vaccination_example_reads() {
        let mut count = 0;
        for name in crate::fixtures::names("fhir/vaccination", "json") {
            let v = read_fixture(&name);
            assert!(!v.vaccine.is_empty() || v.vaccine_text.is_some(), "{name}: no vaccine");
            assert_ne!(v.occurrence, Occurrence::Unknown, "{name}: no date");
            assert!(v.performer.is_some(), "{name}: no performer");
            count += 1;
        }
        assert!(count >= 20, "expected the whole fixture folder, read {count}");
    }

    #[test]
    fn the_vaccinnet_example_gives_vaccine_date_dose_product_and_performer() {
        let v = read_fixture("hl7be-vaccination-Immunization-vaccinnet-1.json");
        assert_eq!(v.status, VaccinationStatus::Completed);
        assert_eq!(v.vaccine.len(), 1);
        assert_eq!(v.vaccine.first().and_then(|c| c.code.as_deref()), Some("871751006"));
        assert!(v.vaccine.first().is_some_and(Coding::is_snomed));
        assert_eq!(v.occurrence, Occurrence::Date(PartialDate { year: 2024, month: Some(1), day: Some(5) }));
        assert_eq!(v.dose_quantity.as_ref().map(|q| q.value), Some(1.0));
        assert_eq!(v.product.as_ref().and_then(|c| c.code.as_deref()), Some("1149939"));
        assert_eq!(v.performer, Some(Performer::Nihdi("10182803004".into())));
        assert!(v.unknown_extensions.is_empty());
    }

    #[test]
    fn a_performer_named_by_the_source_keeps_its_name() {
        let v = read_fixture("hl7be-vaccination-Immunization-covid-jan-1.json");
        assert_eq!(v.performer, Some(Performer::Named("Huisarts 1".into())));
    }

    #[test]
    fn a_performer_identified_by_ssin_is_not_exposed() {
        let v = read_fixture("hl7be-vaccination-Immunization-toto-hexa1.json");
        assert_eq!(v.performer, Some(Performer::Person));
        assert_eq!(v.lot_number.as_deref(), Some("L00156"));
    }

    #[test]
    fn a_text_only_date_and_vaccine_are_kept() {
        let v = read_fixture("hl7be-legacy-immunization-example-tetanus-cautious-reinforcement.json");
        assert_eq!(v.occurrence, Occurrence::Text("Summer 2011".into()));
        assert_eq!(v.vaccine_text.as_deref(), Some("tetanus"));
    }

    #[test]
    fn not_given_and_mistaken_records_keep_their_status_and_reason() {
        let v = read_fixture("hl7be-vaccination-Immunization-immunization-example-not-given-stock.json");
        assert_eq!(v.status, VaccinationStatus::NotDone);
        assert_eq!(v.status_reason.and_then(|c| c.display).as_deref(), Some("Geen voorraad"));
        let v = read_fixture("hl7be-vaccination-Immunization-immunization-example-mistaken-entry.json");
        assert_eq!(v.status, VaccinationStatus::EnteredInError);
        assert_eq!(v.vaccine.first().and_then(|c| c.display.as_deref()), Some("Measles vaccine"));
    }

    #[test]
    fn duplicate_codings_are_shown_once() {
        let v = read_fixture("hl7be-vaccination-Immunization-iex1.json");
        assert_eq!(v.vaccine.len(), 1);
    }

    #[test]
    fn an_unknown_extension_is_kept_not_dropped() {
        let json = serde_json::json!({
            "resourceType": "Immunization", "id": "x", "status": "completed",
            "vaccineCode": {"coding": [{"system": "http://snomed.info/sct", "code": "871765008"}]},
            "occurrenceDateTime": "2020-01-01",
            "extension": [{"url": "https://example.org/ext/unknown", "valueString": "?"}]
        });
        let Item::Read(v) = read_immunization(&json) else { panic!("should read") };
        assert_eq!(v.unknown_extensions, vec!["https://example.org/ext/unknown".to_owned()]);
    }

    #[test]
    fn broken_items_become_unreadable_with_their_id() {
        let cases = [
            serde_json::json!({"resourceType": "Patient", "id": "p"}),
            serde_json::json!({"resourceType": "Immunization", "id": "a", "vaccineCode": {"text": "x"}}),
            serde_json::json!({"resourceType": "Immunization", "id": "b", "status": "completed"}),
            serde_json::json!({"resourceType": "Immunization", "id": "c", "status": "completed",
                "vaccineCode": {"text": "x"}, "occurrenceDateTime": "yesterday"}),
            serde_json::json!("not even an object"),
        ];
        for case in cases {
            assert!(matches!(read_immunization(&case), Item::Unreadable { .. }), "{case}");
        }
    }
}
