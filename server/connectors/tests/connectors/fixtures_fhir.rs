//! Every FHIR fixture, read through the one entry point [`read_resource`]: the whole
//! `shared/fixtures/fhir` tree is walked (recursively, so files added later are covered
//! without touching this test).
//!
//! For each file: it reads; nothing in it is unreadable (the fixtures are all valid); each
//! item has what a citizen needs to see it (per-kind checks); no national register number
//! (SSIN) of the file appears in what was read. A table then pins the key values of named
//! files, at least one per fixture directory. Finally, damaged entries inside a Bundle
//! become unreadable while the other entries still read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use carnet_connectors::fhir::resource::{Resource, read_resource};
use carnet_core::item::Item;
use carnet_core::party::Party;
use carnet_core::vaccination::Occurrence;
use serde_json::Value;

use crate::support;

/// Every `.json` file under the FHIR fixtures, sorted.
fn fixture_files() -> Vec<PathBuf> {
    let out = support::fixture_files("fhir", "json");
    assert!(out.len() >= 80, "the FHIR fixtures must be there (../shared/fixtures), found {}", out.len());
    out
}

/// The path relative to the fixtures root ("medication/x.json").
fn relative(path: &Path) -> String {
    support::relative("fhir", path)
}

fn load(path: &Path) -> Value {
    let Ok(text) = std::fs::read_to_string(path) else { panic!("{} cannot be read", path.display()) };
    let Ok(json) = serde_json::from_str(&text) else { panic!("{} is not JSON", path.display()) };
    json
}

// ---------------------------------------------------------------------------------------
// Per-kind checks: what a citizen needs to see an item at all
// ---------------------------------------------------------------------------------------

/// Parties without a name or NIHDI number in the sources themselves: the PSS patient's name
/// is masked (data-absent-reason), the RelatedPerson example gives only a relationship.
const PARTIES_WITHOUT_NAME: [&str; 2] = [
    "patient/hl7be-pss-Patient-30551ce1-5a28-4356-b684-2e639094ad48.json",
    "other/hl7be-core-RelatedPerson-relatedperson.json",
];
/// Documents whose source gives no date at all (no `date`, `context.period` nor
/// attachment `creation`): both HL7 Belgium core examples.
const DOCUMENTS_WITHOUT_DATE: [&str; 2] = [
    "documentreference/hl7be-core-DocumentReference-documentreferencebinary.json",
    "documentreference/hl7be-core-DocumentReference-documentreferenceurl.json",
];

fn check_kind(file: &str, resource: &Resource) {
    match resource {
        Resource::Vaccination(Item::Read(v)) => {
            assert!(!v.vaccine.is_empty() || v.vaccine_text.is_some(), "{file}: a vaccination without vaccine");
            assert_ne!(v.occurrence, Occurrence::Unknown, "{file}: a vaccination without occurrence");
        }
        Resource::Medication(Item::Read(m)) => {
            assert!(!m.medicine.is_empty() || m.medicine_text.is_some(), "{file}: a medication line without medicine");
        }
        Resource::Allergy(Item::Read(a)) => {
            assert!(!a.substance.is_empty() || a.substance_text.is_some(), "{file}: an allergy without substance");
        }
        Resource::Document(Item::Read(d)) => {
            assert!(!d.doc_type.is_empty(), "{file}: a document without type");
            assert!(d.date.is_some() || DOCUMENTS_WITHOUT_DATE.contains(&file), "{file}: a document without date");
        }
        Resource::Party(Item::Read(p)) => {
            assert!(
                p.name.is_some() || p.nihdi.is_some() || PARTIES_WITHOUT_NAME.contains(&file),
                "{file}: a party without name or NIHDI number"
            );
        }
        Resource::Consent(Item::Read(c)) => {
            assert!(c.status.is_some(), "{file}: a consent without status");
            if c.status.as_deref() == Some("active") {
                assert_ne!(
                    c.state,
                    carnet_core::consent::ConsentState::None,
                    "{file}: an active consent without state"
                );
            }
        }
        Resource::Access(Item::Read(e)) => {
            assert!(e.at.is_some() && e.date.is_some(), "{file}: an access event without time");
            assert!(!e.who.is_empty(), "{file}: an access event without who");
        }
        Resource::CodeSystem(Item::Read(s)) => {
            assert!(!s.concepts.is_empty(), "{file}: a code system without concepts")
        }
        Resource::Outcome { severity, .. } => assert!(!severity.is_empty(), "{file}: an outcome without severity"),
        Resource::Other { resource_type, .. } => assert!(!resource_type.is_empty(), "{file}: a resource without type"),
        other => panic!("{file}: unreadable: {other:?}"),
    }
}

/// The values of every identifier with an SSIN system in a JSON tree.
fn ssins(json: &Value, out: &mut BTreeSet<String>) {
    match json {
        Value::Object(map) => {
            let system = map.get("system").and_then(Value::as_str).unwrap_or_default();
            if system.ends_with("/NamingSystem/ssin")
                && let Some(value) = map.get("value").and_then(Value::as_str)
            {
                out.insert(value.to_owned());
            }
            map.values().for_each(|v| ssins(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| ssins(v, out)),
        _ => {}
    }
}

#[test]
fn every_fixture_reads_with_nothing_unreadable_and_no_ssin_shown() {
    let mut directories = BTreeSet::new();
    let mut items = 0;
    for path in fixture_files() {
        let file = relative(&path);
        let json = load(&path);
        let resource = read_resource(&json);
        assert!(!resource.is_unreadable(), "{file}: {resource:?}");
        for leaf in resource.leaves() {
            check_kind(&file, leaf);
            items += 1;
        }
        let shown = format!("{resource:?}");
        let mut numbers = BTreeSet::new();
        ssins(&json, &mut numbers);
        for ssin in numbers {
            assert!(!shown.contains(&ssin), "{file}: an SSIN is shown");
        }
        directories.insert(file.split('/').next().unwrap_or_default().to_owned());
    }
    assert!(directories.len() >= 11, "every fixture directory is walked: {directories:?}");
    assert!(items >= 160, "every item of every file is checked, found {items}");
}

// ---------------------------------------------------------------------------------------
// Key values of named files
// ---------------------------------------------------------------------------------------

fn who(party: &Party) -> String {
    match party {
        Party::Named(name) => name.clone(),
        Party::Nihdi(number) => format!("NIHDI {number}"),
        Party::Person => "a person".into(),
        Party::Other(raw) => raw.clone(),
        Party::Unresolved(reference) => format!("unresolved {reference}"),
    }
}

fn coded(c: &carnet_core::coding::Coding) -> String {
    [c.code.as_deref(), c.display.as_deref()].into_iter().flatten().collect::<Vec<_>>().join(" ")
}

fn date(d: Option<carnet_core::date::PartialDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// What a page would show of a resource, as "label: value" lines.
fn facts(resource: &Resource, out: &mut Vec<String>) {
    let mut push = |label: &str, value: String| out.push(format!("{label}: {value}"));
    match resource {
        Resource::Bundle(entries) => {
            push("bundle", entries.len().to_string());
            entries.iter().for_each(|e| facts(e, out));
        }
        Resource::Vaccination(Item::Read(v)) => {
            v.vaccine.iter().for_each(|c| push("vaccine", coded(c)));
            push("date", date(v.occurrence.date()));
            if let Some(p) = &v.performer {
                push("performer", who(p));
            }
        }
        Resource::Medication(Item::Read(m)) => {
            push("kind", format!("{:?}", m.kind));
            push("status", format!("{:?}", m.status));
            m.medicine.iter().for_each(|c| push("medicine", coded(c)));
            m.medicine_text.iter().for_each(|t| push("medicine text", t.clone()));
            for d in &m.dosage {
                if let Some(q) = &d.amount {
                    push("dose", format!("{} {}", q.value, q.unit.clone().unwrap_or_default()).trim().to_owned());
                }
                if let Some(f) = &d.frequency {
                    push("frequency", format!("{}/{}{}", f.count, f.period, f.unit));
                }
                d.moments.iter().for_each(|c| push("moment", coded(c)));
                d.text.iter().for_each(|t| push("dosage text", t.clone()));
            }
            push("start", date(m.start));
            push("end", date(m.end));
            m.author.iter().for_each(|p| push("author", who(p)));
            for s in &m.suspensions {
                push(
                    "suspension",
                    format!("{}..{} {}", date(s.from), date(s.until), s.reason.clone().unwrap_or_default()),
                );
            }
        }
        Resource::Allergy(Item::Read(a)) => {
            a.substance.iter().for_each(|c| push("substance", coded(c)));
            push("criticality", format!("{:?}", a.criticality));
            a.clinical_status.iter().for_each(|s| push("clinical", s.clone()));
            a.verification.iter().for_each(|s| push("verification", s.clone()));
            a.no_known.iter().for_each(|s| push("no known", s.clone()));
            for r in &a.reactions {
                r.manifestation.iter().for_each(|c| push("reaction", coded(c)));
            }
        }
        Resource::Document(Item::Read(d)) => {
            d.doc_type.iter().for_each(|c| push("type", coded(c)));
            push("date", date(d.date));
            d.author.iter().for_each(|p| push("author", who(p)));
            d.institution.iter().for_each(|i| push("institution", i.clone()));
            push("format", format!("{:?}", d.format));
            d.status.iter().for_each(|s| push("status", s.clone()));
        }
        Resource::Consent(Item::Read(c)) => {
            push("state", format!("{:?}", c.state));
            push("since", date(c.since));
            push("until", date(c.until));
            c.author.iter().for_each(|p| push("author", who(p)));
            for (permits, p) in &c.actors {
                push("actor", format!("{} {}", if *permits { "permit" } else { "deny" }, who(p)));
            }
            c.terms.iter().for_each(|t| push("term", coded(t)));
        }
        Resource::Access(Item::Read(e)) => {
            e.at.iter().for_each(|a| push("at", a.clone()));
            e.who.iter().for_each(|p| push("who", who(p)));
            e.what.iter().for_each(|w| push("what", w.clone()));
            e.institution.iter().for_each(|i| push("institution", i.clone()));
            e.event.iter().for_each(|c| push("event", coded(c)));
        }
        Resource::Party(Item::Read(p)) => {
            push("party", p.kind.clone());
            p.name.iter().for_each(|n| push("name", n.clone()));
            p.nihdi.iter().for_each(|n| push("nihdi", n.clone()));
            push("birth", date(p.birth_date));
            p.role.iter().for_each(|c| push("role", coded(c)));
        }
        Resource::CodeSystem(Item::Read(s)) => {
            push("code system", s.url.clone().unwrap_or_default());
            push("concepts", s.concepts.len().to_string());
        }
        Resource::Outcome { severity, text } => push("outcome", format!("{severity}: {text}")),
        Resource::Other { resource_type, codes, text, .. } => {
            push("other", resource_type.clone());
            codes.iter().for_each(|c| push("code", coded(c)));
            text.iter().for_each(|t| push("text", t.clone()));
        }
        other => push("unreadable", format!("{other:?}")),
    }
}

/// Key values per named file: at least one row per fixture directory.
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "allergy/hl7be-allergy-AllergyIntolerance-allergyintolerance1.json",
        &[
            "substance: 762952008 Peanut (substance)",
            "criticality: High",
            "clinical: active",
            "verification: unconfirmed",
            "reaction: 39579001 Anaphylactic reaction",
        ],
    ),
    (
        "allergy/fhir-r4-AllergyIntolerance-nka.json",
        &["no known: any", "substance: 716186003 No Known Allergy (situation)"],
    ),
    (
        "auditevent/fhir-r4-AuditEvent-example-rest.json",
        &[
            "at: 2013-06-20T23:42:24Z",
            "who: Grahame Grieve",
            "what: Patient/example/_history/1",
            "institution: Cloud",
            "event: vread vread",
        ],
    ),
    (
        "bundle/fhir-r4-Bundle-bundle-response-medsallergies.json",
        &["bundle: 5", "bundle: 0", "party: Patient", "name: Peter James Chalmers", "birth: 1974-12-25"],
    ),
    (
        "bundle/hl7be-coreclinical-Bundle-uc52-bundle.json",
        &["other: Composition", "code: 439926003", "text: Diabetes device report", "other: DiagnosticReport"],
    ),
    ("bundle/hl7be-medicationrecord-Bundle-EB-empty-searchset.json", &["bundle: 0"]),
    (
        "bundle/hl7be-pss-Bundle-getrecommendations-a-response.json",
        &[
            "other: RequestGroup",
            "other: CommunicationRequest",
            "kind: Prescribed",
            "medicine: J01XD01",
            "medicine: 21436",
            "dose: 1000 mg",
            "frequency: 2/1d",
            "medicine text: Fluconazol",
        ],
    ),
    (
        "consent/hl7be-consent-Consent-patientwill1.json",
        &["state: Given", "since: 2020-10-06", "author: NIHDI 11530231003", "term: dnr1 Do not resuscitate"],
    ),
    (
        "consent/fhir-r4-Consent-consent-example-notThem.json",
        &["state: Given", "since: 2015-11-18", "actor: permit Fictive Nurse"],
    ),
    (
        "consent/fhir-r4-Consent-consent-example-notOrg.json",
        &["state: Revoked", "actor: deny unresolved Organization/f001"],
    ),
    (
        "documentreference/hl7be-core-DocumentReference-documentreferencebinary.json",
        &[
            "type: 34108-1 Outpatient Note",
            "format: Pdf",
            "author: unresolved PractitionerRole/practitionerrole1",
            "status: current",
        ],
    ),
    (
        "medication/kmehrtests-fhir-ms-RIZIV_01.json",
        &[
            "medicine: 3303948 Pantoprazole EG 40 mg maagsapresist. tabl. 100",
            "author: Devil Tasmanian",
            "start: 2020-06-10",
            "frequency: 1/1d",
            "dose: 1 336624003",
            "moment: MORN",
            "party: Practitioner",
            "nihdi: 11425214001",
            "name: Tasmanian Devil",
        ],
    ),
    (
        "medication/hl7be-medication-MedicationRequest-example-03-bisoprolol.json",
        &[
            "kind: Prescribed",
            "medicine: 3889 bisoprolol oraal 2,5 mg",
            "dose: 2.5 mg",
            "frequency: 1/1d",
            "start: 2025-10-19",
            "end: 2026-01-18",
            "author: NIHDI 12345678004",
        ],
    ),
    (
        "medication/hl7be-medication-MedicationDispense-example-dispense-communitypharmacy-1med.json",
        &[
            "kind: Delivered",
            "medicine: 1439562 Topazolam tab 50x 1,0mg",
            "author: Jan Janssen",
            "start: 2020-03-10",
            "dosage text: 3 x par jour",
        ],
    ),
    (
        "medication/kmehrtests-fhir-ms-TS-08-THERAPEUTIC_SUSPENSIONS.json",
        &[
            "suspension: 2022-07-04..2022-07-05 Temporary suspension",
            "suspension: 2022-07-05.. Definitive suspension",
            "status: Stopped",
            "author: Donald Duck",
        ],
    ),
    (
        "organization/hl7be-core-Organization-organization1.json",
        &["party: Organization", "name: Enterprise Hospital Ziekenhuis", "nihdi: 99999999999", "role: orghospital"],
    ),
    ("other/fhir-r4-OperationOutcome-allok.json", &["outcome: information: All OK"]),
    (
        "other/fhir-r4-OperationOutcome-searchfail.json",
        &["outcome: fatal: The \"name\" parameter has the modifier \"exact\" which is not supported by this server"],
    ),
    ("other/hl7be-core-Provenance-provenance1.json", &["other: Provenance", "code: CREATE"]),
    ("other/hl7be-vaccination-Observation-observation-swelling.json", &["other: Observation", "code: 41291007"]),
    (
        "other/hl7be-core-CodeSystem-cd-hcparty.json",
        &["code system: https://www.ehealth.fgov.be/standards/fhir/core/CodeSystem/cd-hcparty", "concepts: 241"],
    ),
    ("other/hl7be-core-RelatedPerson-relatedperson.json", &["party: RelatedPerson", "role: 444191003"]),
    (
        "patient/hl7be-infsec-Patient-contained1.json",
        &["party: Patient", "name: Josephine Nessa La Paradisio", "birth: 1979-12-11"],
    ),
    (
        "practitioner/hl7be-core-Practitioner-practitioner1.json",
        &["party: Practitioner", "name: Katherine Pulaski MD", "nihdi: 18749704477", "birth: 1979-12-11"],
    ),
    (
        "practitioner/hl7be-core-PractitionerRole-practitionerrole1.json",
        &["name: Dr Katherine Pulaski", "role: persphysician physician", "role: 419772000 Family practice"],
    ),
    (
        "vaccination/hl7be-vaccination-Immunization-aymeric-rota1.json",
        &["vaccine: 871761004", "date: 2020-04-06", "performer: NIHDI 10829059"],
    ),
];

#[test]
fn named_fixtures_give_their_key_values() {
    let mut directories = BTreeSet::new();
    for (file, expected) in EXPECTED {
        let resource = read_resource(&load(&support::fixtures_root().join("fhir").join(file)));
        let mut found = Vec::new();
        facts(&resource, &mut found);
        for fact in *expected {
            assert!(found.iter().any(|f| f == fact), "{file}: expected «{fact}» among {found:#?}");
        }
        directories.insert(file.split('/').next().unwrap_or_default());
    }
    let all: BTreeSet<String> =
        fixture_files().iter().filter_map(|p| relative(p).split('/').next().map(str::to_owned)).collect();
    for dir in &all {
        assert!(directories.contains(dir.as_str()), "no expected values for the fixture directory {dir}");
    }
}

// ---------------------------------------------------------------------------------------
// Damaged entries
// ---------------------------------------------------------------------------------------

/// Reads a Bundle and tells, per entry, whether it was unreadable.
fn unreadable_entries(bundle: &Value) -> Vec<bool> {
    match read_resource(bundle) {
        Resource::Bundle(entries) => entries.iter().map(Resource::is_unreadable).collect(),
        other => panic!("not read as a Bundle: {other:?}"),
    }
}

#[test]
fn a_wrongly_typed_field_makes_its_entry_unreadable_and_the_others_still_read() {
    let mut bundle = load(&support::fixtures_root().join("fhir").join("medication/kmehrtests-fhir-ms-RIZIV_01.json"));
    assert_eq!(unreadable_entries(&bundle), vec![false; 8]);
    bundle["entry"][3]["resource"]["status"] = Value::from(5);
    bundle["entry"][4]["resource"]["dosage"] = Value::from("x");
    assert_eq!(unreadable_entries(&bundle), vec![false, false, false, true, true, false, false, false]);

    let Resource::Bundle(entries) = read_resource(&bundle) else { panic!("a Bundle") };
    let lines: Vec<_> = entries
        .iter()
        .filter_map(|e| match e {
            Resource::Medication(Item::Read(line)) => Some(line.medicine_text.clone().unwrap_or_default()),
            _ => None,
        })
        .collect();
    assert_eq!(lines.len(), 3, "the three undamaged lines still read: {lines:?}");
    assert!(lines.iter().any(|l| l.starts_with("Jardiance")));
}

#[test]
fn in_every_fixture_bundle_a_damaged_entry_hides_none_of_the_others() {
    let mut bundles = 0;
    for path in fixture_files() {
        let json = load(&path);
        let count = json.get("entry").and_then(Value::as_array).map_or(0, Vec::len);
        if json.get("resourceType").and_then(Value::as_str) != Some("Bundle") || count == 0 {
            continue;
        }
        bundles += 1;
        let file = relative(&path);
        for i in 0..count {
            for damage in [Value::from(5), serde_json::json!({"resourceType": "Patient", "name": 5})] {
                let mut mutated = json.clone();
                mutated["entry"][i]["resource"] = damage;
                let expected: Vec<bool> = (0..count).map(|j| j == i).collect();
                assert_eq!(unreadable_entries(&mutated), expected, "{file}: entry {i} damaged");
            }
        }
    }
    assert!(bundles >= 9, "the fixture Bundles must be there, found {bundles}");
}
