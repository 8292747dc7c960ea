//! The demo data, embedded at build time from `data/` (see `build.rs` and `data/README.md`).

include!(concat!(env!("OUT_DIR"), "/data.rs"));
