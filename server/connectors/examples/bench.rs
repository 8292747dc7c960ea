//! Connector benchmarks; prints figures, asserts nothing (machines are noisy).
//!
//!     cargo run --release -p carnet-connectors --example bench
//!
//! 1. Fan-out for one dashboard over all five demo sources (two FHIR vaults, three KMEHR
//!    hubs, each on a loopback port of its own): when every source answers at once, then
//!    with one hub slowed by 2 s: how long the four fast sources take to have all answered
//!    in each case (median of N rounds), and the ratio (target <= 1.1).
//! 2. Parse throughput of the FHIR fixtures and of the KMEHR fixtures (MB/s), and time and
//!    peak memory to read a 10 MB search-set Bundle.

use std::sync::Arc;
use std::time::{Duration, Instant};

use carnet_connectors::fhir::client::read_searchset;
use carnet_connectors::fhir::resource::read_resource;
use carnet_connectors::fhir::{FhirClient, FhirSettings};
use carnet_connectors::kmehr::hub::Sender;
use carnet_connectors::kmehr::hub::{HUB_SCOPES, HubClient, HubSettings};
use carnet_connectors::kmehr::message::read_message;
use carnet_connectors::{Connector, Metrics, Registry};
use carnet_core::document::Documents;
use carnet_core::kind::Scope;
use carnet_core::policy::{Read, decide};
use carnet_core::{Principal, Role, Ssin};
use carnet_demo_hubs::{DemoHubs, Fault, Faults, Protocol, SOURCES};
use serde_json::Value;

#[path = "../tests/connectors/support.rs"]
mod support;

const ROUNDS: usize = 30;
const SLOW: &str = "cozo";

#[tokio::main]
async fn main() {
    fan_out().await;
    parse_throughput();
}

async fn fan_out() {
    let hubs = match DemoHubs::new(Faults::default()) {
        Ok(h) => h,
        Err(e) => return eprintln!("demo data: {e}"),
    };
    let metrics = Arc::new(Metrics::default());
    let mut connectors: Vec<Arc<dyn Connector>> = Vec::new();
    for (id, name, protocol) in SOURCES {
        let Ok(listener) = tokio::net::TcpListener::bind("127.0.0.1:0").await else {
            return eprintln!("cannot listen");
        };
        let Ok(address) = listener.local_addr() else { return };
        let serving = hubs.clone();
        tokio::spawn(async move { serving.serve_source(id, listener).await });
        let timeout = Duration::from_secs(10);
        let connector: Option<Arc<dyn Connector>> = match protocol {
            Protocol::Fhir => FhirClient::new(
                FhirSettings {
                    id: id.into(),
                    name: name.into(),
                    base_url: format!("http://{address}/{id}/fhir"),
                    timeout,
                    retries: 0,
                    bearer_token: None,
                    serves: vec![Scope::Documents],
                },
                metrics.clone(),
            )
            .ok()
            .map(|c| Arc::new(c) as Arc<dyn Connector>),
            Protocol::Kmehr => HubClient::new(
                HubSettings {
                    id: id.into(),
                    name: name.into(),
                    endpoint: format!("http://{address}/{id}/hubservices"),
                    timeout,
                    retries: 0,
                    bearer_token: None,
                    serves: HUB_SCOPES.to_vec(),
                    sender: Sender { application_id: "71000000001".into(), application_name: "Carnet".into() },
                },
                metrics.clone(),
            )
            .ok()
            .map(|c| Arc::new(c) as Arc<dyn Connector>),
            // Holds no record data.
            Protocol::Register => None,
        };
        connectors.extend(connector);
    }
    let Ok(ssin) = Ssin::parse("85041212468") else { return };
    let principal = Principal::for_tests(ssin.clone(), "Bench", vec![Role::Citizen]);
    let Ok(proof) = decide::<Read<Documents>>(
        &principal,
        &ssin,
        &carnet_core::policy::Grants::none(carnet_core::date::Day { year: 2026, month: 1, day: 1 }, 0),
    ) else {
        return;
    };
    let mut registry = Registry::default();
    for connector in &connectors {
        if connector.clone().register(&mut registry).is_err() {
            return;
        }
    }
    let readers = registry.readers::<Documents>();

    // Each round: the document lists of all sources at once; when each one has answered.
    let round = || async {
        let started = Instant::now();
        futures::future::join_all(readers.iter().map(|c| async {
            let ok = c.read(&proof).await.is_ok();
            (c.id().to_owned(), started.elapsed(), ok)
        }))
        .await
    };
    for _ in 0..3 {
        round().await; // warm-up: connections, caches
    }
    let fast_done = |answers: &[(String, Duration, bool)]| {
        answers.iter().filter(|(id, _, _)| id != SLOW).map(|(_, t, _)| *t).max().unwrap_or_default()
    };
    let mut fast_no_fault = Vec::new();
    let mut all_no_fault = Vec::new();
    let mut failures = 0;
    for _ in 0..ROUNDS {
        let answers = round().await;
        failures += answers.iter().filter(|(_, _, ok)| !ok).count();
        fast_no_fault.push(fast_done(&answers));
        all_no_fault.push(answers.iter().map(|(_, t, _)| *t).max().unwrap_or_default());
    }
    // The same, with the machine idle 2 s between rounds as it is while the slow source
    // is awaited: a sub-millisecond base is sensitive to that alone (caches, CPU clocks).
    let mut fast_paused = Vec::new();
    for _ in 0..ROUNDS / 3 {
        tokio::time::sleep(Duration::from_secs(2)).await;
        let answers = round().await;
        fast_paused.push(fast_done(&answers));
    }
    hubs.faults.set(SLOW, Fault { latency_ms: 2000, ..Default::default() });
    let mut fast_slow = Vec::new();
    let mut all_slow = Vec::new();
    for _ in 0..ROUNDS / 3 {
        let answers = round().await;
        failures += answers.iter().filter(|(_, _, ok)| !ok).count();
        fast_slow.push(fast_done(&answers));
        all_slow.push(answers.iter().map(|(_, t, _)| *t).max().unwrap_or_default());
    }
    let a = median(&mut fast_no_fault);
    let b = median(&mut fast_slow);
    let c = median(&mut fast_paused);
    println!(
        "fan-out over {} sources, documents of one person ({ROUNDS} rounds without fault, {} with; {failures} failed calls):",
        connectors.len(),
        ROUNDS / 3
    );
    println!("  all answers, no fault:               median {:>8.2} ms", ms(median(&mut all_no_fault)));
    println!("  all answers, {SLOW} +2 s:               median {:>8.2} ms", ms(median(&mut all_slow)));
    println!("  the 4 fast sources, no fault:        median {:>8.2} ms", ms(a));
    println!("  the 4 fast sources, {SLOW} +2 s:        median {:>8.2} ms", ms(b));
    println!("  the 4 fast sources, no fault, idle 2 s between rounds: median {:>8.2} ms", ms(c));
    println!(
        "  ratio fast-with-slow / no-fault:     {:.2} (target <= 1.1)",
        b.as_secs_f64() / a.as_secs_f64().max(1e-9)
    );
    println!(
        "  ratio fast-with-slow / no-fault with the same idle gaps: {:.2}",
        b.as_secs_f64() / c.as_secs_f64().max(1e-9)
    );
}

/// Every fixture file under `dir` with this extension, as bytes.
fn fixture_files(dir: &str, extension: &str) -> Vec<Vec<u8>> {
    support::fixture_files(dir, extension).iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// Reads every file again and again for two seconds; MB/s.
fn throughput(files: &[Vec<u8>], read: impl Fn(&[u8])) -> (usize, f64) {
    let total: usize = files.iter().map(Vec::len).sum();
    let started = Instant::now();
    let mut rounds = 0;
    while started.elapsed() < Duration::from_secs(2) {
        for bytes in files {
            read(bytes);
        }
        rounds += 1;
    }
    (total, (total * rounds) as f64 / 1e6 / started.elapsed().as_secs_f64())
}

fn parse_throughput() {
    let fhir = fixture_files("fhir", "json");
    let (total, rate) = throughput(&fhir, |bytes| {
        if let Ok(json) = serde_json::from_slice::<Value>(bytes) {
            let _ = read_resource(&json);
        }
    });
    println!("FHIR fixtures: {} files, {:.1} KB: {rate:.1} MB/s", fhir.len(), total as f64 / 1e3);
    let kmehr = fixture_files("kmehr", "xml");
    let (total, rate) = throughput(&kmehr, |bytes| {
        if let Ok(text) = std::str::from_utf8(bytes) {
            let _ = read_message(text);
        }
    });
    println!("KMEHR fixtures: {} files, {:.1} KB: {rate:.1} MB/s", kmehr.len(), total as f64 / 1e3);

    // A 10 MB search-set Bundle of BeVaccination resources.
    let entry = std::fs::read_to_string(
        support::fixtures_root().join("fhir/vaccination/hl7be-vaccination-Immunization-vaccinnet-1.json"),
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
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn median(values: &mut [Duration]) -> Duration {
    values.sort();
    values.get(values.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
