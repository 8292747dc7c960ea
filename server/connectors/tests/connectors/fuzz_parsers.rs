//! The FHIR and KMEHR readers never panic, whatever they are given: arbitrary bytes, and the real
//! fixtures mutated at random (bytes flipped, cut short, values swapped for other JSON
//! types). Deterministic (a fixed-seed generator), so a failure is reproducible.

use carnet_connectors::fhir::resource::{Resource, read_resource};
use carnet_connectors::vaccination::fhir::read_immunization;
use serde_json::Value;

use crate::support;

/// xorshift64*: small, fast, reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
}

fn fixtures() -> Vec<Vec<u8>> {
    let out: Vec<Vec<u8>> =
        support::fixture_files("fhir", "json").iter().filter_map(|p| std::fs::read(p).ok()).collect();
    assert!(out.len() > 50, "the FHIR fixtures must be there (../shared/fixtures)");
    out
}

/// Feeds bytes to every reader the way a source's answer reaches them.
fn read_all(bytes: &[u8]) {
    let Ok(json) = serde_json::from_slice::<Value>(bytes) else { return };
    let _ = read_immunization(&json);
    // Every kind of resource, and Bundles of them, through the one entry point.
    let _ = read_resource(&json).leaves();
    let mut items = Vec::new();
    let _ = carnet_connectors::fhir::client::read_searchset(&json, &mut items);
    if let Some(entries) = json.get("entry").and_then(Value::as_array) {
        for entry in entries {
            if let Some(resource) = entry.get("resource") {
                let _ = read_immunization(resource);
            }
        }
    }
}

/// Replaces values deep in the tree with values of other JSON types.
fn mutate_value(value: &mut Value, rng: &mut Rng) {
    match value {
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for key in keys {
                if let Some(v) = map.get_mut(&key) {
                    if rng.below(6) == 0 {
                        *v = match rng.below(6) {
                            0 => Value::Null,
                            1 => Value::Bool(true),
                            2 => Value::from(-1),
                            3 => Value::from("2024-13-99"),
                            4 => Value::Array(vec![Value::Null]),
                            _ => serde_json::json!({}),
                        };
                    } else {
                        mutate_value(v, rng);
                    }
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| mutate_value(v, rng)),
        _ => {}
    }
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let len = rng.below(256);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        read_all(&bytes);
    }
}

#[test]
fn byte_mutated_fixtures_never_panic() {
    let mut rng = Rng(42);
    for original in fixtures() {
        for _ in 0..40 {
            let mut bytes = original.clone();
            match rng.below(3) {
                0 => {
                    for _ in 0..1 + rng.below(8) {
                        let i = rng.below(bytes.len());
                        if let Some(b) = bytes.get_mut(i) {
                            *b = rng.next() as u8;
                        }
                    }
                }
                1 => bytes.truncate(rng.below(bytes.len())),
                _ => {
                    let i = rng.below(bytes.len());
                    bytes.insert(i, b'"');
                }
            }
            read_all(&bytes);
        }
    }
}

#[test]
fn type_mutated_fixtures_never_panic_and_still_give_an_item() {
    let mut rng = Rng(7);
    for original in fixtures() {
        let Ok(json) = serde_json::from_slice::<Value>(&original) else { continue };
        for _ in 0..40 {
            let mut mutated = json.clone();
            mutate_value(&mut mutated, &mut rng);
            // Whatever happens, one resource gives exactly one item: read or unreadable.
            let _ = read_immunization(&mutated);
            // A resource that is not a Bundle gives one resource, whatever was damaged.
            if mutated.get("resourceType").and_then(Value::as_str) != Some("Bundle") {
                assert!(!matches!(read_resource(&mutated), Resource::Bundle(_)), "a non-Bundle read as a Bundle");
            }
            read_all(mutated.to_string().as_bytes());
        }
    }
}

/// The KMEHR fixtures (the XML schemas aside), as text.
fn kmehr_fixtures() -> Vec<String> {
    let out: Vec<String> =
        support::fixture_files("kmehr", "xml").iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
    assert!(out.len() >= 25, "the KMEHR fixtures must be there");
    out
}

/// Feeds text to every KMEHR reader, and to the pharmacy data hub's (PCDH single message).
fn read_all_kmehr(text: &str) {
    let _ = carnet_connectors::vaccination::kmehr::read_vaccinations(text);
    let _ = carnet_connectors::kmehr::message::read_message(text);
    let _ = carnet_connectors::kmehr::codesystem::read_code_list(text);
    let _ = carnet_connectors::pcdh::read_single_message(text);
}

#[test]
fn mutated_kmehr_messages_never_panic() {
    let mut rng = Rng(99);
    for original in kmehr_fixtures() {
        let original = original.into_bytes();
        for _ in 0..30 {
            let mut bytes = original.clone();
            match rng.below(2) {
                0 => {
                    let i = rng.below(bytes.len());
                    if let Some(b) = bytes.get_mut(i) {
                        *b = rng.next() as u8;
                    }
                }
                _ => bytes.truncate(rng.below(bytes.len())),
            }
            read_all_kmehr(&String::from_utf8_lossy(&bytes));
        }
    }
}

/// Values that are well-formed XML but odd for the field they land in.
const ODD_VALUES: &[&str] = &[
    "",
    " ",
    "2024-13-99",
    "2024-02-30",
    "-1",
    "0",
    "1e309",
    "NaN",
    "99999999999999999999999",
    "0.5",
    "ééé",
    "*",
    "=",
    "D",
    "UH",
    "2024-01-01+99:99",
    "true",
];

/// Replaces the text of elements (dates, numbers, codes, base64 …) and the value of
/// attributes (`S`, `TYPE`, `nullFlavor` …) with odd values: the XML stays well-formed, so
/// the readers themselves are exercised, not only the parser.
fn mutate_kmehr_values(xml: &str, rng: &mut Rng) -> Option<String> {
    let doc = roxmltree::Document::parse(xml.strip_prefix('\u{feff}').unwrap_or(xml)).ok()?;
    let offset = xml.len() - xml.strip_prefix('\u{feff}').unwrap_or(xml).len();
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    for node in doc.descendants() {
        if node.is_text() && rng.below(8) == 0 {
            ranges.push(node.range());
        }
        for attribute in node.attributes() {
            if rng.below(12) == 0 {
                ranges.push(attribute.range_value());
            }
        }
    }
    ranges.sort_by_key(|r| r.start);
    let mut out = String::with_capacity(xml.len());
    let mut at = 0;
    for range in ranges {
        let (start, end) = (range.start + offset, range.end + offset);
        if start < at || end > xml.len() {
            continue;
        }
        out.push_str(xml.get(at..start)?);
        out.push_str(ODD_VALUES.get(rng.below(ODD_VALUES.len())).copied().unwrap_or_default());
        at = end;
    }
    out.push_str(xml.get(at..)?);
    Some(out)
}

#[test]
fn value_mutated_kmehr_messages_never_panic_and_still_read() {
    let mut rng = Rng(2024);
    let mut mutated = 0;
    for original in kmehr_fixtures() {
        let is_message = carnet_connectors::kmehr::message::read_message(&original).is_ok();
        for _ in 0..40 {
            let Some(text) = mutate_kmehr_values(&original, &mut rng) else { continue };
            mutated += 1;
            read_all_kmehr(&text);
            if is_message {
                // Odd values never make a whole well-formed message unreadable: at worst items.
                let message = carnet_connectors::kmehr::message::read_message(&text);
                assert!(
                    message.is_ok() || !text.contains("kmehrmessage"),
                    "a value mutation made a message unreadable"
                );
            }
        }
    }
    assert!(mutated > 500, "{mutated}");
}
