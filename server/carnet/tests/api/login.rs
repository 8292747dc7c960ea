//! The login flow against the real local provider: a citizen logs in, sees their
//! vaccinations, and logs out; the callback refuses what it must refuse.

use std::collections::BTreeMap;

use crate::common::*;
use reqwest::cookie::CookieStore;

#[tokio::test]
async fn a_citizen_logs_in_sees_their_vaccinations_and_logs_out() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();

    let after_callback = login(&client, portal, "sofie").await;
    assert_eq!(location(&after_callback), "/dashboard");

    let (status, _, page) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Sofie Janssens"), "the name is shown");
    assert!(page.contains("Influenza (flu) vaccine"), "the latest vaccination is shown");
    assert!(page.contains("Vitalink: up to date"), "the source state is shown");
    assert!(page.contains("BruSafe+: up to date"), "every source's state is shown");
    assert!(page.contains("7 vaccinations"), "the count covers both sources");
    assert!(!page.contains("85041212468"), "the SSIN is never shown in the page");

    // The access was audited.
    let ssin = carnet_core::policy::own_proof_for_tests("85041212468");
    let entries = stack.portal.state.store.audit_for(&ssin, 10).await.unwrap_or_else(|e| panic!("{e}"));
    // After the login, the page view's reads: one entry per delivery of tiles, listing its
    // kinds of data (all quick here: one delivery), with its outcome.
    assert!(entries.iter().all(|e| e.chain == stack.portal.state.store.audit_chain()));
    let mut actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions.pop(), Some("login"));
    assert_eq!(actions.len(), 1, "{actions:?}");
    let mut scopes: Vec<&str> =
        actions.iter().flat_map(|a| a.strip_prefix("read:").unwrap_or_default().split(',')).collect();
    scopes.sort();
    assert_eq!(
        scopes,
        vec!["access-events", "allergies", "consent", "documents", "medication", "relationships", "vaccinations"]
    );
    assert!(entries.iter().filter(|e| e.action != "login").all(|e| e.outcome == "success"), "every source answered");

    // The vaccinations page has the whole history, read (and audited) again.
    let (status, _, page) = get(&client, &format!("{portal}/vaccinations")).await;
    assert_eq!(status, 200);
    assert!(page.contains("COVID-19 vaccine"), "a vaccination is shown");
    assert!(page.contains("Dose 2"), "dose numbers are shown");
    assert!(!page.contains("85041212468"), "the SSIN is never shown in the page");
    let entries = stack.portal.state.store.audit_for(&ssin, 10).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(entries.len(), 3, "{:?}", entries.iter().map(|e| &e.action).collect::<Vec<_>>());
    assert_eq!(entries.first().map(|e| e.action.as_str()), Some("read:vaccinations"));

    // Logout ends the local session and sends the browser to the provider's logout.
    let logout = logout(&client, portal).await;
    assert_eq!(logout.status().as_u16(), 303);
    let to_provider = location(&logout);
    assert!(to_provider.starts_with(&stack.idp.url), "logout goes to the provider: {to_provider}");
    assert!(!to_provider.contains("id_token_hint="), "no ID token (it holds the SSIN) in the URL: {to_provider}");
    assert!(to_provider.contains("client_id=carnet-local"), "the client names itself instead");
    assert!(to_provider.contains("post_logout_redirect_uri="), "and the way back");
    let entries = stack.portal.state.store.audit_for(&ssin, 1).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        entries.first().map(|e| (e.action.as_str(), e.outcome.as_str())),
        Some(("logout", "success")),
        "the logout is audited"
    );

    let (status, location, _) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 303, "the dashboard needs a login again");
    assert!(location.unwrap_or_default().starts_with("/auth/login"));
}

#[tokio::test]
async fn the_session_id_changes_at_login_and_the_old_one_is_worthless() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, jar) = browser();
    // An attacker plants a session id in the browser before the login (session fixation).
    let before = "AAAAAAAAAAAAAAAAAAAAAA";
    let Ok(url) = portal.parse::<reqwest::Url>() else { panic!() };
    jar.add_cookie_str(&format!("carnet_session={before}"), &url);
    let (callback, pre_login) = login_until_callback(&client, portal, "maria").await;
    // (At most it clears the planted one.)
    assert_eq!(pre_login.unwrap_or_default(), "", "starting a login sets no session cookie");
    let response = client.get(callback).send().await.unwrap_or_else(|e| panic!("{e}"));
    let after = set_cookie(&response, "carnet_session").unwrap_or_else(|| panic!("a new session cookie at login"));
    assert_ne!(before, after, "the session id must change at login");

    // The planted id does not give access.
    let (old_client, old_jar) = browser();
    old_jar.add_cookie_str(&format!("carnet_session={before}"), &url);
    let (status, _, _) = get(&old_client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 303);

    let (status, _, page) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Maria Van den Bossche"));
}

#[tokio::test]
async fn a_wrong_state_is_rejected_and_gives_no_session() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    let (callback, _) = login_until_callback(&client, portal, "sofie").await;
    let tampered = replace_param(&callback, "state", "forged-state");
    let response = client.get(tampered).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(location(&response), "/problem?code=error-login-failed");
    let (status, _, _) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 303, "no session after a rejected callback");
}

#[tokio::test]
async fn a_replayed_code_is_rejected() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    let (callback, _) = login_until_callback(&client, portal, "sofie").await;
    let first = client.get(&callback).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(location(&first), "/dashboard");

    // The same callback again: the login it belonged to is used up.
    let again = client.get(&callback).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(location(&again), "/problem?code=error-login-expired");

    // Even with a fresh login in progress (and its state), the provider refuses the old code.
    let (attacker, _) = browser();
    let (fresh_callback, _) = login_until_callback(&attacker, portal, "pieter").await;
    let fresh_state = param(&fresh_callback, "state");
    let replay = replace_param(&callback, "state", &fresh_state);
    let response = attacker.get(replay).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(location(&response), "/problem?code=error-login-expired");
    let (status, _, _) = get(&attacker, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 303);
}

#[tokio::test]
async fn an_id_token_with_another_nonce_is_rejected() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, jar) = browser();
    let (callback, _) = login_until_callback(&client, portal, "sofie").await;

    // Change the nonce the portal expects (as only the portal could: the login in progress
    // is sealed with its secret key): the provider's ID token carries the original one.
    let key = carnet::secrets::load_or_generate(&stack.portal.state.config.keys.secret_key_file)
        .unwrap_or_else(|e| panic!("{e}"));
    let sealer = carnet::secrets::Sealer::new(&key);
    let Ok(url) = portal.parse::<reqwest::Url>() else { panic!() };
    let cookies = jar.cookies(&url).and_then(|h| h.to_str().ok().map(str::to_owned)).unwrap_or_default();
    let sealed = cookies
        .split("; ")
        .find_map(|c| c.strip_prefix("carnet_login="))
        .unwrap_or_else(|| panic!("the login cookie: {cookies}"));
    let json =
        sealer.open("login-in-progress", sealed).unwrap_or_else(|| panic!("the portal's cookie opens with its key"));
    let mut value: serde_json::Value = serde_json::from_slice(&json).unwrap_or_else(|e| panic!("{e}"));
    let Some(nonce) = value.pointer_mut("/pending/nonce") else { panic!("the login in progress keeps its nonce") };
    *nonce = serde_json::json!("a-different-nonce");
    let resealed = sealer.seal("login-in-progress", &serde_json::to_vec(&value).unwrap_or_default());
    jar.add_cookie_str(&format!("carnet_login={resealed}; Path=/"), &url);
    let data = "(sealed)";

    let response = client.get(callback).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert!(response.status().is_redirection(), "{}: {}", response.status(), data);
    assert_eq!(location(&response), "/problem?code=error-login-failed");
    let (status, _, _) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 303);
}

#[tokio::test]
async fn an_idle_session_expires() {
    let options = Options {
        extra: BTreeMap::from([("CARNET_SESSION_IDLE_SECONDS".to_owned(), "2".to_owned())]),
        ..Options::default()
    };
    let stack = stack(options).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    login(&client, portal, "sofie").await;
    let (status, _, _) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 200);
    tokio::time::sleep(std::time::Duration::from_millis(3200)).await;
    let (status, location, _) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 303, "idle too long");
    assert!(location.unwrap_or_default().starts_with("/auth/login"));
}

/// A portal started with one setting, and Sofie logged in with her dashboard open.
async fn sofie_on(setting: &str, value: &str) -> (Stack, reqwest::Client, std::sync::Arc<reqwest::cookie::Jar>) {
    let options = Options { extra: BTreeMap::from([(setting.to_owned(), value.to_owned())]), ..Options::default() };
    let stack = stack(options).await;
    let (client, jar) = browser();
    login(&client, &stack.portal.url, "sofie").await;
    let (status, _, _) = get(&client, &format!("{}/dashboard", stack.portal.url)).await;
    assert_eq!(status, 200);
    (stack, client, jar)
}

/// Takes the sessions table away from the portal's database, or puts it back.
async fn sessions_table(stack: &Stack, away: bool) {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&stack.portal.database_url).await.unwrap_or_else(|e| panic!("{e}"));
    let sql = if away {
        "ALTER TABLE sessions RENAME TO sessions_away"
    } else {
        "ALTER TABLE sessions_away RENAME TO sessions"
    };
    sqlx::query(sql).execute(&pool).await.unwrap_or_else(|e| panic!("{e}"));
}

#[tokio::test]
async fn a_session_store_that_cannot_be_read_gives_an_error_page_not_a_logout() {
    // Without the in-process session cache (which would go on serving this session).
    let (stack, client, _) = sofie_on("CARNET_SESSION_CACHE_SECONDS", "0").await;
    let portal = &stack.portal.url;
    sessions_table(&stack, true).await;
    let (status, location, page) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 503, "the store is down: {location:?}");
    assert_eq!(location, None, "not sent to the login as if logged out");
    assert!(page.contains(r#"data-code="error-session-unavailable""#), "{page}");
    assert!(page.contains("You are still logged in"), "translated, in the person's words");
    sessions_table(&stack, false).await;
    let (status, _, _) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 200, "the store is back and the person was never logged out");
}

#[tokio::test]
async fn a_session_that_cannot_be_saved_gives_the_error_page_not_an_empty_answer() {
    // The session cache serves the session while its table is away; marking it used (every
    // second with a 4-second idle timeout) changes it, and saving that change fails.
    let (stack, client, jar) = sofie_on("CARNET_SESSION_IDLE_SECONDS", "4").await;
    let portal = &stack.portal.url;
    let url: reqwest::Url = portal.parse().unwrap_or_else(|e| panic!("{e}"));
    jar.add_cookie_str("carnet_lang=fr; Path=/", &url);
    sessions_table(&stack, true).await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let (status, location, page) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 503, "not a bare 500: {location:?} {page}");
    assert!(page.contains(r#"data-code="error-session-unavailable""#), "{page}");
    assert!(page.contains(r#"lang="fr""#), "in the person's language: {page}");
    assert!(page.contains("Votre session reste ouverte"), "translated: {page}");
    sessions_table(&stack, false).await;
    let (status, _, _) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 200, "the store is back and the person was never logged out");
}

#[tokio::test]
async fn a_session_ends_at_the_absolute_timeout_even_when_used() {
    let options = Options {
        extra: BTreeMap::from([("CARNET_SESSION_ABSOLUTE_SECONDS".to_owned(), "2".to_owned())]),
        ..Options::default()
    };
    let stack = stack(options).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    login(&client, portal, "sofie").await;
    for _ in 0..3 {
        let (status, _, _) = get(&client, &format!("{portal}/dashboard")).await;
        assert_eq!(status, 200);
        tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(2200)).await;
    let (status, _, _) = get(&client, &format!("{portal}/dashboard")).await;
    assert_eq!(status, 303);
}

#[tokio::test]
async fn an_invalid_or_missing_ssin_gives_a_translated_error_and_no_session() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    for (user, code) in [("broken", "error-ssin-invalid"), ("nossin", "error-ssin-missing")] {
        let (client, _) = browser();
        let response = login(&client, portal, user).await;
        assert_eq!(location(&response), format!("/problem?code={code}"));
        let (status, _, _) = get(&client, &format!("{portal}/dashboard")).await;
        assert_eq!(status, 303, "{user}: no session");

        let (status, body) = get_in(&client, &format!("{portal}/problem?code={code}"), "nl-BE,nl;q=0.9").await;
        assert_eq!(status, 403);
        assert!(body.contains("<html lang=\"nl\""), "{user}: page in Dutch");
        assert!(body.contains("rijksregisternummer"), "{user}: the Dutch explanation");
    }
}

fn param(url: &str, name: &str) -> String {
    let Ok(parsed) = reqwest::Url::parse(url) else { panic!("{url}") };
    parsed.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v.into_owned()).unwrap_or_default()
}

fn replace_param(url: &str, name: &str, value: &str) -> String {
    let Ok(mut parsed) = reqwest::Url::parse(url) else { panic!("{url}") };
    let pairs: Vec<(String, String)> = parsed
        .query_pairs()
        .map(|(k, v)| {
            let replace = k == name;
            (k.into_owned(), if replace { value.to_owned() } else { v.into_owned() })
        })
        .collect();
    parsed.query_pairs_mut().clear().extend_pairs(pairs);
    parsed.to_string()
}
