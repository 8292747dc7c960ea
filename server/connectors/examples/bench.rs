//! Connector benchmarks; prints figures, asserts nothing (machines are noisy).
//!
//!     cargo run --release -p carnet-connectors --example bench
//!
//! 1. Fan-out: every source answering at once, then one source slowed by 2 s: how long the
//!    fast sources take in each case (median of N rounds), and the ratio (target ≤ 1.1).
//! 2. Parse throughput of the FHIR fixtures (MB/s), and time and peak memory to read a
//!    10 MB search-set Bundle.

use std::sync::Arc;
use std::time::{Duration, Instant};

use carnet_connectors::Metrics;
use carnet_connectors::fhir::client::read_searchset;
use carnet_connectors::fhir::immunization::read_immunization;
use carnet_connectors::fhir::{FhirClient, FhirSettings};
use carnet_core::policy::{Action, Scope, decide};
use carnet_core::{Principal, Role, Ssin};
use serde_json::Value;

const ROUNDS: usize = 30;
const SOURCES: [&str; 2] = ["vitalink", "brusafe"];

#[tokio::main]
async fn main() {
    fan_out().await;
    parse_throughput();
}

async fn fan_out() {
    let listener = match tokio::net::TcpListener::bind("127.0.0.1:0").await {
        Ok(l) => l,
        Err(e) => return eprintln!("cannot listen: {e}"),
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
    let faults = carnet_demo_hubs::Faults::default();
    tokio::spawn(carnet_demo_hubs::serve(listener, faults.clone()));
    let hubs = format!("http://127.0.0.1:{port}");
    let metrics = Arc::new(Metrics::default());
    let clients: Vec<FhirClient> = SOURCES
        .iter()
        .filter_map(|id| {
            FhirClient::new(
                FhirSettings {
                    id: (*id).into(),
                    name: (*id).into(),
                    base_url: format!("{hubs}/{id}/fhir"),
                    timeout: Duration::from_secs(10),
                    retries: 0,
                    bearer_token: None,
                },
                metrics.clone(),
            )
            .ok()
        })
        .collect();
    let Ok(ssin) = Ssin::parse("85041212468") else { return };
    let principal = Principal { ssin: ssin.clone(), display_name: "Bench".into(), roles: vec![Role::Citizen] };
    let Ok(proof) = decide(&principal, &ssin, Action::Read(Scope::Vaccinations)) else { return };

    // Each round: all sources at once; the time at which each one has answered.
    let round = || async {
        let started = Instant::now();
        futures::future::join_all(clients.iter().map(|c| async {
            let ok = c.vaccinations(&proof).await.is_ok();
            (c.id().to_owned(), started.elapsed(), ok)
        }))
        .await
    };
    for _ in 0..3 {
        round().await; // warm-up: connections, caches
    }
    let mut fast_no_fault = Vec::new();
    let mut all_no_fault = Vec::new();
    for _ in 0..ROUNDS {
        let answers = round().await;
        fast_no_fault.extend(answers.iter().filter(|(id, _, _)| id == "vitalink").map(|(_, t, _)| *t));
        all_no_fault.push(answers.iter().map(|(_, t, _)| *t).max().unwrap_or_default());
    }
    faults.set("brusafe", carnet_demo_hubs::Fault { latency_ms: 2000, ..Default::default() });
    let mut fast_slow = Vec::new();
    let mut all_slow = Vec::new();
    for _ in 0..ROUNDS / 3 {
        let answers = round().await;
        fast_slow.extend(answers.iter().filter(|(id, _, _)| id == "vitalink").map(|(_, t, _)| *t));
        all_slow.push(answers.iter().map(|(_, t, _)| *t).max().unwrap_or_default());
    }
    let a = median(&mut fast_no_fault);
    let b = median(&mut fast_slow);
    println!("fan-out over {} sources ({ROUNDS} rounds without fault, {} with):", SOURCES.len(), ROUNDS / 3);
    println!("  all answers, no fault:            median {:>8.2} ms", ms(median(&mut all_no_fault)));
    println!("  all answers, brusafe +2 s:        median {:>8.2} ms", ms(median(&mut all_slow)));
    println!("  fast source (vitalink), no fault: median {:>8.2} ms", ms(a));
    println!("  fast source, brusafe +2 s:        median {:>8.2} ms", ms(b));
    println!("  ratio fast-with-slow / no-fault:  {:.2} (target <= 1.1)", b.as_secs_f64() / a.as_secs_f64().max(1e-9));
}

fn parse_throughput() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/fhir");
    let mut files = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                files.push(bytes);
            }
        }
    }
    let total: usize = files.iter().map(Vec::len).sum();
    let started = Instant::now();
    let mut rounds = 0;
    while started.elapsed() < Duration::from_secs(2) {
        for bytes in &files {
            if let Ok(json) = serde_json::from_slice::<Value>(bytes) {
                if json.get("resourceType").and_then(Value::as_str) == Some("Bundle") {
                    let mut items = Vec::new();
                    let _ = read_searchset(&json, &mut items);
                } else {
                    let _ = read_immunization(&json);
                }
            }
        }
        rounds += 1;
    }
    let mb = (total * rounds) as f64 / 1e6;
    println!("FHIR fixtures: {} files, {:.1} KB; parsed {rounds} times: {:.1} MB/s", files.len(), total as f64 / 1e3, mb / started.elapsed().as_secs_f64());

    // A 10 MB search-set Bundle of BeVaccination resources.
    let entry = std::fs::read_to_string(
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/fixtures/fhir/vaccination/hl7be-vaccination-Immunization-vaccinnet-1.json"),
    )
    .unwrap_or_default();
    let mut bundle = String::from(r#"{"resourceType":"Bundle","type":"searchset","entry":["#);
    let mut n = 0;
    while bundle.len() < 10_000_000 {
        if n > 0 {
            bundle.push(',');
        }
        bundle.push_str(r#"{"resource":"#);
        bundle.push_str(&entry);
        bundle.push('}');
        n += 1;
    }
    bundle.push_str("]}");
    let before = peak_rss_kb();
    let started = Instant::now();
    let mut items = Vec::new();
    if let Ok(json) = serde_json::from_str::<Value>(&bundle) {
        let _ = read_searchset(&json, &mut items);
    }
    let took = started.elapsed();
    let after = peak_rss_kb();
    println!(
        "10 MB bundle ({n} entries, {:.1} MB): read in {:.0} ms ({:.1} MB/s), {} items; peak RSS {} MB -> {} MB",
        bundle.len() as f64 / 1e6,
        ms(took),
        bundle.len() as f64 / 1e6 / took.as_secs_f64(),
        items.len(),
        before / 1024,
        after / 1024
    );
}

fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

fn median(values: &mut [Duration]) -> Duration {
    values.sort();
    values.get(values.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
