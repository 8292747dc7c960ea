//! Production shape: two portal instances on one PostgreSQL database. A login on one is
//! valid on the other, because sessions live in the database.

mod common;

use common::*;

#[tokio::test]
async fn a_login_on_one_instance_is_valid_on_the_other() {
    let Ok(admin_url) = std::env::var("CARNET_TEST_POSTGRES_URL") else {
        panic!("CARNET_TEST_POSTGRES_URL is not set: run the README's test command, which starts PostgreSQL");
    };
    let database_url = fresh_database(&admin_url).await;

    let (listener_a, url_a) = bind().await;
    let (listener_b, url_b) = bind().await;
    let idp = start_idp(&[url_a.clone(), url_b.clone()]).await;
    let hubs = start_demo_hubs().await;
    // Both instances share the keys (the secret key seals the session's person).
    let shared_dir = fresh_sqlite_url("two").trim_start_matches("sqlite://").trim_end_matches("/carnet.db").to_owned();
    let extra = std::collections::BTreeMap::from([("CARNET_DATA_DIR".to_owned(), shared_dir)]);
    let options = Options { database_url: Some(database_url), extra };
    let a = start_portal(listener_a, &url_a, &idp, &hubs, options.clone()).await;
    let b = start_portal(listener_b, &url_b, &idp, &hubs, options).await;

    let (client, _) = browser();
    let response = login(&client, &a.url, "marc").await;
    assert_eq!(location(&response), "/dashboard");

    // Cookies are per host, not per port: the same browser now asks instance B.
    let (status, _, page) = get(&client, &format!("{}/dashboard", b.url)).await;
    assert_eq!(status, 200);
    assert!(page.contains("Marc Dubois"));

    // Logging out on B ends the session for A too.
    let logout = logout(&client, &b.url).await;
    assert_eq!(logout.status().as_u16(), 303);
    let (status, _, _) = get(&client, &format!("{}/dashboard", a.url)).await;
    assert_eq!(status, 303);
}

async fn fresh_database(admin_url: &str) -> String {
    sqlx::any::install_default_drivers();
    let name = format!("carnet_two_{}", std::process::id());
    let admin = sqlx::AnyPool::connect(admin_url).await.unwrap_or_else(|e| panic!("{e}"));
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name}"))).execute(&admin).await;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&admin).await.unwrap_or_else(|e| panic!("{e}"));
    admin.close().await;
    let (base, _) = admin_url.rsplit_once('/').unwrap_or((admin_url, ""));
    format!("{base}/{name}")
}
