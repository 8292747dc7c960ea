//! The authorization matrix: every route of the server (its own routes, from
//! `carnet::web::all_routes()`, declared with the routers by `routes!`), every page (from the
//! app's route list) and every server function (from the server-function registry), each
//! asked by every kind of actor, against Sofie's record. A route that is not in the matrix
//! fails the test, so a new one cannot slip through unjudged.
//!
//! Actors: Sofie herself; a logged-out visitor; another citizen (Maria); and the actors the
//! next issue builds (trusted person in and out of scope and with an expired mandate,
//! parent of a child under and over the age limit, helpdesk with a valid, expired or
//! wrong-scope code), each played today by the demo account that will hold that role and
//! holding no grant yet: "denied until built". Every refusal must be in Sofie's audit log,
//! with the actor who was refused; every page an actor may open must touch only that
//! actor's own record.

use std::collections::BTreeSet;

use carnet_core::access_event::AccessEvents;
use carnet_core::kind::Scope;
use carnet_core::policy::{Read, own_proof_for_tests};

use crate::common::*;

const SOFIE: &str = "85041212468";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Actor {
    Own,
    LoggedOut,
    OtherCitizen,
    TrustedPersonInScope,
    TrustedPersonOutOfScope,
    TrustedPersonExpiredMandate,
    ParentUnderAgeLimit,
    ParentOverAgeLimit,
    HelpdeskValidCode,
    HelpdeskExpiredCode,
    HelpdeskWrongScopeCode,
}

impl Actor {
    const ALL: [Actor; 11] = [
        Actor::Own,
        Actor::LoggedOut,
        Actor::OtherCitizen,
        Actor::TrustedPersonInScope,
        Actor::TrustedPersonOutOfScope,
        Actor::TrustedPersonExpiredMandate,
        Actor::ParentUnderAgeLimit,
        Actor::ParentOverAgeLimit,
        Actor::HelpdeskValidCode,
        Actor::HelpdeskExpiredCode,
        Actor::HelpdeskWrongScopeCode,
    ];

    /// The demo account that plays the actor, and its SSIN.
    fn account(self) -> Option<(&'static str, &'static str)> {
        match self {
            Actor::Own => Some(("sofie", SOFIE)),
            Actor::LoggedOut => None,
            Actor::OtherCitizen => Some(("maria", "41022703827")),
            Actor::TrustedPersonInScope | Actor::TrustedPersonOutOfScope | Actor::TrustedPersonExpiredMandate => {
                Some(("pieter", "68081420385"))
            }
            Actor::ParentUnderAgeLimit | Actor::ParentOverAgeLimit => Some(("marc", "80090315741")),
            Actor::HelpdeskValidCode | Actor::HelpdeskExpiredCode | Actor::HelpdeskWrongScopeCode => {
                Some(("lotte", "92013014620"))
            }
        }
    }
}

/// What a route is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// No one's record: open to everyone.
    Public,
    /// The logged-in person's own record (the URL names no one): a logged-out visitor is
    /// sent to the login; anyone logged in gets their own record only.
    OwnRecord,
    /// Sofie's record, named by a token from her own pages: only she may.
    SofiesToken,
    /// The logged-in person's own mandates and support codes (the page lists theirs, a
    /// form gives one from them): never anyone else's.
    OwnGrants,
    /// Refused to every actor, and written in Sofie's log: entering Sofie's support code
    /// (Sofie is no helpdesk agent; by the agents' rows she has stopped it).
    Refused,
    /// A share's link: anyone, logged in or not, reads what it names, as Sofie, on the
    /// share's basis (written in her log as an opening, never as the one who asked); once
    /// she stopped it (in her own row), nothing.
    Shared,
}

/// Sofie's tokens, as her own pages give them.
struct Tokens {
    document: String,
    link: String,
    exclusion: String,
    party: String,
    /// The mandate Sofie gave Pieter (accepted), and the token of Sofie on Pieter's
    /// `/act-for` page while it was in force.
    mandate: String,
    act_for: String,
    /// The support code Sofie made (for her medication), and its number.
    code: String,
    code_id: String,
    /// An export of her whole record she made (ready).
    export: String,
    /// A share she made (no passcode): its link's id, and its number.
    share: String,
    share_id: String,
}

/// One request of the matrix.
struct Ask {
    method: &'static str,
    path: String,
    form: Vec<(String, String)>,
}

fn page_of(path: &str) -> Ask {
    Ask { method: "GET", path: path.to_owned(), form: Vec::new() }
}

/// Where a form's one-time key goes (each cell gets its own).
const KEY: &str = "@key";

/// The route's judgement and the request that exercises it (with Sofie's tokens where it
/// takes one). `None`: the route is not in the matrix.
fn judge(method: &str, path: &str, t: &Tokens) -> Option<(Reach, Ask)> {
    let form = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    };
    let key = KEY;
    Some(match (method, path) {
        ("GET", "/" | "/glossary" | "/logged-out" | "/healthz" | "/readyz") => (Reach::Public, page_of(path)),
        ("GET", "/problem") => (Reach::Public, page_of("/problem?code=error-csrf")),
        ("GET", "/lang/{code}") => (Reach::Public, page_of("/lang/en?back=/")),
        ("GET", "/auth/login") => (Reach::Public, page_of("/auth/login")),
        // Without a login in progress: a translated error, for everyone.
        ("GET", "/auth/callback") => (Reach::Public, page_of("/auth/callback?code=x&state=y")),
        ("POST", "/auth/logout") => (Reach::Public, Ask { method: "POST", path: path.into(), form: Vec::new() }),
        // The dashboard, who can see the record, and every kind's page (as the app lists them).
        ("GET", "/dashboard" | "/who-can-see") => (Reach::OwnRecord, page_of(path)),
        ("GET", _) if Scope::ALL.iter().any(|s| carnet_app::kinds::shown(*s).page == path) => {
            (Reach::OwnRecord, page_of(path))
        }
        ("GET", "/documents/{token}" | "/documents/:token") => {
            (Reach::SofiesToken, page_of(&format!("/documents/{}", t.document)))
        }
        ("GET", "/documents/{token}/file") => (Reach::SofiesToken, page_of(&format!("/documents/{}/file", t.document))),
        ("POST", "/consent/change") => (
            Reach::OwnRecord,
            Ask { method: "POST", path: path.into(), form: form(&[("key", key), ("source", "rsw"), ("give", "1")]) },
        ),
        ("POST", "/access-log/seen") => {
            (Reach::OwnRecord, Ask { method: "POST", path: path.into(), form: form(&[("until", "1")]) })
        }
        ("POST", "/care-team/end") => (
            Reach::SofiesToken,
            Ask { method: "POST", path: path.into(), form: form(&[("key", key), ("link", &t.link)]) },
        ),
        // A directory search, kept in the session: nobody's record.
        ("POST", "/exclusions/search") => {
            (Reach::OwnRecord, Ask { method: "POST", path: path.into(), form: form(&[("q", "verbiest")]) })
        }
        ("POST", "/exclusions/add") => (
            Reach::SofiesToken,
            Ask { method: "POST", path: path.into(), form: form(&[("key", key), ("party", &t.party)]) },
        ),
        ("POST", "/exclusions/lift") => (
            Reach::SofiesToken,
            Ask { method: "POST", path: path.into(), form: form(&[("key", key), ("exclusion", &t.exclusion)]) },
        ),
        // Server functions (JSON-encoded arguments as the browser sends them).
        ("GET", "/mandates" | "/act-for" | "/support" | "/helpdesk") => (Reach::OwnGrants, page_of(path)),
        ("POST", "/support/issue") => (
            Reach::OwnGrants,
            Ask { method: "POST", path: path.into(), form: form(&[("key", key), ("scope", "medication")]) },
        ),
        // Stopping Sofie's code: Sofie does; anyone else is refused, in her log.
        ("POST", "/support/revoke") => {
            (Reach::SofiesToken, Ask { method: "POST", path: path.into(), form: form(&[("id", &t.code_id)]) })
        }
        ("POST", "/helpdesk/redeem") => (
            Reach::Refused,
            Ask { method: "POST", path: path.into(), form: form(&[("citizen", SOFIE), ("code", &t.code)]) },
        ),
        // Checked only (no confirmation): comes back to the confirmation step.
        ("POST", "/mandates/give") => (
            Reach::OwnGrants,
            Ask {
                method: "POST",
                path: path.into(),
                form: form(&[("holder_ssin", "92013014620"), ("holder_name", "Lotte Claes"), ("scope", "documents")]),
            },
        ),
        ("POST", "/act-for/self") => (Reach::OwnGrants, Ask { method: "POST", path: path.into(), form: Vec::new() }),
        // Revoking the mandate Sofie gave: only she may (Sofie's row comes first, so every
        // later actor meets a revoked mandate, as a trusted person would after it).
        ("POST", "/mandates/answer") => (
            Reach::SofiesToken,
            Ask { method: "POST", path: path.into(), form: form(&[("id", &t.mandate), ("answer", "revoke")]) },
        ),
        // Opening Sofie's record with the token Pieter's page gave while the mandate was in
        // force: after Sofie revoked it, refused for everyone (Sofie opens her own).
        ("POST", "/act-for") => {
            (Reach::SofiesToken, Ask { method: "POST", path: path.into(), form: form(&[("person", &t.act_for)]) })
        }
        // Taking the record along: a form on one's own record; a download and the progress
        // of Sofie's own export (anyone else finds no export of theirs under its key).
        ("GET", "/export") => (Reach::OwnRecord, page_of(path)),
        ("POST", "/export") => (
            Reach::OwnRecord,
            Ask { method: "POST", path: path.into(), form: form(&[("key", key), ("part", "vaccinations")]) },
        ),
        ("GET", "/export/{key}/{file}") => {
            (Reach::OwnRecord, page_of(&format!("/export/{}/patient-summary.json", t.export)))
        }
        ("POST", "/api/export-progress") => {
            (Reach::OwnRecord, Ask { method: "POST", path: path.into(), form: form(&[("key", &t.export)]) })
        }
        // Sharing: the citizen's own page and forms; stopping Sofie's share is hers only.
        ("GET", "/share") => (Reach::OwnGrants, page_of(path)),
        ("POST", "/share") => (
            Reach::OwnGrants,
            Ask {
                method: "POST",
                path: path.into(),
                form: form(&[("key", key), ("part", "vaccinations"), ("hours", "1")]),
            },
        ),
        ("POST", "/share/revoke") => {
            (Reach::SofiesToken, Ask { method: "POST", path: path.into(), form: form(&[("id", &t.share_id)]) })
        }
        ("GET", "/s/{link}" | "/s/:link") => (Reach::Shared, page_of(&format!("/s/{}", t.share))),
        ("POST", "/s/{link}") => (
            Reach::Shared,
            Ask { method: "POST", path: format!("/s/{}", t.share), form: form(&[("passcode", "unused")]) },
        ),
        ("GET", "/s/{link}/file") => (Reach::Shared, page_of(&format!("/s/{}/file", t.share))),
        ("GET", "/s/{link}/{file}") => (Reach::Shared, page_of(&format!("/s/{}/patient-summary.json", t.share))),
        ("POST", "/s/{link}/manifest") => (
            Reach::Shared,
            Ask { method: "POST", path: format!("/s/{}/manifest", t.share), form: form(&[("recipient", "matrix")]) },
        ),
        ("POST", "/api/read") => {
            (Reach::OwnRecord, Ask { method: "POST", path: path.into(), form: form(&[("scope", "consent")]) })
        }
        ("POST", "/api/document") => {
            (Reach::SofiesToken, Ask { method: "POST", path: path.into(), form: form(&[("token", &t.document)]) })
        }
        _ => return None,
    })
}

/// Every route the server answers: its own, the app's pages, the server functions.
fn every_route() -> BTreeSet<(String, String)> {
    let mut routes: BTreeSet<(String, String)> =
        carnet::web::all_routes().map(|(m, p)| (m.to_uppercase(), p.to_owned())).collect();
    for listing in leptos_axum::generate_route_list(carnet_app::App) {
        routes.insert(("GET".to_owned(), listing.path().to_owned()));
    }
    for (path, method) in leptos::server_fn::axum::server_fn_paths() {
        routes.insert((method.as_str().to_owned(), path.to_owned()));
    }
    routes
}

/// The first `href` in the page that starts with `prefix`, without it, decoded.
fn token_after(page: &str, prefix: &str) -> String {
    Page::parse(page)
        .href_after(prefix)
        .map(|t| {
            url::form_urlencoded::parse(format!("t={t}").as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or(t)
        })
        .unwrap_or_else(|| panic!("no link to {prefix}"))
}

async fn sofies_tokens(portal: &str) -> Tokens {
    let (sofie, _) = browser();
    login(&sofie, portal, "sofie").await;
    let (_, _, documents) = get(&sofie, &format!("{portal}/documents")).await;
    let document = token_after(&documents, "/documents/");
    let (_, _, team) = get(&sofie, &format!("{portal}/care-team")).await;
    let (_, _, exclusions) = get(&sofie, &format!("{portal}/exclusions")).await;
    assert_eq!(post(&sofie, portal, "/exclusions/search", &exclusions, &[("q", "verbiest")]).await, "/exclusions");
    let (_, _, exclusions) = get(&sofie, &format!("{portal}/exclusions")).await;
    let party = token_after(&exclusions, "/exclusions?choose=");
    // Sofie gives Pieter a mandate for her vaccinations; he accepts it and gets her token.
    let (_, _, page) = get(&sofie, &format!("{portal}/mandates")).await;
    let csrf = csrf_of(&page);
    let give = [
        ("csrf", csrf.as_str()),
        ("holder_ssin", "68081420385"),
        ("holder_name", "Pieter Van den Bossche"),
        ("scope", "vaccinations"),
    ];
    post_form(&sofie, &format!("{portal}/mandates/give"), portal, &give).await;
    let (_, _, page) = get(&sofie, &format!("{portal}/mandates?confirm=give")).await;
    let key = Page::parse(&page).field("key").unwrap_or_default();
    let mut confirmed = give.to_vec();
    confirmed.extend([("key", key.as_str()), ("confirmed", "1")]);
    let done = post_form(&sofie, &format!("{portal}/mandates/give"), portal, &confirmed).await;
    assert_eq!(location(&done), "/mandates?done=given");
    let (_, _, page) = get(&sofie, &format!("{portal}/mandates")).await;
    let mandate: String = Page::parse(&page)
        .href_after("/mandates?revoke=")
        .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect())
        .unwrap_or_default();
    let (pieter, _) = browser();
    login(&pieter, portal, "pieter").await;
    let (_, _, page) = get(&pieter, &format!("{portal}/mandates")).await;
    let accept = [("csrf", csrf_of(&page)), ("id", mandate.clone()), ("answer", "accept".to_owned())];
    let accept: Vec<(&str, &str)> = accept.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let accepted = post_form(&pieter, &format!("{portal}/mandates/answer"), portal, &accept).await;
    assert_eq!(location(&accepted), "/mandates?done=accept");
    let (_, _, page) = get(&pieter, &format!("{portal}/act-for")).await;
    let act_for = choice(&page, "Sofie Janssens").unwrap_or_else(|| panic!("Pieter may open Sofie's record"));
    // Sofie makes a support code for her medication.
    let (_, _, page) = get(&sofie, &format!("{portal}/support")).await;
    let key = Page::parse(&page).field("key").unwrap_or_default();
    let issue = [("csrf", csrf_of(&page)), ("key", key), ("scope", "medication".to_owned())];
    let issue: Vec<(&str, &str)> = issue.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let issued = post_form(&sofie, &format!("{portal}/support/issue"), portal, &issue).await;
    assert_eq!(location(&issued), "/support?done=issued");
    let (_, _, page) = get(&sofie, &format!("{portal}/support")).await;
    let read = Page::parse(&page);
    let code = read.text(".support-code__value span[aria-hidden=\"true\"]").unwrap_or_default();
    let code_id = read.field("id").unwrap_or_default();
    assert!(!code.is_empty() && !code_id.is_empty(), "Sofie's code");
    // Sofie exports her record, and waits until it is made.
    let (_, _, page) = get(&sofie, &format!("{portal}/export")).await;
    let export = Page::parse(&page).field("key").unwrap_or_default();
    let started = post(&sofie, portal, "/export", &page, &[("key", &export), ("part", "vaccinations")]).await;
    assert_eq!(started, format!("/export?job={export}"));
    for _ in 0..200 {
        let (_, _, page) = get(&sofie, &format!("{portal}{started}")).await;
        if page.contains("id=\"export-ready\"") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    // Sofie shares her vaccinations, without a passcode.
    let (_, _, page) = get(&sofie, &format!("{portal}/share")).await;
    let key = Page::parse(&page).field("key").unwrap_or_default();
    let made = post(&sofie, portal, "/share", &page, &[("key", &key), ("part", "vaccinations"), ("hours", "24")]).await;
    let share_id = made.rsplit('=').next().unwrap_or_default().to_owned();
    let (_, _, page) = get(&sofie, &format!("{portal}/share")).await;
    let address = Page::parse(&page).attr(&format!("#share-link-{share_id}"), "value").unwrap_or_default();
    let share = address.split("/s/").nth(1).and_then(|r| r.split('#').next()).unwrap_or_default().to_owned();
    assert_eq!(share.len(), 22, "Sofie's share: {address}");
    Tokens {
        share,
        share_id,
        export,
        mandate,
        act_for,
        code,
        code_id,
        document: document.split('/').next().unwrap_or_default().to_owned(),
        link: token_after(&team, "/care-team?end="),
        exclusion: token_after(&exclusions, "/exclusions?lift="),
        party,
    }
}

/// Sofie's audit log: (actor, action, outcome).
async fn sofies_log(stack: &Stack) -> Vec<(String, String, String)> {
    let proof = own_proof_for_tests::<Read<AccessEvents>>(SOFIE);
    let records = stack.portal.state.store.audit_for(&proof, 100_000).await.unwrap_or_else(|e| panic!("{e}"));
    records.into_iter().map(|r| (r.actor, r.action, r.outcome)).collect()
}

/// Subjects of the audit entries of one request (by its `x-request-id`).
async fn subjects_of(stack: &Stack, request_id: &str) -> BTreeSet<String> {
    let mut subjects = BTreeSet::new();
    for ssin in DEMO_SSINS {
        let proof = own_proof_for_tests::<Read<AccessEvents>>(ssin);
        let records = stack.portal.state.store.audit_for(&proof, 100_000).await.unwrap_or_else(|e| panic!("{e}"));
        if records.iter().any(|r| r.request_id.as_deref() == Some(request_id)) {
            subjects.insert(ssin.to_owned());
        }
    }
    subjects
}

#[tokio::test]
async fn every_route_for_every_actor_is_allowed_or_denied_and_every_denial_is_audited() {
    let stack = stack(Options::default()).await;
    let portal = stack.portal.url.clone();
    let tokens = sofies_tokens(&portal).await;
    let routes = every_route();
    let unjudged: Vec<&(String, String)> = routes.iter().filter(|(m, p)| judge(m, p, &tokens).is_none()).collect();
    assert!(unjudged.is_empty(), "routes missing from the authorization matrix: {unjudged:?}");

    // The login routes last (a login started anew would end the session), logging out after them.
    // Opening someone's record changes the session: just before them.
    let last = |p: &str| p.starts_with("/auth/") || p.starts_with("/act-for");
    let mut ordered: Vec<&(String, String)> = routes.iter().filter(|(_, p)| !last(p)).collect();
    ordered.extend(routes.iter().filter(|(m, p)| p.starts_with("/act-for") && m == "POST" && p != "/act-for/self"));
    ordered.extend(routes.iter().filter(|(m, p)| p.starts_with("/act-for") && (m != "POST" || p == "/act-for/self")));
    ordered.extend(routes.iter().filter(|(_, p)| p.starts_with("/auth/") && p != "/auth/logout"));
    let mut cells = 0;
    for (a, actor) in Actor::ALL.into_iter().enumerate() {
        let (client, _) = browser();
        let account = actor.account();
        if let Some((username, _)) = account {
            login(&client, &portal, username).await;
        }
        // The CSRF token every form of this session carries.
        let (_, _, glossary) = get(&client, &format!("{portal}/glossary")).await;
        let csrf = account.map(|_| csrf_of(&glossary));
        for (r, (method, path)) in ordered.iter().enumerate() {
            let Some((reach, mut ask)) = judge(method, path, &tokens) else { continue };
            for (_, value) in ask.form.iter_mut().filter(|(_, v)| v == KEY) {
                *value = format!("matrix-{a:02}-{r:02}-0123456789");
            }
            cells += 1;
            let before = sofies_log(&stack).await.len();
            let url = format!("{portal}{}", ask.path);
            let response = if ask.method == "GET" {
                client.get(&url).send().await
            } else if ask.path.starts_with("/api/") {
                client.post(&url).header("origin", &portal).form(&ask.form).send().await
            } else {
                let mut form = ask.form.clone();
                if let Some(csrf) = &csrf {
                    form.push(("csrf".into(), csrf.clone()));
                }
                client.post(&url).header("origin", &portal).form(&form).send().await
            }
            .unwrap_or_else(|e| panic!("{e}"));
            let status = response.status().as_u16();
            let location = response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
            let request_id =
                response.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
            let body = response.text().await.unwrap_or_default();
            let cell = format!("{actor:?} {method} {path} → {status} {location}");
            let after = sofies_log(&stack).await;
            let new: Vec<&(String, String, String)> = after.iter().take(after.len() - before).collect();
            match (reach, actor) {
                (Reach::Shared, _) => {
                    assert!(status < 500, "{cell}");
                    // Read as Sofie on the share's basis (an opening), or nothing once she
                    // stopped it; never a line in anyone's name but hers.
                    assert!(
                        new.iter()
                            .all(|(a, action, o)| a == SOFIE && action.starts_with("share:open:") && o != "denied"),
                        "{cell}: only openings of the share: {new:?}"
                    );
                }
                (Reach::Public, _) => {
                    assert!(status < 500, "{cell}");
                    assert!(new.iter().all(|(a, _, o)| a != SOFIE || o != "denied"), "{cell}: nothing of Sofie's");
                    if actor != Actor::Own {
                        assert!(new.is_empty(), "{cell}: touched Sofie's record: {new:?}");
                    }
                }
                (_, Actor::LoggedOut) => {
                    let refused = (300..400).contains(&status) && location.contains("/auth/login")
                        || status == 401
                        || body.contains("error-unauthenticated")
                        || location.contains("error-unauthenticated")
                        || body.contains("Unauthenticated");
                    assert!(refused, "{cell}: a logged-out visitor is sent to the login");
                    assert!(new.is_empty(), "{cell}: no one's data was touched: {new:?}");
                }
                (Reach::OwnRecord, Actor::Own) => {
                    assert!(status == 200 || status == 303, "{cell}");
                    assert!(!location.contains("error="), "{cell}");
                }
                (Reach::OwnGrants, _) => {
                    // Their own grants: nothing in Sofie's log, whoever asks.
                    assert!(status == 200 || status == 303, "{cell}");
                    assert!(!location.contains("error="), "{cell}");
                    if actor != Actor::Own {
                        assert!(new.is_empty(), "{cell}: touched Sofie's record: {new:?}");
                    }
                }
                // Entering a code is for the helpdesk: anyone else is refused before the
                // citizen they named is looked at, in their own log (not in Sofie's).
                (Reach::Refused, _)
                    if path == "/helpdesk/redeem"
                        && !matches!(
                            actor,
                            Actor::HelpdeskValidCode | Actor::HelpdeskExpiredCode | Actor::HelpdeskWrongScopeCode
                        ) =>
                {
                    let Some((_, ssin)) = account else { panic!("a logged-out visitor is judged above") };
                    assert!(status == 303 && location.contains("error="), "{cell}: refused");
                    if actor != Actor::Own {
                        assert!(new.iter().all(|(a, _, _)| a != ssin), "{cell}: nothing in Sofie's log: {new:?}");
                    }
                    let subjects = subjects_of(&stack, &request_id).await;
                    assert_eq!(subjects, BTreeSet::from([ssin.to_owned()]), "{cell}: in their own log");
                }
                (Reach::Refused, _) => {
                    let Some((_, ssin)) = account else { panic!("a logged-out visitor is judged above") };
                    assert!(status == 303 && location.contains("error="), "{cell}: refused");
                    assert!(
                        new.iter().any(|(a, _, o)| a == ssin && o == "denied"),
                        "{cell}: the refusal is in Sofie's log with who was refused: {new:?}"
                    );
                }
                (Reach::OwnRecord, _) => {
                    // Allowed, on their own record only: nothing in Sofie's log.
                    assert!(status == 200 || status == 303, "{cell}");
                    assert!(new.is_empty(), "{cell}: touched Sofie's record: {new:?}");
                    if !request_id.is_empty() {
                        let subjects = subjects_of(&stack, &request_id).await;
                        assert!(!subjects.contains(SOFIE), "{cell}: {subjects:?}");
                    }
                }
                (Reach::SofiesToken, Actor::Own) => {
                    assert!(status == 200 || status == 303, "{cell}");
                    assert!(!location.contains("error="), "{cell}");
                    assert!(new.iter().all(|(_, _, o)| o != "denied"), "{cell}: {new:?}");
                }
                (Reach::SofiesToken, _) => {
                    let Some((_, ssin)) = account else { panic!("a logged-out visitor is judged above") };
                    let denied = status == 403
                        || location.contains("error=error-forbidden")
                        || (status == 303 && location.starts_with("/documents/"))
                        || body.contains("You are not allowed to see this.")
                        || body.contains("Forbidden");
                    assert!(denied, "{cell}: refused");
                    assert!(
                        new.iter().any(|(a, _, o)| a == ssin && o == "denied"),
                        "{cell}: the refusal is in Sofie's log with who was refused: {new:?}"
                    );
                    assert!(new.iter().all(|(a, _, o)| a != ssin || o == "denied"), "{cell}: only refusals: {new:?}");
                }
            }
        }
        // Logging out: open to everyone, and the last thing each actor does.
        let mut form: Vec<(String, String)> = Vec::new();
        if let Some(csrf) = &csrf {
            form.push(("csrf".into(), csrf.clone()));
        }
        let out = client
            .post(format!("{portal}/auth/logout"))
            .header("origin", &portal)
            .form(&form)
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status().as_u16() < 500, "{actor:?} logout");
        cells += 1;
    }
    eprintln!("authorization matrix: {} routes × {} actors = {cells} cells", routes.len(), Actor::ALL.len());
    assert_eq!(cells, routes.len() * Actor::ALL.len());
}
