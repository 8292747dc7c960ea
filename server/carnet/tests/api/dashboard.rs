//! The dashboard under a slow and a failing source: the first bytes and every tile that
//! does not need the slow source arrive before it answers; the failing source's tile says
//! so in the page's language; late tiles arrive in the same response, as plain HTML.

use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::json;

#[tokio::test]
async fn a_slow_source_delays_only_its_own_tiles_and_a_failing_one_is_named_in_the_page_language() {
    let stack = stack(Options::default()).await;
    // CoZo (a hub: documents, medication, allergies, consent, care team, access) takes 5 s;
    // Réseau Santé Wallon fails every call.
    set_fault(&stack.hubs, "cozo", json!({ "latency_ms": 5000 })).await;
    set_fault(&stack.hubs, "rsw", json!({ "error_rate": 1.0 })).await;
    let (client, _) = browser();
    login(&client, &stack.portal.url, "sofie").await;

    let started = Instant::now();
    let mut response = client
        .get(format!("{}/dashboard", stack.portal.url))
        .header("accept-language", "nl-BE,nl;q=0.9")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 200);
    let mut page = String::new();
    let mut first_bytes = None;
    let mut vaccinations_tile = None;
    while let Some(chunk) = response.chunk().await.unwrap_or_else(|e| panic!("{e}")) {
        first_bytes.get_or_insert(started.elapsed());
        page.push_str(&String::from_utf8_lossy(&chunk));
        if vaccinations_tile.is_none() && page.contains("id=\"tile-vaccinations\"") {
            vaccinations_tile = Some(started.elapsed());
        }
    }
    let done = started.elapsed();
    let (Some(first_bytes), Some(vaccinations_tile)) = (first_bytes, vaccinations_tile) else {
        panic!("no bytes, or no vaccinations tile: {page}")
    };
    assert!(done >= Duration::from_millis(4500), "the slow source's tiles come last ({done:?})");
    assert!(first_bytes < Duration::from_secs(2), "first bytes after {first_bytes:?}");
    assert!(vaccinations_tile < Duration::from_secs(3), "the vaults' tile after {vaccinations_tile:?}");
    // The shell went out before the tiles, and CoZo's tiles held their place meanwhile.
    assert!(page.contains("id=\"tile-documents-waiting\""), "a late tile has a placeholder");
    assert!(page.contains("id=\"tile-documents\""), "the late tile arrived in the same response");
    assert!(page.contains("Réseau Santé Wallon antwoordde met een fout"), "the failing source is named, in Dutch");
    assert!(page.contains("CoZo"), "the slow source is named");
    assert!(page.contains("Vitalink: bijgewerkt"), "the sources' summary is there");
    assert!(!page.contains("85041212468"));
}
