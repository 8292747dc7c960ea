//! The citizen's controls over HTTP, as a browser without JavaScript uses them: the
//! confirmation page, the form post, the report after it; each write checked at the demo
//! hub (its state), in Carnet's audit log, and against a double submit, a hub that refuses
//! and a hub that does not answer.

use carnet_core::access_event::AccessEvents;
use carnet_core::policy::{Read, own_proof_for_tests};

use crate::common::*;

const SOFIE: &str = "85041212468";
const MARIA: &str = "41022703827";

/// The value of the hidden field `name` in the page's confirmation form.
fn field(page: &str, name: &str) -> String {
    Page::parse(page).field(name).unwrap_or_else(|| panic!("no field {name} in the page"))
}

/// The first link in the page whose address starts with `prefix`.
fn link(page: &str, prefix: &str) -> String {
    Page::parse(page)
        .attr(&format!("a[href^=\"{prefix}\"]"), "href")
        .unwrap_or_else(|| panic!("no link to {prefix} in the page"))
}

async fn hub_state(hubs: &str, hub: &str, ssin: &str) -> serde_json::Value {
    reqwest::get(format!("{hubs}/admin/state/{hub}/{ssin}"))
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .json()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

/// How many of the person's care relationships have an end date, over the three hubs.
async fn ended_links(hubs: &str, ssin: &str) -> usize {
    let mut ended = 0;
    for hub in ["rsw", "rsb", "cozo"] {
        let state = hub_state(hubs, hub, ssin).await;
        let links = state.get("therapeuticlinks").and_then(|l| l.as_array()).cloned().unwrap_or_default();
        ended += links.iter().filter(|l| l.get("enddate").is_some_and(|d| d.is_string())).count();
    }
    ended
}

/// Carnet's audit entries about `ssin`: (action, outcome), oldest first.
async fn audit(stack: &Stack, ssin: &str) -> Vec<(String, String)> {
    let proof = own_proof_for_tests::<Read<AccessEvents>>(ssin);
    let mut records = stack.portal.state.store.audit_for(&proof, 1000).await.unwrap_or_else(|e| panic!("{e}"));
    records.reverse();
    records.into_iter().map(|r| (r.action, r.outcome)).collect()
}

fn changes(entries: &[(String, String)]) -> Vec<(String, String)> {
    entries.iter().filter(|(action, _)| action.starts_with("change:")).cloned().collect()
}

/// Opens the confirmation page `path` and submits its form; returns the 303's target.
async fn confirm(client: &reqwest::Client, portal: &str, path: &str, action: &str) -> (String, Vec<(String, String)>) {
    let (status, _, page) = get(client, &format!("{portal}{path}")).await;
    assert_eq!(status, 200, "{path}");
    assert!(page.contains(&format!("action=\"{action}\"")), "{path} shows the confirmation form");
    let mut fields: Vec<(String, String)> = vec![("csrf".into(), csrf_of(&page)), ("key".into(), field(&page, "key"))];
    for name in ["source", "give", "link", "party", "q", "exclusion"] {
        if page.contains(&format!("name=\"{name}\" value=\"")) {
            fields.push((name.into(), field(&page, name)));
        }
    }
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let response = post_form(client, &format!("{portal}{action}"), portal, &pairs).await;
    assert_eq!(response.status().as_u16(), 303, "{action}");
    (location(&response), fields)
}

#[tokio::test]
async fn consent_is_revoked_and_given_again_and_a_double_submit_acts_once() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    login(&client, portal, "sofie").await;
    let (_, _, page) = get(&client, &format!("{portal}/consent")).await;
    assert!(page.contains("CoZo") && page.contains("given since"), "Sofie's consent at CoZo is given");

    let (back, fields) = confirm(&client, portal, "/consent?confirm=revoke&source=cozo", "/consent/change").await;
    assert!(back.starts_with("/consent?done="), "{back}");
    let (_, _, page) = get(&client, &format!("{portal}{back}")).await;
    assert!(page.contains("Your consent is revoked at CoZo."), "the report");
    assert!(page.contains("revoked on"), "the table shows the new state at once (no cached answer)");
    let state = hub_state(&stack.hubs, "cozo", SOFIE).await;
    assert!(state["consent"]["revokedate"].is_string(), "revoked at the hub: {state}");
    assert!(hub_state(&stack.hubs, "rsw", SOFIE).await["consent"]["revokedate"].is_null(), "the other hubs unchanged");
    assert_eq!(
        changes(&audit(&stack, SOFIE).await),
        vec![
            ("change:consent:revoke".to_owned(), "attempt".to_owned()),
            ("change:consent:revoke".to_owned(), "success".to_owned())
        ]
    );

    // The same form again: the same report, no second call to the hub, no second entry.
    let calls_before = calls(&stack.hubs, "cozo").await;
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let again = post_form(&client, &format!("{portal}/consent/change"), portal, &pairs).await;
    assert_eq!(location(&again), back);
    assert_eq!(calls(&stack.hubs, "cozo").await, calls_before, "the hub is not asked again");
    assert_eq!(changes(&audit(&stack, SOFIE).await).len(), 2);

    let (back, _) = confirm(&client, portal, "/consent?confirm=give&source=cozo", "/consent/change").await;
    let (_, _, page) = get(&client, &format!("{portal}{back}")).await;
    assert!(page.contains("Your consent is given at CoZo."), "given again");
    assert!(hub_state(&stack.hubs, "cozo", SOFIE).await["consent"]["revokedate"].is_null());
}

#[tokio::test]
async fn a_hub_that_refuses_or_does_not_answer_is_named_and_nothing_changes() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    login(&client, portal, "sofie").await;

    set_fault(&stack.hubs, "cozo", serde_json::json!({ "refuse_writes": true })).await;
    let (back, _) = confirm(&client, portal, "/consent?confirm=revoke&source=cozo", "/consent/change").await;
    let (_, _, page) = get(&client, &format!("{portal}{back}")).await;
    assert!(page.contains("CoZo refused this change"), "the refusal, in words");
    assert!(page.contains("Nothing was changed."));
    assert!(hub_state(&stack.hubs, "cozo", SOFIE).await["consent"]["revokedate"].is_null());

    // A form made while CoZo answered, sent while it is down.
    set_fault(&stack.hubs, "cozo", serde_json::json!({})).await;
    let (_, _, page) = get(&client, &format!("{portal}/consent?confirm=revoke&source=cozo")).await;
    let (key, csrf) = (field(&page, "key"), csrf_of(&page));
    set_fault(&stack.hubs, "cozo", serde_json::json!({ "down": true })).await;
    let fields = [("csrf", csrf.as_str()), ("key", key.as_str()), ("source", "cozo"), ("give", "0")];
    let response = post_form(&client, &format!("{portal}/consent/change"), portal, &fields).await;
    let (_, _, page) = get(&client, &format!("{portal}{}", location(&response))).await;
    assert!(page.contains("CoZo did not answer, so nothing changed there."), "the hub that did not answer is named");
    set_fault(&stack.hubs, "cozo", serde_json::json!({})).await;
    assert!(hub_state(&stack.hubs, "cozo", SOFIE).await["consent"]["revokedate"].is_null());
    assert_eq!(
        changes(&audit(&stack, SOFIE).await),
        vec![
            ("change:consent:revoke".to_owned(), "attempt".to_owned()),
            ("change:consent:revoke".to_owned(), "failure".to_owned()),
            ("change:consent:revoke".to_owned(), "attempt".to_owned()),
            ("change:consent:revoke".to_owned(), "failure".to_owned())
        ]
    );
}

#[tokio::test]
async fn a_care_relationship_is_ended_at_its_hub() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    login(&client, portal, "sofie").await;
    let before = ended_links(&stack.hubs, SOFIE).await;
    let (_, _, page) = get(&client, &format!("{portal}/care-team")).await;
    assert!(page.contains("Dr. Annelies Peeters"));
    assert!(!page.contains("10829059004"), "the link's id goes out sealed");
    let end = link(&page, "/care-team?end=");
    let (back, _) = confirm(&client, portal, &end, "/care-team/end").await;
    let (_, _, page) = get(&client, &format!("{portal}{back}")).await;
    assert!(page.contains("has ended"), "the report");
    assert!(page.contains("Ended care relationships"), "the ended link is listed as such");
    assert_eq!(ended_links(&stack.hubs, SOFIE).await, before + 1, "one link ended, at its hub");
    assert_eq!(
        changes(&audit(&stack, SOFIE).await),
        vec![
            ("change:relationships:end".to_owned(), "attempt".to_owned()),
            ("change:relationships:end".to_owned(), "success".to_owned())
        ]
    );
}

#[tokio::test]
async fn a_care_provider_is_found_excluded_everywhere_and_the_exclusion_lifted() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (client, _) = browser();
    login(&client, portal, "sofie").await;
    // A search is posted and kept in the session: never in a URL (nor in a redirect).
    let (_, _, page) = get(&client, &format!("{portal}/exclusions")).await;
    assert!(page.contains("action=\"/exclusions/search\""), "the search form posts");
    assert_eq!(post(&client, portal, "/exclusions/search", &page, &[("q", "x")]).await, "/exclusions");
    let (_, _, page) = get(&client, &format!("{portal}/exclusions")).await;
    assert!(page.contains("Type at least two letters"), "a query too short is explained");
    assert!(page.contains("value=\"x\""), "and kept in the field");

    assert_eq!(post(&client, portal, "/exclusions/search", &page, &[("q", "verbiest")]).await, "/exclusions");
    let (_, _, page) = get(&client, &format!("{portal}/exclusions")).await;
    assert!(page.contains("Dr. Katrien Verbiest") && page.contains("Leuven"), "found in the directory");
    assert!(!page.contains("q=verbiest"), "no link carries the search");
    let choose = link(&page, "/exclusions?choose=");
    let choose = choose.split('#').next().unwrap_or_default().to_owned();
    let (back, _) = confirm(&client, portal, &choose, "/exclusions/add").await;
    assert!(back.starts_with("/exclusions?done="), "back to the page: {back}");
    assert!(!back.contains("verbiest"), "without the search: {back}");
    let (_, _, page) = get(&client, &format!("{portal}{back}")).await;
    assert!(page.contains("Dr. Katrien Verbiest is excluded at CoZo."), "the report names the person");
    assert!(page.contains("value=\"verbiest\""), "the query is kept (in the session)");
    let state = hub_state(&stack.hubs, "cozo", SOFIE).await;
    let excluded: Vec<String> = state["exclusions"]
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["nihdi"].as_str().map(str::to_owned)).collect())
        .unwrap_or_default();
    assert_eq!(excluded, vec!["13302785580".to_owned()], "excluded at the hub");

    let at_rsb = hub_state(&stack.hubs, "rsb", SOFIE).await["exclusions"].to_string();
    assert!(at_rsb.contains("13302785580") && at_rsb.contains("15548102580"), "added at every hub: {at_rsb}");

    let (_, _, page) = get(&client, &format!("{portal}/exclusions")).await;
    assert!(page.contains("The hubs do not say since when."), "no date, said plainly");
    let lift = Page::parse(&page)
        .with_text("a[href^=\"/exclusions?lift=\"]", "Lift the exclusion of Dr. Katrien Verbiest")
        .and_then(|a| a.attr("href").map(str::to_owned))
        .unwrap_or_else(|| panic!("no lift link for Dr. Verbiest"));
    let (back, _) = confirm(&client, portal, &lift, "/exclusions/lift").await;
    let (_, _, page) = get(&client, &format!("{portal}{back}")).await;
    assert!(page.contains("is no longer excluded at CoZo"), "lifted");
    assert!(!page.contains("Lift the exclusion of Dr. Katrien Verbiest"), "no longer listed");
    assert!(page.contains("Lift the exclusion of Dr. Thomas Verbruggen"), "Sofie's earlier exclusion at RSB stays");
    assert_eq!(hub_state(&stack.hubs, "cozo", SOFIE).await["exclusions"], serde_json::json!([]));
    let actions: Vec<String> =
        changes(&audit(&stack, SOFIE).await).into_iter().map(|(a, o)| format!("{a} {o}")).collect();
    assert_eq!(
        actions,
        [
            "change:exclusions:add attempt",
            "change:exclusions:add success",
            "change:exclusions:lift attempt",
            "change:exclusions:lift success"
        ]
    );
}

#[tokio::test]
async fn a_form_without_its_key_or_with_someone_elses_token_changes_nothing() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    // Maria's care team link token, as her own page shows it.
    let (maria, _) = browser();
    login(&maria, portal, "maria").await;
    let (_, _, page) = get(&maria, &format!("{portal}/care-team")).await;
    let end = link(&page, "/care-team?end=");
    let token = end.trim_start_matches("/care-team?end=").to_owned();
    let token: String = url::form_urlencoded::parse(format!("t={token}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();

    let maria_ended = ended_links(&stack.hubs, MARIA).await;
    let (sofie, _) = browser();
    login(&sofie, portal, "sofie").await;
    let (_, _, page) = get(&sofie, &format!("{portal}/care-team")).await;
    let csrf = csrf_of(&page);
    let no_key =
        post_form(&sofie, &format!("{portal}/care-team/end"), portal, &[("csrf", &csrf), ("link", &token)]).await;
    assert_eq!(location(&no_key), "/care-team?error=error-bad-request");
    // A consent form that neither gives (1) nor revokes (0) is not the page's form.
    let (_, _, page) = get(&sofie, &format!("{portal}/consent?confirm=revoke&source=cozo")).await;
    let key = field(&page, "key");
    let fields = [("csrf", csrf.as_str()), ("key", key.as_str()), ("source", "cozo"), ("give", "yes")];
    let odd = post_form(&sofie, &format!("{portal}/consent/change"), portal, &fields).await;
    assert_eq!(location(&odd), "/consent?error=error-bad-request");
    assert!(hub_state(&stack.hubs, "cozo", SOFIE).await["consent"]["revokedate"].is_null(), "nothing revoked");
    let theirs = post_form(
        &sofie,
        &format!("{portal}/care-team/end"),
        portal,
        &[("csrf", &csrf), ("key", "0123456789abcdef0123456789abcdef"), ("link", &token)],
    )
    .await;
    assert_eq!(location(&theirs), "/care-team?error=error-forbidden");
    let (_, _, page) = get(&sofie, &format!("{portal}/care-team?error=error-forbidden")).await;
    assert!(page.contains("You are not allowed to see this."), "the refusal, translated");
    // Refused, and the refusal is in Maria's log; nothing changed at her hubs.
    let entries = audit(&stack, MARIA).await;
    assert!(entries.contains(&("change:relationships".to_owned(), "denied".to_owned())), "{entries:?}");
    assert_eq!(ended_links(&stack.hubs, MARIA).await, maria_ended);
}
