//! The security baseline, tried as an attacker would from a browser on the same machine:
//! open redirects, the logout URL, session rows, CSP, CSRF, rate limits, body limits, the
//! metrics listener, document files, denials and failed logins in the audit, and
//! `carnet audit verify` against a database someone rewrote.

use std::collections::BTreeMap;

use crate::common::*;
use sqlx::Row;

/// Every way of writing "somewhere else" that a browser could follow, as it would appear
/// in a URL's query string.
const OFF_SITE: [&str; 16] = [
    "/%09/evil.example/",
    "/%0A/evil.example/",
    "/%0B/evil.example/",
    "/%0D/evil.example/",
    "/%5Cevil.example",
    "%5C%5Cevil.example",
    "//evil.example/",
    "%2F%2Fevil.example/",
    "/%5C/evil.example/",
    "https:evil.example",
    "https%3A%2F%2Fevil.example%2F",
    "javascript:alert(1)",
    "/.//evil.example",
    "/%2E//evil.example",
    "%20//evil.example",
    "/%E2%80%A8/evil.example",
];

async fn sqlite(portal: &Portal) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    sqlx::AnyPool::connect(&portal.database_url).await.unwrap_or_else(|e| panic!("{e}"))
}

async fn count(pool: &sqlx::AnyPool, sql: &'static str) -> i64 {
    let row = sqlx::query(sql).fetch_one(pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    row.try_get(0).unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn no_return_path_leads_off_site() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    for attack in OFF_SITE {
        let switch =
            client.get(format!("{portal}/lang/en?back={attack}")).send().await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(location(&switch), "/", "back={attack}");
    }
    // A path on the site is kept (rebuilt from its parsed form).
    let switch = client
        .get(format!("{portal}/lang/en?back=/documents%3Forder%3Doldest"))
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(location(&switch), "/documents?order=oldest");

    // Across the login: `next` is checked when the login starts and used after it.
    for attack in ["/%09/evil.example/", "%5C%5Cevil.example", "/.//evil.example"] {
        let (client, _) = browser();
        let start =
            client.get(format!("{portal}/auth/login?next={attack}")).send().await.unwrap_or_else(|e| panic!("{e}"));
        assert!(start.status().is_redirection());
        let callback = at_provider(&client, portal, &location(&start), "sofie").await;
        let done = client.get(callback).send().await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(location(&done), "/dashboard", "next={attack}");
    }
}

#[tokio::test]
async fn anonymous_visits_write_no_session_and_sessions_hold_no_clear_ssin() {
    let extra = BTreeMap::from([("CARNET_SESSION_IDLE_SECONDS".to_owned(), "4".to_owned())]);
    let stack = stack(Options { extra, ..Options::default() }).await;
    let portal = &stack.portal.url;
    let pool = sqlite(&stack.portal).await;
    for _ in 0..5 {
        let (client, _) = browser();
        let start = client.get(format!("{portal}/auth/login")).send().await.unwrap_or_else(|e| panic!("{e}"));
        assert!(start.status().is_redirection());
        assert!(set_cookie(&start, "carnet_session").is_none(), "no session before login");
        let login_cookie =
            set_cookie(&start, "carnet_login").unwrap_or_else(|| panic!("the login in progress is a cookie"));
        assert!(!login_cookie.contains("state") && login_cookie.len() > 100, "sealed, not readable");
        let _ = get(&client, &format!("{portal}/")).await;
    }
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM sessions").await, 0, "anonymous visits write no session row");

    let (client, _) = browser();
    login(&client, portal, "sofie").await;
    let rows = sqlx::query("SELECT data FROM sessions").fetch_all(&pool).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows.len(), 1);
    let data: String = rows.first().map(|r| r.try_get(0).unwrap_or_default()).unwrap_or_default();
    assert!(!data.contains("85041212468"), "no clear SSIN in the session row");
    assert!(!data.contains("Sofie"), "no clear name in the session row");
    assert!(!data.contains("eyJ"), "no ID token in the session row");
    let (status, _, page) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!((status, page.contains("Sofie Janssens")), (200, true), "the sealed session works");

    // Idle past its timeout: the row is swept, not kept forever.
    tokio::time::sleep(std::time::Duration::from_secs(7)).await;
    assert_eq!(count(&pool, "SELECT COUNT(*) FROM sessions").await, 0, "expired sessions are swept");
}

#[tokio::test]
async fn a_login_cookie_from_elsewhere_or_tampered_is_no_login() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, jar) = browser();
    let (callback, _) = login_until_callback(&client, portal, "sofie").await;
    let Ok(url) = portal.parse::<reqwest::Url>() else { panic!() };
    jar.add_cookie_str("carnet_login=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", &url);
    let response = client.get(callback).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(location(&response), "/problem?code=error-login-expired");
    let (status, _, _) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 303);
    // The failed login is in the audit log, with nobody as its actor.
    let pool = sqlite(&stack.portal).await;
    let failed = count(
        &pool,
        "SELECT COUNT(*) FROM audit_entries WHERE action = 'login' AND outcome = 'failure' AND actor = ''",
    )
    .await;
    assert_eq!(failed, 1, "a failed login is audited");
}

#[tokio::test]
async fn pages_carry_a_content_security_policy_whose_nonce_is_on_their_scripts() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    login(&client, portal, "sofie").await;
    let mut nonces = Vec::new();
    for path in ["/", "/dashboard", "/glossary", "/vaccinations"] {
        let response = client.get(format!("{portal}{path}")).send().await.unwrap_or_else(|e| panic!("{e}"));
        let csp = response
            .headers()
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        for part in [
            "default-src 'self'",
            "'wasm-unsafe-eval'",
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "form-action 'self' http://127.0.0.1:",
        ] {
            assert!(csp.contains(part), "{path}: {part} in {csp}");
        }
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        let nonce = csp.split("'nonce-").nth(1).and_then(|r| r.split('\'').next()).unwrap_or_default().to_owned();
        assert!(nonce.len() >= 16, "{path}: a nonce in {csp}");
        let strict_transport = response.headers().get("strict-transport-security").is_some();
        let page = response.text().await.unwrap_or_default();
        assert!(page.contains(&format!("nonce=\"{nonce}\"")), "{path}: the page's scripts carry the header's nonce");
        assert!(!strict_transport, "no HSTS over plain http");
        nonces.push(nonce);
    }
    nonces.dedup();
    assert_eq!(nonces.len(), 4, "a fresh nonce for every response");
}

#[tokio::test]
async fn https_gets_hsts_and_host_prefixed_cookies() {
    let (listener, url) = bind().await;
    let idp = start_idp(std::slice::from_ref(&url)).await;
    let hubs = start_demo_hubs().await;
    let extra = BTreeMap::from([("CARNET_PUBLIC_URL".to_owned(), "https://carnet.example".to_owned())]);
    start_portal(listener, &url, &idp, &hubs, Options { extra, ..Options::default() }).await;
    let (client, _) = browser();
    let response = client.get(format!("{url}/")).send().await.unwrap_or_else(|e| panic!("{e}"));
    let hsts = response
        .headers()
        .get("strict-transport-security")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(hsts.starts_with("max-age=31536000"), "{hsts}");
    let start = client.get(format!("{url}/auth/login")).send().await.unwrap_or_else(|e| panic!("{e}"));
    let cookie = start.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(
        cookie.starts_with("__Host-carnet_login=") && cookie.contains("; Secure") && cookie.contains("Path=/"),
        "{cookie}"
    );
}

#[tokio::test]
async fn state_changing_requests_from_another_origin_or_without_the_token_are_refused() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    login(&client, portal, "sofie").await;
    let (_, _, page) = get(&client, &format!("{portal}/dashboard")).await;
    let token = csrf_of(&page);
    let evil = "http://127.0.0.1:1";

    // A server function called from another origin (a text/plain "simple" request).
    let api = client
        .post(format!("{portal}/api/read"))
        .header("origin", evil)
        .header("content-type", "text/plain")
        .body("scope=vaccinations")
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(api.status().as_u16(), 403);
    assert!(!api.text().await.unwrap_or_default().contains("Influenza"), "no data for another origin");
    // A same-site sibling (the provider's or the demo hubs' port) is another origin.
    let sibling = client
        .post(format!("{portal}/api/read"))
        .header("origin", stack.idp.url.as_str())
        .header("sec-fetch-site", "same-site")
        .form(&[("scope", "vaccinations")])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(sibling.status().as_u16(), 403);
    // No Origin and no Sec-Fetch-Site: no proof of where it came from.
    let bare = client
        .post(format!("{portal}/api/read"))
        .form(&[("scope", "vaccinations")])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bare.status().as_u16(), 403);

    // The logout form, replayed from another origin, with and without the token.
    let replay = post_form(&client, &format!("{portal}/auth/logout"), evil, &[("csrf", &token)]).await;
    assert_eq!(replay.status().as_u16(), 403);
    // From this origin but without the token, or with another session's.
    let no_token = post_form(&client, &format!("{portal}/auth/logout"), portal, &[]).await;
    assert_eq!(no_token.status().as_u16(), 403);
    let page = no_token.text().await.unwrap_or_default();
    assert!(page.contains("did not come from a Carnet page"), "a translated explanation");
    let wrong =
        post_form(&client, &format!("{portal}/auth/logout"), portal, &[("csrf", "0".repeat(64).as_str())]).await;
    assert_eq!(wrong.status().as_u16(), 403);
    let (status, _, _) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 200, "none of them logged the person out");

    // In French, the refusal is in French.
    let french = client
        .post(format!("{portal}/auth/logout"))
        .header("origin", evil)
        .header("accept-language", "fr")
        .form(&[("csrf", &token)])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(french.text().await.unwrap_or_default().contains("ne venait pas d’une page de Carnet"));

    // The real form, from this origin with its token, works.
    let real = post_form(&client, &format!("{portal}/auth/logout"), portal, &[("csrf", &token)]).await;
    assert_eq!(real.status().as_u16(), 303);
}

#[tokio::test]
async fn the_login_is_rate_limited_per_address_with_a_translated_page() {
    let extra = BTreeMap::from([("CARNET_RATE_AUTH_PER_MINUTE".to_owned(), "3".to_owned())]);
    let stack = stack(Options { extra, ..Options::default() }).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    for _ in 0..3 {
        let start = client.get(format!("{portal}/auth/login")).send().await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(start.status().as_u16(), 303);
    }
    let (status, page) = get_in(&client, &format!("{portal}/auth/login"), "nl").await;
    assert_eq!(status, 429);
    assert!(page.contains("Te veel verzoeken"), "in Dutch");
    // Other pages are not limited by it.
    let (status, _) = get_in(&client, &format!("{portal}/"), "nl").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn server_functions_are_rate_limited_per_session() {
    let extra = BTreeMap::from([("CARNET_RATE_API_PER_MINUTE".to_owned(), "2".to_owned())]);
    let stack = stack(Options { extra, ..Options::default() }).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    login(&client, portal, "sofie").await;
    let call = || {
        client
            .post(format!("{portal}/api/read"))
            .header("origin", portal.as_str())
            .form(&[("scope", "vaccinations")])
            .send()
    };
    for _ in 0..2 {
        let response = call().await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(response.status().as_u16(), 200);
    }
    assert_eq!(call().await.map(|r| r.status().as_u16()).ok(), Some(429));
    // Another session has its own budget.
    let (other, _) = browser();
    login(&other, portal, "marc").await;
    let response = other
        .post(format!("{portal}/api/read"))
        .header("origin", portal.as_str())
        .form(&[("scope", "vaccinations")])
        .send()
        .await;
    assert_eq!(response.map(|r| r.status().as_u16()).ok(), Some(200));
}

/// The session's limits count the session the session layer resolved: another spelling
/// of the cookie (a second `carnet_session` before the real one) is no fresh budget; pages
/// and form posts of a session are limited too, anonymous pages are not.
#[tokio::test]
async fn the_sessions_limits_count_the_session_whatever_its_cookies_say() {
    use reqwest::cookie::CookieStore;
    let extra = BTreeMap::from([
        ("CARNET_RATE_API_PER_MINUTE".to_owned(), "2".to_owned()),
        ("CARNET_RATE_PAGES_PER_MINUTE".to_owned(), "4".to_owned()),
    ]);
    let stack = stack(Options { extra, ..Options::default() }).await;
    let portal = &stack.portal.url;
    let (client, jar) = browser();
    login(&client, portal, "sofie").await;
    let url: reqwest::Url = portal.parse().unwrap_or_else(|e| panic!("{e}"));
    let cookies = jar.cookies(&url).and_then(|v| v.to_str().ok().map(str::to_owned)).unwrap_or_default();
    let session = cookies
        .split("; ")
        .find_map(|c| c.strip_prefix("carnet_session="))
        .unwrap_or_else(|| panic!("no session cookie in {cookies}"))
        .to_owned();
    let plain = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    let call = |cookie: String| {
        plain
            .post(format!("{portal}/api/read"))
            .header("origin", portal.as_str())
            .header("cookie", cookie)
            .form(&[("scope", "vaccinations")])
            .send()
    };
    for _ in 0..2 {
        let response = call(format!("carnet_session={session}")).await.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(response.status().as_u16(), 200);
    }
    for variant in [
        format!("carnet_session=x{session}; carnet_session={session}"),
        format!("carnet_session=%{session}; carnet_session={session}"),
        format!("carnet_session={session}; other=1"),
    ] {
        let status = call(variant.clone()).await.map(|r| r.status().as_u16()).ok();
        assert_eq!(status, Some(429), "{variant}: the same session, the same budget");
    }
    // Pages: the session's own budget, spent on its pages.
    let mut statuses = Vec::new();
    for _ in 0..6 {
        let (status, _, _) = get(&client, &format!("{portal}/glossary")).await;
        statuses.push(status);
    }
    assert!(statuses.contains(&429), "a session's pages are limited: {statuses:?}");
    let (anonymous, _) = browser();
    for _ in 0..6 {
        let (status, _, _) = get(&anonymous, &format!("{portal}/glossary")).await;
        assert_eq!(status, 200, "anonymous pages are not counted");
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_413() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    let big = "x".repeat(200_000);
    let response = client
        .post(format!("{portal}/api/read"))
        .header("origin", portal.as_str())
        .form(&[("scope", big.as_str())])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 413);
}

/// A server function's refusal has its status: 401 for nobody logged in (not a 500), and
/// an oversized body sent in chunks (no declared length) is 413 like a declared one.
#[tokio::test]
async fn server_functions_answer_401_logged_out_and_413_for_an_oversized_chunked_body() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    let response = client
        .post(format!("{portal}/api/read"))
        .header("origin", portal.as_str())
        .form(&[("scope", "vaccinations")])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 401);
    assert!(response.text().await.unwrap_or_default().contains("Unauthenticated"));
    login(&client, portal, "sofie").await;
    let response = client
        .post(format!("{portal}/api/document"))
        .header("origin", portal.as_str())
        .form(&[("token", "not-a-token")])
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 404, "a token this portal did not make names nothing");
    // 200 000 bytes in chunks of 10 000, no Content-Length.
    let address = portal.trim_start_matches("http://");
    let mut tcp = tokio::net::TcpStream::connect(address).await.unwrap_or_else(|e| panic!("{e}"));
    let head = format!(
        "POST /api/read HTTP/1.1\r\nHost: {address}\r\nOrigin: {portal}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    tcp.write_all(head.as_bytes()).await.unwrap_or_else(|e| panic!("{e}"));
    let chunk = "x".repeat(10_000);
    for _ in 0..20 {
        if tcp.write_all(format!("{:x}\r\n{chunk}\r\n", chunk.len()).as_bytes()).await.is_err() {
            break; // refused before the end
        }
    }
    let _ = tcp.write_all(b"0\r\n\r\n").await;
    let mut answer = Vec::new();
    let _ = tcp.read_to_end(&mut answer).await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{}", answer.lines().next().unwrap_or_default());
}

#[tokio::test]
async fn metrics_are_not_served_on_the_public_listener() {
    let stack = stack(Options::default()).await;
    let (client, _) = browser();
    let (status, _, _) = get(&client, &format!("{}/metrics", stack.portal.url)).await;
    assert_eq!(status, 404);
    // Its own listener serves them.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap_or_else(|e| panic!("{e}"));
    let addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
    let router = carnet::metrics_router(&stack.portal.state);
    tokio::spawn(async move { axum::serve(listener, router).await });
    let (status, _, body) = get(&client, &format!("http://{addr}/metrics")).await;
    assert_eq!(status, 200);
    assert!(body.contains("carnet_source_requests_total") || body.is_empty() || body.contains('#'), "{body}");
}

/// The document links (`/documents/<token>`) in a page.
fn document_links(page: &str) -> Vec<String> {
    Page::parse(page)
        .hrefs_after("/documents/")
        .into_iter()
        .filter(|token| !token.is_empty() && !token.contains(['?', '/']))
        .collect()
}

#[tokio::test]
async fn someone_elses_document_is_refused_and_shown_in_their_log() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (maria, _) = browser();
    login(&maria, portal, "maria").await;
    let (_, _, page) = get(&maria, &format!("{portal}/documents")).await;
    let token = document_links(&page).into_iter().next().unwrap_or_else(|| panic!("Maria has documents"));
    assert!(!token.contains("41022703827"), "no clear SSIN in the link");
    let (status, _, _) = get(&maria, &format!("{portal}/documents/{token}")).await;
    assert_eq!(status, 200, "Maria opens her own document");

    // Sofie got hold of the link.
    let (sofie, _) = browser();
    login(&sofie, portal, "sofie").await;
    let (_, _, page) = get(&sofie, &format!("{portal}/documents/{token}")).await;
    assert!(!page.contains("Van den Bossche"), "nothing of Maria's record");
    let (status, _, _) = get(&sofie, &format!("{portal}/documents/{token}/file")).await;
    assert_ne!(status, 200, "nor the file");

    let maria_ssin = carnet_core::policy::own_proof_for_tests("41022703827");
    let entries = stack.portal.state.store.audit_for(&maria_ssin, 20).await.unwrap_or_else(|e| panic!("{e}"));
    let denials: Vec<_> = entries.iter().filter(|e| e.outcome == "denied").collect();
    assert_eq!(denials.len(), 2, "both probes are denials in Maria's log: {entries:?}");
    assert!(
        denials
            .iter()
            .all(|e| e.actor == "85041212468" && e.action == "read:documents" && e.basis == "denied:no-basis")
    );
}

#[tokio::test]
async fn document_files_are_sandboxed_and_send_no_referrer() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    login(&client, portal, "sofie").await;
    let (_, _, page) = get(&client, &format!("{portal}/documents")).await;
    let mut seen_pdf = false;
    for token in document_links(&page) {
        let response =
            client.get(format!("{portal}/documents/{token}/file")).send().await.unwrap_or_else(|e| panic!("{e}"));
        if response.status().as_u16() != 200 {
            continue;
        }
        let header =
            |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        assert!(
            header("content-security-policy").contains("sandbox"),
            "{token}: {}",
            header("content-security-policy")
        );
        assert_eq!(header("referrer-policy"), "no-referrer");
        seen_pdf |= header("content-type") == "application/pdf";
    }
    assert!(seen_pdf, "Sofie has a PDF");
}

/// In production (an https public URL) the audit key may not sit in the SQLite database's
/// folder: the portal does not start; elsewhere it does.
#[tokio::test]
async fn production_refuses_an_audit_key_in_the_sqlite_databases_folder() {
    let database_url = fresh_sqlite_url("key-placement");
    let folder = std::path::PathBuf::from(database_url.trim_start_matches("sqlite://")).with_file_name("");
    let apart =
        std::path::PathBuf::from(fresh_sqlite_url("key-apart").trim_start_matches("sqlite://")).with_file_name("");
    let config = |key: &std::path::Path, public: &str| {
        let vars = BTreeMap::from([
            ("CARNET_PUBLIC_URL".to_owned(), public.to_owned()),
            ("CARNET_DATABASE_URL".to_owned(), database_url.clone()),
            ("CARNET_AUDIT_KEY_FILE".to_owned(), key.join("audit.key").display().to_string()),
            ("CARNET_DATA_DIR".to_owned(), apart.display().to_string()),
            ("CARNET_SOURCES_FILE".to_owned(), repo_root().join("server/carnet/sources.toml").display().to_string()),
        ]);
        carnet::Config::from_vars(vars).unwrap_or_else(|e| panic!("config: {e}"))
    };
    let refused = carnet::open_store(&config(&folder, "https://carnet.example")).await;
    assert!(matches!(refused, Err(carnet::StartError::AuditKeyBesideDatabase(_))), "{:?}", refused.err());
    assert!(!folder.join("audit.key").exists(), "refused before a key is made there");
    assert!(carnet::open_store(&config(&apart, "https://carnet.example")).await.is_ok(), "a key elsewhere");
    assert!(carnet::open_store(&config(&folder, "http://127.0.0.1:3000")).await.is_ok(), "the local demo");
}

/// The clock the browser tests move forward is refused in production (an https public URL).
#[tokio::test]
async fn production_refuses_a_movable_clock() {
    let database_url = fresh_sqlite_url("movable-clock");
    let config = |public: &str| {
        let vars = BTreeMap::from([
            ("CARNET_PUBLIC_URL".to_owned(), public.to_owned()),
            ("CARNET_DATABASE_URL".to_owned(), database_url.clone()),
            ("CARNET_CLOCK_MOVABLE".to_owned(), "1".to_owned()),
            (
                "CARNET_AUDIT_KEY_FILE".to_owned(),
                std::env::temp_dir().join("carnet-movable-clock.key").display().to_string(),
            ),
            ("CARNET_SOURCES_FILE".to_owned(), repo_root().join("server/carnet/sources.toml").display().to_string()),
        ]);
        carnet::Config::from_vars(vars).unwrap_or_else(|e| panic!("config: {e}"))
    };
    let refused = carnet::open_store(&config("https://carnet.example")).await;
    assert!(matches!(refused, Err(carnet::StartError::MovableClockInProduction)), "{:?}", refused.err());
    assert!(carnet::open_store(&config("http://127.0.0.1:3000")).await.is_ok(), "the local test stack");
}

#[tokio::test]
async fn carnet_audit_verify_finds_a_rewritten_database() {
    let extra = BTreeMap::from([("CARNET_AUDIT_CHECKPOINT_SECONDS".to_owned(), "1".to_owned())]);
    let stack = stack(Options { extra, ..Options::default() }).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    login(&client, portal, "sofie").await;
    // A login and eight page views: nine entries at least.
    for _ in 0..4 {
        let _ = get(&client, &format!("{portal}/dashboard")).await;
        let _ = get(&client, &format!("{portal}/vaccinations")).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;

    let data_dir =
        std::path::PathBuf::from(stack.portal.database_url.trim_start_matches("sqlite://")).with_file_name("");
    let config = &stack.portal.state.config;
    let verify = |more: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_carnet"))
            .args(["audit", "verify"])
            .args(more)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("CARNET_DATABASE_URL", &stack.portal.database_url)
            .env("CARNET_AUDIT_KEY_FILE", &config.keys.audit_key_file)
            .env("CARNET_AUDIT_CHECKPOINT_FILE", &config.audit.checkpoint_file)
            .env("CARNET_SOURCES_FILE", concat!(env!("CARGO_MANIFEST_DIR"), "/sources.toml"))
            .current_dir(&data_dir)
            .output()
            .unwrap_or_else(|e| panic!("carnet audit verify: {e}"))
    };
    let intact = verify(&[]);
    let out = String::from_utf8_lossy(&intact.stdout).to_string() + &String::from_utf8_lossy(&intact.stderr);
    assert_eq!(intact.status.code(), Some(0), "{out}");
    assert!(out.contains("intact"), "{out}");
    // A checkpoint file that is not there (mistyped) cannot be checked against: not "intact".
    let missing = data_dir.join("no-such-checkpoints.jsonl").display().to_string();
    let unchecked = verify(&[missing.as_str()]);
    let err = String::from_utf8_lossy(&unchecked.stderr).to_string();
    assert_eq!(unchecked.status.code(), Some(2), "{err}");
    assert!(err.contains("no checkpoint file"), "{err}");
    // Unless told there are none: then the chains alone.
    let chains = verify(&["--no-checkpoints"]);
    assert_eq!(chains.status.code(), Some(0), "{}", String::from_utf8_lossy(&chains.stderr));

    // Someone with write access to the database drops the trigger and edits entry 3.
    let pool = sqlite(&stack.portal).await;
    let original: String = sqlx::query("SELECT outcome FROM audit_entries WHERE seq = 3")
        .fetch_one(&pool)
        .await
        .and_then(|r| r.try_get(0))
        .unwrap_or_else(|e| panic!("{e}"));
    for sql in [
        "DROP TRIGGER audit_entries_no_update",
        "DROP TRIGGER audit_entries_no_delete",
        "UPDATE audit_entries SET outcome = 'forged' WHERE seq = 3",
    ] {
        sqlx::query(sql).execute(&pool).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
    let broken = verify(&[]);
    let err = String::from_utf8_lossy(&broken.stderr).to_string();
    assert_eq!(broken.status.code(), Some(1), "{err}");
    assert!(err.contains("sequence number 3"), "{err}");

    // Deleting the newest entries is found against the last checkpoint.
    sqlx::query("UPDATE audit_entries SET outcome = $1 WHERE seq = 3")
        .bind(&original)
        .execute(&pool)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let intact_again = verify(&[]);
    assert_eq!(
        intact_again.status.code(),
        Some(0),
        "the edit undone: {}",
        String::from_utf8_lossy(&intact_again.stderr)
    );
    let last: i64 = count(&pool, "SELECT MAX(seq) FROM audit_entries").await;
    sqlx::query("DELETE FROM audit_entries WHERE seq >= 5").execute(&pool).await.unwrap_or_else(|e| panic!("{e}"));
    let truncated = verify(&[]);
    let err = String::from_utf8_lossy(&truncated.stderr).to_string();
    assert_eq!(truncated.status.code(), Some(1), "{err}");
    assert!(err.contains("sequence number 5") && err.contains(&format!("up to {last}")), "{err}");
}
