//! The connectors against the running demo hubs (in-process, every source on a loopback
//! port of its own): every kind of data from every source that serves it, one test per
//! fault kind, stale answers with their age, writes that round-trip, and every hub
//! services message exchanged validated against the eHealth XSDs.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use carnet_connectors::fhir::{FhirClient, FhirSettings};
use carnet_connectors::kmehr::hub::Sender;
use carnet_connectors::kmehr::hub::{HUB_SCOPES, HubClient, HubSettings};
use carnet_connectors::sources::CachePolicy;
use carnet_connectors::{Connector, Metrics, Sources};
use carnet_core::Ssin;
use carnet_core::access_event::AccessEvents;
use carnet_core::allergy::Allergies;
use carnet_core::consent::{ConsentChange, ConsentState, Consents};
use carnet_core::date::Day;
use carnet_core::document::Documents;
use carnet_core::exclusion::{ExclusionChange, Exclusions};
use carnet_core::item::Item;
use carnet_core::kind::{Changeable, Kind};
use carnet_core::medication::Medications;
use carnet_core::policy::{Authorized, Change, Read, Scope, own_proof_for_tests};
use carnet_core::relationship::{RelationshipChange, Relationships};
use carnet_core::source_answer::SourceFailure;
use carnet_core::sumehr::SumEhrs;
use carnet_core::vaccination::Vaccinations;
use carnet_core::vaccination::schedule::{BASIC_SCHEDULE_TOML, DoseState, Schedule};
use carnet_demo_hubs::{DemoHubs, Fault, Faults, Protocol, SOURCES};

use crate::support;

const SOFIE: &str = "85041212468";
const JONAS: &str = "99092109559";
const LOTTE: &str = "92013014620";
const FHIR_SCOPES: [Scope; 5] =
    [Scope::Vaccinations, Scope::Medication, Scope::Allergies, Scope::Documents, Scope::AccessEvents];

struct Setup {
    hubs: DemoHubs,
    sources: Sources,
}

async fn setup(timeout_ms: u64, retries: u32, cache: CachePolicy) -> Setup {
    let hubs = match DemoHubs::new(Faults::default()) {
        Ok(h) => h,
        Err(e) => panic!("demo data: {e}"),
    };
    let metrics = Arc::new(Metrics::default());
    let mut connectors: Vec<Arc<dyn Connector>> = Vec::new();
    for (id, name, protocol) in SOURCES {
        let Ok(listener) = tokio::net::TcpListener::bind("127.0.0.1:0").await else { panic!("bind") };
        let Ok(address) = listener.local_addr() else { panic!("address") };
        let serving = hubs.clone();
        tokio::spawn(async move { serving.serve_source(id, listener).await });
        let timeout = Duration::from_millis(timeout_ms);
        let connector: Arc<dyn Connector> = match protocol {
            // Not a source of record data (its own test is below).
            Protocol::Register => continue,
            Protocol::Fhir => {
                let settings = FhirSettings {
                    id: id.into(),
                    name: name.into(),
                    base_url: format!("http://{address}/{id}/fhir"),
                    timeout,
                    retries,
                    bearer_token: None,
                    serves: FHIR_SCOPES.to_vec(),
                };
                match FhirClient::new(settings, metrics.clone()) {
                    Ok(c) => Arc::new(c),
                    Err(e) => panic!("{e}"),
                }
            }
            Protocol::Kmehr => {
                let settings = HubSettings {
                    id: id.into(),
                    name: name.into(),
                    endpoint: format!("http://{address}/{id}/hubservices"),
                    timeout,
                    retries,
                    bearer_token: None,
                    serves: HUB_SCOPES.to_vec(),
                    sender: Sender { application_id: "71000000001".into(), application_name: "Carnet".into() },
                };
                match HubClient::new(settings, metrics.clone()) {
                    Ok(c) => Arc::new(c),
                    Err(e) => panic!("{e}"),
                }
            }
        };
        connectors.push(connector);
    }
    Setup { hubs, sources: Sources::new(connectors, cache, metrics).unwrap_or_else(|e| panic!("{e}")) }
}

fn no_cache() -> CachePolicy {
    CachePolicy { fresh: Duration::ZERO, keep: Duration::ZERO, capacity: 100 }
}

fn read<K: Kind>(ssin: &str) -> Authorized<Read<K>> {
    own_proof_for_tests(ssin)
}

fn change<K: Changeable>(ssin: &str) -> Authorized<Change<K>> {
    own_proof_for_tests(ssin)
}

/// source name → (items read, unreadable items) or the failure.
fn summary<T>(
    answers: &[carnet_core::source_answer::SourceAnswer<Vec<Item<T>>>],
) -> HashMap<String, Result<(usize, usize), SourceFailure>> {
    answers
        .iter()
        .map(|a| {
            let counted = a.result.as_ref().map(|items| {
                let unreadable = items.iter().filter(|i| i.is_unreadable()).count();
                (items.len() - unreadable, unreadable)
            });
            (a.source_name.clone(), counted.map_err(|f| *f))
        })
        .collect()
}

#[tokio::test]
async fn every_kind_is_read_from_every_source_that_serves_it() {
    let s = setup(5000, 0, no_cache()).await;
    let documents = summary(&s.sources.read(&read::<Documents>(SOFIE)).await);
    assert_eq!(documents.len(), 5, "{documents:?}");
    for (source, result) in &documents {
        let Ok((read, unreadable)) = result else { panic!("{source}: {result:?}") };
        assert!(*read >= 1, "Sofie has documents at {source}: {documents:?}");
        assert_eq!(*unreadable, 0, "{source}");
    }
    let medication = summary(&s.sources.read(&read::<Medications>(SOFIE)).await);
    assert!(matches!(medication.get("Vitalink"), Some(Ok((n, 0))) if *n >= 3), "{medication:?}");
    let allergies = summary(&s.sources.read(&read::<Allergies>(SOFIE)).await);
    let total: usize = allergies.values().filter_map(|r| r.as_ref().ok()).map(|(n, _)| n).sum();
    assert!(total >= 2, "{allergies:?}");
    let sumehr = s.sources.read(&read::<SumEhrs>(SOFIE)).await;
    let cozo = sumehr.iter().find(|a| a.source_name == "CoZo").and_then(|a| a.result.as_ref().ok());
    let Some([Item::Read(summary_record)]) = cozo.map(Vec::as_slice) else {
        panic!("Sofie has one SumEHR at CoZo: {sumehr:?}")
    };
    assert!(!summary_record.problems.is_empty() || !summary_record.allergies.is_empty(), "{summary_record:?}");
    let consent = s.sources.read(&read::<Consents>(SOFIE)).await;
    assert_eq!(consent.len(), 3);
    for answer in &consent {
        let Ok([Item::Read(record)]) = answer.result.as_deref() else { panic!("{answer:?}") };
        assert_eq!(record.state, ConsentState::Given, "{}", answer.source_name);
    }
    let links = summary(&s.sources.read(&read::<Relationships>(SOFIE)).await);
    assert!(links.values().filter_map(|r| r.as_ref().ok()).map(|(n, _)| n).sum::<usize>() >= 2, "{links:?}");
    let exclusions = s.sources.read(&read::<Exclusions>(SOFIE)).await;
    let at_rsb =
        exclusions.iter().find(|a| a.source_name == "Réseau Santé Bruxellois").and_then(|a| a.result.as_ref().ok());
    assert!(at_rsb.is_some_and(|e| !e.is_empty()), "{exclusions:?}");
    // KMEHR vaccination transactions, read through a hub (Marc's, at Réseau Santé Wallon).
    let vaccinations = summary(&s.sources.read(&read::<Vaccinations>("80090315741")).await);
    assert!(matches!(vaccinations.get("Réseau Santé Wallon"), Some(Ok((n, 0))) if *n >= 1), "{vaccinations:?}");
    let access = summary(&s.sources.read(&read::<AccessEvents>(SOFIE)).await);
    assert!(access.values().filter_map(|r| r.as_ref().ok()).map(|(n, _)| n).sum::<usize>() >= 6, "{access:?}");
}

/// The SSIN goes to a vault in a POST body (FHIR's `[type]/_search`), never in a URL: not
/// in the searches, not in the pages after them (named by an opaque id), not in the reads
/// of care providers and documents.
#[tokio::test]
async fn the_ssin_never_goes_into_a_vaults_url() {
    const HOSTILE: &str = "77070712372";
    let s = setup(5000, 0, no_cache()).await;
    for ssin in [SOFIE, HOSTILE] {
        let _ = s.sources.read(&read::<Vaccinations>(ssin)).await;
        let _ = s.sources.read(&read::<Medications>(ssin)).await;
        let _ = s.sources.read(&read::<Allergies>(ssin)).await;
        let _ = s.sources.read(&read::<AccessEvents>(ssin)).await;
        let documents = s.sources.read(&read::<Documents>(ssin)).await;
        for answer in documents.iter().filter(|a| a.source_id == "vitalink") {
            for entry in answer.result.iter().flatten().filter_map(Item::read) {
                let _ = s.sources.document(&read::<Documents>(ssin), "vitalink", &entry.id).await;
            }
        }
    }
    for source in ["vitalink", "brusafe"] {
        let targets = s.hubs.faults.targets(source);
        assert!(targets.iter().any(|t| t.ends_with("/_search")), "{source} searched by POST: {targets:?}");
        for target in &targets {
            assert!(!target.contains(SOFIE) && !target.contains(HOSTILE), "{source}: an SSIN in {target}");
        }
    }
    // The pages after a POST search: the next link names the search, not the person.
    let Ok(listener) = tokio::net::TcpListener::bind("127.0.0.1:0").await else { panic!("bind") };
    let Ok(address) = listener.local_addr() else { panic!("address") };
    let serving = s.hubs.clone();
    tokio::spawn(async move { serving.serve_source("vitalink", listener).await });
    let base = format!("http://{address}/vitalink/fhir/");
    let http = reqwest::Client::new();
    let identifier = format!("https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin|{HOSTILE}");
    let first: serde_json::Value = http
        .post(format!("{base}Immunization/_search"))
        .form(&[("patient.identifier", identifier.as_str()), ("_count", "2")])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let links = first["link"].as_array().cloned().unwrap_or_default();
    let next = links.iter().find(|l| l["relation"] == "next").and_then(|l| l["url"].as_str()).unwrap_or_default();
    assert!(next.contains("_getpages=") && !next.contains(HOSTILE), "{next}");
    let second = http.get(format!("{base}{next}")).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(second.status().as_u16(), 200);
    let second: serde_json::Value = second.json().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(second["entry"].as_array().map(Vec::len), Some(2), "the second page");
}

/// Where a demo person stands against the basic schedule on a fixed day: every dose's
/// state per disease, from the vaccinations all their sources hold.
async fn schedule_states(s: &Setup, ssin: &str, today: &str) -> HashMap<String, Vec<DoseState>> {
    let schedule: Schedule = toml::from_str(BASIC_SCHEDULE_TOML).unwrap_or_else(|e| panic!("the schedule parses: {e}"));
    let answers = s.sources.read(&read::<Vaccinations>(ssin)).await;
    let Ok(person) = Ssin::parse(ssin) else { panic!("test SSIN") };
    let Some(birth) = person.birth_date().day() else { panic!("a full birth date") };
    let Some(today) = Day::parse(today) else { panic!("a day") };
    let status = schedule.status(birth, today, &answers);
    status.diseases.into_iter().map(|d| (d.id, d.doses.into_iter().map(|d| d.state).collect())).collect()
}

#[tokio::test]
async fn marcs_children_against_the_basic_vaccination_schedule() {
    use DoseState::*;
    let s = setup(5000, 0, no_cache()).await;
    // Lucas, 13: the infant series, the booster at 6 and the first HPV dose are recorded
    // (BruSafe+ and Vitalink together); his second MMR was not given (absent at school).
    let lucas = schedule_states(&s, "13021908747", "2026-11-23").await;
    for disease in ["measles", "mumps", "rubella"] {
        assert_eq!(lucas[disease], [Done, Overdue], "{disease}");
    }
    assert_eq!(lucas["hpv"], [Done, Due]);
    assert_eq!(lucas["polio"], [Done, Done, Done, Done, Done]);
    assert_eq!(lucas["diphtheria"], [Done, Done, Done, Done, Done, Later, Later]);
    assert_eq!(lucas["hepatitis-b"], [Done, Done, Done, Done]);
    assert_eq!(lucas["pneumococcal"], [Done, Done, Done, Later]);
    assert_eq!(lucas["rotavirus"], [Done, Done]);
    assert_eq!(lucas["meningococcal"], [Done, Later]);
    // Nora, 17: all of it, except the adolescent meningococcal dose of 15.
    let nora = schedule_states(&s, "09050706674", "2026-11-23").await;
    let pressing: Vec<_> = nora
        .iter()
        .filter(|(_, states)| states.iter().any(|s| matches!(s, Due | Overdue)))
        .map(|(d, _)| d.as_str())
        .collect();
    assert_eq!(pressing, ["meningococcal"]);
    assert_eq!(nora["tetanus"], [Done, Done, Done, Done, Done, Done, Later]);
    // Emma, 5: the infant series and her booster at 5 are done; the second MMR is due
    // from 2 years (the earliest regional age).
    let emma = schedule_states(&s, "21061521244", "2026-11-23").await;
    assert_eq!(emma["diphtheria"], [Done, Done, Done, Done, Done, Later, Later]);
    assert_eq!(emma["measles"], [Done, Due]);
}

/// A vault that refers to a care provider on the same server instead of containing it:
/// the reference is read, so pages show the name (Sofie's pollen intolerance is recorded
/// by a PractitionerRole, her GP's referral authored by a Practitioner, at Vitalink).
#[tokio::test]
async fn references_to_care_providers_are_read_and_shown_as_names() {
    let s = setup(5000, 0, no_cache()).await;
    let allergies = s.sources.read_from(&read::<Allergies>(SOFIE), Some("vitalink")).await;
    let recorders: Vec<Option<carnet_core::party::Party>> = allergies
        .iter()
        .flat_map(|a| a.result.iter().flatten())
        .filter_map(Item::read)
        .map(|a| a.recorder.clone())
        .collect();
    assert!(
        recorders.contains(&Some(carnet_core::party::Party::Named("Dr. Annelies Peeters".into()))),
        "{recorders:?}"
    );
    assert!(
        recorders.iter().flatten().all(|p| !matches!(p, carnet_core::party::Party::Unresolved(_))),
        "every reference resolved: {recorders:?}"
    );
    let documents = s.sources.read_from(&read::<Documents>(SOFIE), Some("vitalink")).await;
    let authors: Vec<String> = documents
        .iter()
        .flat_map(|a| a.result.iter().flatten())
        .filter_map(Item::read)
        .filter_map(|d| d.author.clone())
        .map(|p| format!("{p:?}"))
        .collect();
    assert!(authors.iter().any(|a| a.contains("Dr. Annelies Peeters")), "{authors:?}");
    assert!(authors.iter().all(|a| !a.contains("Practitioner/")), "{authors:?}");
}

#[tokio::test]
async fn someone_with_almost_no_data_gets_empty_answers_not_errors() {
    let s = setup(5000, 0, no_cache()).await;
    for answer in s.sources.read(&read::<Documents>(LOTTE)).await {
        assert_eq!(answer.result.as_ref().map(Vec::len), Ok(0), "{}", answer.source_name);
    }
    let consent = s.sources.read(&read::<Consents>(LOTTE)).await;
    let rsb = consent.iter().find(|a| a.source_name == "Réseau Santé Bruxellois");
    assert!(
        matches!(rsb.map(|a| a.result.as_deref()), Some(Ok([Item::Read(r)])) if r.state == ConsentState::None),
        "{consent:?}"
    );
}

#[tokio::test]
async fn malformed_items_are_unreadable_and_the_rest_is_shown() {
    let s = setup(5000, 0, no_cache()).await;
    let medication = summary(&s.sources.read(&read::<Medications>(JONAS)).await);
    assert!(
        medication.values().any(|r| matches!(r, Ok((read, unreadable)) if *read >= 1 && *unreadable >= 1)),
        "{medication:?}"
    );
    let allergies = summary(&s.sources.read(&read::<Allergies>(JONAS)).await);
    assert!(allergies.values().any(|r| matches!(r, Ok((_, u)) if *u >= 1)), "{allergies:?}");
}

/// Sets a fault on one source, reads documents, and returns the per-source summary and
/// the number of calls the faulty source received.
async fn documents_with_fault(
    s: &Setup,
    source: &str,
    fault: Fault,
) -> (HashMap<String, Result<(usize, usize), SourceFailure>>, u64) {
    let before = s.hubs.faults.calls(source);
    s.hubs.faults.set(source, fault);
    let answers = summary(&s.sources.read(&read::<Documents>(SOFIE)).await);
    let calls = s.hubs.faults.calls(source) - before;
    s.hubs.faults.set(source, Fault::default());
    (answers, calls)
}

fn others_answered(answers: &HashMap<String, Result<(usize, usize), SourceFailure>>, failed: &str) {
    for (name, result) in answers {
        if name != failed {
            assert!(result.is_ok(), "{name} must still answer when {failed} fails: {answers:?}");
        }
    }
}

#[tokio::test]
async fn a_source_that_errors_fails_alone_after_its_retry_budget() {
    let s = setup(5000, 2, no_cache()).await;
    for (id, name) in [("vitalink", "Vitalink"), ("cozo", "CoZo")] {
        let (answers, calls) = documents_with_fault(&s, id, Fault { error_rate: 1.0, ..Fault::default() }).await;
        assert_eq!(answers.get(name), Some(&Err(SourceFailure::Error)), "{answers:?}");
        assert_eq!(calls, 3, "{id}: one call and two retries, then it stops");
        others_answered(&answers, name);
    }
}

#[tokio::test]
async fn a_source_that_hangs_times_out_and_delays_nobody_else() {
    let s = setup(700, 1, no_cache()).await;
    for (id, name) in [("brusafe", "BruSafe+"), ("rsw", "Réseau Santé Wallon")] {
        let started = std::time::Instant::now();
        let (answers, calls) = documents_with_fault(&s, id, Fault { hang: true, ..Fault::default() }).await;
        assert_eq!(answers.get(name), Some(&Err(SourceFailure::Timeout)), "{answers:?}");
        assert_eq!(calls, 1, "a timeout is not retried: the deadline is spent");
        assert!(started.elapsed() < Duration::from_secs(5));
        others_answered(&answers, name);
    }
}

#[tokio::test]
async fn added_latency_within_the_deadline_still_answers() {
    let s = setup(3000, 0, no_cache()).await;
    let (answers, _) =
        documents_with_fault(&s, "rsb", Fault { latency_ms: 200, jitter_ms: 100, ..Fault::default() }).await;
    assert!(matches!(answers.get("Réseau Santé Bruxellois"), Some(Ok((n, 0))) if *n >= 1), "{answers:?}");
}

#[tokio::test]
async fn a_malformed_answer_is_reported_as_such() {
    let s = setup(5000, 2, no_cache()).await;
    for (id, name) in [("vitalink", "Vitalink"), ("rsb", "Réseau Santé Bruxellois")] {
        let (answers, calls) = documents_with_fault(&s, id, Fault { malformed: true, ..Fault::default() }).await;
        assert_eq!(answers.get(name), Some(&Err(SourceFailure::Malformed)), "{answers:?}");
        assert_eq!(calls, 1, "a malformed answer is not retried");
        others_answered(&answers, name);
    }
}

#[tokio::test]
async fn a_source_that_is_down_refuses_connections_and_comes_back() {
    let s = setup(2000, 1, no_cache()).await;
    for (id, name) in [("brusafe", "BruSafe+"), ("cozo", "CoZo")] {
        s.hubs.faults.set(id, Fault { down: true, ..Fault::default() });
        // Give the listener a moment to close.
        tokio::time::sleep(Duration::from_millis(200)).await;
        let before = s.hubs.faults.calls(id);
        let answers = summary(&s.sources.read(&read::<Documents>(SOFIE)).await);
        assert_eq!(answers.get(name), Some(&Err(SourceFailure::Unreachable)), "{answers:?}");
        assert_eq!(s.hubs.faults.calls(id), before, "nothing reached a source that is down");
        others_answered(&answers, name);
        s.hubs.faults.set(id, Fault::default());
        let mut back = false;
        for _ in 0..50 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let answers = summary(&s.sources.read(&read::<Documents>(SOFIE)).await);
            if answers.get(name).is_some_and(|r| r.is_ok()) {
                back = true;
                break;
            }
        }
        assert!(back, "{id} answers again once it is up");
    }
}

#[tokio::test]
async fn a_failing_source_is_replaced_by_its_last_answer_with_its_age() {
    let cache = CachePolicy { fresh: Duration::ZERO, keep: Duration::from_secs(3600), capacity: 100 };
    let s = setup(3000, 0, cache).await;
    let first = s.sources.read(&read::<Documents>(SOFIE)).await;
    assert!(first.iter().all(|a| a.stale.is_none() && a.result.is_ok()));
    s.hubs.faults.set("rsw", Fault { error_rate: 1.0, ..Fault::default() });
    let second = s.sources.read(&read::<Documents>(SOFIE)).await;
    let Some(rsw) = second.iter().find(|a| a.source_name == "Réseau Santé Wallon") else { panic!("rsw") };
    let Some(stale) = rsw.stale else { panic!("a stale answer must say so: {rsw:?}") };
    assert_eq!(stale.failure, SourceFailure::Error);
    assert_eq!(stale.age_minutes, 0);
    let first_rsw = first.iter().find(|a| a.source_name == "Réseau Santé Wallon").map(|a| &a.result);
    assert_eq!(Some(&rsw.result), first_rsw, "the last good answer stands in");
    assert!(second.iter().filter(|a| a.source_name != "Réseau Santé Wallon").all(|a| a.stale.is_none()));
}

#[tokio::test]
async fn consent_relationships_and_exclusions_round_trip_through_a_hub() {
    let s =
        setup(5000, 1, CachePolicy { fresh: Duration::from_secs(60), keep: Duration::from_secs(3600), capacity: 100 })
            .await;
    let consent_state =
        |answers: Vec<carnet_core::source_answer::SourceAnswer<Vec<Item<carnet_core::consent::ConsentRecord>>>>| {
            answers
                .into_iter()
                .find(|a| a.source_name == "Réseau Santé Wallon")
                .and_then(|a| a.result.ok())
                .and_then(|items| items.into_iter().next())
                .and_then(|i| i.read().map(|r| r.state.clone()))
        };
    assert_eq!(consent_state(s.sources.read(&read::<Consents>(SOFIE)).await), Some(ConsentState::Given));
    let proof = change::<Consents>(SOFIE);
    let revoked = s.sources.change(&proof, "rsw", &ConsentChange::Revoke).await;
    assert!(revoked.is_ok(), "{revoked:?}");
    let state = s.hubs.hub("rsw").and_then(|h| h.patient_state(SOFIE)).and_then(|p| p.consent);
    assert!(state.is_some_and(|c| c.revokedate.is_some()), "the hub recorded the revocation");
    // The cached answer was dropped: the next read shows the change.
    assert_eq!(consent_state(s.sources.read(&read::<Consents>(SOFIE)).await), Some(ConsentState::Revoked));
    assert!(s.sources.change(&proof, "rsw", &ConsentChange::Give).await.is_ok());
    assert_eq!(consent_state(s.sources.read(&read::<Consents>(SOFIE)).await), Some(ConsentState::Given));

    // A therapeutic relationship ends.
    let links = s.sources.read(&read::<Relationships>(SOFIE)).await;
    let open = links
        .iter()
        .filter_map(|a| Some((a.source_name.clone(), a.result.as_ref().ok()?.clone())))
        .flat_map(|(name, items)| items.into_iter().filter_map(move |i| Some((name.clone(), i.read()?.clone()))))
        .find(|(_, link)| link.end.is_none());
    let Some((source_name, link)) = open else { panic!("Sofie has an open relationship: {links:?}") };
    let source = SOURCES.iter().find(|(_, n, _)| *n == source_name).map(|(id, _, _)| *id).unwrap_or("");
    let Some(nihdi) = link.id.clone() else { panic!("a link has its professional's number") };
    let ended = s
        .sources
        .change(&change::<Relationships>(SOFIE), source, &RelationshipChange::End { nihdi: nihdi.clone() })
        .await;
    assert!(ended.is_ok(), "{ended:?}");
    let after = s.sources.read(&read::<Relationships>(SOFIE)).await;
    let still_open = after
        .iter()
        .filter(|a| a.source_name == source_name)
        .filter_map(|a| a.result.as_ref().ok())
        .flatten()
        .filter_map(Item::read)
        .any(|l| l.id.as_deref() == Some(nihdi.as_str()) && l.end.is_none());
    assert!(!still_open, "the relationship has ended");

    // An exclusion is added, then lifted.
    let excluded = "19876543004";
    let exclusions_at = |answers: Vec<
        carnet_core::source_answer::SourceAnswer<Vec<Item<carnet_core::exclusion::Exclusion>>>,
    >|
     -> Vec<String> {
        answers
            .into_iter()
            .filter(|a| a.source_name == "CoZo")
            .filter_map(|a| a.result.ok())
            .flatten()
            .filter_map(|i| i.read().and_then(|e| e.id.clone()))
            .collect()
    };
    let proof = change::<Exclusions>(SOFIE);
    assert!(s.sources.change(&proof, "cozo", &ExclusionChange::Add { nihdi: excluded.into() }).await.is_ok());
    assert!(exclusions_at(s.sources.read(&read::<Exclusions>(SOFIE)).await).contains(&excluded.to_owned()));
    assert!(s.sources.change(&proof, "cozo", &ExclusionChange::Lift { nihdi: excluded.into() }).await.is_ok());
    assert!(!exclusions_at(s.sources.read(&read::<Exclusions>(SOFIE)).await).contains(&excluded.to_owned()));
}

#[tokio::test]
async fn writes_are_never_retried_and_need_a_change_proof() {
    let s = setup(5000, 3, no_cache()).await;
    s.hubs.faults.set("rsb", Fault { error_rate: 1.0, ..Fault::default() });
    let before = s.hubs.faults.calls("rsb");
    let result = s.sources.change(&change::<Consents>(SOFIE), "rsb", &ConsentChange::Revoke).await;
    assert!(result.is_err());
    assert_eq!(s.hubs.faults.calls("rsb") - before, 1, "one attempt, no blind retry");
    s.hubs.faults.set("rsb", Fault::default());
    // A read proof does not allow a change: `s.sources.change(&read::<Consents>(..), ..)`
    // does not compile (see the `compile_fail` example on `Authorized`).
    let state = s.hubs.hub("rsb").and_then(|h| h.patient_state(SOFIE)).and_then(|p| p.consent);
    assert!(state.is_some_and(|c| c.revokedate.is_none()), "nothing changed");
}

#[tokio::test]
async fn documents_are_served_through_the_connector_pdf_or_structured() {
    let s = setup(5000, 0, no_cache()).await;
    let proof = read::<Documents>(SOFIE);
    let answers = s.sources.read(&proof).await;
    let mut pdfs = 0;
    for (id, name, _) in SOURCES {
        let Some(answer) = answers.iter().find(|a| a.source_name == name) else { continue };
        let Ok(items) = &answer.result else { continue };
        for entry in items.iter().filter_map(Item::read) {
            let content = match s.sources.document(&proof, id, &entry.id).await {
                Ok(c) => c,
                Err(e) => panic!("{id} {}: {e}", entry.id),
            };
            if content.media_type == "application/pdf" {
                assert!(content.bytes.starts_with(b"%PDF-"), "{id} {}", entry.id);
                pdfs += 1;
            } else {
                assert_eq!(content.media_type, "application/kmehr+xml", "{id} {}", entry.id);
                let Ok(text) = std::str::from_utf8(&content.bytes) else { panic!("KMEHR is text") };
                assert!(roxmltree::Document::parse(text).is_ok(), "a structured document is a standalone XML document");
            }
        }
    }
    assert!(pdfs >= 3, "Sofie has PDF documents at several sources");
    // An id that is not hers is not found.
    assert!(s.sources.document(&proof, "rsw", "rsw~not-a-document").await.is_err());
    assert!(s.sources.document(&proof, "vitalink", "../Binary/x").await.is_err());
}

#[tokio::test]
async fn one_sources_document_list_asks_only_that_source() {
    let s = setup(5000, 0, no_cache()).await;
    let proof = read::<Documents>(SOFIE);
    let before: Vec<u64> = SOURCES.iter().map(|(id, _, _)| s.hubs.faults.calls(id)).collect();
    let answers = s.sources.read_from(&proof, Some("cozo")).await;
    assert_eq!(answers.iter().map(|a| a.source_id.as_str()).collect::<Vec<_>>(), vec!["cozo"]);
    assert!(answers.first().is_some_and(|a| a.result.as_ref().is_ok_and(|items| !items.is_empty())));
    for ((id, _, _), before) in SOURCES.iter().zip(before) {
        let asked = s.hubs.faults.calls(id) - before;
        if *id == "cozo" {
            assert!(asked >= 1, "cozo was asked");
        } else {
            assert_eq!(asked, 0, "{id} was not asked");
        }
    }
}

/// Every hub services request the connector sent and every answer the demo hubs gave
/// validates against `hubservices_protocol-3_5.xsd` (which imports KMEHR 1.26), checked
/// with `xmllint`. Jonas's data is malformed on purpose and is left out.
#[tokio::test]
async fn every_message_exchanged_validates_against_the_hub_services_xsd() {
    let s = setup(5000, 0, no_cache()).await;
    // Exercise every operation.
    for ssin in [SOFIE, LOTTE, "41022703827", "80090315741"] {
        let _ = s.sources.read(&read::<Documents>(ssin)).await;
        let _ = s.sources.read(&read::<SumEhrs>(ssin)).await;
        let _ = s.sources.read(&read::<Medications>(ssin)).await;
        let _ = s.sources.read(&read::<Vaccinations>(ssin)).await;
        let _ = s.sources.read(&read::<Allergies>(ssin)).await;
        let _ = s.sources.read(&read::<Consents>(ssin)).await;
        let _ = s.sources.read(&read::<Relationships>(ssin)).await;
        let _ = s.sources.read(&read::<Exclusions>(ssin)).await;
        let _ = s.sources.read(&read::<AccessEvents>(ssin)).await;
    }
    let _ = s.sources.change(&change::<Consents>(SOFIE), "rsw", &ConsentChange::Revoke).await;
    let _ = s.sources.change(&change::<Consents>(SOFIE), "rsw", &ConsentChange::Give).await;
    let _ = s
        .sources
        .change(&change::<Exclusions>(SOFIE), "cozo", &ExclusionChange::Add { nihdi: "19876543004".into() })
        .await;
    let _ = s
        .sources
        .change(&change::<Exclusions>(SOFIE), "cozo", &ExclusionChange::Lift { nihdi: "19876543004".into() })
        .await;
    let _ = s.sources.change(&change::<Consents>(SOFIE), "rsw", &ConsentChange::Revoke).await;

    let dir = std::env::temp_dir().join(format!("carnet-xsd-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let mut files = Vec::new();
    let mut operations = std::collections::BTreeSet::new();
    for (id, _, protocol) in SOURCES {
        if protocol != Protocol::Kmehr {
            continue;
        }
        let Some(hub) = s.hubs.hub(id) else { panic!("{id}") };
        for (n, (request, response)) in hub.exchanged().into_iter().enumerate() {
            if request.contains(JONAS) {
                continue;
            }
            for (kind, message) in [("request", request), ("response", response)] {
                let Some((name, body)) = body_element(&message) else {
                    panic!("{id} {kind} {n}: no SOAP body: {message}")
                };
                operations.insert(name);
                let path = dir.join(format!("{id}-{n}-{kind}.xml"));
                if let Err(e) = std::fs::write(&path, body) {
                    panic!("{e}");
                }
                files.push(path);
            }
        }
    }
    for expected in [
        "GetTransactionListRequest",
        "GetTransactionListResponse",
        "GetTransactionResponse",
        "GetPatientConsentResponse",
        "PutPatientConsentRequest",
        "RevokePatientConsentRequest",
        "GetTherapeuticLinkResponse",
        "GetHCPartyResponse",
        "GetAccessRightResponse",
        "PutAccessRightRequest",
        "RevokeAccessRightRequest",
        "GetPatientAuditTrailResponse",
    ] {
        assert!(operations.contains(expected), "{expected} was exchanged: {operations:?}");
    }
    let schema = support::fixtures_root().join("kmehr/xsd/ehealth-hubservices/XSD/hubservices_protocol-3_5.xsd");
    for chunk in files.chunks(200) {
        let output =
            std::process::Command::new("xmllint").arg("--noout").arg("--schema").arg(&schema).args(chunk).output();
        let output = match output {
            Ok(o) => o,
            Err(e) => panic!("xmllint is needed (apt-get install libxml2-utils): {e}"),
        };
        let errors = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "XSD validation failed:\n{}",
            errors.lines().filter(|l| !l.ends_with(" validates")).take(30).collect::<Vec<_>>().join("\n")
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The SOAP Body's element (its name, and itself as a document of its own).
fn body_element(envelope: &str) -> Option<(String, String)> {
    let document = roxmltree::Document::parse(envelope).ok()?;
    let body = document.root_element().children().find(|n| n.tag_name().name() == "Body")?;
    let element = body.children().find(|n| n.is_element())?;
    Some((element.tag_name().name().to_owned(), carnet_connectors::kmehr::hub::soap::standalone(&element)))
}

#[tokio::test]
async fn the_register_gives_a_parents_children_and_a_minors_parents_and_nothing_else() {
    use carnet_connectors::register::{RegisterClient, RegisterSettings};
    use carnet_core::minor::LinkKind;

    let Ok(hubs) = DemoHubs::new(Faults::default()) else { panic!("demo data") };
    let Ok(listener) = tokio::net::TcpListener::bind("127.0.0.1:0").await else { panic!("bind") };
    let Ok(address) = listener.local_addr() else { panic!("address") };
    let serving = hubs.clone();
    tokio::spawn(async move { serving.serve(listener).await });
    let settings = RegisterSettings {
        id: "register".into(),
        base_url: format!("http://{address}/register"),
        timeout: Duration::from_secs(3),
        retries: 0,
        bearer_token: None,
    };
    let Ok(register) = RegisterClient::new(settings, Arc::new(Metrics::default())) else { panic!("client") };
    let ssin = |s: &str| Ssin::parse(s).unwrap_or_else(|_| panic!("ssin"));
    let Ok(children) = register.children_of(&ssin("80090315741")).await else { panic!("Marc's children") };
    let names: Vec<&str> = children.iter().map(|l| l.child_name.as_str()).collect();
    assert_eq!(names, ["Emma Dubois", "Lucas Dubois", "Nora Dubois"]);
    assert!(children.iter().all(|l| l.kind == LinkKind::Parent && l.parent_name == "Marc Dubois"));
    let Ok(parents) = register.representatives_of(&ssin("09050706674")).await else { panic!("Nora's parents") };
    assert_eq!(parents.len(), 1);
    assert!(matches!(register.children_of(&ssin("85041212468")).await, Ok(none) if none.is_empty()));
    hubs.faults.set("register", Fault { down: true, ..Default::default() });
    assert!(
        register.children_of(&ssin("80090315741")).await.is_err(),
        "a register that is down is an error, not no children"
    );
}
