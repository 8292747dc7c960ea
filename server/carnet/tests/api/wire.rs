//! On the wire: pages compressed as the browser allows, without holding back what is ready
//! (a slow source still delays only its own tiles); static files named by their content,
//! compressed once and kept by browsers for a year; the CSRF token never the same twice.

use std::io::Read;
use std::time::{Duration, Instant};

use crate::common::*;
use serde_json::json;

fn brotli(bytes: &[u8]) -> String {
    let mut out = Vec::new();
    let mut reader = brotli::Decompressor::new(bytes, 4096);
    let mut buf = [0u8; 4096];
    // What was sent so far (a stream cut short ends in an error, after its text).
    while let Ok(n @ 1..) = reader.read(&mut buf) {
        out.extend_from_slice(buf.get(..n).unwrap_or_default());
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What was sent so far, gzip (a stream cut short ends in an error, after its text).
fn gunzip_so_far(bytes: &[u8]) -> String {
    let mut out = Vec::new();
    let mut reader = flate2::read::GzDecoder::new(bytes);
    let mut buf = [0u8; 4096];
    while let Ok(n @ 1..) = reader.read(&mut buf) {
        out.extend_from_slice(buf.get(..n).unwrap_or_default());
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn gunzip(bytes: &[u8]) -> String {
    let mut out = String::new();
    flate2::read::GzDecoder::new(bytes).read_to_string(&mut out).unwrap_or_else(|e| panic!("{e}"));
    out
}

#[tokio::test]
async fn a_page_is_compressed_as_asked_and_its_quick_parts_are_not_held_back() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    login(&client, portal, "sofie").await;

    // gzip, decoded whole: the same page as uncompressed (its token masked differently).
    let response = client
        .get(format!("{portal}/glossary"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some("gzip"));
    let vary: Vec<&str> = response.headers().get_all("vary").iter().filter_map(|v| v.to_str().ok()).collect();
    assert!(vary.iter().any(|v| v.eq_ignore_ascii_case("accept-encoding")), "{vary:?}");
    let bytes = response.bytes().await.unwrap_or_else(|e| panic!("{e}"));
    let page = gunzip(&bytes);
    assert!(page.contains("</html>") && page.contains("Sofie"), "{page}");
    assert!(bytes.len() * 2 < page.len(), "{} bytes for {}", bytes.len(), page.len());
    let (_, _, plain) = get(&client, &format!("{portal}/glossary")).await;
    assert_eq!(plain.len(), page.len(), "the same page, compressed or not");

    // As a browser asks (gzip, the portal's choice), then brotli alone (a browser without
    // gzip), with CoZo taking 4 s: the shell and the vaults' tiles decode before it answers.
    set_fault(&stack.hubs, "cozo", json!({ "latency_ms": 4000 })).await;
    type Decode = fn(&[u8]) -> String;
    let decoders: [(&str, &str, Decode); 2] =
        [("gzip, deflate, br, zstd", "gzip", gunzip_so_far), ("br", "br", brotli)];
    for (asked, encoding, decode) in decoders {
        let started = Instant::now();
        let mut response = client
            .get(format!("{portal}/dashboard"))
            .header("accept-encoding", asked)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(response.headers().get("content-encoding").and_then(|v| v.to_str().ok()), Some(encoding));
        let mut sent = Vec::new();
        let mut vaccinations_tile = None;
        while let Some(chunk) = response.chunk().await.unwrap_or_else(|e| panic!("{e}")) {
            sent.extend_from_slice(&chunk);
            if vaccinations_tile.is_none() && decode(&sent).contains("id=\"tile-vaccinations\"") {
                vaccinations_tile = Some(started.elapsed());
            }
        }
        let done = started.elapsed();
        let page = decode(&sent);
        let Some(vaccinations_tile) = vaccinations_tile else { panic!("{encoding}: no vaccinations tile: {page}") };
        assert!(done >= Duration::from_millis(3500), "{encoding}: CoZo's tiles come last ({done:?})");
        assert!(vaccinations_tile < Duration::from_secs(2), "{encoding}: the vaults' tile after {vaccinations_tile:?}");
        assert!(
            page.contains("id=\"tile-documents\"") && page.contains("</html>"),
            "{encoding}: the whole page: {page}"
        );
    }
}

#[tokio::test]
async fn static_files_are_named_by_content_compressed_once_and_kept_a_year() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    let (status, _, page) = get(&client, &format!("{portal}/")).await;
    assert_eq!(status, 200);
    let name = std::fs::read_to_string(repo_root().join("target/site/pkg/name.txt"))
        .unwrap_or_else(|e| panic!("the site is built first: {e}"));
    let name = name.trim();
    assert!(name.len() > "carnet.".len() && name.starts_with("carnet."), "{name}");
    for path in [format!("/pkg/{name}.css"), format!("/pkg/{name}.js"), format!("/pkg/{name}_bg.wasm")] {
        assert!(page.contains(&path), "the page links {path}");
        let response = client
            .get(format!("{portal}{path}"))
            .header("accept-encoding", "br, gzip")
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(response.status().as_u16(), 200, "{path}");
        let header = |h: &str| response.headers().get(h).and_then(|v| v.to_str().ok()).map(str::to_owned);
        assert_eq!(header("cache-control").as_deref(), Some("public, max-age=31536000, immutable"), "{path}");
        assert_eq!(header("content-encoding").as_deref(), Some("br"), "{path}: the copy made at build time");
    }
    // The page has a description, in its language.
    assert!(page.contains(r#"<meta name="description" content="Carnet shows what"#), "{page}");
    let (_, page) = get_in(&client, &format!("{portal}/"), "fr-BE").await;
    assert!(page.contains(r#"<meta name="description" content="Carnet"#) && page.contains(r#"lang="fr""#));
    // Pages themselves are never kept.
    let response = client.get(format!("{portal}/")).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
}

#[tokio::test]
async fn the_csrf_token_differs_in_every_page_and_each_one_works() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    login(&client, portal, "sofie").await;
    let (_, _, first) = get(&client, &format!("{portal}/dashboard")).await;
    let (_, _, second) = get(&client, &format!("{portal}/dashboard")).await;
    let (one, two) = (csrf_of(&first), csrf_of(&second));
    assert_ne!(one, two, "masked afresh per response");
    // Either page's form is accepted: logging out with the first page's token works.
    let response = post_form(&client, &format!("{portal}/auth/logout"), portal, &[("csrf", &one)]).await;
    assert_eq!(response.status().as_u16(), 303);
    let (status, _, _) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 303, "logged out");
}
