//! Pages, languages and health endpoints, over HTTP against the real server.

use crate::common::*;

#[tokio::test]
async fn the_language_follows_accept_language_then_the_remembered_choice() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();

    let (_, body) = get_in(&client, &format!("{portal}/"), "fr-BE,fr;q=0.9,en;q=0.5").await;
    assert!(body.contains("<html lang=\"fr\""), "French from Accept-Language");
    assert!(body.contains(&carnet_app::i18n::Lang::Fr.t("skip-to-content")), "French skip link");
    assert!(body.contains("Aller au contenu principal"), "French skip link");

    let switch = client
        .get(format!("{portal}/lang/de?back=/"))
        .header("accept-language", "fr")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(switch.status().as_u16(), 303);
    assert_eq!(location(&switch), "/");
    let cookie = set_cookie(&switch, "carnet_lang");
    assert_eq!(cookie.as_deref(), Some("de"));

    let (_, body) = get_in(&client, &format!("{portal}/"), "fr").await;
    assert!(body.contains("<html lang=\"de\""), "the remembered choice wins");
}

#[tokio::test]
async fn the_language_switch_never_redirects_off_site() {
    let stack = stack(Options::default()).await;
    let (client, _) = browser();
    let switch = client
        .get(format!("{}/lang/nl?back=//evil.example/", stack.portal.url))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(location(&switch), "/");
}

#[tokio::test]
async fn pages_are_served_in_every_language() {
    let stack = stack(Options::default()).await;
    let (client, _) = browser();
    for (lang, heading) in [
        ("en", "Your health data, in one place"),
        ("nl", "<html lang=\"nl\""),
        ("fr", "<html lang=\"fr\""),
        ("de", "<html lang=\"de\""),
    ] {
        let (_, body) = get_in(&client, &format!("{}/", stack.portal.url), lang).await;
        assert!(body.contains(heading), "{lang}");
        assert!(body.contains("href=\"#main\""), "{lang}: skip link");
    }
}

#[tokio::test]
async fn an_unknown_page_is_a_translated_404() {
    let stack = stack(Options::default()).await;
    let (client, _) = browser();
    let (status, body) = get_in(&client, &format!("{}/no-such-page", stack.portal.url), "de").await;
    assert_eq!(status, 404);
    assert!(body.contains("<html lang=\"de\""));
}

#[tokio::test]
async fn health_and_readiness_report_their_dependencies() {
    let stack = stack(Options::default()).await;
    let (client, _) = browser();
    let (status, _, body) = get(&client, &format!("{}/healthz", stack.portal.url)).await;
    assert_eq!((status, body.as_str()), (200, "ok"));
    let (status, _, body) = get(&client, &format!("{}/readyz", stack.portal.url)).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"identity_provider\":\"ok\""));
    assert!(body.contains("\"database\":\"ok\""));
}

#[tokio::test]
async fn readiness_fails_when_the_identity_provider_is_gone() {
    let (listener, url) = bind().await;
    let idp = start_idp(std::slice::from_ref(&url)).await;
    let hubs = start_demo_hubs().await;
    let portal = start_portal(listener, &url, &idp, &hubs, Options::default()).await;
    drop(idp);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let (client, _) = browser();
    let (status, _, body) = get(&client, &format!("{}/readyz", portal.url)).await;
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("\"identity_provider\":\"unavailable\""));
}

#[tokio::test]
async fn a_source_that_is_down_is_named_and_the_page_still_renders() {
    let (listener, url) = bind().await;
    let idp = start_idp(std::slice::from_ref(&url)).await;
    // A port where nothing listens.
    let (closed, closed_url) = bind().await;
    drop(closed);
    let portal = start_portal(listener, &url, &idp, &closed_url, Options::default()).await;
    let (client, _) = browser();
    login(&client, &portal.url, "sofie").await;
    let (status, _, page) = get(&client, &format!("{}/dashboard", portal.url)).await;
    assert_eq!(status, 200);
    assert!(page.contains("Sofie Janssens"));
    assert!(page.contains("Vitalink cannot be reached right now"), "the failing source is named");
    assert!(page.contains("BruSafe+ cannot be reached right now"), "each failing source is named");
}

#[tokio::test]
async fn pages_with_personal_data_are_never_cached_and_carry_safety_headers() {
    let stack = stack(Options::default()).await;
    let (client, _) = browser();
    login(&client, &stack.portal.url, "sofie").await;
    let response = client.get(format!("{}/dashboard", stack.portal.url)).send().await.unwrap_or_else(|e| panic!("{e}"));
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert_eq!(header("cache-control"), "no-store");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("x-frame-options"), "DENY");
    assert_eq!(header("x-request-id").len(), 16, "a request id comes back");
    let cookie = client.get(format!("{}/auth/login", stack.portal.url)).send().await.unwrap_or_else(|e| panic!("{e}"));
    let set_cookie = cookie.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert!(set_cookie.contains("HttpOnly"), "{set_cookie}");
    assert!(set_cookie.contains("SameSite=Lax"), "{set_cookie}");
    assert!(!set_cookie.contains("Secure"), "no Secure flag over plain http on loopback");
}

/// The rows of one table on a page: each row's class and its text without tags.
fn table_rows(page: &str, table_id: &str) -> Vec<(String, String)> {
    Page::parse(page)
        .all(&format!("#{table_id} tbody tr"))
        .into_iter()
        .map(|row| (row.attr("class").unwrap_or_default().to_owned(), text_of(row)))
        .collect()
}

#[tokio::test]
async fn the_vaccinations_page_compares_the_record_with_the_basic_schedule() {
    let stack = stack(Options::default()).await;
    let (client, _) = browser();
    login(&client, &stack.portal.url, "sofie").await;
    get(&client, &format!("{}/lang/fr?back=/vaccinations", stack.portal.url)).await;
    let (status, _, page) = get(&client, &format!("{}/vaccinations", stack.portal.url)).await;
    assert_eq!(status, 200);

    // Sofie (born 1985) had one MMR dose as a baby and a dT booster without pertussis in
    // 2015: the second MMR dose is overdue, for all three diseases in one row, and so is a
    // pertussis booster.
    let moments = table_rows(&page, "schedule-moments");
    let overdue: Vec<&String> =
        moments.iter().filter(|(class, _)| class.ends_with("--overdue")).map(|(_, text)| text).collect();
    assert!(
        overdue.iter().any(|t| t.contains("Rougeole")
            && t.contains("Oreillons")
            && t.contains("Dose 2")
            && t.contains("En retard")),
        "MMR dose 2 overdue: {moments:?}"
    );
    assert!(overdue.iter().any(|t| t.contains("Coqueluche")), "pertussis overdue: {moments:?}");
    assert!(
        moments.iter().any(|(_, t)| t.contains("Grippe") && t.contains("12 avril 2050")),
        "the flu vaccine from 65: {moments:?}"
    );
    assert!(!moments.iter().any(|(_, t)| t.contains("Rotavirus")), "what does not apply is left out");

    // By disease: a combined vaccine (MMR) under each disease; COVID-19 outside the schedule.
    let diseases = table_rows(&page, "schedule-diseases");
    let row =
        |name: &str| diseases.iter().find(|(_, t)| t.starts_with(name)).map(|(_, t)| t.clone()).unwrap_or_default();
    assert!(row("Rougeole").contains("20 mai 1986"), "{diseases:?}");
    assert!(row("Oreillons").contains("20 mai 1986"), "{diseases:?}");
    assert!(row("COVID-19").contains("Hors calendrier de base"), "{diseases:?}");
    assert!(row("Rotavirus").contains("Aucune donnée"), "{diseases:?}");

    // The dashboard's vaccinations tile says it too.
    let (_, _, dashboard) = get(&client, &format!("{}/dashboard", stack.portal.url)).await;
    let tile = Page::parse(&dashboard).text("#tile-vaccinations").unwrap_or_default();
    assert!(tile.contains("vaccinations en retard"), "the tile counts what is overdue");
}
