//! Shares over HTTP: Sofie makes a link (with and without a passcode); a stranger's browser
//! opens it without logging in, in its own language; a wrong passcode is counted and locks
//! the link; a SMART Health Link reader asks the manifest from another origin and decrypts
//! the summary with the link's key; every opening is in Sofie's audit log and access log;
//! revoking closes the link at once (for another instance on the same database: the
//! store's test).

// Tests may index (clippy.toml): here the helpers too, which read the FHIR JSON the tests check.
#![allow(clippy::indexing_slicing)]

use carnet_connectors::shl::{ShlPayload, decrypt};
use carnet_core::access_event::AccessEvents;
use carnet_core::policy::{Read, own_proof_for_tests};

use crate::common::*;

const SOFIE: &str = "85041212468";

/// Makes a share on `/share`; gives the address it shows (the page with the SMART Health
/// Link after `#`).
async fn make(client: &reqwest::Client, portal: &str, parts: &[&str], passcode: &str) -> String {
    let (status, _, page) = get(client, &format!("{portal}/share")).await;
    assert_eq!(status, 200);
    let key = Page::parse(&page).field("key").unwrap_or_default();
    let mut fields = vec![("key", key.as_str()), ("hours", "24"), ("passcode", passcode), ("label", "For Dr. Müller")];
    fields.extend(parts.iter().map(|p| ("part", *p)));
    let back = post(client, portal, "/share", &page, &fields).await;
    assert!(back.starts_with("/share?done=made&share="), "{back}");
    let id = back.rsplit('=').next().unwrap_or_default().to_owned();
    let (_, _, page) = get(client, &format!("{portal}/share")).await;
    Page::parse(&page)
        .attr(&format!("#share-link-{id}"), "value")
        .unwrap_or_else(|| panic!("the link of share {id} is shown"))
}

/// The link's id in an address `…/s/<id>#shlink:/…`.
fn link_id(address: &str) -> String {
    address.split("/s/").nth(1).and_then(|rest| rest.split('#').next()).unwrap_or_default().to_owned()
}

async fn audit(stack: &Stack) -> Vec<(String, String, String)> {
    let proof = own_proof_for_tests::<Read<AccessEvents>>(SOFIE);
    let mut records = stack.portal.state.store.audit_for(&proof, 1000).await.unwrap_or_else(|e| panic!("{e}"));
    records.reverse();
    records.into_iter().map(|r| (r.action, r.basis, r.outcome)).collect()
}

fn openings(entries: &[(String, String, String)]) -> usize {
    entries.iter().filter(|(action, _, _)| action.starts_with("share:open:")).count()
}

#[tokio::test]
async fn a_share_opens_without_login_in_the_readers_language_and_is_revoked_at_once() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (sofie, _) = browser();
    login(&sofie, portal, "sofie").await;
    let address = make(&sofie, portal, &["vaccinations", "allergies"], "").await;
    let link = link_id(&address);
    assert_eq!(link.len(), 22, "128 random bits, base64url: {address}");
    assert!(!address.contains(SOFIE) && !address.contains("Sofie"), "no personal data in the link");
    let Some(payload) = ShlPayload::parse(&address) else { panic!("a SMART Health Link after #: {address}") };
    assert_eq!(payload.url, format!("{portal}/s/{link}/manifest"));
    assert_eq!(payload.flag, None);
    assert_eq!(payload.label.as_deref(), Some("For Dr. Müller"));
    let (_, _, page) = get(&sofie, &format!("{portal}/share")).await;
    assert!(page.contains("<svg"), "the QR code, drawn on the server");

    // A stranger, not logged in, in German.
    let (stranger, _) = browser();
    let response = stranger.get(format!("{portal}/s/{link}")).send().await.unwrap_or_else(|e| panic!("{e}"));
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert_eq!(header("cache-control"), "no-store", "never kept by a cache");
    assert_eq!(header("referrer-policy"), "same-origin", "its address never named to another site");
    assert_eq!(header("x-robots-tag"), "noindex");
    let (status, page) = get_in(&stranger, &format!("{portal}/s/{link}"), "de-BE,de;q=0.9").await;
    assert_eq!(status, 200);
    assert!(page.contains("Geteilte Gesundheitszusammenfassung"), "in the reader's language");
    assert!(page.contains("Sofie Janssens"));
    assert!(page.contains("Impfungen") && page.contains("Allergien und Unverträglichkeiten"));
    assert!(!page.contains("Arzneimittel"), "only the parts shared");
    assert!(page.contains("Quelle: Vitalink"), "the sources named");
    let pdf = Page::parse(&page).href_after(&format!("/s/{link}/patient-summary.pdf")).is_some();
    assert!(pdf, "the PDF to download");
    let entries = audit(&stack).await;
    assert_eq!(openings(&entries), 2, "each page view is an opening");
    let opened = entries.iter().find(|(a, _, _)| a.starts_with("share:open:")).cloned().unwrap_or_default();
    assert_eq!(opened.0, "share:open:allergies,vaccinations", "in the summary's order");
    assert!(opened.1.starts_with("share:"), "the share is the basis: {opened:?}");
    // A part not shared is not reachable: there is no address for it, and the files hold
    // only what was shared.
    let response =
        stranger.get(format!("{portal}/s/{link}/patient-summary.json")).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 200);
    let bundle: serde_json::Value = response.json().await.unwrap_or_default();
    let stated = |kind: &str| {
        bundle["entry"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| &e["resource"])
            .filter(|r| r["resourceType"] == kind)
            .filter(|r| {
                let absent = carnet_core::export::ABSENT_UNKNOWN;
                r["code"]["coding"][0]["system"] != absent
                    && r["medicationCodeableConcept"]["coding"][0]["system"] != absent
            })
            .count()
    };
    assert!(stated("Immunization") > 0 && stated("AllergyIntolerance") > 0);
    assert_eq!((stated("Condition"), stated("MedicationStatement")), (0, 0), "not shared: only 'no information'");
    assert!(!stranger.get(format!("{portal}/dashboard")).send().await.map(|r| r.status().is_success()).unwrap_or(true));

    // Sofie's access log names the opening.
    let (_, _, log) = get(&sofie, &format!("{portal}/access-log")).await;
    assert!(log.contains("Someone with your link"), "the access log");

    // Revoked: refused at once, on this instance and on another one on the same database.
    let (_, _, page) = get(&sofie, &format!("{portal}/share")).await;
    let id = Page::parse(&page).field("id").unwrap_or_default();
    assert_eq!(post(&sofie, portal, "/share/revoke", &page, &[("id", &id)]).await, "/share?done=revoked");
    let (status, page) = get_in(&stranger, &format!("{portal}/s/{link}"), "en").await;
    assert_eq!(status, 200);
    assert!(page.contains("This link does not work"), "{page}");
    assert_eq!(openings(&audit(&stack).await), 3, "the revoked link read nothing more");
    let response = stranger
        .post(format!("{portal}/s/{link}/manifest"))
        .header("origin", "https://viewer.example")
        .json(&serde_json::json!({"recipient": "Dr. Müller"}))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 404);
    assert!(audit(&stack).await.iter().any(|(a, _, _)| a == "share:revoke"));
}

#[tokio::test]
async fn a_passcode_is_asked_counted_and_locks_and_a_smart_health_link_reader_gets_the_encrypted_summary() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (sofie, _) = browser();
    login(&sofie, portal, "sofie").await;
    let address = make(&sofie, portal, &["vaccinations"], "tulip-42").await;
    let link = link_id(&address);
    let Some(payload) = ShlPayload::parse(&address) else { panic!("a SMART Health Link") };
    assert_eq!(payload.flag.as_deref(), Some("P"));

    // The page asks for the passcode and shows nothing else.
    let (stranger, _) = browser();
    let (_, page) = get_in(&stranger, &format!("{portal}/s/{link}"), "fr").await;
    assert!(page.contains("Code d’accès") && !page.contains("Sofie"), "{page}");
    // A reader's app, from its own origin: the manifest needs the passcode.
    let reader = reqwest::Client::new();
    let ask = |passcode: Option<&str>| {
        let mut body = serde_json::json!({"recipient": "Dr. Müller"});
        if let Some(p) = passcode {
            body["passcode"] = serde_json::json!(p);
        }
        reader.post(payload.url.clone()).header("origin", "https://viewer.example").json(&body).send()
    };
    let response = ask(None).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 401);
    let response = ask(Some("tulip-42")).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers().get("access-control-allow-origin").and_then(|v| v.to_str().ok()), Some("*"));
    let manifest: serde_json::Value = response.json().await.unwrap_or_default();
    let location = manifest["files"][0]["location"].as_str().unwrap_or_default().to_owned();
    assert_eq!(manifest["files"][0]["contentType"], "application/fhir+json");
    let jwe = reader.get(&location).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(jwe.headers().get("content-type").and_then(|v| v.to_str().ok()), Some("application/jose"));
    let jwe = jwe.text().await.unwrap_or_default();
    let key: [u8; 32] = {
        use base64::Engine;
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(&payload.key).unwrap_or_default();
        bytes.try_into().unwrap_or_else(|_| panic!("a 32-byte key"))
    };
    let bundle = decrypt(&key, &jwe).unwrap_or_else(|e| panic!("decrypts with the link's key: {e}"));
    let bundle: serde_json::Value = serde_json::from_slice(&bundle).unwrap_or_default();
    assert_eq!(bundle["type"], "document");
    assert_eq!(bundle["entry"][0]["resource"]["resourceType"], "Composition");

    assert_eq!(openings(&audit(&stack).await), 1, "the manifest read nothing; the file is the opening");

    // The right passcode on the page: the summary, with downloads that need no passcode again.
    let csrf_free = [("passcode", "tulip-42")];
    let response = post_form(&stranger, &format!("{portal}/s/{link}"), portal, &csrf_free).await;
    assert_eq!(response.status().as_u16(), 303);
    let shown = location_of(&response);
    assert!(shown.starts_with(&format!("/s/{link}?t=")), "{shown}");
    assert_eq!(openings(&audit(&stack).await), 1, "the passcode alone reads nothing");
    let (_, page) = get_in(&stranger, &format!("{portal}{shown}"), "fr").await;
    assert!(page.contains("Résumé de santé partagé") && page.contains("Sofie Janssens"), "{page}");
    assert_eq!(openings(&audit(&stack).await), 2);

    // Wrong passcodes: counted, then the link locks (for the page and for the apps).
    for left in (1..5).rev() {
        let response = post_form(&stranger, &format!("{portal}/s/{link}"), portal, &[("passcode", "wrong")]).await;
        assert_eq!(location_of(&response), format!("/s/{link}?error=share-wrong&left={left}"));
    }
    let response = post_form(&stranger, &format!("{portal}/s/{link}"), portal, &[("passcode", "wrong")]).await;
    assert_eq!(location_of(&response), format!("/s/{link}?error=share-locked"));
    let response = ask(Some("tulip-42")).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 401, "locked, even with the right passcode");
    let (_, _, page) = get(&sofie, &format!("{portal}/share")).await;
    assert!(page.contains("Locked after wrong passcodes"), "the citizen sees why");
}

fn location_of(response: &reqwest::Response) -> String {
    location(response)
}
