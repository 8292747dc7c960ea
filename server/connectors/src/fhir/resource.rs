//! Any FHIR resource a vault may send, read into what Carnet shows: one entry point,
//! [`read_resource`], dispatching on `resourceType` to the reader of each kind.
//!
//! Bundles of every type (searchset, collection, document, batch-response …) are opened:
//! each entry is read with the Bundle as context, so references between entries resolve
//! (a medication line's prescriber, a role's practitioner); a batch-response's entries hold
//! searchset Bundles, read in turn. A damaged entry becomes an unreadable item and the
//! other entries are still read (a reference to it stays unresolved). An entry that is a
//! bare resource, without the `resource` wrapper, is read as that resource. Kinds Carnet
//! does not show yet (Observation, Provenance, Composition …) are kept as
//! [`Resource::Other`] with their codes, never dropped.
//!
//! Each kind's resource types and reader are listed once, in `fhir_kinds!` (`lib.rs`):
//! the dispatch and [`FhirKind`] are made from that list, so the reader modules depend on
//! nothing but their helpers.

use carnet_core::coding::Coding;
use carnet_core::item::Item;
use carnet_core::kind::{AnyItem, Kind};
use carnet_core::party::PartyRecord;
use carnet_core::terminology::CodeSystem;
use serde_json::Value;

use super::common::{Context, array, codings, codings_or_text, is_bare_resource, str_at};
use super::party::read_party_in;
use super::terminology::read_code_system;

/// A kind of data a FHIR vault can serve: the resource types that hold it.
pub trait FhirKind: Kind {
    const RESOURCE_TYPES: &'static [&'static str];
}

macro_rules! dispatch {
    ($($variant:ident = $kind:ty: [$($type:literal),+] => $read:path;)+) => {
        $(impl FhirKind for $kind {
            const RESOURCE_TYPES: &'static [&'static str] = &[$($type),+];
        })+

        /// The item of a resource of a kind a vault serves, read by that kind's reader; `None`
        /// for any other resource type.
        fn read_kind<'a>(resource_type: &str, resource: &'a Value, ctx: &Context<'a>) -> Option<AnyItem> {
            match resource_type {
                $($($type)|+ => Some(<$kind as Kind>::into_any_item($read(resource, ctx))),)+
                _ => None,
            }
        }
    };
}

fhir_kinds!(dispatch);

/// How deep Bundles may be nested (a batch-response holds searchsets: 2).
const MAX_BUNDLE_DEPTH: u8 = 4;
/// Issue severities, from the mildest.
const SEVERITIES: [&str; 4] = ["information", "warning", "error", "fatal"];

/// One resource as Carnet understands it. (As large as its largest kind's item, as it was with
/// a variant per kind: resources live only until an answer is turned into its items.)
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Resource {
    /// A resource of a kind a vault serves (see `fhir_kinds!`), read by its kind's reader.
    Item(AnyItem),
    Party(Item<PartyRecord>),
    CodeSystem(Item<CodeSystem>),
    /// The entries of a Bundle, in order.
    Bundle(Vec<Resource>),
    /// An OperationOutcome (or a batch entry's response status): the worst severity and the
    /// issues' texts. Diagnostics are left out: they may carry patient data.
    Outcome {
        severity: String,
        text: String,
    },
    /// A kind Carnet does not show yet, kept with its codes (`code`, else `type`, else
    /// `activity`) and a text (the concept's text, a title, a description), if any.
    Other {
        resource_type: String,
        id: Option<String>,
        codes: Vec<Coding>,
        text: Option<String>,
    },
    /// Not a resource at all: not a JSON object, no `resourceType`, a Bundle whose entries
    /// are not a list. The reason is technical, without health data.
    Unreadable {
        reason: String,
    },
}

impl Resource {
    /// This resource, or for a Bundle every resource inside it (recursively): what a page
    /// lists. Bundles themselves are left out.
    pub fn leaves(&self) -> Vec<&Resource> {
        match self {
            Resource::Bundle(entries) => entries.iter().flat_map(Resource::leaves).collect(),
            other => vec![other],
        }
    }

    /// Whether this resource could not be read, or is an item that could not be read (what a
    /// Bundle holds is not counted: see [`Resource::leaves`]).
    pub fn is_unreadable(&self) -> bool {
        match self {
            Resource::Item(item) => item.is_unreadable(),
            Resource::Party(item) => item.is_unreadable(),
            Resource::CodeSystem(item) => item.is_unreadable(),
            Resource::Unreadable { .. } => true,
            Resource::Bundle(_) | Resource::Outcome { .. } | Resource::Other { .. } => false,
        }
    }
}

/// Reads any FHIR resource (or Bundle of them). Never panics; whatever cannot be read is
/// [`Resource::Unreadable`] or an unreadable item.
/// Reads one resource whose references may point into `ctx` (its Bundle, the parties
/// fetched for it).
pub(crate) fn read_resource_in<'a>(resource: &'a Value, ctx: &Context<'a>) -> Resource {
    read_in(resource, ctx, 0)
}

pub fn read_resource(resource: &Value) -> Resource {
    read_in(resource, &Context::none(), 0)
}

fn read_in<'a>(resource: &'a Value, ctx: &Context<'a>, depth: u8) -> Resource {
    if !resource.is_object() {
        return unreadable("not a JSON object");
    }
    let kind = match resource.get("resourceType") {
        Some(Value::String(kind)) => kind.as_str(),
        Some(_) => return unreadable("resourceType is not a string"),
        None => return unreadable("no resourceType"),
    };
    if let Some(item) = read_kind(kind, resource, ctx) {
        return Resource::Item(item);
    }
    match kind {
        "Patient" | "Practitioner" | "PractitionerRole" | "Organization" | "RelatedPerson" => {
            Resource::Party(read_party_in(resource, ctx))
        }
        "CodeSystem" => Resource::CodeSystem(read_code_system(resource)),
        "Bundle" => read_bundle(resource, depth),
        "OperationOutcome" => outcome(resource),
        other => other_resource(other, resource),
    }
}

fn unreadable(reason: &str) -> Resource {
    Resource::Unreadable { reason: reason.to_owned() }
}

/// The entries of a Bundle, each read with the Bundle as context.
fn read_bundle(bundle: &Value, depth: u8) -> Resource {
    if depth >= MAX_BUNDLE_DEPTH {
        return unreadable("Bundles nested too deep");
    }
    let entries = match array(bundle, "entry") {
        Ok(entries) => entries,
        Err(_) => return unreadable("Bundle.entry is not a list"),
    };
    let ctx = Context::of_bundle(bundle);
    Resource::Bundle(entries.iter().map(|entry| read_entry(entry, &ctx, depth)).collect())
}

/// One Bundle entry: its resource; else, in a batch or transaction response, the outcome or
/// the HTTP status of the entry's response.
fn read_entry<'a>(entry: &'a Value, ctx: &Context<'a>, depth: u8) -> Resource {
    if !entry.is_object() {
        return unreadable("Bundle entry is not an object");
    }
    if let Some(resource) = entry.get("resource").filter(|r| !r.is_null()) {
        return read_in(resource, ctx, depth + 1);
    }
    if is_bare_resource(entry) {
        return read_in(entry, ctx, depth + 1);
    }
    let response = entry.get("response").filter(|r| r.is_object());
    if let Some(outcome) = response.and_then(|r| r.get("outcome")).filter(|o| o.is_object()) {
        return read_in(outcome, ctx, depth + 1);
    }
    match response.and_then(|r| str_at(r, "status")) {
        Some(status) => {
            let ok = status.starts_with('2') || status.starts_with('3');
            Resource::Outcome { severity: if ok { "information" } else { "error" }.to_owned(), text: status }
        }
        None => unreadable("Bundle entry without resource"),
    }
}

/// An OperationOutcome: the worst severity of its issues and their texts.
fn outcome(resource: &Value) -> Resource {
    let issues = match array(resource, "issue") {
        Ok([]) => return unreadable("OperationOutcome without issue"),
        Ok(issues) => issues,
        Err(_) => return unreadable("OperationOutcome.issue is not a list"),
    };
    let severity = issues
        .iter()
        .filter_map(|i| i.get("severity").and_then(Value::as_str))
        .max_by_key(|s| SEVERITIES.iter().position(|known| known == s))
        .unwrap_or("error")
        .to_owned();
    let texts: Vec<String> = issues
        .iter()
        .filter_map(|i| {
            let details = i.get("details");
            details
                .and_then(|d| str_at(d, "text"))
                .or_else(|| details.and_then(|d| codings(d).into_iter().find_map(|c| c.display)))
                .or_else(|| str_at(i, "code"))
        })
        .collect();
    Resource::Outcome { severity, text: texts.join("; ") }
}

/// A kind Carnet does not show yet: its codes and a text, if any.
fn other_resource(kind: &str, resource: &Value) -> Resource {
    let concept = ["code", "type", "activity"].into_iter().find_map(|key| resource.get(key).filter(|c| c.is_object()));
    let text = concept
        .and_then(|c| str_at(c, "text"))
        .or_else(|| str_at(resource, "title"))
        .or_else(|| str_at(resource, "description"));
    Resource::Other {
        resource_type: kind.to_owned(),
        id: str_at(resource, "id"),
        codes: concept.map(codings_or_text).unwrap_or_default(),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    macro_rules! codes_agree {
        ($($variant:ident = $kind:ty: [$($type:literal),+] => $read:path;)+) => {
            /// A kind whose content needs its grant wherever it travels (the core lists codes
            /// for it) is named by every resource type it is read from: a FHIR document holding
            /// such resources then needs that kind's grant too.
            #[test]
            fn every_resource_type_a_content_kind_is_read_from_names_that_kind() {
                use carnet_core::kind::{RESOURCE_TYPES, has_content_codes, scope_of_code};
                $(
                    let scope = <$kind as Kind>::SCOPE;
                    $(
                        let coding = Coding { system: Some(RESOURCE_TYPES.into()), code: Some($type.into()), display: None };
                        let named = scope_of_code(&coding);
                        if has_content_codes(scope) {
                            assert_eq!(named, Some(scope), "{}", $type);
                        } else {
                            assert_eq!(named, None, "{}", $type);
                        }
                    )+
                )+
            }
        };
    }

    fhir_kinds!(codes_agree);

    #[test]
    fn each_kind_goes_to_its_reader() {
        let cases = [
            (
                json!({"resourceType": "Immunization", "status": "completed", "vaccineCode": {"text": "x"}}),
                "Item(Vaccinations",
            ),
            (
                json!({"resourceType": "MedicationDispense", "medicationCodeableConcept": {"text": "x"}}),
                "Item(Medication",
            ),
            (json!({"resourceType": "AllergyIntolerance", "code": {"text": "x"}}), "Item(Allergies"),
            (json!({"resourceType": "DocumentReference", "id": "d"}), "Item(Documents"),
            (json!({"resourceType": "Consent"}), "Item(Consent"),
            (json!({"resourceType": "AuditEvent"}), "Item(AccessEvents"),
            (json!({"resourceType": "Organization", "name": "x"}), "Party"),
            (json!({"resourceType": "CodeSystem"}), "CodeSystem"),
            (json!({"resourceType": "Bundle"}), "Bundle"),
            (json!({"resourceType": "OperationOutcome", "issue": [{"severity": "error", "code": "x"}]}), "Outcome"),
            (json!({"resourceType": "Observation"}), "Other"),
            (json!({"id": "x"}), "Unreadable"),
            (json!("x"), "Unreadable"),
            (json!({"resourceType": 5}), "Unreadable"),
        ];
        for (json, expected) in cases {
            let found = read_resource(&json);
            let name = format!("{found:?}");
            assert!(name.starts_with(expected), "{json} gave {name}");
            assert_eq!(found.is_unreadable(), expected == "Unreadable", "{json}");
        }
    }

    #[test]
    fn a_bad_entry_does_not_hide_the_others() {
        let bundle = json!({"resourceType": "Bundle", "type": "searchset", "entry": [
            {"resource": {"resourceType": "AllergyIntolerance", "id": "a", "code": {"text": "peanut"}}},
            {"resource": {"resourceType": "AllergyIntolerance", "id": "b", "code": {"text": "x"}, "criticality": 5}},
            {"resource": "x"},
            "x",
            {"response": {"status": "404 Not Found"}},
            {"resource": {"resourceType": "AllergyIntolerance", "id": "c", "code": {"text": "pollen"}}}
        ]});
        let Resource::Bundle(entries) = read_resource(&bundle) else { panic!("a Bundle") };
        let unreadable: Vec<bool> = entries.iter().map(Resource::is_unreadable).collect();
        assert_eq!(unreadable, vec![false, true, true, true, false, false]);
        assert_eq!(entries[4], Resource::Outcome { severity: "error".into(), text: "404 Not Found".into() });
        assert!(read_resource(&json!({"resourceType": "Bundle", "entry": {}})).is_unreadable());
    }

    #[test]
    fn an_entry_without_the_resource_wrapper_is_read_as_its_resource() {
        let bundle = json!({"resourceType": "Bundle", "type": "collection", "entry": [
            {"resourceType": "MedicationRequest", "id": "r", "medicationCodeableConcept": {"text": "Adalat"},
                "requester": {"reference": "Practitioner/p"}},
            {"resourceType": "Practitioner", "id": "p", "name": [{"text": "Dr. A"}]},
            {"resourceType": "MedicationRequest", "resource": 5}
        ]});
        let Resource::Bundle(entries) = read_resource(&bundle) else { panic!("a Bundle") };
        let Resource::Item(AnyItem::Medication(Item::Read(line))) = &entries[0] else {
            panic!("a medication line: {entries:?}")
        };
        assert_eq!(line.medicine_text.as_deref(), Some("Adalat"));
        // Bare entries resolve as references too.
        assert_eq!(line.author, Some(carnet_core::party::Party::Named("Dr. A".into())));
        assert!(matches!(&entries[1], Resource::Party(Item::Read(p)) if p.name.as_deref() == Some("Dr. A")));
        // A `resource` that is there but damaged is that entry's damage, not a bare resource.
        assert!(entries[2].is_unreadable());

        let recipe =
            crate::fixtures::json("fhir/prescription/kmehrtests-fhir-prescriptions-recipePP-1.28-example1.json");
        let Resource::Bundle(entries) = read_resource(&recipe) else { panic!("a Bundle") };
        assert!(matches!(entries.as_slice(), [Resource::Item(AnyItem::Medication(Item::Read(_)))]), "{entries:?}");
    }

    #[test]
    fn outcomes_give_the_worst_severity_and_the_texts() {
        let json = json!({"resourceType": "OperationOutcome", "issue": [
            {"severity": "warning", "code": "x", "details": {"text": "first"}},
            {"severity": "fatal", "code": "exception", "diagnostics": "stack trace with data"}
        ]});
        assert_eq!(
            read_resource(&json),
            Resource::Outcome { severity: "fatal".into(), text: "first; exception".into() }
        );
    }

    #[test]
    fn deeply_nested_bundles_stop() {
        let mut json = json!({"resourceType": "Bundle"});
        for _ in 0..10 {
            json = json!({"resourceType": "Bundle", "entry": [{"resource": json}]});
        }
        let found = read_resource(&json);
        assert!(found.leaves().iter().any(|r| r.is_unreadable()));
    }
}
