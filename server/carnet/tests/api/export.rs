//! Taking the record along over HTTP, as a browser without JavaScript does it: the form,
//! the progress page, the download; the patient summary checked against what the service
//! reads for the same person (every item the pages show is in it), against the IPS rules,
//! in the audit log, against a double submit, a trusted person's mandate (within it, outside
//! it, and ended), a slow source and a failing one.
//!
//! Each summary made here is also written to `target/exports/` for the FHIR validator the
//! test command runs next (`server/scripts/validate_ips.py`).

// Tests may index (clippy.toml): here the helpers too, which read the FHIR JSON the tests check.
#![allow(clippy::indexing_slicing)]

use std::time::Duration;

use carnet_core::Ssin;
use carnet_core::access_event::AccessEvents;
use carnet_core::allergy::Allergies;
use carnet_core::item::Item;
use carnet_core::kind::Kind;
use carnet_core::medication::Medications;
use carnet_core::policy::{Read, own_proof_for_tests};
use carnet_core::portal_service::read;
use carnet_core::principal::{Principal, Role};
use carnet_core::sumehr::SumEhrs;
use carnet_core::vaccination::{VaccinationStatus, Vaccinations};
use serde_json::Value;

use crate::common::*;

const SOFIE: &str = "85041212468";
const MARIA: &str = "41022703827";
const PIETER: &str = "68081420385";
const ALL_PARTS: [&str; 4] = ["medication", "allergies", "sumehr", "vaccinations"];

/// Posts the export form of `/export` with `parts`; gives where it sends the browser.
async fn start(client: &reqwest::Client, portal: &str, parts: &[&str], key: Option<&str>) -> String {
    let (status, _, page) = get(client, &format!("{portal}/export")).await;
    assert_eq!(status, 200);
    let key = key.map(str::to_owned).unwrap_or_else(|| Page::parse(&page).field("key").unwrap_or_default());
    let mut fields = vec![("key", key.as_str())];
    fields.extend(parts.iter().map(|p| ("part", *p)));
    post(client, portal, "/export", &page, &fields).await
}

/// The job's key in `/export?job=<key>`.
fn job_of(location: &str) -> String {
    location.strip_prefix("/export?job=").unwrap_or_else(|| panic!("not an export's page: {location}")).to_owned()
}

/// Follows the export's page (as the page without JavaScript does: it asks again) until
/// it is ready; gives the page.
async fn ready(client: &reqwest::Client, portal: &str, key: &str) -> String {
    for _ in 0..200 {
        let (status, _, page) = get(client, &format!("{portal}/export?job={key}")).await;
        assert_eq!(status, 200);
        if page.contains("id=\"export-ready\"") {
            return page;
        }
        assert!(page.contains("id=\"export-running\""), "neither running nor ready: {page}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the export did not finish");
}

/// Downloads the summary; checks the response's headers; keeps it for the validator.
async fn download(client: &reqwest::Client, portal: &str, key: &str, name: &str) -> Value {
    let response = client
        .get(format!("{portal}/export/{key}/patient-summary.json"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 200, "{:?}", response.headers().get("location"));
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert_eq!(header("content-type"), "application/fhir+json");
    assert!(header("content-disposition").starts_with("attachment; filename=\"carnet-patient-summary-"));
    assert_eq!(header("cache-control"), "private, no-store");
    let bytes = response.bytes().await.unwrap_or_else(|e| panic!("{e}"));
    let dir = repo_root().join("target/exports");
    let _ = std::fs::create_dir_all(&dir);
    std::fs::write(dir.join(format!("{name}.json")), &bytes).unwrap_or_else(|e| panic!("{e}"));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{e}"))
}

fn resources<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
    bundle["entry"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| &e["resource"])
        .filter(|r| r["resourceType"] == kind)
        .collect()
}

/// Is this resource the IPS's "no information" statement?
fn is_absent(resource: &Value) -> bool {
    resource["code"]["coding"][0]["system"] == carnet_core::export::ABSENT_UNKNOWN
        || resource["medicationCodeableConcept"]["coding"][0]["system"] == carnet_core::export::ABSENT_UNKNOWN
}

fn stated(bundle: &Value, kind: &str) -> usize {
    resources(bundle, kind).into_iter().filter(|r| !is_absent(r)).count()
}

fn sections(bundle: &Value) -> Vec<String> {
    bundle["entry"][0]["resource"]["section"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["code"]["coding"][0]["code"].as_str().map(str::to_owned))
        .collect()
}

/// Every `reference` in the Bundle names an entry of it.
fn references_resolve(bundle: &Value) {
    let urls: Vec<&str> =
        bundle["entry"].as_array().into_iter().flatten().filter_map(|e| e["fullUrl"].as_str()).collect();
    fn walk<'a>(value: &'a Value, out: &mut Vec<&'a str>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    match (k.as_str(), v) {
                        ("reference", Value::String(r)) => out.push(r),
                        _ => walk(v, out),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut references = Vec::new();
    walk(bundle, &mut references);
    assert!(!references.is_empty());
    for reference in references {
        assert!(urls.contains(&reference), "{reference} is not in the Bundle");
    }
}

fn read_items<T: Clone>(answers: &carnet_core::source_answer::Answers<T>) -> Vec<T> {
    answers
        .iter()
        .filter_map(|a| a.result.as_ref().ok())
        .flatten()
        .filter_map(|item| match item {
            Item::Read(read) => Some(read.clone()),
            Item::Unreadable { .. } => None,
        })
        .collect()
}

/// What the service reads of `ssin`'s record, kind by kind (as the pages get it).
async fn reading<K: Kind>(stack: &Stack, ssin: &str, name: &str) -> carnet_core::kind::Reading<K> {
    let ssin = Ssin::parse(ssin).unwrap_or_else(|e| panic!("{e:?}"));
    let principal = Principal::for_tests(ssin, name, vec![Role::Citizen]);
    read::<K>(&*stack.portal.state.service, &principal, None).await.unwrap_or_else(|e| panic!("{e:?}"))
}

/// Carnet's audit entries about `ssin`: (actor, action, outcome), oldest first.
async fn audit(stack: &Stack, ssin: &str) -> Vec<(String, String, String)> {
    let proof = own_proof_for_tests::<Read<AccessEvents>>(ssin);
    let mut records = stack.portal.state.store.audit_for(&proof, 1000).await.unwrap_or_else(|e| panic!("{e}"));
    records.reverse();
    records.into_iter().map(|r| (r.actor, r.action, r.outcome)).collect()
}

fn exports(entries: &[(String, String, String)]) -> Vec<(String, String, String)> {
    entries.iter().filter(|(_, action, _)| action.starts_with("export:")).cloned().collect()
}

/// Checks a whole-record summary of `ssin` against what the service reads of them.
async fn holds_the_whole_record(stack: &Stack, bundle: &Value, ssin: &str, name: &str) {
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "document");
    assert_eq!(sections(bundle), ["10160-0", "48765-2", "11450-4", "11369-6"]);
    let patient = resources(bundle, "Patient");
    assert_eq!(patient.len(), 1);
    assert_eq!(patient[0]["identifier"][0]["value"], ssin);
    references_resolve(bundle);

    let medication = read_items(&reading::<Medications>(stack, ssin, name).await.answers);
    assert_eq!(stated(bundle, "MedicationStatement"), medication.len(), "every medicine the pages show");
    let allergies = read_items(&reading::<Allergies>(stack, ssin, name).await.answers);
    assert_eq!(stated(bundle, "AllergyIntolerance"), allergies.len(), "every allergy");
    let problems: usize = read_items(&reading::<SumEhrs>(stack, ssin, name).await.answers)
        .iter()
        .map(|summary| summary.problems.iter().filter(|p| matches!(p, Item::Read(_))).count())
        .sum();
    assert_eq!(stated(bundle, "Condition"), problems, "every problem of the GP's summaries");
    let vaccinations = read_items(&reading::<Vaccinations>(stack, ssin, name).await.answers);
    let sayable = vaccinations.iter().filter(|v| !matches!(v.status, VaccinationStatus::Other(_))).count();
    assert_eq!(stated(bundle, "Immunization"), sayable, "every vaccination FHIR can say");
    // Each vaccination's date is in the summary.
    let text = bundle.to_string();
    for v in vaccinations.iter().filter(|v| v.status == VaccinationStatus::Completed) {
        if let Some(day) = v.occurrence.date() {
            assert!(text.contains(&day.to_string()), "the vaccination of {day}");
        }
    }
}

#[tokio::test]
async fn a_citizen_exports_her_whole_record_once_audited_and_it_holds_what_her_pages_show() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (sofie, _) = browser();
    login(&sofie, portal, "sofie").await;

    // The form offers every part, each checked.
    let (_, _, page) = get(&sofie, &format!("{portal}/export")).await;
    let form = Page::parse(&page);
    for part in ALL_PARTS {
        assert!(form.attr(&format!("input[name=\"part\"][value=\"{part}\"][checked]"), "id").is_some(), "{part}");
    }

    let key = Page::parse(&page).field("key").unwrap_or_default();
    let job = job_of(&start(&sofie, portal, &ALL_PARTS, Some(&key)).await);
    assert_eq!(job, key, "the export is the form's");
    let page = ready(&sofie, portal, &job).await;
    assert!(page.contains(&format!("href=\"/export/{job}/patient-summary.json\"")));
    let bundle = download(&sofie, portal, &job, "sofie").await;
    holds_the_whole_record(&stack, &bundle, SOFIE, "Sofie Janssens").await;
    assert_eq!(resources(&bundle, "Patient")[0]["name"][0]["text"], "Sofie Janssens");
    // Downloaded twice: the same document.
    assert_eq!(download(&sofie, portal, &job, "sofie").await, bundle);

    // A second submit of the same form is the same export: one audit entry.
    assert_eq!(job_of(&start(&sofie, portal, &ALL_PARTS, Some(&key)).await), job);
    let entries = exports(&audit(&stack, SOFIE).await);
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0].0, SOFIE);
    assert_eq!(entries[0].1, "export:medication,allergies,sumehr,vaccinations");
    // The access log says it.
    let (_, _, log) = get(&sofie, &format!("{portal}/access-log")).await;
    assert!(log.contains("downloaded medication, allergies, the health summary, vaccinations as a patient summary"));

    // Someone else's key is not theirs; a key of nothing is not found.
    let (maria, _) = browser();
    login(&maria, portal, "maria").await;
    let (status, location, _) = get(&maria, &format!("{portal}/export/{job}/patient-summary.json")).await;
    assert_eq!((status, location.as_deref()), (303, Some(&*format!("/export?error=error-not-found&job={job}"))));
    let (_, _, page) = get(&maria, &format!("{portal}/export?job={job}")).await;
    assert!(page.contains("This summary is no longer available."));
    assert_eq!(exports(&audit(&stack, SOFIE).await).len(), 1);

    // No part chosen: a clear error; a part the summary does not hold: a bad request.
    assert_eq!(start(&sofie, portal, &[], None).await, "/export?error=export-error-no-part");
    assert_eq!(start(&sofie, portal, &["consent"], None).await, "/export?error=error-bad-request");
    let (_, _, page) = get(&sofie, &format!("{portal}/export?error=export-error-no-part")).await;
    assert!(page.contains("Choose at least one part."));

    // The other demo people's whole records, kept for the validator too (Maria's rich
    // medication, the hostile person's attacks, Jonas's unreadable items).
    let hostile = "Hostile <img src=x onerror=alert(1)> \"'><script>alert(1)</script> Tester";
    for (username, whole) in [
        ("maria", Some((MARIA, "Maria Van den Bossche"))),
        ("hostile", Some(("77070712372", hostile))),
        ("jonas", None),
    ] {
        let (client, _) = browser();
        login(&client, portal, username).await;
        let job = job_of(&start(&client, portal, &ALL_PARTS, None).await);
        ready(&client, portal, &job).await;
        let bundle = download(&client, portal, &job, username).await;
        if let Some((ssin, name)) = whole {
            holds_the_whole_record(&stack, &bundle, ssin, name).await;
        }
        references_resolve(&bundle);
    }
}

#[tokio::test]
async fn a_trusted_person_exports_within_the_mandate_is_refused_outside_it_and_after_it_ends() {
    // The demo's mandate: Maria lets Pieter see her documents, vaccinations and medication.
    let seeded = Options { extra: [("CARNET_DEMO_SEED".to_owned(), "1".to_owned())].into(), ..Options::default() };
    let stack = stack(seeded).await;
    let portal = &stack.portal.url;
    let (pieter, _) = browser();
    login(&pieter, portal, "pieter").await;
    open_record_of(&pieter, portal, "Maria Van den Bossche").await;

    // Only what the mandate covers is offered; the rest is named as left out.
    let (_, _, page) = get(&pieter, &format!("{portal}/export")).await;
    let offered: Vec<String> = Page::parse(&page).attrs("input[name=\"part\"]", "value");
    assert_eq!(offered, ["medication", "vaccinations"]);
    assert!(page.contains("Not included, because you may not see it: Allergies and intolerances, Health problems."));
    assert!(page.contains("Maria Van den Bossche"));

    // Outside the mandate: refused, and in Maria's log with who was refused.
    assert_eq!(start(&pieter, portal, &["medication", "allergies"], None).await, "/export?error=error-forbidden");
    let log = audit(&stack, MARIA).await;
    assert!(
        log.iter().any(|(actor, action, outcome)| actor == PIETER && action == "read:allergies" && outcome == "denied")
    );
    assert!(exports(&log).is_empty());

    // Within it: the parts chosen, and the required sections not chosen say so.
    let job = job_of(&start(&pieter, portal, &["medication", "vaccinations"], None).await);
    ready(&pieter, portal, &job).await;
    let bundle = download(&pieter, portal, &job, "pieter-for-maria").await;
    assert_eq!(resources(&bundle, "Patient")[0]["identifier"][0]["value"], MARIA);
    assert!(stated(&bundle, "MedicationStatement") > 0);
    assert_eq!(stated(&bundle, "AllergyIntolerance"), 0, "no allergy of Maria's: not his to see");
    assert_eq!(stated(&bundle, "Condition"), 0);
    assert_eq!(resources(&bundle, "AllergyIntolerance").len(), 1, "the no-information statement");
    assert!(bundle.to_string().contains("Not part of this export."));
    let entries = exports(&audit(&stack, MARIA).await);
    assert_eq!(entries, [(PIETER.to_owned(), "export:medication,vaccinations".to_owned(), "success".to_owned())]);

    // Maria ends the mandate: the export made under it is no longer his to download.
    let (maria, _) = browser();
    login(&maria, portal, "maria").await;
    let (_, _, page) = get(&maria, &format!("{portal}/mandates")).await;
    let id: String = Page::parse(&page)
        .href_after("/mandates?revoke=")
        .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect())
        .unwrap_or_default();
    assert_eq!(
        post(&maria, portal, "/mandates/answer", &page, &[("id", &id), ("answer", "revoke")]).await,
        "/mandates?done=revoke"
    );
    let (status, location, _) = get(&pieter, &format!("{portal}/export/{job}/patient-summary.json")).await;
    assert_eq!(status, 303);
    assert_eq!(location.as_deref(), Some(&*format!("/export?error=error-forbidden&job={job}")));
    let log = audit(&stack, MARIA).await;
    assert!(
        log.iter()
            .any(|(actor, action, outcome)| actor == PIETER && action == "read:medication" && outcome == "denied")
    );
}

#[tokio::test]
async fn a_slow_source_is_followed_on_the_page_and_a_failing_one_is_named_in_the_export() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (sofie, _) = browser();
    login(&sofie, portal, "sofie").await;
    set_fault(&stack.hubs, "cozo", serde_json::json!({ "latency_ms": 1500 })).await;
    set_fault(&stack.hubs, "rsw", serde_json::json!({ "down": true })).await;

    let job = job_of(&start(&sofie, portal, &ALL_PARTS, None).await);
    // While CoZo takes its time, the page names it and asks again by itself (no JavaScript).
    let (_, _, page) = get(&sofie, &format!("{portal}/export?job={job}")).await;
    assert!(page.contains("id=\"export-running\""), "{page}");
    assert!(page.contains("Still waiting for:") && page.contains("CoZo"), "{page}");
    assert!(page.contains("<noscript><meta http-equiv=\"refresh\" content=\"3\"></noscript>"), "{page}");
    // Other pages are not held meanwhile.
    let started = std::time::Instant::now();
    let (status, _, _) = get(&sofie, &format!("{portal}/glossary")).await;
    assert_eq!(status, 200);
    assert!(started.elapsed() < Duration::from_millis(1000));

    let page = ready(&sofie, portal, &job).await;
    assert!(
        page.contains("These sources did not answer, so their data is missing from the summary: Réseau Santé Wallon"),
        "{page}"
    );
    let bundle = download(&sofie, portal, &job, "sofie-rsw-down").await;
    assert!(bundle.to_string().contains("did not answer: its items are missing."));
    let entries = exports(&audit(&stack, SOFIE).await);
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].2, "partial");
}

/// The text of a PDF as `pdftotext` (Debian's poppler-utils) extracts it, its whitespace
/// collapsed.
fn pdf_text(bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("carnet-pdf-{}-{:?}", std::process::id(), std::thread::current().id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("file.pdf");
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    let out = std::process::Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext (Debian's poppler-utils; the test command installs it): {e}"));
    assert!(out.status.success(), "pdftotext: {}", String::from_utf8_lossy(&out.stderr));
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
}

async fn download_pdf(client: &reqwest::Client, portal: &str, key: &str, file: &str, lang: &str) -> String {
    let response = client
        .get(format!("{portal}/export/{key}/{file}"))
        .header("accept-language", lang)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 200, "{file} in {lang}: {:?}", response.headers().get("location"));
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert_eq!(header("content-type"), "application/pdf");
    assert!(header("content-disposition").starts_with("attachment; filename=\"carnet-"));
    let bytes = response.bytes().await.unwrap_or_else(|e| panic!("{e}"));
    assert!(bytes.starts_with(b"%PDF-"));
    pdf_text(&bytes)
}

#[tokio::test]
async fn the_pdfs_print_the_name_and_every_vaccination_in_each_language() {
    use carnet_app::i18n::Lang;
    use carnet_core::item::merge_same;
    use carnet_core::vaccination::Vaccination;

    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (sofie, _) = browser();
    login(&sofie, portal, "sofie").await;
    let job = job_of(&start(&sofie, portal, &ALL_PARTS, None).await);
    let page = ready(&sofie, portal, &job).await;
    assert!(page.contains(&format!("href=\"/export/{job}/patient-summary.pdf\"")));
    assert!(page.contains(&format!("href=\"/export/{job}/vaccination-proof.pdf\"")));

    // The vaccinations given, once each, as the pages show them.
    let vaccinations = reading::<Vaccinations>(&stack, SOFIE, "Sofie Janssens").await;
    let mut given: Vec<(String, Vaccination)> = vaccinations
        .answers
        .iter()
        .filter_map(|a| a.result.as_ref().ok().map(|items| (a.source_name.clone(), items)))
        .flat_map(|(source, items)| items.iter().filter_map(move |i| i.read().map(|v| (source.clone(), v.clone()))))
        .filter(|(_, v)| v.status == VaccinationStatus::Completed)
        .collect();
    given.sort_by_key(|(_, v)| v.occurrence.date());
    let given = merge_same(given, Vaccination::same_as);
    assert!(given.len() >= 3, "Sofie's record has vaccinations");
    let medication = read_items(&reading::<Medications>(&stack, SOFIE, "Sofie Janssens").await.answers);

    for lang in Lang::ALL {
        let words = |text: String| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let summary = download_pdf(&sofie, portal, &job, "patient-summary.pdf", lang.code()).await;
        let proof = download_pdf(&sofie, portal, &job, "vaccination-proof.pdf", lang.code()).await;
        for text in [&summary, &proof] {
            assert!(text.contains("Sofie Janssens"), "{lang:?}: the name");
            let born =
                lang.date(carnet_core::Ssin::parse(SOFIE).map(|s| s.birth_date()).unwrap_or_else(|e| panic!("{e:?}")));
            assert!(text.contains(&words(born)), "{lang:?}: the birth date");
        }
        assert!(summary.contains(&words(lang.t("pdf-summary-title"))), "{lang:?}");
        assert!(proof.contains(&words(lang.t("pdf-proof-title"))), "{lang:?}");
        for merged in &given {
            let name = words(carnet_app::vaccinations::list::vaccine_name(lang, &merged.item));
            let date = merged.item.occurrence.date().map(|d| words(lang.date(d))).unwrap_or_default();
            for (what, text) in [("summary", &summary), ("proof", &proof)] {
                assert!(text.contains(&name), "{lang:?} {what}: {name} in {text}");
                assert!(text.contains(&date), "{lang:?} {what}: {date}");
            }
        }
        for line in &medication {
            let name = words(carnet_app::medication::lines::medicine_name(lang, line));
            assert!(summary.contains(&name), "{lang:?}: {name}");
        }
        // The sources are named, and the proof says where the schedule stands.
        assert!(summary.contains("Vitalink") && summary.contains("CoZo"), "{lang:?}");
        assert!(proof.contains(&words(lang.t("pdf-proof-schedule"))), "{lang:?}");
    }

    // An export without vaccinations has no proof to offer.
    let (hostile, _) = browser();
    login(&hostile, portal, "hostile").await;
    let job = job_of(&start(&hostile, portal, &["medication", "allergies"], None).await);
    let page = ready(&hostile, portal, &job).await;
    assert!(!page.contains("vaccination-proof.pdf"));
    let (status, location, _) = get(&hostile, &format!("{portal}/export/{job}/vaccination-proof.pdf")).await;
    assert_eq!((status, location), (303, Some(format!("/export?error=error-not-found&job={job}"))));
    // The hostile person's text prints as text.
    let summary = download_pdf(&hostile, portal, &job, "patient-summary.pdf", "en").await;
    assert!(summary.contains("Patient summary"));
}
