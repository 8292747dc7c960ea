//! Every FHIR fixture, read through the one entry point [`read_resource`]: the whole
//! `shared/fixtures/fhir` tree is walked (recursively, so files added later are covered
//! without touching this test).
//!
//! For each file: it reads; nothing in it is unreadable (the fixtures are all valid); each
//! item has what a citizen needs to see it (per-kind checks); no national register number
//! (SSIN) of the file appears in what was read. The JSON files that are not FHIR resources
//! at all (SMART Health Links and Cards artefacts) are listed, each with its reason, and must
//! be read as exactly that. A table then pins the key values of named files, at least one
//! per fixture directory. Finally, damaged entries inside a Bundle become unreadable while
//! the other entries still read.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use carnet_connectors::fhir::resource::{Resource, read_resource};
use carnet_core::item::Item;
use carnet_core::kind::AnyItem;
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

/// Parties without a name or NIHDI number in the sources themselves, with how many each of
/// these files holds (every other party, in these files too, must have one):
/// - the PSS patient's name is masked (data-absent-reason);
/// - the RelatedPerson example gives only a relationship;
/// - the HL7 Europe chemistry report's Organization `206fa15d-…`, the hospital's `partOf`,
///   gives only an Italian ministry code (`urn:oid:2.16.840.1.113883.2.9.4.1.1` 080105): no
///   name, and its narrative shows none either.
const PARTIES_WITHOUT_NAME: [(&str, usize); 3] = [
    ("patient/hl7be-pss-Patient-30551ce1-5a28-4356-b684-2e639094ad48.json", 1),
    ("other/hl7be-core-RelatedPerson-relatedperson.json", 1),
    ("lab/hl7eu-lab-Bundle-SimpleChemistryResultReport.json", 1),
];
/// JSON files that are not FHIR resources (no `resourceType`): SMART Health Links and Cards
/// artefacts kept beside the FHIR Bundles they carry (`shl/`, see the fixtures' README). A
/// vault never sends them; read, each must be exactly "not a resource: no resourceType". A
/// FHIR Bundle carried inside (a health card's `vc.credentialSubject.fhirBundle`) is read
/// and checked like any other file.
const NOT_FHIR_RESOURCES: [(&str, &str); 7] = [
    ("shl/hl7-shl-ig-IPS_IG-bundle-01-shl-details.json", "a SMART Health Link decoded: payload and link"),
    ("shl/hl7-shl-ig-shl-manifest-1.json", "a SMART Health Link manifest: the list of encrypted files"),
    ("shl/hl7-shl-ig-shl-payload-1.json", "a SMART Health Link payload: URL, key and flags"),
    ("shl/smarthealthcards-example-00-b-jws-payload-expanded.json", "a SMART Health Card's JWS payload"),
    ("shl/smarthealthcards-example-00-c-jws-payload-minified.json", "the same JWS payload, minified"),
    (
        "shl/smarthealthcards-issuer-crl-3Kfdg-XwP-7gXyywtUfUADwBumDOPKMQx-iELL11W9s.json",
        "a health card issuer's revocation list",
    ),
    ("shl/smarthealthcards-issuer-jwks.json", "a health card issuer's public keys (JWKS)"),
];
/// Documents whose source gives no date at all (no `date`, `context.period` nor
/// attachment `creation`): both HL7 Belgium core examples.
const DOCUMENTS_WITHOUT_DATE: [&str; 2] = [
    "documentreference/hl7be-core-DocumentReference-documentreferencebinary.json",
    "documentreference/hl7be-core-DocumentReference-documentreferenceurl.json",
];

/// Checks one item; counts the parties without a name or NIHDI number.
fn check_kind(file: &str, resource: &Resource, nameless: &mut usize) {
    match resource {
        Resource::Item(AnyItem::Vaccinations(Item::Read(v))) => {
            assert!(!v.vaccine.is_empty() || v.vaccine_text.is_some(), "{file}: a vaccination without vaccine");
            assert_ne!(v.occurrence, Occurrence::Unknown, "{file}: a vaccination without occurrence");
        }
        Resource::Item(AnyItem::Medication(Item::Read(m))) => {
            assert!(!m.medicine.is_empty() || m.medicine_text.is_some(), "{file}: a medication line without medicine");
        }
        Resource::Item(AnyItem::Allergies(Item::Read(a))) => {
            assert!(!a.substance.is_empty() || a.substance_text.is_some(), "{file}: an allergy without substance");
        }
        Resource::Item(AnyItem::Documents(Item::Read(d))) => {
            assert!(!d.doc_type.is_empty(), "{file}: a document without type");
            assert!(d.date.is_some() || DOCUMENTS_WITHOUT_DATE.contains(&file), "{file}: a document without date");
        }
        Resource::Party(Item::Read(p)) => {
            if p.name.is_none() && p.nihdi.is_none() {
                *nameless += 1;
            }
        }
        Resource::Item(AnyItem::Consent(Item::Read(c))) => {
            assert!(c.status.is_some(), "{file}: a consent without status");
            if c.status.as_deref() == Some("active") {
                assert_ne!(
                    c.state,
                    carnet_core::consent::ConsentState::None,
                    "{file}: an active consent without state"
                );
            }
        }
        Resource::Item(AnyItem::AccessEvents(Item::Read(e))) => {
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

/// Reads a resource that must be readable and checks each of its items; the number of items.
fn check_readable(file: &str, resource: &Resource) -> usize {
    assert!(!resource.is_unreadable(), "{file}: {resource:?}");
    let mut nameless = 0;
    let leaves = resource.leaves();
    for leaf in &leaves {
        check_kind(file, leaf, &mut nameless);
    }
    let expected = PARTIES_WITHOUT_NAME.iter().find(|(f, _)| *f == file).map_or(0, |(_, n)| *n);
    assert_eq!(nameless, expected, "{file}: parties without name or NIHDI number");
    leaves.len()
}

#[test]
fn every_fixture_reads_with_nothing_unreadable_and_no_ssin_shown() {
    let files: Vec<String> = fixture_files().iter().map(|p| relative(p)).collect();
    let listed = PARTIES_WITHOUT_NAME.iter().map(|(f, _)| *f).chain(NOT_FHIR_RESOURCES.iter().map(|(f, _)| *f));
    for file in listed.chain(DOCUMENTS_WITHOUT_DATE) {
        assert!(files.iter().any(|f| f == file), "{file} is listed as an exception but is not among the fixtures");
    }
    let mut directories = BTreeSet::new();
    let mut items = 0;
    for path in fixture_files() {
        let file = relative(&path);
        let json = load(&path);
        let resource = read_resource(&json);
        let mut shown = format!("{resource:?}");
        if NOT_FHIR_RESOURCES.iter().any(|(f, _)| *f == file) {
            assert_eq!(resource, Resource::Unreadable { reason: "no resourceType".into() }, "{file}");
            if let Some(bundle) = json.pointer("/vc/credentialSubject/fhirBundle") {
                let carried = read_resource(bundle);
                items += check_readable(&file, &carried);
                shown = format!("{carried:?}");
            }
        } else {
            items += check_readable(&file, &resource);
        }
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
        Resource::Item(AnyItem::Vaccinations(Item::Read(v))) => {
            v.vaccine.iter().for_each(|c| push("vaccine", coded(c)));
            push("date", date(v.occurrence.date()));
            if let Some(p) = &v.performer {
                push("performer", who(p));
            }
        }
        Resource::Item(AnyItem::Medication(Item::Read(m))) => {
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
        Resource::Item(AnyItem::Allergies(Item::Read(a))) => {
            a.substance.iter().for_each(|c| push("substance", coded(c)));
            push("criticality", format!("{:?}", a.criticality));
            a.clinical_status.iter().for_each(|s| push("clinical", s.clone()));
            a.verification.iter().for_each(|s| push("verification", s.clone()));
            a.no_known.iter().for_each(|s| push("no known", s.clone()));
            for r in &a.reactions {
                r.manifestation.iter().for_each(|c| push("reaction", coded(c)));
            }
        }
        Resource::Item(AnyItem::Documents(Item::Read(d))) => {
            d.doc_type.iter().for_each(|c| push("type", coded(c)));
            push("date", date(d.date));
            d.author.iter().for_each(|p| push("author", who(p)));
            d.institution.iter().for_each(|i| push("institution", i.clone()));
            push("format", format!("{:?}", d.format));
            d.status.iter().for_each(|s| push("status", s.clone()));
        }
        Resource::Item(AnyItem::Consent(Item::Read(c))) => {
            push("state", format!("{:?}", c.state));
            push("since", date(c.since));
            push("until", date(c.until));
            c.author.iter().for_each(|p| push("author", who(p)));
            for (permits, p) in &c.actors {
                push("actor", format!("{} {}", if *permits { "permit" } else { "deny" }, who(p)));
            }
            c.terms.iter().for_each(|t| push("term", coded(t)));
        }
        Resource::Item(AnyItem::AccessEvents(Item::Read(e))) => {
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
    // Patient summaries (IPS, EPS), lab results and vitals, prescriptions (Recip-e as FHIR) and
    // SMART Health Cards become kinds of their own in later issues. Until then these rows pin
    // what Carnet reads from them today: Compositions, Conditions, Observations,
    // DiagnosticReports … recognised by their type as `Other` with their codes, and the
    // medication lines, allergies, vaccinations and parties inside them value by value.
    (
        "ips/hl7-ips-bundle-minimal.json",
        &[
            "bundle: 8",
            "other: Composition",
            "code: 60591-5 Patient summary Document",
            "party: Patient",
            "name: Martha DeLarosa",
            "birth: 1972-05-01",
            "name: Beetje van Hulp",
            "role: MD Doctor of Medicine",
            "name: Anorg Aniza Tion BV / The best custodian ever",
            "other: Condition",
            "code: 198436008 Menopausal flushing (finding)",
            // The statement's medicine is the Medication entry it refers to.
            "kind: Taken",
            "status: Active",
            "medicine: 108774000 Product containing anastrozole (medicinal product)",
            "medicine: L02BG03 anastrozole",
            "dose: 1 tablet",
            "start: 2015-03",
            "other: Medication",
            "substance: 373270004 Substance with penicillin structure and antibacterial mechanism of action (substance)",
            "criticality: High",
            "verification: confirmed",
        ],
    ),
    (
        "ips/hl7-shl-ig-IPS_IG-bundle-01.json",
        &[
            "bundle: 20",
            "medicine: G02CX04 Cimicifugae rhizoma",
            "medicine text: Black Cohosh Extract herbal supplement",
            "start: 2016-01",
            // The IPS absent-unknown code: a statement, not a substance.
            "substance: no-known-food-allergies",
            "no known: food",
            "other: Observation",
            "code: 882-1 ABO and Rh group [Type] in Blood",
            "code: 17856-6 Hemoglobin A1c/Hemoglobin.total in Blood by HPLC",
            "name: Laboratoire de charme",
        ],
    ),
    (
        "ips/hl7eu-gravitate-Bundle-gravitate-helen.json",
        &[
            "bundle: 10",
            "name: Helen Gravitate",
            "birth: 1946-05-05",
            "name: Dr. Anne Karlsson",
            "substance: 47703008 Lactose",
            "medicine text: Humalog Mix50 Insulin KwikPen, 3ml pre-fill",
            "medicine: A10AD04 insulin lispro",
            "kind: Prescribed",
            "medicine: J01XX01 fosfomycin",
            "medicine text: Monuril",
        ],
    ),
    (
        "ips/hl7eu-gravitate-Bundle-gravitate-ips-4.json",
        &[
            "substance: 256259004 Pollen",
            "reaction: 21719001 Allergic rhinitis caused by pollen",
            "substance: 782415009 Intolerance to lactose",
            "medicine text: Karvea 75 mg Tablet",
            "medicine: C09DA04 irbesartan and diuretics",
        ],
    ),
    (
        "ips/hl7eu-synderai-eps-Bundle-6b05ba28-140a-49ad-a44a-86e00129320d.json",
        &[
            "bundle: 71",
            "name: Margaux Dubois",
            "birth: 1952-07-22",
            "party: PractitionerRole",
            "name: Jeannine Raymond",
            "name: Cabinet de Médecine Générale",
            "medicine: 783586007 Clopidogrel (as clopidogrel bisulfate) 75 mg oral tablet",
            "dose: 1 {tbl}",
            "frequency: 1/1d",
            "dosage text: 1 tablet (75 mg) once daily",
            "start: 2017-08-23",
            "frequency: 1/5min",
            "vaccine: J07BB02 influenza, inactivated, split virus or surface antigen",
            "date: 2024-09-25",
            "vaccine: J07BN01 covid-19, RNA-based vaccine",
            "date: 2021-05-12",
            "no known: any",
            "other: Procedure",
            "other: CarePlan",
            "other: ImmunizationRecommendation",
            "other: Provenance",
        ],
    ),
    (
        "lab/fhir-r4-Bundle-lipids.json",
        &[
            "bundle: 5",
            "other: DiagnosticReport",
            "code: 24331-1 Lipid 1996 panel - Serum or Plasma",
            "text: Lipid Panel",
            "other: Observation",
            "code: 2085-9 HDL Cholesterol",
            "text: Cholesterol in HDL",
        ],
    ),
    ("lab/fhir-r4-Observation-f001.json", &["other: Observation", "code: 15074-8 Glucose [Moles/volume] in Blood"]),
    (
        "lab/hl7be-lab-Macsys-81365677998_815333041_13.json",
        &[
            "bundle: 10",
            "other: Composition",
            "text: Laboratory report",
            "other: Specimen",
            "code: SER Serum",
            "other: Observation",
            "code: 1988-5",
            "text: CRP",
            "other: DiagnosticReport",
            "code: 11502-2 Laboratory report",
            "party: Organization",
            "name: CENTRUM VOOR MEDISCHE ANALYSE",
            "nihdi: 81365677998",
            "role: orglaboratory",
            "name: Frans Engelen",
            "nihdi: 68071432800",
            "other: ServiceRequest",
        ],
    ),
    (
        "lab/hl7eu-lab-Bundle-SimpleChemistryResultReport.json",
        &[
            "bundle: 23",
            "name: František Očkovaný",
            "birth: 2000-03-21",
            "code: 122575003 Urine specimen",
            // A role named by the Practitioner entry it refers to.
            "party: PractitionerRole",
            "name: Dr Matteo Cervone",
            "name: Nuovo Ospedale S.Agostino (MO)",
            "code: 14957-5 Microalbumin [Mass/volume] in Urine",
            "other: DiagnosticReport",
            "code: 22700-9 Urea [Moles/volume] in Urine",
            "code: 2947-0 Sodium [Moles/volume] in Blood",
        ],
    ),
    (
        "lab/hl7eu-lab-DiagnosticReport-dr-lab-example.json",
        &[
            "other: DiagnosticReport",
            "code: 11502-2 Laboratory report",
            "text: Bacterial Aerobic & Anaerobic Culture & Susceptibility",
        ],
    ),
    (
        "lab/hl7eu-lab-Observation-obs-wbc.json",
        &["other: Observation", "code: 72163-9 Leukocytes [Presence] in Specimen by Gram stain"],
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
        "prescription/kmehrtests-fhir-prescriptions-recipePP-1.28-example1.json",
        &[
            // Entries without the `resource` wrapper, read as the resources they are.
            "bundle: 1",
            "kind: Prescribed",
            "status: Active",
            "medicine: 0318717 Adalat tabl. verl. afgifte Oros 28x 30 mg",
            "dose: 1 336624003",
            "frequency: 1/1d",
            "moment: MORN",
            "start: 2026-08-04",
            "author: Donald Duck",
        ],
    ),
    (
        "prescription/kmehrtests-fhir-prescriptions-recipePP-1.28-example22.json",
        &[
            // A magistral preparation in a contained Medication without code: its ingredients.
            "medicine: 0539320 PASSIFLORAE HERBAE TINCTURA",
            "medicine: 0517938 CRATAEGI TINCTURA",
            "medicine text: PASSIFLORAE HERBAE TINCTURA, BALLOTAE NIGRAE HERBAE TINCTURA NORMATA, CRATAEGI TINCTURA",
            "dosage text: volgens instructies",
            "author: Donald Duck",
        ],
    ),
    (
        "prescription/kmehrtests-fhir-prescriptions-recipePP-1.28-example3.json",
        &[
            "medicine text: Traitement oxygène gazeuse pour 1 mois",
            "dosage text: 10 L/min pendant environ 15 minutes",
            "start: 2026-08-04",
        ],
    ),
    (
        "prescription/kmehrtests-fhir-prescriptions-recipePP-1.28-example8.json",
        &["medicine: 0003863 bisoprolol oraal 10 mg [CAVE deelb.]", "frequency: 1/1d", "moment: MORN"],
    ),
    (
        "shl/smarthealthcards-example-00-a-fhirBundle.json",
        &[
            "bundle: 4",
            "party: Patient",
            "name: John B. Anyperson",
            "birth: 1951-01-20",
            "vaccine: 207",
            "date: 2021-01-01",
            "date: 2021-01-29",
            "vaccine: 229",
            "date: 2022-09-05",
            "performer: ABC General Hospital",
        ],
    ),
    // Not a FHIR resource (see NOT_FHIR_RESOURCES): told so, nothing else.
    ("shl/hl7-shl-ig-shl-manifest-1.json", &["unreadable: Unreadable { reason: \"no resourceType\" }"]),
    (
        "vaccination/hl7be-vaccination-Immunization-aymeric-rota1.json",
        &["vaccine: 871761004", "date: 2020-04-06", "performer: NIHDI 10829059"],
    ),
    (
        "vitals/fhir-r4-Observation-blood-pressure.json",
        &["other: Observation", "code: 85354-9 Blood pressure panel with all children optional"],
    ),
    ("vitals/fhir-r4-Observation-heart-rate.json", &["other: Observation", "code: 8867-4 Heart rate"]),
    (
        "vitals/hl7be-glucosemonitoring-Observation-449a728d-dfb4-422d-94aa-1a2d43849ee5.json",
        &["other: Observation", "code: 438565545"],
    ),
    (
        "vitals/hl7be-patientmonitoring-Observation-BodyWeightExample.json",
        &["other: Observation", "code: 29463-7 Body Weight"],
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
            Resource::Item(AnyItem::Medication(Item::Read(line))) => {
                Some(line.medicine_text.clone().unwrap_or_default())
            }
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
