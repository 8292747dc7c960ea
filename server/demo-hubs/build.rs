//! Embeds every file of `data/` in the binary (the demo hubs need no files at run time).

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        println!("cargo:rerun-if-changed={}", dir.display());
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if matches!(path.extension().and_then(|e| e.to_str()), Some("json" | "xml")) {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut out =
        String::from("/// Every data file: (path under `data/`, content).\npub const FILES: &[(&str, &str)] = &[\n");
    for path in files {
        let Ok(relative) = path.strip_prefix(&root) else { continue };
        let _ = writeln!(out, "    ({:?}, include_str!({:?})),", relative.to_string_lossy(), path.to_string_lossy());
    }
    out.push_str("];\n");
    let Ok(out_dir) = std::env::var("OUT_DIR") else { return };
    let _ = std::fs::write(Path::new(&out_dir).join("data.rs"), out);
}
