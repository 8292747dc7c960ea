//! The sources under faults, against the running demo hubs (seen on the vaccinations page): the affected source says what
//! happened in the page language, the others still answer, retries stop at the budget,
//! and a failing source's last good answer is shown with its age.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::json;

async fn stack_with(timeout_ms: u64, retries: u32, extra: &[(&str, &str)]) -> Stack {
    let mut vars: BTreeMap<String, String> = extra.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    vars.insert("CARNET_SOURCES_FILE".into(), sources_file(timeout_ms, retries));
    vars.entry("CARNET_CACHE_FRESH_SECONDS".into()).or_insert_with(|| "0".into());
    stack(Options { extra: vars, ..Options::default() }).await
}

async fn vaccinations_as(stack: &Stack, user: &str) -> (reqwest::Client, String) {
    let (client, _) = browser();
    login(&client, &stack.portal.url, user).await;
    let (status, _, page) = get(&client, &format!("{}/vaccinations", stack.portal.url)).await;
    assert_eq!(status, 200);
    (client, page)
}

#[tokio::test]
async fn a_failing_source_is_retried_up_to_its_budget_and_the_other_still_answers() {
    let stack = stack_with(3000, 2, &[]).await;
    set_fault(&stack.hubs, "brusafe", json!({ "error_rate": 1.0 })).await;
    let before = calls(&stack.hubs, "brusafe").await;
    let (_, page) = vaccinations_as(&stack, "sofie").await;
    assert_eq!(calls(&stack.hubs, "brusafe").await - before, 3, "one call and two retries, no more");
    assert!(page.contains("BruSafe+ answered with an error"), "the failing source is named");
    assert!(page.contains("Vitalink: up to date"));
    assert!(page.contains("COVID-19 vaccine"), "the other source's data is shown");
}

#[tokio::test]
async fn a_hanging_source_ends_at_its_timeout_without_holding_up_the_others() {
    let stack = stack_with(700, 2, &[]).await;
    set_fault(&stack.hubs, "vitalink", json!({ "hang": true })).await;
    let (client, _) = browser();
    login(&client, &stack.portal.url, "sofie").await;
    let started = Instant::now();
    let (status, _, page) = get(&client, &format!("{}/vaccinations", stack.portal.url)).await;
    let took = started.elapsed();
    assert_eq!(status, 200);
    assert!(took < Duration::from_secs(5), "the page waited {took:?}: the timeout must end the call");
    assert!(page.contains("Vitalink did not answer in time"));
    assert!(page.contains("BruSafe+: up to date"));
    assert!(page.contains("Hepatitis B vaccine"), "BruSafe+'s record is shown");
    assert_eq!(calls(&stack.hubs, "vitalink").await, 1, "a timeout is not retried: the deadline is spent");
}

#[tokio::test]
async fn a_malformed_answer_is_reported_and_not_retried() {
    let stack = stack_with(3000, 2, &[]).await;
    set_fault(&stack.hubs, "vitalink", json!({ "malformed": true })).await;
    let (_, page) = vaccinations_as(&stack, "sofie").await;
    assert!(page.contains("Vitalink sent data that Carnet could not read"));
    assert!(page.contains("BruSafe+: up to date"));
    assert_eq!(calls(&stack.hubs, "vitalink").await, 1);
}

#[tokio::test]
async fn a_slow_source_still_answers_within_its_timeout() {
    let stack = stack_with(3000, 0, &[]).await;
    set_fault(&stack.hubs, "brusafe", json!({ "latency_ms": 300, "jitter_ms": 100 })).await;
    let (_, page) = vaccinations_as(&stack, "sofie").await;
    assert!(page.contains("BruSafe+: up to date"));
    assert!(page.contains("7 vaccinations"));
}

#[tokio::test]
async fn a_failing_source_shows_its_last_answer_with_its_age() {
    let stack = stack_with(3000, 0, &[]).await;
    let (client, page) = vaccinations_as(&stack, "sofie").await;
    assert!(page.contains("Vitalink: up to date"));
    set_fault(&stack.hubs, "vitalink", json!({ "error_rate": 1.0 })).await;
    let (_, _, page) = get(&client, &format!("{}/vaccinations", stack.portal.url)).await;
    assert!(
        page.contains("Vitalink is not answering right now. Showing its data from less than a minute ago."),
        "stale data is never shown silently"
    );
    assert!(page.contains("COVID-19 vaccine"), "the earlier answer is shown");
    assert!(page.contains("7 vaccinations"));
    let metrics = stack.portal.state.metrics.render();
    assert!(
        metrics.contains("carnet_source_stale_served_total{source=\"vitalink\",kind=\"vaccinations\"} 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("carnet_source_requests_total{source=\"vitalink\",kind=\"vaccinations\",outcome=\"error\"} 1")
    );
}

#[tokio::test]
async fn fresh_answers_come_from_the_cache_without_asking_the_source() {
    let stack = stack_with(3000, 0, &[("CARNET_CACHE_FRESH_SECONDS", "60")]).await;
    let (client, first) = vaccinations_as(&stack, "sofie").await;
    let before = calls(&stack.hubs, "vitalink").await;
    let reads = vaccination_reads(&stack).await;
    let (_, _, page) = get(&client, &format!("{}/vaccinations", stack.portal.url)).await;
    assert!(page.contains("Vitalink: up to date"));
    assert_eq!(calls(&stack.hubs, "vitalink").await, before, "served from the cache");
    let metrics = stack.portal.state.metrics.render();
    assert!(
        metrics.contains("carnet_source_cache_hits_total{source=\"vitalink\",kind=\"vaccinations\"} 1"),
        "{metrics}"
    );
    // The reading made of those answers is served again (the same page), and every page
    // view is still audited.
    let (_, _, again) = get(&client, &format!("{}/vaccinations", stack.portal.url)).await;
    let main = |page: &str| Page::parse(page).all("main").first().map(|m| m.html());
    assert_eq!(main(&again), main(&first), "the same reading");
    assert_eq!(vaccination_reads(&stack).await, reads + 2, "one audit entry per page view");
}

/// Sofie's audit entries for readings of her vaccinations.
async fn vaccination_reads(stack: &Stack) -> usize {
    use carnet_core::access_event::AccessEvents;
    use carnet_core::policy::{Read, own_proof_for_tests};
    let proof = own_proof_for_tests::<Read<AccessEvents>>("85041212468");
    let records = stack.portal.state.store.audit_for(&proof, 10_000).await.unwrap_or_else(|e| panic!("{e}"));
    records.iter().filter(|r| r.action.starts_with("read:") && r.action.contains("vaccinations")).count()
}

#[tokio::test]
async fn malformed_items_are_shown_as_unreadable_next_to_the_good_ones() {
    let stack = stack_with(3000, 0, &[]).await;
    let (_, page) = vaccinations_as(&stack, "jonas").await;
    assert_eq!(page.matches("Could not read this item.").count(), 2, "both broken records are named");
    assert!(page.contains("COVID-19 vaccine"), "the good records are shown");
    assert!(page.contains("Tetanus and diphtheria vaccine"));
    assert!(page.contains("2 vaccinations"), "only readable items are counted");
}
