//! Checks the demo hubs' synthetic records in `data/` (see `data/README.md`): every FHIR file
//! parses and every resource belongs to exactly one demo person, every KMEHR message validates
//! against KMEHR 1.26 (except Jonas's, malformed on purpose), every hub state names only demo
//! people, and every embedded PDF is a PDF (except the hostile person's, whose data attacks the
//! portal on purpose: see `HOSTILE`); every canary of Cora Canary's (see `CORA`) is in one
//! place of her data and nowhere else.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const SSIN_SYSTEM: &str = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";
const VAULTS: [&str; 2] = ["vitalink", "brusafe"];
const HUBS: [&str; 3] = ["rsw", "rsb", "cozo"];

/// The demo people (SSIN, first name as used in LOCAL transaction ids); they match the
/// accounts of the local identity provider.
const PEOPLE: [(&str, &str); 11] = [
    ("85041212468", "sofie"),
    ("80090315741", "marc"),
    ("21061521244", "emma"),
    ("13021908747", "lucas"),
    ("09050706674", "nora"),
    ("41022703827", "maria"),
    ("68081420385", "pieter"),
    ("92013014620", "lotte"),
    ("99092109559", "jonas"),
    ("77070712372", "hostile"),
    ("90030312349", "cora"),
];

/// Jonas Wouters: his KMEHR message is malformed on purpose (a transaction without
/// CD-TRANSACTION, a date 2023-02-30, a medication item naming no medicine), so the portal's
/// "could not read this item" path is exercised. It must not validate, but must stay
/// well-formed XML so the rest of it can be read.
const JONAS: &str = "99092109559";

/// Hostile Tester: every name, code, text and attachment of theirs attacks the portal (markup,
/// `javascript:` links, files whose declared type lies, and markers the demo hubs turn into
/// what the data files cannot hold: see `data/README.md`). Their attachments are whatever they
/// claim not to be, so the PDF checks leave them out.
const HOSTILE: &str = "77070712372";

/// Cora Canary: every kind of data in her record carries canaries, strings
/// (`CANARY-<SCOPE>-<nn>`) found nowhere else, for the portal's content matrix test
/// (`server/carnet/tests/api/content.rs`). Her vault documents are plain text (a text file
/// is searchable for its canary; a PDF's text would have to be extracted).
const CORA: &str = "90030312349";

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data")
}

fn kmehr_xsd() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/fixtures/kmehr/xsd/ehealth-kmehr/XSD/kmehr-1_26.xsd")
}

fn is_demo_person(ssin: &str) -> bool {
    PEOPLE.iter().any(|(s, _)| *s == ssin)
}

fn read(path: &Path) -> String {
    match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// The files of `dir` whose name ends with `suffix`, sorted.
fn files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { panic!("{} must exist", dir.display()) };
    let mut out: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(suffix)))
        .collect();
    out.sort();
    out
}

fn file_name(path: &Path) -> &str {
    path.file_name().and_then(|n| n.to_str()).unwrap_or_default()
}

// ---------------------------------------------------------------- FHIR vaults

/// Every resource of one vault: (file, resource).
fn vault_resources(vault: &str) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for path in files(&data_dir().join(vault), ".json") {
        let json: Value = match serde_json::from_str(&read(&path)) {
            Ok(v) => v,
            Err(e) => panic!("{}: not JSON: {e}", path.display()),
        };
        let Value::Array(resources) = json else { panic!("{}: must be a JSON array of resources", path.display()) };
        let expected_type = file_name(&path).trim_end_matches(".json").to_owned();
        for resource in resources {
            let resource_type = resource.get("resourceType").and_then(Value::as_str);
            assert_eq!(
                resource_type,
                Some(expected_type.as_str()),
                "{}: every resource is a {expected_type}",
                path.display()
            );
            out.push((format!("{vault}/{}", file_name(&path)), resource));
        }
    }
    out
}

/// The resource types of care providers and organisations, which other resources refer to.
const PARTIES: [&str; 3] = ["Practitioner", "PractitionerRole", "Organization"];

/// Every reference to a care provider or organisation in a vault's resources resolves
/// to a resource of that vault.
#[test]
fn every_reference_to_a_care_provider_resolves_in_its_vault() {
    for vault in VAULTS {
        let resources = vault_resources(vault);
        let held: BTreeSet<String> = resources
            .iter()
            .filter_map(|(_, r)| Some(format!("{}/{}", r.get("resourceType")?.as_str()?, r.get("id")?.as_str()?)))
            .collect();
        for (file, resource) in &resources {
            let text = resource.to_string();
            for kind in PARTIES {
                for part in text.split(&format!("\"reference\":\"{kind}/")).skip(1) {
                    let id = part.split('"').next().unwrap_or_default();
                    assert!(held.contains(&format!("{kind}/{id}")), "{file}: {kind}/{id} is not in {vault}");
                }
            }
        }
    }
}

/// Where a resource of this type names its patient.
fn patient_pointer(resource_type: &str) -> &'static str {
    match resource_type {
        "MedicationStatement" | "MedicationRequest" | "MedicationDispense" | "DocumentReference" => {
            "/subject/identifier"
        }
        "AuditEvent" => "/entity/0/what/identifier",
        "Binary" => "/securityContext/identifier",
        _ => "/patient/identifier",
    }
}

/// Every SSIN identifier anywhere in a JSON value.
fn ssins_in(value: &Value, found: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if map.get("system").and_then(Value::as_str) == Some(SSIN_SYSTEM)
                && let Some(ssin) = map.get("value").and_then(Value::as_str)
            {
                found.insert(ssin.to_owned());
            }
            map.values().for_each(|v| ssins_in(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| ssins_in(v, found)),
        _ => {}
    }
}

/// The SSIN a resource belongs to, checking that it names exactly one, at the right place.
fn owner(file: &str, resource: &Value) -> String {
    let id = resource.get("id").and_then(Value::as_str).unwrap_or_default();
    let resource_type = resource.get("resourceType").and_then(Value::as_str).unwrap_or_default();
    let identifier = resource.pointer(patient_pointer(resource_type));
    assert_eq!(
        identifier.and_then(|i| i.get("system")).and_then(Value::as_str),
        Some(SSIN_SYSTEM),
        "{file} {id}: patient SSIN"
    );
    let Some(ssin) = identifier.and_then(|i| i.get("value")).and_then(Value::as_str) else {
        panic!("{file} {id}: no SSIN value")
    };
    let mut all = BTreeSet::new();
    ssins_in(resource, &mut all);
    assert_eq!(all.len(), 1, "{file} {id}: names exactly one SSIN, not {all:?}");
    assert!(is_demo_person(ssin), "{file} {id}: {ssin} is not a demo person");
    ssin.to_owned()
}

#[test]
fn every_fhir_resource_has_a_unique_id_and_belongs_to_one_demo_person() {
    for vault in VAULTS {
        let resources = vault_resources(vault);
        assert!(resources.len() > 20, "{vault}: demo data expected");
        let mut ids = BTreeSet::new();
        for (file, resource) in &resources {
            let Some(id) = resource.get("id").and_then(Value::as_str).filter(|id| !id.is_empty()) else {
                panic!("{file}: a resource without id")
            };
            assert!(ids.insert(id.to_owned()), "{file}: id {id} is used twice in {vault}");
            // Care providers and organisations belong to no one: they hold no SSIN at all.
            if PARTIES.iter().any(|p| file.ends_with(&format!("/{p}.json"))) {
                let mut ssins = BTreeSet::new();
                ssins_in(resource, &mut ssins);
                assert!(ssins.is_empty(), "{file} {id}: a care provider names no patient");
                continue;
            }
            owner(file, resource);
        }
    }
}

#[test]
fn every_document_reference_points_to_a_pdf_binary_of_the_same_person() {
    for vault in VAULTS {
        let resources = vault_resources(vault);
        let binaries: BTreeMap<&str, &Value> = resources
            .iter()
            .filter(|(_, r)| r.get("resourceType").and_then(Value::as_str) == Some("Binary"))
            .filter_map(|(_, r)| Some((r.get("id")?.as_str()?, r)))
            .collect();
        for (file, doc) in resources.iter().filter(|(f, _)| f.ends_with("DocumentReference.json")) {
            let id = doc.get("id").and_then(Value::as_str).unwrap_or_default();
            let Some(attachment) = doc.pointer("/content/0/attachment") else {
                // Jonas's DocumentReference without content is malformed on purpose.
                assert_eq!(owner(file, doc), JONAS, "{file} {id}: a document without content");
                continue;
            };
            if owner(file, doc) == HOSTILE {
                // Any media type, inline data or a URL outside the vault; a Binary of theirs
                // must still exist and be theirs.
                let url = attachment.get("url").and_then(Value::as_str).unwrap_or_default();
                if let Some(binary) = url.strip_prefix("Binary/") {
                    let Some(binary) = binaries.get(binary) else {
                        panic!("{file} {id}: {url} is not a Binary of {vault}")
                    };
                    assert_eq!(
                        owner(&format!("{vault}/Binary.json"), binary),
                        HOSTILE,
                        "{file} {id}: same owner as {url}"
                    );
                }
                continue;
            }
            let media_type = if owner(file, doc) == CORA { "text/plain" } else { "application/pdf" };
            assert_eq!(attachment.get("contentType").and_then(Value::as_str), Some(media_type), "{file} {id}");
            let url = attachment.get("url").and_then(Value::as_str).unwrap_or_default();
            let Some(binary) = url.strip_prefix("Binary/").and_then(|b| binaries.get(b)) else {
                panic!("{file} {id}: {url} is not a Binary of {vault}")
            };
            assert_eq!(binary.get("contentType").and_then(Value::as_str), Some(media_type), "{url}");
            assert_eq!(
                owner(file, doc),
                owner(&format!("{vault}/Binary.json"), binary),
                "{file} {id}: same owner as {url}"
            );
        }
    }
}

#[test]
fn every_binary_is_a_pdf() {
    for vault in VAULTS {
        for (file, binary) in vault_resources(vault).iter().filter(|(f, _)| f.ends_with("Binary.json")) {
            let id = binary.get("id").and_then(Value::as_str).unwrap_or_default();
            let Some(data) = binary.get("data").and_then(Value::as_str) else { panic!("{file} {id}: no data") };
            if owner(file, binary) == HOSTILE {
                assert!(base64_decode(data).is_some_and(|b| b.len() < 4096), "{file} {id}: small base64");
                continue;
            }
            if owner(file, binary) == CORA {
                let text = base64_decode(data).and_then(|b| String::from_utf8(b).ok());
                assert!(text.is_some_and(|t| !t.is_empty() && t.len() < 4096), "{file} {id}: a small UTF-8 text");
                continue;
            }
            assert_is_small_pdf(&format!("{file} {id}"), data);
        }
    }
}

/// The browser tests expect Sofie's vaccinations exactly as they are: 7 across both vaults,
/// the newest on 18 October 2024, the oldest on 20 May 1986.
#[test]
fn sofie_has_exactly_her_seven_vaccinations() {
    let mut dates: Vec<String> = VAULTS
        .iter()
        .flat_map(|vault| vault_resources(vault))
        .filter(|(file, r)| file.ends_with("Immunization.json") && owner(file, r) == "85041212468")
        .filter_map(|(_, r)| r.get("occurrenceDateTime").and_then(Value::as_str).map(str::to_owned))
        .collect();
    dates.sort();
    assert_eq!(dates.len(), 7, "{dates:?}");
    assert_eq!(dates.first().map(String::as_str), Some("1986-05-20"));
    assert_eq!(dates.last().map(String::as_str), Some("2024-10-18"));
}

// ---------------------------------------------------------------- KMEHR hubs

/// Every text between `open` and the next `close`, in order (enough for the data's own,
/// regularly written XML).
fn element<'a>(xml: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find(open) {
        let after = &rest[start + open.len()..];
        let Some(end) = after.find(close) else { break };
        out.push(&after[..end]);
        rest = &after[end + close.len()..];
    }
    out
}

#[test]
fn every_hub_message_is_one_demo_person_with_unique_local_ids() {
    for hub in HUBS {
        let mut locals = BTreeSet::new();
        for path in files(&data_dir().join(hub), ".xml") {
            let xml = read(&path);
            let ssin = file_name(&path).trim_end_matches(".xml");
            let Some((_, person)) = PEOPLE.iter().find(|(s, _)| *s == ssin) else {
                panic!("{}: not a demo person", path.display())
            };
            let patients = element(&xml, r#"<id S="ID-PATIENT" SV="1.0">"#, "</id>");
            assert_eq!(patients, vec![ssin], "{}: one patient, the one the file is named after", path.display());
            assert_eq!(element(&xml, "<kmehrmessage", ">").len(), 1, "{}: one kmehrmessage", path.display());
            let ids = element(&xml, &format!(r#"<id S="LOCAL" SL="{hub}" SV="1.0">"#), "</id>");
            assert_eq!(
                ids.len(),
                element(&xml, "<transaction>", "</transaction>").len(),
                "{}: a LOCAL id per transaction",
                path.display()
            );
            for id in ids {
                assert!(id.starts_with(&format!("{hub}-{person}-")), "{}: LOCAL id {id}", path.display());
                assert!(locals.insert(id.to_owned()), "{hub}: LOCAL id {id} used twice");
            }
        }
    }
}

/// Runs xmllint; a missing xmllint fails the test with how to install it.
fn xmllint(args: &[&Path]) -> std::process::Output {
    match Command::new("xmllint").args(args).output() {
        Ok(output) => output,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            panic!("xmllint is not installed: run `apt-get install libxml2-utils` (Debian package libxml2-utils)")
        }
        Err(e) => panic!("xmllint: {e}"),
    }
}

#[test]
fn every_hub_message_validates_against_kmehr_1_26_except_jonas() {
    assert!(kmehr_xsd().exists(), "{} must exist (shared fixtures beside the repository)", kmehr_xsd().display());
    let wrapper = data_dir().join("kmehr-1_26-message.xsd");
    let noout = Path::new("--noout");
    let schema = Path::new("--schema");
    for hub in HUBS {
        for path in files(&data_dir().join(hub), ".xml") {
            let validated = xmllint(&[noout, schema, &wrapper, &path]);
            if file_name(&path).starts_with(JONAS) {
                // Malformed on purpose (see JONAS): still well-formed, but fails the schema.
                assert!(xmllint(&[noout, &path]).status.success(), "{}: must stay well-formed XML", path.display());
                assert!(
                    !validated.status.success(),
                    "{}: is malformed on purpose and must not validate",
                    path.display()
                );
            } else {
                let errors = String::from_utf8_lossy(&validated.stderr);
                assert!(validated.status.success(), "{} does not validate:\n{errors}", path.display());
            }
        }
    }
}

#[test]
fn every_pdf_in_a_hub_message_is_a_pdf() {
    let mut count = 0;
    for hub in HUBS {
        for path in files(&data_dir().join(hub), ".xml") {
            if file_name(&path).starts_with(HOSTILE) {
                continue;
            }
            for data in element(&read(&path), r#"<lnk TYPE="multimedia" MEDIATYPE="application/pdf">"#, "</lnk>") {
                assert_is_small_pdf(&path.display().to_string(), data);
                count += 1;
            }
        }
    }
    assert!(count >= 10, "PDF documents expected in the hubs, found {count}");
}

// ---------------------------------------------------------------- hub state

#[test]
fn every_hub_state_names_only_demo_people_and_their_transactions() {
    for hub in HUBS {
        let path = data_dir().join(hub).join("state.json");
        let state: Value = match serde_json::from_str(&read(&path)) {
            Ok(v) => v,
            Err(e) => panic!("{}: not JSON: {e}", path.display()),
        };
        let Some(people) = state.as_object() else { panic!("{}: an object keyed by SSIN", path.display()) };
        for (ssin, person) in people {
            assert!(is_demo_person(ssin), "{}: {ssin} is not a demo person", path.display());
            for key in ["therapeuticlinks", "exclusions", "audittrail"] {
                assert!(
                    person.get(key).is_some_and(Value::is_array),
                    "{}: {ssin}.{key} must be a list",
                    path.display()
                );
            }
            let consent = person.get("consent");
            assert!(
                consent.is_some_and(|c| c.is_null() || c.get("signdate").is_some()),
                "{}: {ssin}.consent",
                path.display()
            );
            let message = data_dir().join(hub).join(format!("{ssin}.xml"));
            let xml = if message.exists() { read(&message) } else { String::new() };
            let entries = person.get("audittrail").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
            for entry in entries {
                if let Some(id) = entry.get("transaction").and_then(Value::as_str) {
                    assert!(
                        xml.contains(&format!(">{id}</id>")),
                        "{}: {ssin} audit names {id}, not in {}",
                        path.display(),
                        message.display()
                    );
                }
            }
        }
    }
}

// ---------------------------------------------------------------- PDFs and size

/// Decodes standard base64 (with padding; whitespace ignored).
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    let clean: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    base64::engine::general_purpose::STANDARD.decode(clean).ok()
}

/// A base64 PDF as the demo data embeds them: decodes, starts with `%PDF-`, ends with
/// `%%EOF`, under 4 KB.
fn assert_is_small_pdf(what: &str, data: &str) {
    let Some(bytes) = base64_decode(data) else { panic!("{what}: not base64") };
    assert!(bytes.starts_with(b"%PDF-"), "{what}: not a PDF");
    assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"), "{what}: a PDF ends with %%EOF");
    assert!(bytes.len() < 4096, "{what}: {} bytes, more than 4 KB", bytes.len());
}

#[test]
fn base64_decoder_decodes() {
    assert_eq!(base64_decode("JVBERi0="), Some(b"%PDF-".to_vec()));
    assert_eq!(base64_decode("YWJj"), Some(b"abc".to_vec()));
    assert_eq!(base64_decode("YQ=="), Some(b"a".to_vec()));
    assert_eq!(base64_decode("Y*=="), None);
}

#[test]
fn the_data_directory_stays_compact() {
    fn size(dir: &Path) -> u64 {
        let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
        entries
            .flatten()
            .map(|e| match e.metadata() {
                Ok(m) if m.is_dir() => size(&e.path()),
                Ok(m) => m.len(),
                Err(_) => 0,
            })
            .sum()
    }
    let total = size(&data_dir());
    assert!(total < 512 * 1024, "data/ is {total} bytes, keep it under 512 KB");
}

// ---------------------------------------------------------------- the hostile person

/// The markers the demo hubs make real (`src/fhir.rs`, `src/hub.rs`) are in the hostile
/// person's data only, and the hooks only change answers about that person.
#[test]
fn hostile_markers_are_in_the_hostile_persons_data_only() {
    let mut found = 0;
    for vault in VAULTS {
        for (file, resource) in vault_resources(vault) {
            if resource.to_string().contains("@@HOSTILE:") {
                assert_eq!(owner(&file, &resource), HOSTILE, "{file}: a marker outside the hostile person's data");
                found += 1;
            }
        }
    }
    for hub in HUBS {
        for path in files(&data_dir().join(hub), ".xml").into_iter().chain([data_dir().join(hub).join("state.json")]) {
            let text = read(&path);
            if !text.contains("@@HOSTILE:") {
                continue;
            }
            if file_name(&path) == "state.json" {
                let state: Value = serde_json::from_str(&text).unwrap_or_default();
                let people = state.as_object().map(|p| p.iter().collect::<Vec<_>>()).unwrap_or_default();
                for (ssin, person) in people {
                    assert!(
                        ssin == HOSTILE || !person.to_string().contains("@@HOSTILE:"),
                        "{}: a marker for {ssin}",
                        path.display()
                    );
                }
            } else {
                assert!(
                    file_name(&path).starts_with(HOSTILE),
                    "{}: a marker outside the hostile person's data",
                    path.display()
                );
            }
            found += text.matches("@@HOSTILE:").count();
        }
    }
    assert!(found >= 10, "the hostile person's markers, found {found}");

    let plain = carnet_demo_hubs::fhir::hostile("no markers here".to_owned());
    assert_eq!(plain, b"no markers here");
    let made = carnet_demo_hubs::fhir::hostile(
        r#"{"a":"@@HOSTILE:HUGE@@","b":"@@HOSTILE:DEEP-JSON@@","c":"x @@HOSTILE:INVALID-UTF8@@"}"#.to_owned(),
    );
    assert!(std::str::from_utf8(&made).is_err(), "invalid UTF-8 made");
    assert!(made.len() > 200_000, "the huge word made");
    let text = String::from_utf8_lossy(&made);
    assert!(text.contains(&"W".repeat(200_000)) && !text.contains("@@HOSTILE:"), "every marker replaced");
    let valid = carnet_demo_hubs::fhir::hostile(r#"{"b":"@@HOSTILE:DEEP-JSON@@"}"#.to_owned());
    let deep: Result<Value, _> = serde_json::from_slice(&valid);
    assert!(deep.is_ok(), "50 levels of extensions are JSON that readers accept: {deep:?}");
    let deeper = carnet_demo_hubs::fhir::hostile(r#"{"b":"@@HOSTILE:DEEPER-JSON@@"}"#.to_owned());
    assert!(serde_json::from_slice::<Value>(&deeper).is_err(), "100 000 levels are more than a reader follows");
}

// ---------------------------------------------------------------- Cora Canary's canaries

/// Every canary (`CANARY-<SCOPE>-<nn>`) in `text`.
fn canaries_in(text: &str) -> Vec<String> {
    text.split("CANARY-")
        .skip(1)
        .filter_map(|rest| {
            let (scope, rest) = rest.split_once('-')?;
            let number: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let well_formed = !scope.is_empty() && scope.chars().all(|c| c.is_ascii_uppercase()) && !number.is_empty();
            well_formed.then(|| format!("CANARY-{scope}-{number}"))
        })
        .collect()
}

/// The content matrix test finds each canary in the answers of exactly the actors whose grant
/// covers it, so each must be in one place of Cora's data (one resource, one hub message, her
/// state at one hub) and nowhere else: not in anyone else's data, the directory or the register.
#[test]
fn every_canary_is_in_one_place_of_coras_data_and_nowhere_else() {
    // canary → the places it is in: (place, whether that place is Cora's).
    let mut found: BTreeMap<String, BTreeSet<(String, bool)>> = BTreeMap::new();
    let mut note = |text: &str, place: String, coras: bool| {
        for canary in canaries_in(text) {
            found.entry(canary).or_default().insert((place.clone(), coras));
        }
    };
    for vault in VAULTS {
        for (file, resource) in vault_resources(vault) {
            let id = resource.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
            let coras =
                !PARTIES.iter().any(|p| file.ends_with(&format!("/{p}.json"))) && owner(&file, &resource) == CORA;
            let mut text = resource.to_string();
            if let Some(bytes) = resource.get("data").and_then(Value::as_str).and_then(base64_decode) {
                text.push_str(&String::from_utf8_lossy(&bytes));
            }
            note(&text, format!("{file} {id}"), coras);
        }
    }
    for hub in HUBS {
        for path in files(&data_dir().join(hub), ".xml") {
            note(&read(&path), format!("{hub}/{}", file_name(&path)), file_name(&path).starts_with(CORA));
        }
        let state: Value = serde_json::from_str(&read(&data_dir().join(hub).join("state.json"))).unwrap_or_default();
        for (ssin, person) in state.as_object().into_iter().flatten() {
            note(&person.to_string(), format!("{hub}/state.json {ssin}"), ssin == CORA);
        }
    }
    for other in ["directory.json", "register/links.json", "README.md"] {
        note(&read(&data_dir().join(other)), other.to_owned(), false);
    }
    let scopes: BTreeSet<&str> = found.keys().filter_map(|c| c.strip_prefix("CANARY-")?.split('-').next()).collect();
    assert_eq!(
        scopes,
        BTreeSet::from(["ACCESSLOG", "CONSENTS", "DOCUMENTS", "MEDICATION", "SUMMARY", "VACCINATIONS"]),
        "a canary of every grant scope: {found:?}"
    );
    for (canary, places) in &found {
        assert_eq!(places.len(), 1, "{canary} is in one place only: {places:?}");
        assert!(places.iter().all(|(_, coras)| *coras), "{canary} is in Cora's data only: {places:?}");
    }
}
