//! The connectors' integration tests, in one binary (one link step instead of one per
//! file): every fixture read by the readers, the parsers under hostile input, the
//! connectors against the demo hubs over HTTP, bounded reads.

mod support;

mod bounded_reads;
mod demo_hubs;
mod fixtures_fhir;
mod fixtures_kmehr;
mod fuzz_parsers;
