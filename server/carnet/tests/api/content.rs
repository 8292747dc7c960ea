//! The content matrix (security issue 26): what each actor is shown of a record, by what the
//! content is, whatever route carries it. Every kind of data in Cora Canary's record holds a
//! canary, a string found nowhere else (`server/demo-hubs/data/README.md`, "Cora"; the table
//! is [`CANARIES`]). Each actor asks every page of the app (and follows every document, file,
//! page and confirmation link it is shown), every server function (`/api/read` with every
//! scope, `/api/document` with every document token) and the documents Cora's own pages link
//! to; then, over that actor's answers (status, headers and body):
//! - no canary of a grant scope the actor does not hold is anywhere;
//! - every canary the actor's grant covers is somewhere (when the only way to it needs other
//!   scopes too, with those: a SumEHR's medication section needs `summary` and `medication`).
//!
//! Actors: Cora herself; anonymous; another citizen (Sofie) with no grant, also trying Cora's
//! document tokens and Pieter's token for her record; Pieter under a mandate from Cora for
//! each scope alone and some together (given and revoked through the forms), and after the
//! last one is revoked; Marc, her parent in the test's own national register, with her birth
//! date making her 5, 13 and 17 (what he may see comes from the rule table for minors,
//! `carnet_core::minor::DEFAULT_RULES_TOML`); Lotte, a helpdesk agent, holding a support code of
//! Cora's for each scope the support form offers (never `access-log` nor `consents-manage`: a
//! code asked for them is refused or issued without them), and after it is stopped.
//!
//! Cora first ends a care relationship through the forms, so that her access log has a
//! Carnet line about a change (which names the professional: a `consents-manage` canary).

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use carnet_core::grant::GrantScope as G;
use carnet_core::kind::Scope;
use carnet_core::minor::{DEFAULT_RULES_TOML, MinorRules};

use crate::common::*;

const CORA: &str = "90030312349";
const CORA_NAME: &str = "Cora Canary";
const MARC: &str = "80090315741";
const PIETER: &str = "68081420385";
const PIETER_NAME: &str = "Pieter Van den Bossche";

/// A canary: the string, the grant scope that covers it, the other scopes the only way to it
/// needs besides (a SumEHR section is shown only with `summary`; the hubs' vaccination
/// transactions are read by no reader, only opened from the document list), and where it is.
struct Canary {
    text: &'static str,
    scope: G,
    with: &'static [G],
    place: &'static str,
}

const fn canary(text: &'static str, scope: G, with: &'static [G], place: &'static str) -> Canary {
    Canary { text, scope, with, place }
}

/// Every canary in Cora's record (`server/demo-hubs/data`; `tests/data.rs` there checks that
/// each is in one place of her data and nowhere else).
const CANARIES: [Canary; 29] = [
    canary("CANARY-DOCUMENTS-01", G::Documents, &[], "Vitalink: a text document's description (its title)"),
    canary("CANARY-DOCUMENTS-02", G::Documents, &[], "Vitalink: a text document's content (Binary)"),
    canary("CANARY-VACCINATIONS-03", G::Vaccinations, &[], "Vitalink: Immunization lot number"),
    canary("CANARY-MEDICATION-04", G::Medication, &[], "Vitalink: MedicationStatement note"),
    canary("CANARY-SUMMARY-05", G::Summary, &[], "Vitalink: AllergyIntolerance note"),
    canary("CANARY-ACCESSLOG-06", G::AccessLog, &[], "Vitalink: AuditEvent agent"),
    canary("CANARY-DOCUMENTS-07", G::Documents, &[], "BruSafe+: a text document's content (Binary)"),
    canary("CANARY-VACCINATIONS-08", G::Vaccinations, &[], "BruSafe+: Immunization lot number"),
    canary("CANARY-SUMMARY-09", G::Summary, &[], "BruSafe+: AllergyIntolerance note"),
    canary("CANARY-MEDICATION-10", G::Medication, &[], "BruSafe+: MedicationRequest note"),
    canary("CANARY-ACCESSLOG-11", G::AccessLog, &[], "BruSafe+: AuditEvent agent"),
    canary("CANARY-DOCUMENTS-12", G::Documents, &[], "CoZo: contact report text"),
    canary("CANARY-SUMMARY-13", G::Summary, &[], "CoZo: SumEHR problem"),
    canary("CANARY-SUMMARY-14", G::Summary, &[], "CoZo: SumEHR risk"),
    canary("CANARY-SUMMARY-15", G::Summary, &[], "CoZo: SumEHR allergy"),
    canary("CANARY-MEDICATION-16", G::Medication, &[G::Summary], "CoZo: SumEHR medication section"),
    canary("CANARY-VACCINATIONS-17", G::Vaccinations, &[G::Summary], "CoZo: SumEHR vaccinations section"),
    canary("CANARY-MEDICATION-18", G::Medication, &[], "CoZo: prescription instructions"),
    canary("CANARY-VACCINATIONS-19", G::Vaccinations, &[G::Documents], "CoZo: vaccination transaction item"),
    canary("CANARY-CONSENTS-20", G::ConsentsManage, &[], "CoZo: care relationship (GP)"),
    canary("CANARY-CONSENTS-21", G::ConsentsManage, &[], "CoZo: care relationship Cora ends here"),
    canary("CANARY-CONSENTS-22", G::ConsentsManage, &[], "CoZo: exclusion"),
    canary("CANARY-ACCESSLOG-23", G::AccessLog, &[], "CoZo: audit trail"),
    canary("CANARY-DOCUMENTS-24", G::Documents, &[], "RSW: note text"),
    canary("CANARY-CONSENTS-25", G::ConsentsManage, &[], "RSW: care relationship (specialist)"),
    canary("CANARY-ACCESSLOG-26", G::AccessLog, &[], "RSW: audit trail"),
    canary("CANARY-DOCUMENTS-27", G::Documents, &[], "RSB: contact report text"),
    canary("CANARY-CONSENTS-28", G::ConsentsManage, &[], "RSB: exclusion"),
    canary("CANARY-ACCESSLOG-29", G::AccessLog, &[], "RSB: audit trail"),
];

/// The care relationship Cora ends before the actors look (its professional's canary).
const ENDED: &str = "CANARY-CONSENTS-21";

/// The most pages one visit follows (a visit has about forty).
const MAX_PAGES: usize = 300;

/// One answer: the route asked (document tokens shortened) and what came back.
struct Answer {
    route: String,
    text: String,
}

/// What one actor was shown, and what their grant on Cora's record is.
struct Visit {
    actor: String,
    grant: BTreeSet<G>,
    answers: Vec<Answer>,
}

fn scopes(list: &[G]) -> BTreeSet<G> {
    list.iter().copied().collect()
}

fn names(grant: &BTreeSet<G>) -> String {
    if grant.is_empty() {
        return "nothing".to_owned();
    }
    grant.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("+")
}

/// A route for the report: a document's token shortened to `{token}`.
fn route_of(method: &str, path: &str) -> String {
    let short = match path.strip_prefix("/documents/") {
        Some(rest) if !rest.is_empty() => {
            let end = rest.find(['/', '?']).unwrap_or(rest.len());
            format!("/documents/{{token}}{}", rest.get(end..).unwrap_or_default())
        }
        _ => path.to_owned(),
    };
    format!("{method} {short}")
}

/// Asks one route: GET, or POST of a form (with this origin). Status, headers and body, as
/// text.
async fn ask(client: &reqwest::Client, portal: &str, method: &str, path: &str, form: &[(&str, &str)]) -> Answer {
    let url = format!("{portal}{path}");
    let request =
        if method == "GET" { client.get(&url) } else { client.post(&url).header("origin", portal).form(form) };
    let route = route_of(method, path);
    let response = match request.send().await {
        Ok(response) => response,
        Err(e) => return Answer { route, text: format!("request failed: {e}") },
    };
    let mut text = format!("{}\n", response.status().as_u16());
    for (name, value) in response.headers() {
        text.push_str(&format!("{name}: {}\n", String::from_utf8_lossy(value.as_bytes())));
    }
    let body = response.bytes().await.map(|b| b.to_vec()).unwrap_or_default();
    text.push('\n');
    text.push_str(&String::from_utf8_lossy(&body));
    Answer { route, text }
}

/// Every page of the app without a parameter (from its route list), and the server's own
/// pages that read nothing of anyone's (the login and language routes are left out: they
/// would end or change the session).
fn app_pages() -> Vec<String> {
    let mut pages: BTreeSet<String> = leptos_axum::generate_route_list(carnet_app::App)
        .iter()
        .map(|listing| listing.path().to_owned())
        .filter(|path| !path.contains(':') && !path.contains('{'))
        .collect();
    for (method, path) in carnet::web::all_routes() {
        let own = !path.contains('{') && !path.starts_with("/auth/") && !path.starts_with("/lang/");
        if method.eq_ignore_ascii_case("get") && own {
            pages.insert(path.to_owned());
        }
    }
    // The other views of some pages.
    pages.extend(["/medication?view=week".to_owned(), "/access-log?who=providers".to_owned()]);
    pages.into_iter().collect()
}

/// The links of a page (`href="…"`, resolved against `current`), without their fragment.
fn links(page: &str, current: &str) -> Vec<String> {
    let here = current.split('?').next().unwrap_or_default();
    Page::parse(page)
        .attrs("[href]", "href")
        .into_iter()
        .map(|href| href.split('#').next().unwrap_or_default().to_owned())
        .filter_map(|href| {
            if href.starts_with('/') && !href.starts_with("//") {
                Some(href)
            } else if href.starts_with('?') {
                Some(format!("{here}{href}"))
            } else {
                None
            }
        })
        .collect()
}

/// Whether a visit follows a link: a document, its file, another page of a list, a
/// confirmation step (a form to confirm shows what it is about). Not a medication day
/// (the dates go on forever), a download (the file again), a search of the directory, or
/// anything that would log in, log out or change the language.
fn follows(link: &str) -> bool {
    let (path, query) = link.split_once('?').unwrap_or((link, ""));
    if let Some(rest) = path.strip_prefix("/documents/") {
        return !rest.is_empty() && !query.contains("download=");
    }
    match path {
        "/documents" | "/access-log" => query.contains("page="),
        "/care-team" => query.starts_with("end="),
        "/exclusions" => query.starts_with("lift="),
        "/consent" => query.starts_with("confirm="),
        _ => false,
    }
}

/// The token of a document page's path (`/documents/<token>`), decoded.
fn token_of(path: &str) -> Option<String> {
    let rest = path.strip_prefix("/documents/")?;
    if rest.is_empty() || rest.contains(['/', '?']) {
        return None;
    }
    url::form_urlencoded::parse(format!("t={rest}").as_bytes()).next().map(|(_, v)| v.into_owned())
}

/// The matrix: what every visit was shown.
struct Matrix {
    portal: String,
    /// Every page of the app to start a visit from ([`app_pages`]).
    pages: Vec<String>,
    /// Every server function: (method, path).
    functions: Vec<(String, String)>,
    /// The documents Cora's own pages link to (their paths): every actor asks for them.
    documents: BTreeSet<String>,
    visits: Vec<Visit>,
}

impl Matrix {
    fn new(portal: &str) -> Matrix {
        let functions = leptos::server_fn::axum::server_fn_paths()
            .map(|(path, method)| (method.as_str().to_uppercase(), path.to_owned()))
            .collect();
        Matrix {
            portal: portal.to_owned(),
            pages: app_pages(),
            functions,
            documents: BTreeSet::new(),
            visits: Vec::new(),
        }
    }

    /// One actor's visit (`client`'s session as it is now; `before`: what it asked first):
    /// every page, following its links; Cora's documents by their address, whether or not
    /// this actor was shown a link; every server function, with each scope and each document
    /// token. Returns the document pages this actor was shown links to.
    async fn visit(
        &mut self,
        client: &reqwest::Client,
        actor: String,
        grant: BTreeSet<G>,
        before: Vec<Answer>,
    ) -> BTreeSet<String> {
        let portal = self.portal.as_str();
        let mut answers = before;
        let mut seen: BTreeSet<String> = BTreeSet::new();
        let mut queue: std::collections::VecDeque<String> = self.pages.iter().cloned().collect();
        let mut linked = BTreeSet::new();
        while let Some(path) = queue.pop_front() {
            if seen.len() >= MAX_PAGES || !seen.insert(path.clone()) {
                continue;
            }
            let answer = ask(client, portal, "GET", &path, &[]).await;
            let html = answer.text.lines().take(40).any(|l| l.starts_with("content-type: text/html"));
            if html {
                for link in links(&answer.text, &path) {
                    if token_of(&link).is_some() {
                        linked.insert(link.clone());
                    }
                    if follows(&link) && !seen.contains(&link) {
                        queue.push_back(link);
                    }
                }
            }
            answers.push(answer);
        }
        let documents: BTreeSet<String> = self.documents.union(&linked).cloned().collect();
        for path in &documents {
            for page in [path.clone(), format!("{path}/file")] {
                if seen.insert(page.clone()) {
                    answers.push(ask(client, portal, "GET", &page, &[]).await);
                }
            }
        }
        let tokens: BTreeSet<String> = documents.iter().filter_map(|p| token_of(p.as_str())).collect();
        for (method, path) in &self.functions {
            match path.as_str() {
                "/api/read" => {
                    for scope in Scope::ALL {
                        answers.push(ask(client, portal, method, path, &[("scope", scope.as_str())]).await);
                    }
                }
                "/api/document" => {
                    for token in &tokens {
                        answers.push(ask(client, portal, method, path, &[("token", token.as_str())]).await);
                    }
                }
                _ => answers.push(ask(client, portal, method, path, &[]).await),
            }
        }
        eprintln!("content matrix: {actor}: {} answers", answers.len());
        self.visits.push(Visit { actor, grant, answers });
        linked
    }
}

/// Judges one visit against [`CANARIES`]: each failure as a line naming the actor, the
/// route and the canary.
fn judge(visit: &Visit, failures: &mut BTreeSet<String>) {
    for c in &CANARIES {
        let held = visit.grant.contains(&c.scope);
        let reachable = held && c.with.iter().all(|s| visit.grant.contains(s));
        let found: Vec<&Answer> = visit.answers.iter().filter(|a| a.text.contains(c.text)).collect();
        if !held {
            for answer in &found {
                failures.insert(format!(
                    "LEAK    {} (grant: {}) was shown {} ({}; needs {}) at {}",
                    visit.actor,
                    names(&visit.grant),
                    c.text,
                    c.place,
                    c.scope.as_str(),
                    answer.route
                ));
            }
        }
        if reachable && found.is_empty() {
            failures.insert(format!(
                "MISSING {} (grant: {}) was never shown {} ({}) in {} answers",
                visit.actor,
                names(&visit.grant),
                c.text,
                c.place,
                visit.answers.len()
            ));
        }
    }
}

/// Cora gives Pieter a mandate for `scopes` through the forms (the form, its confirmation);
/// Pieter accepts it and opens her record. Returns the mandate's number and the token of
/// Cora's record on Pieter's `/act-for`.
async fn give_mandate(
    cora: &reqwest::Client,
    pieter: &reqwest::Client,
    portal: &str,
    scopes: &[G],
) -> (String, String) {
    let (_, _, page) = get(cora, &format!("{portal}/mandates")).await;
    let mut fields: Vec<(&str, &str)> = vec![("holder_ssin", PIETER), ("holder_name", PIETER_NAME)];
    fields.extend(scopes.iter().map(|s| ("scope", s.as_str())));
    assert_eq!(post(cora, portal, "/mandates/give", &page, &fields).await, "/mandates?confirm=give#give");
    let (_, _, page) = get(cora, &format!("{portal}/mandates?confirm=give")).await;
    let key =
        Page::parse(&page).field_in("section.confirm", "", "key").unwrap_or_else(|| panic!("the confirmation's key"));
    let mut confirmed = fields.clone();
    confirmed.extend([("key", key.as_str()), ("confirmed", "1")]);
    assert_eq!(post(cora, portal, "/mandates/give", &page, &confirmed).await, "/mandates?done=given");
    let (_, _, page) = get(cora, &format!("{portal}/mandates")).await;
    let id: String = Page::parse(&page)
        .href_after("/mandates?revoke=")
        .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect())
        .unwrap_or_default();
    assert!(!id.is_empty(), "the mandate Cora gave is listed");

    let (_, _, page) = get(pieter, &format!("{portal}/mandates")).await;
    assert_eq!(
        Page::parse(&page).field_in("li.card", "Waiting to be accepted", "id").as_deref(),
        Some(id.as_str()),
        "Pieter's to accept"
    );
    let answer = [("id", id.as_str()), ("answer", "accept")];
    assert_eq!(post(pieter, portal, "/mandates/answer", &page, &answer).await, "/mandates?done=accept");
    let (_, _, page) = get(pieter, &format!("{portal}/act-for")).await;
    let person = choice(&page, CORA_NAME).unwrap_or_else(|| panic!("Pieter may open Cora's record"));
    assert_eq!(post(pieter, portal, "/act-for", &page, &[("person", &person)]).await, "/dashboard");
    (id, person)
}

/// Cora revokes the mandate `id` (its confirmation step, then the form).
async fn revoke_mandate(cora: &reqwest::Client, portal: &str, id: &str) {
    let (_, _, page) = get(cora, &format!("{portal}/mandates?revoke={id}")).await;
    let answer = [("id", id), ("answer", "revoke")];
    assert_eq!(post(cora, portal, "/mandates/answer", &page, &answer).await, "/mandates?done=revoke");
}

/// Cora stops every support code of hers still running.
async fn stop_codes(cora: &reqwest::Client, portal: &str) {
    for _ in 0..20 {
        let (_, _, page) = get(cora, &format!("{portal}/support")).await;
        let Some(id) = Page::parse(&page).field_in("form[action=\"/support/revoke\"]", "", "id") else { return };
        assert_eq!(post(cora, portal, "/support/revoke", &page, &[("id", &id)]).await, "/support?done=revoked");
    }
    panic!("Cora's support codes could not all be stopped");
}

/// The `data-scopes` of every support code on a `/support` page (running and past).
fn code_scopes(page: &str) -> Vec<String> {
    Page::parse(page).attrs("[data-scopes]", "data-scopes")
}

/// The running code shown while it waits, and the scopes it covers.
fn waiting_code(page: &str) -> Option<(String, BTreeSet<G>)> {
    let page = Page::parse(page);
    let card = page
        .all("li.support-code")
        .into_iter()
        .find(|c| c.select(&selector(".support-code__value")).next().is_some())?;
    let scopes = card.attr("data-scopes")?;
    let code =
        card.select(&selector(".support-code__value span[aria-hidden=\"true\"]")).next()?.text().collect::<String>();
    Some((code, scopes.split(',').filter_map(G::from_name).collect()))
}

/// Lotte enters Cora's code at the helpdesk console.
async fn redeem(lotte: &reqwest::Client, portal: &str, code: &str) {
    let (_, _, page) = get(lotte, &format!("{portal}/helpdesk")).await;
    let fields = [("citizen", CORA), ("code", code)];
    assert_eq!(post(lotte, portal, "/helpdesk/redeem", &page, &fields).await, "/helpdesk?done=redeemed");
}

/// A national register of the test's own (`POST /links`, as the demo hubs' register
/// answers): Marc is Cora's parent, with the birth date the test sets. Returns its address
/// and the birth date to set (none: no link).
async fn register() -> (String, Arc<Mutex<Option<String>>>) {
    let birth: Arc<Mutex<Option<String>>> = Arc::default();
    let answer = birth.clone();
    let (listener, url) = bind().await;
    let app = axum::Router::new().route(
        "/links",
        axum::routing::post(move |axum::Json(query): axum::Json<serde_json::Value>| {
            let birth = answer.lock().ok().and_then(|b| b.clone());
            async move {
                let parent = query.get("parent").and_then(|p| p.as_str()) == Some(MARC);
                let links: Vec<serde_json::Value> = birth
                    .filter(|_| parent)
                    .map(|birth| {
                        serde_json::json!({
                            "parent": MARC, "parent_name": "Marc Dubois", "child": CORA,
                            "child_name": CORA_NAME, "child_birth": birth, "kind": "parent"
                        })
                    })
                    .into_iter()
                    .collect();
                axum::Json(links)
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await });
    (url, birth)
}

#[tokio::test]
async fn every_actor_is_shown_exactly_the_kinds_of_content_their_grant_covers_whatever_the_route() {
    // The stack, with the test's register instead of the demo's.
    let (register_url, birth) = register().await;
    let demo = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/sources.toml")).unwrap_or_default();
    let sources = demo.replace("${CARNET_DEMO_HUBS_URL:-http://127.0.0.1:3010}/register", &register_url);
    assert_ne!(sources, demo, "the register's address in sources.toml");
    let file = std::env::temp_dir().join(format!("carnet-content-sources-{}.toml", std::process::id()));
    std::fs::write(&file, sources).unwrap_or_else(|e| panic!("{e}"));
    let extra = [
        ("CARNET_SOURCES_FILE".to_owned(), file.display().to_string()),
        // Every server function of every visit, from one session each.
        ("CARNET_RATE_API_PER_MINUTE".to_owned(), "100000".to_owned()),
    ];
    let stack = stack(Options { extra: extra.into(), ..Options::default() }).await;
    let portal = stack.portal.url.as_str();
    let (cora, _) = browser();
    let (pieter, _) = browser();
    let (marc, _) = browser();
    let (lotte, _) = browser();
    let (sofie, _) = browser();
    let (anonymous, _) = browser();
    for (client, username) in
        [(&cora, "cora"), (&pieter, "pieter"), (&marc, "marc"), (&lotte, "lotte"), (&sofie, "sofie")]
    {
        login(client, portal, username).await;
    }
    let mut matrix = Matrix::new(portal);
    let mut failures: BTreeSet<String> = BTreeSet::new();

    // Cora ends a care relationship: a change her access log tells her about.
    let (_, _, page) = get(&cora, &format!("{portal}/care-team")).await;
    let end = Page::parse(&page)
        .with_text("a[href^=\"/care-team?end=\"]", ENDED)
        .and_then(|a| a.attr("href").map(str::to_owned))
        .unwrap_or_else(|| panic!("Cora's care team offers to end the relationship with {ENDED}"));
    let (_, _, page) = get(&cora, &format!("{portal}{end}")).await;
    let read = Page::parse(&page);
    let (Some(key), Some(link)) = (read.field("key"), read.field("link")) else {
        panic!("the confirmation form of {end}")
    };
    let back = post(&cora, portal, "/care-team/end", &page, &[("key", &key), ("link", &link)]).await;
    assert!(back.starts_with("/care-team?done="), "{back}");
    let (_, _, page) = get(&cora, &format!("{portal}{back}")).await;
    assert!(page.contains("has ended"), "the report of the ended relationship");

    // Cora herself: everything. Her pages give the documents every other actor asks for.
    let documents = matrix.visit(&cora, "Cora (her own record)".into(), scopes(G::ALL), Vec::new()).await;
    matrix.documents = documents;
    assert!(matrix.documents.len() >= 8, "Cora's documents at the five sources: {:?}", matrix.documents);

    matrix.visit(&anonymous, "anonymous".into(), BTreeSet::new(), Vec::new()).await;

    // Pieter under a mandate from Cora: each scope alone, then some together.
    let mut grants: Vec<Vec<G>> = G::ALL.iter().map(|s| vec![*s]).collect();
    grants.push(vec![G::Documents, G::Summary]);
    grants.push(vec![G::Summary, G::Medication]);
    grants.push(vec![G::Documents, G::Vaccinations, G::Medication, G::Summary]);
    let mut pieters_token = String::new();
    for granted in grants {
        let (id, person) = give_mandate(&cora, &pieter, portal, &granted).await;
        pieters_token = person;
        let actor = format!("Pieter (mandate: {})", names(&scopes(&granted)));
        matrix.visit(&pieter, actor, scopes(&granted), Vec::new()).await;
        revoke_mandate(&cora, portal, &id).await;
    }
    let actor = "Pieter (mandate revoked, her record still open)".to_owned();
    matrix.visit(&pieter, actor, BTreeSet::new(), Vec::new()).await;

    // Sofie, with no grant: tries the token of Cora's record Pieter was given, then looks.
    let (_, _, page) = get(&sofie, &format!("{portal}/act-for")).await;
    let csrf = csrf_of(&page);
    let fields = [("person", pieters_token.as_str()), ("csrf", csrf.as_str())];
    let mut tried = ask(&sofie, portal, "POST", "/act-for", &fields).await;
    tried.route = "POST /act-for (Pieter's token for Cora's record)".into();
    matrix.visit(&sofie, "Sofie (no grant)".into(), BTreeSet::new(), vec![tried]).await;

    // Marc, Cora's parent in the register, at three ages: what the rule table gives then.
    let rules: MinorRules = toml::from_str(DEFAULT_RULES_TOML).unwrap_or_else(|e| panic!("the rule table: {e}"));
    let today = carnet::clock::today_in_belgium();
    let mut marcs_token: Option<String> = None;
    for age in [5, 13, 17] {
        // A month past her birthday: no band changes while the test runs.
        let born = today.plus_months(-12 * age).plus_days(-30);
        if let Ok(mut set) = birth.lock() {
            *set = Some(born.to_string());
        }
        let Some(band) = rules.band_on(born, today) else { panic!("the rule table has a band for {age}") };
        let granted: BTreeSet<G> = band.scopes.iter().copied().collect();
        let (_, _, page) = get(&marc, &format!("{portal}/act-for")).await;
        let offered = choice(&page, CORA_NAME);
        assert_eq!(offered.is_some(), !granted.is_empty(), "at {age} ({}), Cora's record can be opened", band.id);
        let mut before = Vec::new();
        if let Some(person) = offered {
            assert_eq!(post(&marc, portal, "/act-for", &page, &[("person", &person)]).await, "/dashboard");
            marcs_token = Some(person);
        } else if let Some(person) = &marcs_token {
            // Her record may stay open in his session from before: every request is refused.
            let csrf = csrf_of(&page);
            let fields = [("person", person.as_str()), ("csrf", csrf.as_str())];
            let mut tried = ask(&marc, portal, "POST", "/act-for", &fields).await;
            tried.route = "POST /act-for (the token of Cora's record from before)".into();
            before.push(tried);
        }
        let actor = format!("Marc (her parent; she is {age}: band {})", band.id);
        matrix.visit(&marc, actor, granted, before).await;
    }
    if let Ok(mut set) = birth.lock() {
        *set = None;
    }

    // Lotte, a helpdesk agent, with a support code of Cora's for each part the form offers.
    let (_, _, page) = get(&cora, &format!("{portal}/support")).await;
    let offered: Vec<G> =
        Page::parse(&page).attrs("[name=\"scope\"]", "value").iter().filter_map(|s| G::from_name(s)).collect();
    assert!(!offered.is_empty(), "the support form offers parts of the record");
    let never = scopes(&[G::AccessLog, G::ConsentsManage]);
    for scope in offered.iter().filter(|s| never.contains(*s)) {
        failures.insert(format!("SUPPORT the support form offers {} to the helpdesk", scope.as_str()));
    }
    for scope in offered.iter().filter(|s| !never.contains(*s)) {
        let code = make_code(&cora, portal, scope.as_str()).await;
        redeem(&lotte, portal, &code).await;
        let actor = format!("Lotte (helpdesk, support code: {})", scope.as_str());
        matrix.visit(&lotte, actor, scopes(&[*scope]), Vec::new()).await;
        stop_codes(&cora, portal).await;
    }
    // A code asked for what the helpdesk never gets: refused, or issued without it.
    let refused: [&[G]; 3] = [&[G::AccessLog], &[G::ConsentsManage], &[G::Documents, G::AccessLog, G::ConsentsManage]];
    for asked in refused {
        let (_, _, page) = get(&cora, &format!("{portal}/support")).await;
        let Some(key) = Page::parse(&page).field("key") else { panic!("the support form's key") };
        let mut fields = vec![("key", key.as_str())];
        fields.extend(asked.iter().map(|s| ("scope", s.as_str())));
        let back = post(&cora, portal, "/support/issue", &page, &fields).await;
        let (_, _, page) = get(&cora, &format!("{portal}/support")).await;
        let asked = names(&scopes(asked));
        for listed in code_scopes(&page) {
            if listed.split(',').any(|s| G::from_name(s).is_some_and(|s| never.contains(&s))) {
                failures.insert(format!("SUPPORT a code asked for {asked} was issued for {listed} ({back})"));
            }
        }
        if let Some((code, covers)) = waiting_code(&page).filter(|(_, c)| !c.is_empty() && c.is_disjoint(&never)) {
            redeem(&lotte, portal, &code).await;
            let actor = format!("Lotte (helpdesk, code asked for {asked}, issued for {})", names(&covers));
            matrix.visit(&lotte, actor, covers, Vec::new()).await;
        }
        stop_codes(&cora, portal).await;
    }
    matrix.visit(&lotte, "Lotte (helpdesk, her code stopped)".into(), BTreeSet::new(), Vec::new()).await;
    let _ = std::fs::remove_file(file);

    // The judgement.
    for visit in &matrix.visits {
        judge(visit, &mut failures);
    }
    for line in &failures {
        eprintln!("{line}");
    }
    let requests: usize = matrix.visits.iter().map(|v| v.answers.len()).sum();
    let routes: BTreeSet<&str> =
        matrix.visits.iter().flat_map(|v| v.answers.iter().map(|a| a.route.as_str())).collect();
    eprintln!(
        "content matrix: {} actors × {} routes × {} kinds ({} canaries): {requests} requests, {} checks",
        matrix.visits.len(),
        routes.len(),
        G::ALL.len(),
        CANARIES.len(),
        requests * CANARIES.len()
    );
    assert!(failures.is_empty(), "{} failures of the content matrix, listed above", failures.len());
}
