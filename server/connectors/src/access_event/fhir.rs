//! Reads `AuditEvent` resources: who accessed the record at a source, when, and what.
//!
//! No Belgian AuditEvent profile exists; this reads plain FHIR R4. `type` is a Coding in
//! R4 (a CodeableConcept in R5): both shapes are read.

use carnet_core::access_event::AccessEvent;
use carnet_core::coding::Coding;
use carnet_core::date::PartialDate;
use carnet_core::item::Item;
use carnet_core::party::Party;
use serde_json::Value;

use crate::fhir::common::{
    Context, Reason, array, coding, codings, expect_type, item_id, object, objects, party, party_label, str_at, string,
    unreadable,
};

/// Reads one resource that should be an AuditEvent.
pub fn read_audit_event(resource: &Value) -> Item<AccessEvent> {
    read_audit_event_in(resource, &Context::none())
}

/// Reads an AuditEvent that came in a Bundle: references to other entries resolve.
pub(crate) fn read_audit_event_in<'a>(resource: &'a Value, ctx: &Context<'a>) -> Item<AccessEvent> {
    match read(resource, ctx) {
        Ok(event) => Item::Read(event),
        Err(reason) => unreadable(resource, reason),
    }
}

fn read<'a>(resource: &'a Value, ctx: &Context<'a>) -> Result<AccessEvent, Reason> {
    expect_type(resource, &["AuditEvent"])?;
    let at = string(resource, "recorded")?;
    let date = match &at {
        Some(text) => Some(PartialDate::parse(text).ok_or("recorded is not a date-time")?),
        None => None,
    };
    Ok(AccessEvent {
        id: item_id(resource),
        at,
        date,
        who: who(resource, ctx)?,
        role: role(resource)?,
        institution: institution(resource, ctx)?,
        event: event(resource)?,
        action: string(resource, "action")?,
        what: what(resource)?,
        outcome: string(resource, "outcome")?,
    })
}

/// The event's type and subtypes.
fn event(resource: &Value) -> Result<Vec<Coding>, Reason> {
    let mut out: Vec<Coding> = Vec::new();
    let kind = object(resource, "type")?;
    let subtypes = array(resource, "subtype")?;
    for value in kind.into_iter().chain(subtypes) {
        let found = if value.get("coding").is_some() { codings(value) } else { coding(value).into_iter().collect() };
        for c in found {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    Ok(out)
}

/// Who acted: each agent's name, else who it designates (a display, a NIHDI number, a person
/// known by SSIN — never shown —, or the raw identifier or reference).
fn who<'a>(resource: &'a Value, ctx: &Context<'a>) -> Result<Vec<Party>, Reason> {
    let mut out = Vec::new();
    for agent in objects(resource, "agent")? {
        let found = str_at(agent, "name")
            .map(Party::Named)
            .or_else(|| agent.get("who").filter(|w| w.is_object()).and_then(|w| party(w, resource, ctx)));
        if let Some(p) = found.filter(|p| !out.contains(p)) {
            out.push(p);
        }
    }
    Ok(out)
}

/// The profession of the agent who asked (the requestor, else the first with a role).
fn role(resource: &Value) -> Result<Option<Coding>, Reason> {
    let agents = objects(resource, "agent")?;
    let requestor = agents.iter().find(|a| a.get("requestor").and_then(Value::as_bool) == Some(true));
    Ok(requestor
        .into_iter()
        .chain(agents.iter())
        .filter_map(|agent| agent.get("role").and_then(Value::as_array))
        .flatten()
        .flat_map(codings)
        .next())
}

/// What was accessed: per entity, its name (else what it points to), and its description.
/// A person named by their national register number is "Patient", never the number.
fn what(resource: &Value) -> Result<Vec<String>, Reason> {
    let mut out: Vec<String> = Vec::new();
    for entity in objects(resource, "entity")? {
        let target = entity.get("what").filter(|w| w.is_object());
        let label = str_at(entity, "name")
            .or_else(|| target.and_then(|w| str_at(w, "display")))
            .or_else(|| target.and_then(|w| str_at(w, "reference")))
            .or_else(|| {
                let identifier = target.and_then(|w| w.get("identifier"))?;
                let ssin = str_at(identifier, "system").is_some_and(|s| s.to_ascii_lowercase().ends_with("/ssin"));
                if ssin { None } else { str_at(identifier, "value") }
            })
            .or_else(|| entity.get("role").and_then(|r| str_at(r, "display")));
        for text in label.into_iter().chain(str_at(entity, "description")) {
            if !out.contains(&text) {
                out.push(text);
            }
        }
    }
    Ok(out)
}

/// Where it happened: the source's observer (its name), else the site, else the observer's
/// identifier.
fn institution<'a>(resource: &'a Value, ctx: &Context<'a>) -> Result<Option<String>, Reason> {
    let Some(source) = object(resource, "source")? else { return Ok(None) };
    let observer = object(source, "observer").map_err(|e| format!("source.{e}"))?;
    let named = observer.and_then(|o| str_at(o, "display"));
    Ok(named
        .or_else(|| str_at(source, "site"))
        .or_else(|| observer.and_then(|o| party(o, resource, ctx)).and_then(party_label)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn read_fixture(name: &str) -> AccessEvent {
        let json = crate::fixtures::json(&format!("fhir/auditevent/{name}"));
        match read_audit_event(&json) {
            Item::Read(e) => e,
            Item::Unreadable { reason, .. } => panic!("{name} was not read: {reason}"),
        }
    }

    fn displays(list: &[Coding]) -> Vec<&str> {
        list.iter().filter_map(|c| c.display.as_deref()).collect()
    }

    #[test]
    fn a_read_gives_who_when_what_and_where() {
        let e = read_fixture("fhir-r4-AuditEvent-example-rest.json");
        assert_eq!(e.at.as_deref(), Some("2013-06-20T23:42:24Z"));
        assert_eq!(e.date, PartialDate::parse("2013-06-20"));
        assert_eq!(e.who, vec![Party::Named("Grahame Grieve".into()), Party::Other("2.16.840.1.113883.4.2".into())]);
        assert_eq!(displays(&e.event), vec!["Restful Operation", "vread"]);
        assert_eq!(e.action.as_deref(), Some("R"));
        assert_eq!(e.outcome.as_deref(), Some("0"));
        assert_eq!(e.what, vec!["Patient/example/_history/1".to_owned()]);
        assert_eq!(e.institution.as_deref(), Some("Cloud"));
    }

    #[test]
    fn a_disclosure_names_the_recipient_and_what_was_disclosed() {
        let e = read_fixture("fhir-r4-AuditEvent-example-disclosure.json");
        assert_eq!(
            e.who,
            vec![Party::Named("That guy everyone wishes would be caught".into()), Party::Named("Where".into())]
        );
        assert_eq!(displays(&e.event), vec!["Export", "HIPAA disclosure"]);
        assert_eq!(
            e.what,
            vec!["Patient/example".to_owned(), "Namne of What".to_owned(), "data about Everthing important".to_owned()]
        );
        assert_eq!(e.institution.as_deref(), Some("Watchers Accounting of Disclosures Application"));
    }

    #[test]
    fn logins_logouts_searches_and_application_starts_read() {
        let login = read_fixture("fhir-r4-AuditEvent-example-login.json");
        assert_eq!(displays(&login.event), vec!["User Authentication", "Login"]);
        assert_eq!(login.who.first(), Some(&Party::Named("Grahame Grieve".into())));
        assert!(login.what.is_empty());
        let logout = read_fixture("fhir-r4-AuditEvent-example-logout.json");
        assert_eq!(logout.at.as_deref(), Some("2013-06-20T23:46:41Z"));
        let search = read_fixture("fhir-r4-AuditEvent-example-search.json");
        assert_eq!(search.what, vec!["Query".to_owned()]);
        assert_eq!(search.institution.as_deref(), Some("hl7connect.healthintersections.com.au"));
        let start = read_fixture("fhir-r4-AuditEvent-example.json");
        assert_eq!(start.who.first(), Some(&Party::Other("Grahame".into())));
        assert_eq!(start.what, vec!["Grahame's Laptop".to_owned()]);
        assert_eq!(start.date, PartialDate::parse("2012-10-25"));
    }

    #[test]
    fn an_agent_known_by_ssin_is_never_shown() {
        let json = json!({"resourceType": "AuditEvent", "id": "a", "recorded": "2024-01-01T10:00:00Z",
            "agent": [{"who": {"identifier": {"system": "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin", "value": "79121137740"}}}]});
        let Item::Read(e) = read_audit_event(&json) else { panic!("should read") };
        assert_eq!(e.who, vec![Party::Person]);
        assert!(!format!("{e:?}").contains("79121137740"));
    }

    #[test]
    fn broken_events_become_unreadable() {
        let cases = [
            json!({"resourceType": "AuditEvent", "id": "a", "recorded": "yesterday"}),
            json!({"resourceType": "AuditEvent", "id": "b", "agent": {"name": "x"}}),
            json!({"resourceType": "AuditEvent", "id": "c", "action": 5}),
            json!({"resourceType": "AuditEvent", "id": "d", "entity": ["x"]}),
            json!({"resourceType": "Provenance", "id": "e"}),
        ];
        for case in cases {
            assert!(read_audit_event(&case).is_unreadable(), "{case}");
        }
    }
}
