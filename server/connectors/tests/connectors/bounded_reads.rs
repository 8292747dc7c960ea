//! A source that sends far too much: 100 MB, or ten million elements. Its part of the
//! answer is "could not be read", the other sources answer, and the process's memory stays
//! bounded (its own test binary, so the peak it reads is this test's alone).

use std::sync::Arc;
use std::time::Duration;

use carnet_connectors::fhir::{FhirClient, FhirSettings};
use carnet_connectors::kmehr::hub::Sender;
use carnet_connectors::kmehr::hub::{HUB_SCOPES, HubClient, HubSettings};
use carnet_connectors::sources::CachePolicy;
use carnet_connectors::{Connector, Metrics, Sources};
use carnet_core::document::Documents;
use carnet_core::policy::{Read, Scope, decide};
use carnet_core::source_answer::SourceFailure;
use carnet_core::{Principal, Role, Ssin};
use carnet_demo_hubs::{DemoHubs, Fault, Faults};

/// Peak resident memory of this process so far, in MB (Linux).
fn peak_rss_mb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        .map(|kb| kb / 1024)
        .unwrap_or(0)
}

async fn listen(hubs: &DemoHubs, id: &'static str) -> std::net::SocketAddr {
    let Ok(listener) = tokio::net::TcpListener::bind("127.0.0.1:0").await else { panic!("bind") };
    let Ok(address) = listener.local_addr() else { panic!("address") };
    let serving = hubs.clone();
    tokio::spawn(async move { serving.serve_source(id, listener).await });
    address
}

#[tokio::test]
async fn an_oversized_answer_fails_alone_and_memory_stays_bounded() {
    let Ok(hubs) = DemoHubs::new(Faults::default()) else { panic!("demo data") };
    let metrics = Arc::new(Metrics::default());
    let timeout = Duration::from_secs(30);
    let mut connectors: Vec<Arc<dyn Connector>> = Vec::new();
    for id in ["vitalink", "brusafe"] {
        let address = listen(&hubs, id).await;
        let settings = FhirSettings {
            id: id.into(),
            name: id.into(),
            base_url: format!("http://{address}/{id}/fhir"),
            timeout,
            retries: 0,
            bearer_token: None,
            serves: vec![Scope::Documents],
        };
        let Ok(client) = FhirClient::new(settings, metrics.clone()) else { panic!("client") };
        connectors.push(Arc::new(client));
    }
    for id in ["rsw", "cozo"] {
        let address = listen(&hubs, id).await;
        let settings = HubSettings {
            id: id.into(),
            name: id.into(),
            endpoint: format!("http://{address}/{id}/hubservices"),
            timeout,
            retries: 0,
            bearer_token: None,
            serves: HUB_SCOPES.to_vec(),
            sender: Sender { application_id: "71000000001".into(), application_name: "Carnet".into() },
        };
        let Ok(client) = HubClient::new(settings, metrics.clone()) else { panic!("client") };
        connectors.push(Arc::new(client));
    }
    let cache = CachePolicy { fresh: Duration::ZERO, keep: Duration::ZERO, capacity: 10 };
    let Ok(sources) = Sources::new(connectors, cache, metrics) else { panic!("sources") };
    let Ok(sofie) = Ssin::parse("85041212468") else { panic!() };
    let person = Principal::for_tests(sofie.clone(), "Test", vec![Role::Citizen]);
    let Ok(proof) = decide::<Read<Documents>>(
        &person,
        &sofie,
        &carnet_core::policy::Grants::none(carnet_core::date::Day { year: 2026, month: 1, day: 1 }, 0),
    ) else {
        panic!("self")
    };

    let _ = sources.read(&proof).await;
    let before = peak_rss_mb();
    let cases = [
        ("vitalink", Fault { huge_mb: 100, ..Fault::default() }),
        ("rsw", Fault { huge_mb: 100, ..Fault::default() }),
        ("brusafe", Fault { many_elements: 10_000_000, ..Fault::default() }),
        ("cozo", Fault { many_elements: 10_000_000, ..Fault::default() }),
    ];
    for (faulty, fault) in cases {
        hubs.faults.set(faulty, fault.clone());
        let answers = sources.read(&proof).await;
        hubs.faults.set(faulty, Fault::default());
        for answer in &answers {
            if answer.source_id == faulty {
                assert_eq!(
                    answer.result.as_ref().err(),
                    Some(&SourceFailure::Malformed),
                    "{faulty} ({fault:?}): could not be read"
                );
            } else {
                assert!(
                    answer.result.is_ok(),
                    "{} must still answer while {faulty} floods: {:?}",
                    answer.source_id,
                    answer.result
                );
            }
        }
    }
    let after = peak_rss_mb();
    println!("peak RSS: {before} MB before the floods, {after} MB after (100 MB and 10 million elements, twice each)");
    // Bounded by the 16 MiB cap (and a copy), not by what was sent.
    assert!(after < before + 80, "peak RSS grew from {before} MB to {after} MB");
}
