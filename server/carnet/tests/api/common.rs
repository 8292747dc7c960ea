//! Spawns the real portal on a random loopback port with a fresh database, next to the
//! project's demo hubs and a real local OpenID provider (node `server/idp`), and drives
//! the login through the provider's real login form.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::Arc;

use reqwest::header::{LOCATION, SET_COOKIE};
use reqwest::redirect::Policy;
use tokio::io::{AsyncBufReadExt, BufReader};

pub const PASSWORD: &str = "carnet-demo";
pub const DEMO_SSINS: [&str; 10] = [
    "90030312349",
    "85041212468",
    "80090315741",
    "41022703827",
    "68081420385",
    "92013014620",
    "21061521244",
    "13021908747",
    "09050706674",
    "77070712372",
];

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A running identity provider (killed on drop).
pub struct Idp {
    pub url: String,
    _child: tokio::process::Child,
}

/// Starts the local provider, registered for the given portal URLs.
pub async fn start_idp(portal_urls: &[String]) -> Idp {
    let redirects: Vec<String> = portal_urls.iter().map(|u| format!("{u}/auth/callback")).collect();
    let logouts: Vec<String> = portal_urls.iter().map(|u| format!("{u}/logged-out")).collect();
    let mut child = tokio::process::Command::new("node")
        .arg(repo_root().join("server/idp/server.mjs"))
        .env("IDP_PORT", "0")
        .env("IDP_REDIRECT_URIS", redirects.join(","))
        .env("IDP_POST_LOGOUT_REDIRECT_URIS", logouts.join(","))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("node server/idp/server.mjs: {e} (run the README's test command)"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let mut lines = BufReader::new(stdout).lines();
    let line = tokio::time::timeout(std::time::Duration::from_secs(20), lines.next_line())
        .await
        .unwrap_or_else(|_| panic!("the identity provider did not start"))
        .unwrap_or_else(|e| panic!("{e}"))
        .unwrap_or_else(|| panic!("the identity provider exited (did npm ci run in server/idp?)"));
    let url = line.rsplit(' ').next().unwrap_or_default().to_owned();
    assert!(url.starts_with("http://127.0.0.1:"), "unexpected line: {line}");
    // Keep draining stdout so the child never blocks.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    Idp { url, _child: child }
}

/// The demo hubs, in-process on a random port.
pub async fn start_demo_hubs() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap_or_else(|e| panic!("{e}"));
    let port = listener.local_addr().unwrap_or_else(|e| panic!("{e}")).port();
    tokio::spawn(async move {
        let _ = carnet_demo_hubs::serve(listener, carnet_demo_hubs::Faults::default()).await;
    });
    format!("http://127.0.0.1:{port}")
}

/// Sets a fault on one demo source through the demo hubs' admin endpoint.
pub async fn set_fault(hubs: &str, source: &str, fault: serde_json::Value) {
    let response = reqwest::Client::new()
        .put(format!("{hubs}/admin/faults/{source}"))
        .json(&fault)
        .send()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(response.status().as_u16(), 204, "setting a fault");
}

/// How many calls a demo source has received.
pub async fn calls(hubs: &str, source: &str) -> u64 {
    let body: serde_json::Value = reqwest::get(format!("{hubs}/admin/calls/{source}"))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    body.get("calls").and_then(|c| c.as_u64()).unwrap_or_else(|| panic!("{body}"))
}

/// A sources file like the shipped one, with the given timeout and retry budget.
pub fn sources_file(timeout_ms: u64, retries: u32) -> String {
    let text = format!(
        "[[source]]\nid = \"vitalink\"\nname = \"Vitalink\"\nkind = \"fhir\"\n\
         base_url = \"${{CARNET_DEMO_HUBS_URL}}/vitalink/fhir\"\ntimeout_ms = {timeout_ms}\nretries = {retries}\nserves = [\"vaccinations\"]\n\n\
         [[source]]\nid = \"brusafe\"\nname = \"BruSafe+\"\nkind = \"fhir\"\n\
         base_url = \"${{CARNET_DEMO_HUBS_URL}}/brusafe/fhir\"\ntimeout_ms = {timeout_ms}\nretries = {retries}\nserves = [\"vaccinations\"]\n"
    );
    let path = std::path::PathBuf::from(fresh_sqlite_url("sources").trim_start_matches("sqlite://"))
        .with_file_name("sources.toml");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path.display().to_string()
}

/// A running portal.
pub struct Portal {
    pub url: String,
    pub database_url: String,
    pub state: carnet::AppState,
}

/// Options for one portal.
#[derive(Default, Clone)]
pub struct Options {
    pub database_url: Option<String>,
    pub extra: BTreeMap<String, String>,
}

/// Binds a listener (so the port is known before anything else starts).
pub async fn bind() -> (tokio::net::TcpListener, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap_or_else(|e| panic!("{e}"));
    let port = listener.local_addr().unwrap_or_else(|e| panic!("{e}")).port();
    (listener, format!("http://127.0.0.1:{port}"))
}

pub fn fresh_sqlite_url(name: &str) -> String {
    let dir = std::env::temp_dir().join(format!(
        "carnet-it-{name}-{}-{}",
        std::process::id(),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)
    ));
    let _ = std::fs::create_dir_all(&dir);
    format!("sqlite://{}", dir.join("carnet.db").display())
}

/// Starts a portal on an already bound listener.
pub async fn start_portal(
    listener: tokio::net::TcpListener,
    url: &str,
    idp: &Idp,
    hubs: &str,
    options: Options,
) -> Portal {
    let database_url = options.database_url.clone().unwrap_or_else(|| fresh_sqlite_url("portal"));
    let mut vars = BTreeMap::from([
        ("CARNET_BIND".to_owned(), url.trim_start_matches("http://").to_owned()),
        ("CARNET_PUBLIC_URL".to_owned(), url.to_owned()),
        ("CARNET_DATABASE_URL".to_owned(), database_url.clone()),
        ("CARNET_OIDC_ISSUER".to_owned(), idp.url.clone()),
        ("CARNET_DEMO_HUBS_URL".to_owned(), hubs.to_owned()),
        ("CARNET_SOURCES_FILE".to_owned(), repo_root().join("server/carnet/sources.toml").display().to_string()),
        ("CARNET_SITE_ROOT".to_owned(), repo_root().join("target/site").display().to_string()),
        // Keys and checkpoints of this portal alone (two instances share theirs by passing one).
        (
            "CARNET_DATA_DIR".to_owned(),
            fresh_sqlite_url("data").trim_start_matches("sqlite://").trim_end_matches("/carnet.db").to_owned(),
        ),
        // Tests log in often from one address; the limit has a test of its own.
        ("CARNET_RATE_AUTH_PER_MINUTE".to_owned(), "100000".to_owned()),
    ]);
    vars.extend(options.extra);
    let config = carnet::Config::from_vars(vars).unwrap_or_else(|e| panic!("config: {e}"));
    let (router, state) = carnet::build(config).await.unwrap_or_else(|e| panic!("build: {e}"));
    tokio::spawn(async move {
        let _ = carnet::serve(listener, router).await;
    });
    Portal { url: url.to_owned(), database_url, state }
}

/// One portal with its own provider and demo hubs.
pub struct Stack {
    pub portal: Portal,
    pub idp: Idp,
    pub hubs: String,
}

pub async fn stack(options: Options) -> Stack {
    let (listener, url) = bind().await;
    let idp = start_idp(std::slice::from_ref(&url)).await;
    let hubs = start_demo_hubs().await;
    let portal = start_portal(listener, &url, &idp, &hubs, options).await;
    Stack { portal, idp, hubs }
}

/// A browser-like client: keeps cookies, follows no redirects by itself.
pub fn browser() -> (reqwest::Client, Arc<reqwest::cookie::Jar>) {
    let jar = Arc::new(reqwest::cookie::Jar::default());
    let client = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(Policy::none())
        // A request that hangs fails the test with a message instead of blocking the run.
        .timeout(std::time::Duration::from_secs(30))
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    (client, jar)
}

pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get(LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .unwrap_or_else(|| panic!("no Location header (status {})", response.status()))
}

/// The value of a cookie set by a response, if it sets it.
pub fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix(&format!("{name}="))?.split(';').next().map(str::to_owned))
}

fn absolute(base: &str, location: &str) -> String {
    if location.starts_with("http") { location.to_owned() } else { format!("{base}{location}") }
}

/// Starts a login at the portal and goes through the provider's login form; returns
/// the callback URL (with `code` and `state`) without calling it, and the session cookie
/// the portal set when the login started.
pub async fn login_until_callback(client: &reqwest::Client, portal: &str, username: &str) -> (String, Option<String>) {
    let start = client.get(format!("{portal}/auth/login")).send().await.unwrap_or_else(|e| panic!("{e}"));
    assert!(start.status().is_redirection(), "login start: {}", start.status());
    let pre_login_session = set_cookie(&start, "carnet_session");
    (at_provider(client, portal, &location(&start), username).await, pre_login_session)
}

/// Goes through the provider's login form from `start_url` (the authorization URL a login
/// at the portal sent the browser to); returns the portal's callback URL, not called.
pub async fn at_provider(client: &reqwest::Client, portal: &str, start_url: &str, username: &str) -> String {
    let mut url = start_url.to_owned();
    let idp_base = url.split('/').take(3).collect::<Vec<_>>().join("/");
    for _ in 0..10 {
        let response = client.get(&url).send().await.unwrap_or_else(|e| panic!("{e}"));
        if response.status().is_redirection() {
            url = absolute(&idp_base, &location(&response));
            if url.starts_with(portal) {
                return url;
            }
            continue;
        }
        let page = response.text().await.unwrap_or_default();
        assert!(page.contains("name=\"username\""), "expected the provider's login form at {url}");
        let action = Page::parse(&page).attr("form", "action").unwrap_or_else(|| panic!("no form action"));
        let posted = client
            .post(absolute(&idp_base, &action))
            .form(&[("username", username), ("password", PASSWORD)])
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(posted.status().is_redirection(), "login form: {}", posted.status());
        url = absolute(&idp_base, &location(&posted));
        if url.starts_with(portal) {
            return url;
        }
    }
    panic!("the login did not come back to the portal");
}

/// A complete login; returns where the portal sent the browser after the callback.
pub async fn login(client: &reqwest::Client, portal: &str, username: &str) -> reqwest::Response {
    let (callback, _) = login_until_callback(client, portal, username).await;
    client.get(callback).send().await.unwrap_or_else(|e| panic!("{e}"))
}

/// The CSRF token in a page's forms.
pub fn csrf_of(page: &str) -> String {
    Page::parse(page).field("csrf").unwrap_or_else(|| panic!("no CSRF field in the page"))
}

/// Posts a form as a browser on `origin` would (with its `Origin` header).
pub async fn post_form(
    client: &reqwest::Client,
    url: &str,
    origin: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    client.post(url).header("origin", origin).form(fields).send().await.unwrap_or_else(|e| panic!("{e}"))
}

/// Posts a form of `page` (its CSRF token and `fields`) to `path` as the browser would,
/// expects the 303 every form answers, and gives where it sends the browser.
pub async fn post(client: &reqwest::Client, portal: &str, path: &str, page: &str, fields: &[(&str, &str)]) -> String {
    let csrf = csrf_of(page);
    let mut all = vec![("csrf", csrf.as_str())];
    all.extend_from_slice(fields);
    let response = post_form(client, &format!("{portal}{path}"), portal, &all).await;
    assert_eq!(response.status().as_u16(), 303, "{path}");
    location(&response)
}

/// Logs out through the page's logout form (its CSRF token, this origin).
pub async fn logout(client: &reqwest::Client, portal: &str) -> reqwest::Response {
    let (_, _, page) = get(client, &format!("{portal}/glossary")).await;
    let token = csrf_of(&page);
    post_form(client, &format!("{portal}/auth/logout"), portal, &[("csrf", &token)]).await
}

/// GET that reports status, Location and body.
pub async fn get(client: &reqwest::Client, url: &str) -> (u16, Option<String>, String) {
    let response = client.get(url).send().await.unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    let location = response.headers().get(LOCATION).and_then(|v| v.to_str().ok()).map(str::to_owned);
    (status, location, response.text().await.unwrap_or_default())
}

/// GET in a language (`Accept-Language`); status and body.
pub async fn get_in(client: &reqwest::Client, url: &str, accept_language: &str) -> (u16, String) {
    let response =
        client.get(url).header("accept-language", accept_language).send().await.unwrap_or_else(|e| panic!("{e}"));
    let status = response.status().as_u16();
    (status, response.text().await.unwrap_or_default())
}

/// Makes a code on `/support` for `scope`; returns it as shown ("ACDE-FGHJ").
pub async fn make_code(client: &reqwest::Client, portal: &str, scope: &str) -> String {
    let (_, _, page) = get(client, &format!("{portal}/support")).await;
    let key = Page::parse(&page).field("key").unwrap_or_default();
    assert_eq!(
        post(client, portal, "/support/issue", &page, &[("key", &key), ("scope", scope)]).await,
        "/support?done=issued"
    );
    let (_, _, page) = get(client, &format!("{portal}/support")).await;
    Page::parse(&page)
        .text(".support-code__value span[aria-hidden=\"true\"]")
        .unwrap_or_else(|| panic!("the code is shown while it waits"))
}

/// Opens the record of the person named `name` at `/act-for` (the session may: a mandate,
/// a child); lands on the dashboard.
pub async fn open_record_of(client: &reqwest::Client, portal: &str, name: &str) {
    let (_, _, page) = get(client, &format!("{portal}/act-for")).await;
    let person = choice(&page, name).unwrap_or_else(|| panic!("{name}'s record cannot be opened here"));
    assert_eq!(post(client, portal, "/act-for", &page, &[("person", &person)]).await, "/dashboard");
}

/// A page's HTML as a browser reads it (`scraper`, html5ever's parser): elements found by
/// CSS selector, attributes and text as the browser would give them (entities decoded).
pub struct Page(scraper::Html);

pub fn selector(css: &str) -> scraper::Selector {
    scraper::Selector::parse(css).unwrap_or_else(|e| panic!("{css}: {e}"))
}

/// The element's text, its whitespace collapsed.
pub fn text_of(element: scraper::ElementRef<'_>) -> String {
    element.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Page {
    pub fn parse(html: &str) -> Page {
        Page(scraper::Html::parse_document(html))
    }

    /// The elements that match `css`.
    pub fn all(&self, css: &str) -> Vec<scraper::ElementRef<'_>> {
        self.0.select(&selector(css)).collect()
    }

    /// Attribute `name` of every element that matches `css`.
    pub fn attrs(&self, css: &str, name: &str) -> Vec<String> {
        self.all(css).into_iter().filter_map(|e| e.attr(name).map(str::to_owned)).collect()
    }

    /// Attribute `name` of the first element that matches `css`.
    pub fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.attrs(css, name).into_iter().next()
    }

    /// The value of the first form field named `field`.
    pub fn field(&self, field: &str) -> Option<String> {
        self.attr(&format!("[name=\"{field}\"]"), "value")
    }

    /// The text of every element that matches `css`.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.all(css).into_iter().map(text_of).collect()
    }

    /// The text of the first element that matches `css`.
    pub fn text(&self, css: &str) -> Option<String> {
        self.texts(css).into_iter().next()
    }

    /// The first element that matches `css` and whose text contains `words`.
    pub fn with_text(&self, css: &str, words: &str) -> Option<scraper::ElementRef<'_>> {
        self.all(css).into_iter().find(|e| text_of(*e).contains(words))
    }

    /// Attribute `name` of the first element matching `inner` inside `outer`.
    pub fn attr_in(outer: scraper::ElementRef<'_>, inner: &str, name: &str) -> Option<String> {
        outer.select(&selector(inner)).find_map(|e| e.attr(name).map(str::to_owned))
    }

    /// Field `field` inside the first element that matches `css` and whose text contains
    /// `words` ("" for any).
    pub fn field_in(&self, css: &str, words: &str, field: &str) -> Option<String> {
        self.with_text(css, words).and_then(|e| Page::attr_in(e, &format!("[name=\"{field}\"]"), "value"))
    }

    /// The first `li.card` whose heading (`h2`) says `heading`.
    pub fn card(&self, heading: &str) -> Option<scraper::ElementRef<'_>> {
        let h2 = selector("h2");
        self.all("li.card").into_iter().find(|card| card.select(&h2).next().is_some_and(|h| text_of(h) == heading))
    }

    /// Every link's `href` that starts with `prefix`, without it and without its fragment.
    pub fn hrefs_after(&self, prefix: &str) -> Vec<String> {
        self.attrs(&format!("a[href^=\"{prefix}\"]"), "href")
            .into_iter()
            .filter_map(|href| {
                href.strip_prefix(prefix).map(|rest| rest.split('#').next().unwrap_or_default().to_owned())
            })
            .collect()
    }

    /// The first of [`Page::hrefs_after`].
    pub fn href_after(&self, prefix: &str) -> Option<String> {
        self.hrefs_after(prefix).into_iter().next()
    }
}

/// The token that opens `name`'s record on `/act-for`, if the page offers it.
pub fn choice(page: &str, name: &str) -> Option<String> {
    Page::parse(page).card(name).and_then(|card| Page::attr_in(card, "[name=\"person\"]", "value"))
}
