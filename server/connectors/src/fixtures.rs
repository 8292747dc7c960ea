//! The public HL7 Belgium FHIR examples and KMEHR messages the readers' unit tests read,
//! in `../shared/fixtures` beside the repository (never copied into it). One loader for
//! every module; a missing or unreadable file fails the test with its path.
//! (The integration tests and the benchmark list them through `tests/connectors/support.rs`.)

use std::path::PathBuf;

use serde_json::Value;

/// `fixtures/<relative>`.
pub fn path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures").join(relative)
}

/// The text of `fixtures/<relative>`.
pub fn text(relative: &str) -> String {
    let path = path(relative);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (../shared/fixtures must be there)", path.display()))
}

/// `fixtures/<relative>` as JSON.
pub fn json(relative: &str) -> Value {
    serde_json::from_str(&text(relative)).unwrap_or_else(|e| panic!("{relative} is not JSON: {e}"))
}

/// The names of the `*.<extension>` files in `fixtures/<dir>`, sorted.
pub fn names(dir: &str, extension: &str) -> Vec<String> {
    let path = path(dir);
    let entries = std::fs::read_dir(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let suffix = format!(".{extension}");
    let mut names: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_owned))
        .filter(|n| n.ends_with(&suffix))
        .collect();
    names.sort();
    names
}
