//! Acting for others over HTTP, as browsers without JavaScript do it: Maria gives her son
//! Pieter a mandate (form, errors kept, confirmation, a double submit giving one), Pieter
//! accepts it, opens her record and sees what it covers and nothing else, Maria revokes it
//! and Pieter's very next request in his open session is refused; every step in Maria's
//! audit log.

use carnet_core::access_event::AccessEvents;
use carnet_core::policy::{Read, own_proof_for_tests};

use crate::common::*;

const MARIA: &str = "41022703827";
const FORBIDDEN: &str = "You are not allowed to see this.";

fn seeded() -> Options {
    Options { extra: [("CARNET_DEMO_SEED".to_owned(), "1".to_owned())].into(), ..Options::default() }
}

/// Carnet's audit entries about Maria: (action, basis, outcome), oldest first.
async fn maria_audit(stack: &Stack) -> Vec<(String, String, String)> {
    let proof = own_proof_for_tests::<Read<AccessEvents>>(MARIA);
    let mut records = stack.portal.state.store.audit_for(&proof, 1000).await.unwrap_or_else(|e| panic!("{e}"));
    records.reverse();
    records.into_iter().map(|r| (r.action, r.basis, r.outcome)).collect()
}

/// Pieter opens Maria's record from `/act-for`.
async fn open_maria(client: &reqwest::Client, portal: &str) {
    let (status, _, page) = get(client, &format!("{portal}/act-for")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Maria Van den Bossche"), "Pieter may open Maria's record");
    let person = choice(&page, "Maria Van den Bossche")
        .unwrap_or_else(|| panic!("Maria Van den Bossche's record can be opened"));
    assert!(!person.contains(MARIA), "the choice names Maria by a sealed token, not her number");
    assert_eq!(post(client, portal, "/act-for", &page, &[("person", &person)]).await, "/dashboard");
}

#[tokio::test]
async fn a_mandate_is_given_accepted_used_within_its_scopes_and_revoked_at_once() {
    let stack = stack(seeded()).await;
    let portal = &stack.portal.url;
    let (pieter, _) = browser();
    let (maria, _) = browser();
    login(&pieter, portal, "pieter").await;
    login(&maria, portal, "maria").await;

    // The seeded mandate: documents, vaccinations, medication.
    open_maria(&pieter, portal).await;
    let (_, _, page) = get(&pieter, &format!("{portal}/medication")).await;
    assert!(page.contains("You are acting for Maria Van den Bossche"), "every page says whose record");
    assert!(!page.contains(FORBIDDEN), "medication is covered");
    let (_, _, page) = get(&pieter, &format!("{portal}/summary")).await;
    assert!(page.contains(FORBIDDEN), "allergies and summary are not covered");
    let (_, _, page) = get(&pieter, &format!("{portal}/consent")).await;
    assert!(page.contains(FORBIDDEN), "managing consent is not covered");

    // Maria gives a second mandate: first with a mistake (kept as typed), then right.
    let (_, _, page) = get(&maria, &format!("{portal}/mandates")).await;
    assert!(page.contains("To Pieter Van den Bossche") && page.contains("Active"), "the seeded mandate");
    let back = post(
        &maria,
        portal,
        "/mandates/give",
        &page,
        &[("holder_ssin", "68081420386"), ("holder_name", "Pieter Van den Bossche"), ("scope", "summary")],
    )
    .await;
    assert!(back.starts_with("/mandates?error-form=1"), "{back}");
    let (_, _, page) = get(&maria, &format!("{portal}{back}")).await;
    assert!(page.contains("This is not a valid national register number"), "the error, in words");
    assert!(page.contains("value=\"Pieter Van den Bossche\""), "what she typed is kept");
    assert!(!back.contains("6808"), "nothing typed goes into the address");
    let back = post(
        &maria,
        portal,
        "/mandates/give",
        &page,
        &[
            ("holder_ssin", "68.08.14-203.85"),
            ("holder_name", "pieter van den bossche"),
            ("scope", "summary"),
            ("first_day", ""),
            ("last_day", ""),
        ],
    )
    .await;
    assert_eq!(back, "/mandates?confirm=give#give");
    let (_, _, page) = get(&maria, &format!("{portal}/mandates?confirm=give")).await;
    assert!(
        page.contains("See your allergies and the health summary your GP keeps."),
        "each scope explained before confirming"
    );
    let key =
        Page::parse(&page).field_in("section.confirm", "", "key").unwrap_or_else(|| panic!("the confirmation's key"));
    let fields = [
        ("key", key.as_str()),
        ("confirmed", "1"),
        ("holder_ssin", "68.08.14-203.85"),
        ("holder_name", "pieter van den bossche"),
        ("scope", "summary"),
        ("first_day", ""),
        ("last_day", ""),
    ];
    assert_eq!(post(&maria, portal, "/mandates/give", &page, &fields).await, "/mandates?done=given");
    // A double submit gives nothing more.
    assert_eq!(post(&maria, portal, "/mandates/give", &page, &fields).await, "/mandates?done=given");
    let gives = maria_audit(&stack).await.into_iter().filter(|(a, _, _)| a == "mandate:give").count();
    assert_eq!(gives, 2, "the seeded mandate and this one, once");

    // Not in force before Pieter accepts it.
    let (_, _, page) = get(&pieter, &format!("{portal}/summary")).await;
    assert!(page.contains(FORBIDDEN));
    let (_, _, page) = get(&pieter, &format!("{portal}/mandates")).await;
    assert!(page.contains("Waiting to be accepted"));
    let id = Page::parse(&page)
        .field_in("li.card", "Waiting to be accepted", "id")
        .unwrap_or_else(|| panic!("a mandate to accept"));
    assert_eq!(
        post(&pieter, portal, "/mandates/answer", &page, &[("id", &id), ("answer", "accept")]).await,
        "/mandates?done=accept"
    );
    let (_, _, page) = get(&pieter, &format!("{portal}/summary")).await;
    assert!(!page.contains(FORBIDDEN), "allergies are now covered");
    assert!(page.to_lowercase().contains("sulfonamide"), "Maria's allergy");

    // Maria revokes it: Pieter's very next request, in his open session, is refused.
    let (_, _, page) = get(&maria, &format!("{portal}/mandates?revoke={id}")).await;
    assert!(page.contains("End the mandate of pieter van den bossche?"), "the confirmation step");
    assert_eq!(
        post(&maria, portal, "/mandates/answer", &page, &[("id", &id), ("answer", "revoke")]).await,
        "/mandates?done=revoke"
    );
    let (_, _, page) = get(&pieter, &format!("{portal}/summary")).await;
    assert!(page.contains(FORBIDDEN), "revoked at once");
    let (_, _, page) = get(&pieter, &format!("{portal}/medication")).await;
    assert!(!page.contains(FORBIDDEN), "the other mandate still holds");
    // Pieter cannot revoke on Maria's behalf, nor answer again.
    let (_, _, page) = get(&pieter, &format!("{portal}/mandates")).await;
    let back = post(&pieter, portal, "/mandates/answer", &page, &[("id", &id), ("answer", "revoke")]).await;
    assert_eq!(back, "/mandates?error=error-forbidden");
    // A number that names no mandate is answered the same: which numbers exist is not told.
    let back = post(&pieter, portal, "/mandates/answer", &page, &[("id", "987654"), ("answer", "revoke")]).await;
    assert_eq!(back, "/mandates?error=error-forbidden");
    let back = post(&pieter, portal, "/support/revoke", &page, &[("id", "987654")]).await;
    assert_eq!(back, "/support?error=error-forbidden");

    // Every read under a mandate, every refusal and every answer is in Maria's log.
    let audit = maria_audit(&stack).await;
    let has = |action: &str, basis_prefix: &str, outcome: &str| {
        audit.iter().any(|(a, b, o)| a == action && b.starts_with(basis_prefix) && o == outcome)
    };
    assert!(has("read:medication", "mandate:", "success"), "{audit:?}");
    assert!(has("read:allergies", "denied:outside-mandate", "denied"), "{audit:?}");
    assert!(has("read:consent", "denied:outside-mandate", "denied"), "{audit:?}");
    assert!(
        has("read:allergies", "denied:no-basis", "denied") || has("read:allergies", "denied:outside-mandate", "denied")
    );
    assert!(has("mandate:accept", "mandate:", "success"));
    assert!(has("mandate:revoke", "mandate:", "success"));
    assert!(has("act-for:open", "mandate:", "success"));

    // Maria sees it in her access log, by name and basis.
    let (_, _, page) = get(&maria, &format!("{portal}/access-log")).await;
    assert!(page.contains("Pieter Van den Bossche"), "the trusted person by name");
    assert!(page.contains("under your mandate"), "and the basis");
}

#[tokio::test]
async fn a_mandate_to_another_name_cannot_be_accepted_and_nobody_else_opens_the_record() {
    let stack = stack(seeded()).await;
    let portal = &stack.portal.url;
    let (maria, _) = browser();
    login(&maria, portal, "maria").await;
    let (_, _, page) = get(&maria, &format!("{portal}/mandates")).await;
    let back = post(
        &maria,
        portal,
        "/mandates/give",
        &page,
        &[("holder_ssin", "68081420385"), ("holder_name", "Piet Janssens"), ("scope", "documents")],
    )
    .await;
    assert_eq!(back, "/mandates?confirm=give#give");
    let (_, _, page) = get(&maria, &format!("{portal}/mandates?confirm=give")).await;
    let key =
        Page::parse(&page).field_in("section.confirm", "", "key").unwrap_or_else(|| panic!("the confirmation's key"));
    let fields = [
        ("key", key.as_str()),
        ("confirmed", "1"),
        ("holder_ssin", "68081420385"),
        ("holder_name", "Piet Janssens"),
        ("scope", "documents"),
    ];
    assert_eq!(post(&maria, portal, "/mandates/give", &page, &fields).await, "/mandates?done=given");

    // Its number, from Maria's page (the newest first): Pieter's page offers no form for it.
    let (_, _, page) = get(&maria, &format!("{portal}/mandates")).await;
    let id: String = Page::parse(&page)
        .href_after("/mandates?revoke=")
        .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect())
        .unwrap_or_default();
    assert!(!id.is_empty());
    let (pieter, _) = browser();
    login(&pieter, portal, "pieter").await;
    let (_, _, page) = get(&pieter, &format!("{portal}/mandates")).await;
    assert!(page.contains("which is not the name you log in with"), "the mismatch, explained");
    assert!(!page.contains("Accept the mandate of"), "no way to accept it");
    let back = post(&pieter, portal, "/mandates/answer", &page, &[("id", &id), ("answer", "accept")]).await;
    assert_eq!(back, "/mandates?error=error-forbidden", "cannot be accepted");

    // Sofie has no mandate from Maria: the token Pieter got opens nothing for her.
    let (_, _, act_for) = get(&pieter, &format!("{portal}/act-for")).await;
    let person = choice(&act_for, "Maria Van den Bossche")
        .unwrap_or_else(|| panic!("Maria Van den Bossche's record can be opened"));
    let (sofie, _) = browser();
    login(&sofie, portal, "sofie").await;
    let (_, _, page) = get(&sofie, &format!("{portal}/act-for")).await;
    assert!(!page.contains("Maria Van den Bossche"));
    let back = post(&sofie, portal, "/act-for", &page, &[("person", &person)]).await;
    assert_eq!(back, "/act-for?error=error-forbidden");
    let (_, _, page) = get(&sofie, &format!("{portal}/dashboard")).await;
    assert!(!page.contains("You are acting for"), "Sofie's session still has her own record open");
    let audit = maria_audit(&stack).await;
    assert!(audit.iter().any(|(a, b, o)| a == "act-for:open" && b == "denied:no-basis" && o == "denied"), "{audit:?}");
}

async fn audit_of(stack: &Stack, ssin: &str) -> Vec<(String, String, String)> {
    let proof = own_proof_for_tests::<Read<AccessEvents>>(ssin);
    let records = stack.portal.state.store.audit_for(&proof, 1000).await.unwrap_or_else(|e| panic!("{e}"));
    records.into_iter().map(|r| (r.action, r.basis, r.outcome)).collect()
}

#[tokio::test]
async fn a_parent_sees_what_the_rule_table_gives_at_each_childs_age_and_the_register_decides_who_is_a_parent() {
    const EMMA: &str = "21061521244";
    const LUCAS: &str = "13021908747";
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (marc, _) = browser();
    assert_eq!(location(&login(&marc, portal, "marc").await), "/act-for", "a parent first chooses whose record");
    let (_, _, page) = get(&marc, &format!("{portal}/act-for")).await;
    for child in ["Emma Dubois", "Lucas Dubois", "Nora Dubois"] {
        assert!(page.contains(&format!("<h2>{child}</h2>")), "{child} is listed");
    }
    assert!(page.contains("from 16, Nora Dubois manages their own record"), "why Nora's record stays closed");
    assert!(
        page.contains("Patients&#x27; Rights Act") || page.contains("Patients' Rights Act"),
        "the rule's reference"
    );
    assert!(choice(&page, "Nora Dubois").is_none(), "no way to open Nora's record");
    let (Some(emma), Some(lucas)) = (choice(&page, "Emma Dubois"), choice(&page, "Lucas Dubois")) else {
        panic!("Emma's and Lucas's records can be opened")
    };

    // Emma (5): the whole record, consent included.
    assert_eq!(post(&marc, portal, "/act-for", &page, &[("person", &emma)]).await, "/dashboard");
    let (_, _, page) = get(&marc, &format!("{portal}/documents")).await;
    assert!(page.contains("You are acting for Emma Dubois"));
    assert!(page.contains("under 12, a parent sees and manages the whole record"), "the rule, on every page");
    assert!(!page.contains(FORBIDDEN));
    let (_, _, page) = get(&marc, &format!("{portal}/consent")).await;
    assert!(!page.contains(FORBIDDEN), "a parent manages a young child's consent");

    // Lucas (13): vaccinations, allergies and summary only.
    let (_, _, page) = get(&marc, &format!("{portal}/act-for")).await;
    assert_eq!(post(&marc, portal, "/act-for", &page, &[("person", &lucas)]).await, "/dashboard");
    let (_, _, page) = get(&marc, &format!("{portal}/vaccinations")).await;
    assert!(page.contains("You are acting for Lucas Dubois") && page.contains("from 12 to 16"));
    assert!(!page.contains(FORBIDDEN), "vaccinations are allowed at 13");
    let (_, _, page) = get(&marc, &format!("{portal}/documents")).await;
    assert!(page.contains(FORBIDDEN), "documents are not, at 13");

    let emma_log = audit_of(&stack, EMMA).await;
    assert!(
        emma_log.iter().any(|(a, b, o)| a == "read:documents" && b == "parent:under-12" && o == "success"),
        "{emma_log:?}"
    );
    let lucas_log = audit_of(&stack, LUCAS).await;
    assert!(
        lucas_log.iter().any(|(a, b, o)| a == "read:documents" && b == "denied:minor-age" && o == "denied"),
        "{lucas_log:?}"
    );
    assert!(lucas_log.iter().any(|(a, b, _)| a == "read:vaccinations" && b == "parent:from-12-to-16"), "{lucas_log:?}");

    // The register is the only source of the link: while it does not answer, a parent is
    // told so (not "forbidden"), and the refusal is audited.
    set_fault(&stack.hubs, "register", serde_json::json!({ "down": true })).await;
    let (_, _, page) = get(&marc, &format!("{portal}/vaccinations")).await;
    assert!(!page.contains(FORBIDDEN) && page.contains("cannot be reached right now"), "unavailable, not forbidden");
    assert!(
        audit_of(&stack, LUCAS)
            .await
            .iter()
            .any(|(a, b, o)| a == "read:vaccinations" && b == "denied:no-basis" && o == "denied")
    );
    set_fault(&stack.hubs, "register", serde_json::json!({})).await;
    let (_, _, page) = get(&marc, &format!("{portal}/vaccinations")).await;
    assert!(!page.contains(FORBIDDEN), "and back as soon as it answers");

    // Nora (17) sees that her parents no longer see her record.
    let (nora, _) = browser();
    login(&nora, portal, "nora").await;
    let (_, _, page) = get(&nora, &format!("{portal}/who-can-see")).await;
    assert!(
        page.contains("Marc Dubois is registered as your parent, but can no longer see your record"),
        "Nora is told"
    );
}

/// Every kind of data, read through the server function the pages' scripts use, by Pieter
/// acting for Sofie while the mandates between them are in each state: allowed exactly
/// where a mandate in force covers the kind, every refusal in Sofie's log with its reason.
#[tokio::test]
async fn every_kind_under_every_mandate_state_is_allowed_only_where_a_mandate_in_force_covers_it() {
    use carnet_core::change::FormKey;
    use carnet_core::date::Day;
    use carnet_core::grant::GrantScope;
    use carnet_core::kind::Scope;
    use carnet_core::mandate::{MandateAnswer, MandateDraft};
    use carnet_core::policy::ManageGrants;

    const SOFIE: &str = "85041212468";
    const PIETER: &str = "68081420385";
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let store = &stack.portal.state.store;
    let today = carnet::clock::today_in_belgium();
    let sofie_grants = own_proof_for_tests::<ManageGrants>(SOFIE);
    let pieter_grants = own_proof_for_tests::<ManageGrants>(PIETER);
    let event = |action: &str| carnet_core::audit::AuditEvent {
        actor: carnet_core::Ssin::parse(SOFIE).ok(),
        subject: carnet_core::Ssin::parse(SOFIE).ok(),
        action: action.to_owned(),
        basis: String::new(),
        outcome: carnet_core::audit::Outcome::Success,
        sources: String::new(),
        request_id: None,
    };
    let mut n = 0u8;
    let mut give = |scopes: Vec<GrantScope>, first_day: Day, last_day: Option<Day>| {
        n += 1;
        let draft = MandateDraft {
            holder: carnet_core::Ssin::parse(PIETER).unwrap_or_else(|_| panic!("ssin")),
            holder_name: "Pieter Van den Bossche".into(),
            scopes,
            first_day,
            last_day,
        };
        (FormKey::from_random([n; 16]), draft)
    };
    let (accept_from, accept_to) = MandateAnswer::Accept.transition();

    // In force: documents and the summary (allergies, SumEHR).
    let (key, draft) = give(vec![GrantScope::Documents, GrantScope::Summary], today, None);
    let Ok(first) = store.give_mandate(&sofie_grants, &key, "Sofie Janssens", &draft, &event("mandate:give")).await
    else {
        panic!("give")
    };
    assert!(matches!(
        store.move_mandate(&pieter_grants, first, false, accept_from, accept_to, &event("mandate:accept")).await,
        Ok(true)
    ));
    let (pieter, _) = browser();
    let landed = login(&pieter, portal, "pieter").await;
    assert_eq!(location(&landed), "/act-for", "a trusted person first chooses whose record");
    let (_, _, page) = get(&pieter, &format!("{portal}/act-for")).await;
    let person = choice(&page, "Sofie Janssens").unwrap_or_else(|| panic!("Sofie Janssens's record can be opened"));
    assert_eq!(post(&pieter, portal, "/act-for", &page, &[("person", &person)]).await, "/dashboard");

    read_every_kind(&stack, &pieter, "active", vec![Scope::Documents, Scope::SumEhr, Scope::Allergies]).await;

    // Revoked; then a pending one, a declined one, one whose last day has passed and one
    // that starts tomorrow: nothing.
    let (from, to) = MandateAnswer::Revoke.transition();
    assert!(matches!(
        store.move_mandate(&sofie_grants, first, true, from, to, &event("mandate:revoke")).await,
        Ok(true)
    ));
    read_every_kind(&stack, &pieter, "revoked", vec![]).await;
    let every = GrantScope::ALL.to_vec();
    let (key, draft) = give(every.clone(), today, None);
    let Ok(pending) = store.give_mandate(&sofie_grants, &key, "Sofie Janssens", &draft, &event("mandate:give")).await
    else {
        panic!("give")
    };
    read_every_kind(&stack, &pieter, "pending", vec![]).await;
    let (from, to) = MandateAnswer::Decline.transition();
    assert!(matches!(
        store.move_mandate(&pieter_grants, pending, false, from, to, &event("mandate:decline")).await,
        Ok(true)
    ));
    read_every_kind(&stack, &pieter, "declined", vec![]).await;
    let (key, draft) = give(every.clone(), today.plus_days(-30), Some(today.plus_days(-1)));
    let Ok(ended) = store.give_mandate(&sofie_grants, &key, "Sofie Janssens", &draft, &event("mandate:give")).await
    else {
        panic!("give")
    };
    assert!(matches!(
        store.move_mandate(&pieter_grants, ended, false, accept_from, accept_to, &event("mandate:accept")).await,
        Ok(true)
    ));
    read_every_kind(&stack, &pieter, "ended yesterday", vec![]).await;
    let (key, draft) = give(every.clone(), today.plus_days(1), None);
    let Ok(later) = store.give_mandate(&sofie_grants, &key, "Sofie Janssens", &draft, &event("mandate:give")).await
    else {
        panic!("give")
    };
    assert!(matches!(
        store.move_mandate(&pieter_grants, later, false, accept_from, accept_to, &event("mandate:accept")).await,
        Ok(true)
    ));
    read_every_kind(&stack, &pieter, "starts tomorrow", vec![]).await;
    // Managing consent, in force until today included: the controls' kinds.
    let (key, draft) = give(vec![GrantScope::ConsentsManage, GrantScope::AccessLog], today.plus_days(-1), Some(today));
    let Ok(manage) = store.give_mandate(&sofie_grants, &key, "Sofie Janssens", &draft, &event("mandate:give")).await
    else {
        panic!("give")
    };
    assert!(matches!(
        store.move_mandate(&pieter_grants, manage, false, accept_from, accept_to, &event("mandate:accept")).await,
        Ok(true)
    ));
    read_every_kind(
        &stack,
        &pieter,
        "consents-manage and access-log, last day today",
        vec![Scope::Consent, Scope::Relationships, Scope::Exclusions, Scope::AccessEvents],
    )
    .await;
}

/// Pieter (`client`, acting for Sofie) reads every kind: allowed exactly for `covered`,
/// each read and each refusal in Sofie's log.
async fn read_every_kind(stack: &Stack, client: &reqwest::Client, state: &str, covered: Vec<carnet_core::kind::Scope>) {
    const SOFIE: &str = "85041212468";
    let portal = &stack.portal.url;
    for scope in carnet_core::kind::Scope::ALL {
        let before = audit_of(stack, SOFIE).await.len();
        let response = client
            .post(format!("{portal}/api/read"))
            .header("origin", portal.as_str())
            .form(&[("scope", scope.as_str())])
            .send()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let ok = response.status().is_success();
        let body = response.text().await.unwrap_or_default();
        let log = audit_of(stack, SOFIE).await;
        // Newest first.
        let new = log.get(..log.len() - before).unwrap_or(&[]);
        let allowed = covered.contains(scope);
        assert_eq!(ok, allowed, "{state}: {scope:?} → {body}");
        let action = format!("read:{}", scope.as_str());
        if allowed {
            assert!(
                new.iter().any(|(a, b, _)| a == &action && b.starts_with("mandate:")),
                "{state} {scope:?}: {new:?}"
            );
        } else {
            assert!(
                new.iter().any(|(a, b, o)| a == &action && b.starts_with("denied:") && o == "denied"),
                "{state} {scope:?}: the refusal is audited: {new:?}"
            );
        }
    }
}

/// A valid national register number for someone born on `day` (sequence `seq`).
fn ssin_born(day: carnet_core::date::Day, seq: u32) -> String {
    let head = format!("{:02}{:02}{:02}{seq:03}", day.year % 100, day.month, day.day);
    let number: u64 = head.parse().unwrap_or_default();
    // Born from 2000: the checksum is computed with a leading 2.
    let basis = if day.year >= 2000 { 2_000_000_000 + number } else { number };
    format!("{head}{:02}", 97 - basis % 97)
}

/// The rule table around each boundary birthday, today (the register is a source like any
/// other: here one of the test's own, with children born relative to today): the day
/// before a 12th birthday a parent still sees documents, on it and after it no longer;
/// at 15 vaccinations still, on the 16th birthday nothing at all.
#[tokio::test]
async fn the_rule_table_changes_a_parents_access_on_the_childs_birthday_without_a_code_change() {
    use carnet_core::kind::Scope;
    const MARC: &str = "80090315741";
    let today = carnet::clock::today_in_belgium();
    let born = |years: i32, days: i64| today.plus_months(-12 * years).plus_days(days);
    // (name, birth, documents allowed, vaccinations allowed)
    let children = [
        ("Child Eleven", born(12, 1), true, true),
        ("Child Twelve Today", born(12, 0), false, true),
        ("Child Twelve Yesterday", born(12, -1), false, true),
        ("Child Fifteen", born(16, 1), false, true),
        ("Child Sixteen Today", born(16, 0), false, false),
    ];
    let links: Vec<serde_json::Value> = children
        .iter()
        .enumerate()
        .map(|(i, (name, birth, _, _))| {
            serde_json::json!({
                "parent": MARC, "parent_name": "Marc Dubois", "child": ssin_born(*birth, 101 + i as u32 * 2),
                "child_name": name, "child_birth": birth.to_string(), "kind": "parent"
            })
        })
        .collect();
    // The test's register.
    let (listener, register_url) = bind().await;
    let answer = links.clone();
    let app = axum::Router::new().route(
        "/links",
        axum::routing::post(move |axum::Json(query): axum::Json<serde_json::Value>| {
            let answer = answer.clone();
            async move {
                let parent = query.get("parent").and_then(|p| p.as_str()).unwrap_or_default().to_owned();
                axum::Json(answer.into_iter().filter(|l| l["parent"] == parent.as_str()).collect::<Vec<_>>())
            }
        }),
    );
    tokio::spawn(async move { axum::serve(listener, app).await });
    let demo = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/sources.toml")).unwrap_or_default();
    let sources = demo.replace("${CARNET_DEMO_HUBS_URL:-http://127.0.0.1:3010}/register", &register_url);
    let file = std::env::temp_dir().join(format!("carnet-register-sources-{}.toml", std::process::id()));
    std::fs::write(&file, sources).unwrap_or_else(|e| panic!("{e}"));
    let options = Options {
        extra: [("CARNET_SOURCES_FILE".to_owned(), file.display().to_string())].into(),
        ..Options::default()
    };
    let stack = stack(options).await;
    let portal = &stack.portal.url;
    let (marc, _) = browser();
    login(&marc, portal, "marc").await;
    for (name, birth, documents, vaccinations) in children {
        let (_, _, page) = get(&marc, &format!("{portal}/act-for")).await;
        let Some(person) = choice(&page, name) else {
            assert!(!documents && !vaccinations, "{name} ({birth}): the record can be opened");
            assert!(page.contains(&format!("from 16, {name} manages their own record")), "{name}: why not");
            continue;
        };
        assert_eq!(post(&marc, portal, "/act-for", &page, &[("person", &person)]).await, "/dashboard", "{name}");
        for (scope, expected) in [(Scope::Documents, documents), (Scope::Vaccinations, vaccinations)] {
            let response = marc
                .post(format!("{portal}/api/read"))
                .header("origin", portal.as_str())
                .form(&[("scope", scope.as_str())])
                .send()
                .await
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(response.status().is_success(), expected, "{name} (born {birth}): {scope:?}");
        }
    }
    let _ = std::fs::remove_file(file);
}

#[tokio::test]
async fn a_login_starts_with_ones_own_record_whatever_the_session_had_open() {
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    let (browser_, _) = browser();
    login(&browser_, portal, "marc").await;
    let (_, _, page) = get(&browser_, &format!("{portal}/act-for")).await;
    let Some(emma) = choice(&page, "Emma Dubois") else { panic!("Emma's record can be opened") };
    assert_eq!(post(&browser_, portal, "/act-for", &page, &[("person", &emma)]).await, "/dashboard");
    let (_, _, page) = get(&browser_, &format!("{portal}/documents")).await;
    assert!(page.contains("You are acting for Emma Dubois"));

    // A new login on the same browser (the provider still knows Marc, so it is Marc
    // again: whoever it is, nothing the session had open passes to it).
    let landed = login(&browser_, portal, "sofie").await;
    assert_eq!(location(&landed), "/act-for");
    let (status, _, page) = get(&browser_, &format!("{portal}/documents")).await;
    assert_eq!(status, 200);
    assert!(!page.contains("You are acting for"), "no one else's record is open after a login");
}

/// The dashboard's alert of new accesses names who read the record through Carnet too (a
/// trusted person here), not only the care providers the sources recorded.
#[tokio::test]
async fn a_trusted_persons_read_through_carnet_is_in_the_citizens_new_access_alert() {
    let extra = std::collections::BTreeMap::from([("CARNET_DEMO_SEED".to_owned(), "1".to_owned())]);
    let stack = stack(Options { extra, ..Options::default() }).await;
    let portal = &stack.portal.url;
    let (maria, _) = browser();
    login(&maria, portal, "maria").await;
    let (_, _, page) = get(&maria, &format!("{portal}/dashboard")).await;
    assert!(!page.contains("Pieter Van den Bossche read") && !alert_of(&page).contains("Pieter"), "not yet");
    let (pieter, _) = browser();
    login(&pieter, portal, "pieter").await;
    let (_, _, page) = get(&pieter, &format!("{portal}/act-for")).await;
    let Some(person) = choice(&page, "Maria Van den Bossche") else { panic!("Pieter may open Maria's record") };
    assert_eq!(post(&pieter, portal, "/act-for", &page, &[("person", &person)]).await, "/dashboard");
    let (_, _, _) = get(&pieter, &format!("{portal}/medication")).await;
    let (_, _, page) = get(&maria, &format!("{portal}/dashboard")).await;
    let alert = alert_of(&page);
    assert!(alert.contains("Pieter Van den Bossche") && alert.contains("Carnet"), "{alert}");
    // Pieter's own dashboard for Maria shows no alert (it is hers).
    let (_, _, page) = get(&pieter, &format!("{portal}/dashboard")).await;
    assert!(alert_of(&page).is_empty());
}

/// The new-access alert's text on a dashboard ("" when there is none).
fn alert_of(page: &str) -> String {
    Page::parse(page).text("#new-access").unwrap_or_default()
}
