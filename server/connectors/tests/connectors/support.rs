//! Shared by the connector tests and the benchmark: where the fixtures are, and every
//! file under them (new files are picked up without a code change).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `../shared/fixtures`, beside the repository.
pub fn fixtures_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures")
}

/// Every `*.<extension>` file under `fixtures/<dir>`, the XML schemas (`xsd/`) aside,
/// sorted. A directory that cannot be listed is a failure, not an empty list.
pub fn fixture_files(dir: &str, extension: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![fixtures_root().join(dir)];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            panic!("{} cannot be listed (../shared/fixtures must be there)", dir.display())
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.file_name().and_then(|n| n.to_str()) != Some("xsd") {
                    dirs.push(path);
                }
            } else if path.extension().and_then(|e| e.to_str()) == Some(extension) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// `path` relative to `fixtures/<dir>`, with `/` separators ("medication/x.json").
pub fn relative(dir: &str, path: &Path) -> String {
    path.strip_prefix(fixtures_root().join(dir)).unwrap_or(path).to_string_lossy().replace('\\', "/")
}
