//! Production shape: two portal instances on one PostgreSQL database, migrated by the
//! schema's owner and used through a portal role that may only insert and select the audit
//! log. A login on one is valid on the other, because sessions live in the database; both
//! append to the audit log at once, each to its own chain, and the whole log verifies
//! against both instances' checkpoints.

use crate::common::*;

#[tokio::test]
async fn a_login_on_one_instance_is_valid_on_the_other() {
    // Both instances share the keys (the secret key seals the session's person).
    let (a, b, _idp, _hubs) = two_instances(&[("CARNET_AUDIT_CHECKPOINT_SECONDS", "1")]).await;

    let (client, _) = browser();
    let response = login(&client, &a.url, "marc").await;
    assert_eq!(location(&response), "/act-for", "a parent first chooses whose record");

    // Cookies are per host, not per port: the same browser now asks instance B.
    let (status, _, page) = get(&client, &format!("{}/dashboard", b.url)).await;
    assert_eq!(status, 200);
    assert!(page.contains("Marc Dubois"));

    // Both instances append at once (each dashboard an entry listing its seven reads), each
    // to its chain.
    let mut pages = Vec::new();
    for i in 0..10 {
        let client = client.clone();
        let url = if i % 2 == 0 { a.url.clone() } else { b.url.clone() };
        pages.push(tokio::spawn(async move { get(&client, &format!("{url}/dashboard")).await.0 }));
    }
    for page in pages {
        assert_eq!(page.await.ok(), Some(200));
    }
    assert_ne!(a.state.store.audit_chain(), b.state.store.audit_chain());
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    // Each instance appends its checkpoints to the shared file (one line per write).
    let checkpoints = carnet_store::CheckpointLog::new(&a.state.config.audit.checkpoint_file)
        .read()
        .unwrap_or_else(|e| panic!("{e}"));
    let chains: std::collections::BTreeSet<&str> = checkpoints.iter().map(|c| c.chain.as_str()).collect();
    assert_eq!(chains.len(), 2, "both instances checkpointed their chains");
    match a.state.store.verify_audit(&checkpoints).await {
        Ok(carnet_store::Verdict::Intact { chains, entries, .. }) => {
            assert_eq!(chains, 2);
            assert!(entries >= 11, "a login and ten dashboards (one entry each, listing seven reads): {entries}");
        }
        other => panic!("the log of two instances must verify: {other:?}"),
    }

    // Logging out on B ends the session for A too.
    let logout = logout(&client, &b.url).await;
    assert_eq!(logout.status().as_u16(), 303);
    let (status, _, _) = get(&client, &format!("{}/dashboard", a.url)).await;
    assert_eq!(status, 303);
}

const PORTAL_ROLE: &str = "carnet_portal";

/// A fresh database owned by the admin, and the URL of the portal role on it.
async fn fresh_database(admin_url: &str) -> (String, String) {
    sqlx::any::install_default_drivers();
    // One database per test (several run in one process).
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let name = format!("carnet_two_{}_{nanos}", std::process::id());
    let admin = sqlx::AnyPool::connect(admin_url).await.unwrap_or_else(|e| panic!("{e}"));
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name}"))).execute(&admin).await;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&admin)
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{PORTAL_ROLE}') THEN CREATE ROLE {PORTAL_ROLE} LOGIN; END IF; END $$"
    )))
    .execute(&admin)
    .await;
    admin.close().await;
    let Ok(mut owner) = url::Url::parse(admin_url) else { panic!("{admin_url}") };
    owner.set_path(&format!("/{name}"));
    let mut portal = owner.clone();
    let _ = portal.set_username(PORTAL_ROLE);
    (owner.to_string(), portal.to_string())
}

/// Two instances on one fresh PostgreSQL database (migrated by its owner, used through the
/// portal role), sharing their keys, with their provider and demo hubs.
async fn two_instances(settings: &[(&str, &str)]) -> (Portal, Portal, Idp, String) {
    let Ok(admin_url) = std::env::var("CARNET_TEST_POSTGRES_URL") else {
        panic!("CARNET_TEST_POSTGRES_URL is not set: run the README's test command, which starts PostgreSQL");
    };
    let (owner_url, database_url) = fresh_database(&admin_url).await;
    let (listener_a, url_a) = bind().await;
    let (listener_b, url_b) = bind().await;
    let idp = start_idp(&[url_a.clone(), url_b.clone()]).await;
    let hubs = start_demo_hubs().await;
    let shared_dir = fresh_sqlite_url("two").trim_start_matches("sqlite://").trim_end_matches("/carnet.db").to_owned();
    let mut extra = std::collections::BTreeMap::from([
        ("CARNET_DATA_DIR".to_owned(), shared_dir),
        ("CARNET_DATABASE_OWNER_URL".to_owned(), owner_url),
        ("CARNET_DATABASE_PORTAL_ROLE".to_owned(), PORTAL_ROLE.to_owned()),
    ]);
    extra.extend(settings.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())));
    let options = Options { database_url: Some(database_url), extra };
    let a = start_portal(listener_a, &url_a, &idp, &hubs, options.clone()).await;
    let b = start_portal(listener_b, &url_b, &idp, &hubs, options).await;
    (a, b, idp, hubs)
}

/// A mandate or a support code revoked through one instance is refused at once on the
/// other: the policy's facts are read from the shared database on every request, never
/// cached.
#[tokio::test]
async fn a_mandate_or_support_code_revoked_on_one_instance_is_refused_at_once_on_the_other() {
    let (a, b, _idp, _hubs) = two_instances(&[("CARNET_DEMO_SEED", "1")]).await;

    // Pieter opens Maria's record on instance B (the seeded mandate: medication among others).
    let (pieter, _) = browser();
    login(&pieter, &b.url, "pieter").await;
    open_record_of(&pieter, &b.url, "Maria Van den Bossche").await;
    let forbidden = "You are not allowed to see this.";
    let (_, _, page) = get(&pieter, &format!("{}/medication", b.url)).await;
    assert!(!page.contains(forbidden));

    // Maria revokes it on instance A.
    let (maria, _) = browser();
    login(&maria, &a.url, "maria").await;
    let (_, _, page) = get(&maria, &format!("{}/mandates", a.url)).await;
    let id: String = Page::parse(&page)
        .href_after("/mandates?revoke=")
        .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect())
        .unwrap_or_default();
    let back = post(&maria, &a.url, "/mandates/answer", &page, &[("id", &id), ("answer", "revoke")]).await;
    assert_eq!(back, "/mandates?done=revoke");

    // Pieter's very next request on instance B is refused.
    let (_, _, page) = get(&pieter, &format!("{}/medication", b.url)).await;
    assert!(page.contains(forbidden), "refused at once on the other instance");

    // Sofie gives the helpdesk a code on instance A; Lotte uses it on instance B.
    let (sofie, _) = browser();
    login(&sofie, &a.url, "sofie").await;
    let code = make_code(&sofie, &a.url, "medication").await;
    let (lotte, _) = browser();
    login(&lotte, &b.url, "lotte").await;
    let (_, _, page) = get(&lotte, &format!("{}/helpdesk", b.url)).await;
    let back =
        post(&lotte, &b.url, "/helpdesk/redeem", &page, &[("citizen", "85.04.12-124.68"), ("code", &code)]).await;
    assert_eq!(back, "/helpdesk?done=redeemed");
    let (_, _, page) = get(&lotte, &format!("{}/medication", b.url)).await;
    assert!(!page.contains(forbidden), "within the code");

    // Sofie stops it on instance A: Lotte's very next page on instance B is refused.
    let (_, _, page) = get(&sofie, &format!("{}/support", a.url)).await;
    let id = Page::parse(&page).field("id").unwrap_or_default();
    assert_eq!(post(&sofie, &a.url, "/support/revoke", &page, &[("id", &id)]).await, "/support?done=revoked");
    let (_, _, page) = get(&lotte, &format!("{}/medication", b.url)).await;
    assert!(page.contains(forbidden), "the code is refused at once on the other instance");
}

/// A change made at a hub through one instance shows at once on the other, whose cached
/// answer it forgets (a PostgreSQL notification): Sofie revokes her consent at CoZo on B
/// while A holds her consent, fresh for a minute.
#[tokio::test]
async fn a_change_at_a_hub_through_one_instance_shows_at_once_on_the_other() {
    let (a, b, _idp, hubs) = two_instances(&[("CARNET_CACHE_FRESH_SECONDS", "600")]).await;
    let (sofie, _) = browser();
    login(&sofie, &a.url, "sofie").await;
    // A reads (and keeps) her consent; it keeps answering from its cache meanwhile.
    let mut page = String::new();
    for _ in 0..100 {
        page = get(&sofie, &format!("{}/consent", a.url)).await.2;
        let calls_before = calls(&hubs, "cozo").await;
        let again = get(&sofie, &format!("{}/consent", a.url)).await.2;
        if calls(&hubs, "cozo").await == calls_before && again.contains("given since") {
            break; // listening, and served from the cache
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(page.contains("CoZo") && page.contains("given since"), "given at CoZo");
    // B revokes it.
    let (_, _, form) = get(&sofie, &format!("{}/consent?confirm=revoke&source=cozo", b.url)).await;
    let key = Page::parse(&form).field("key").unwrap_or_default();
    let back =
        post(&sofie, &b.url, "/consent/change", &form, &[("key", &key), ("source", "cozo"), ("give", "0")]).await;
    assert!(back.starts_with("/consent?done="), "{back}");
    // A shows it revoked, within moments, not after its cache's ten minutes.
    let mut revoked = false;
    for _ in 0..100 {
        let (_, _, page) = get(&sofie, &format!("{}/consent", a.url)).await;
        if page.contains("revoked on") {
            revoked = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(revoked, "instance A forgot its cached consent");
}
