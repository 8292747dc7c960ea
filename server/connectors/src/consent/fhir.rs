//! Reads `Consent` resources: plain FHIR R4 privacy consents and the HL7 Belgium patient
//! will (BePatientWill: "do not resuscitate" …).
//!
//! The state a citizen sees is decided from the status and the top-level provision:
//!
//! | status                                  | top-level provision                        | state     |
//! |-----------------------------------------|--------------------------------------------|-----------|
//! | `active`                                | `permit`, or no type and no opt-out policy | `Given`   |
//! | `active`                                | `deny`, or no type and an `OPTOUT` policy  | `Revoked` |
//! | `inactive`, `rejected`                  | any                                        | `Revoked` |
//! | `draft`, `proposed`, `entered-in-error`, other | any                                 | `None`    |
//!
//! "No type" follows the policy rule because FHIR R4 makes `provision.type` optional and
//! the official examples rely on `policyRule` (OPTIN / OPTOUT) for the default. Actors are
//! listed as permitted or denied by the type of the provision that names them (a nested
//! provision without a type inherits its parent's).

use carnet_core::coding::Coding;
use carnet_core::consent::{ConsentRecord, ConsentState};
use carnet_core::item::Item;
use carnet_core::party::Party;
use serde_json::Value;

use crate::fhir::common::{
    Context, Reason, concept_at, concepts_at, date, expect_type, extension, item_id, object, objects, party, period,
    string, unknown_extensions, unreadable,
};

/// The Belgian recorder (a Reference), on the patient will.
const EXT_RECORDER: &str = "https://www.ehealth.fgov.be/standards/fhir/core/StructureDefinition/be-ext-recorder";
const KNOWN_EXTENSIONS: [&str; 1] = [EXT_RECORDER];
/// How deep nested provisions are followed.
const MAX_PROVISION_DEPTH: u8 = 8;

/// Reads one resource that should be a Consent.
pub fn read_consent(resource: &Value) -> Item<ConsentRecord> {
    read_consent_in(resource, &Context::none())
}

/// Reads a Consent that came in a Bundle: references to other entries resolve.
pub(crate) fn read_consent_in<'a>(resource: &'a Value, ctx: &Context<'a>) -> Item<ConsentRecord> {
    match read(resource, ctx) {
        Ok(consent) => Item::Read(consent),
        Err(reason) => unreadable(resource, reason),
    }
}

fn read<'a>(resource: &'a Value, ctx: &Context<'a>) -> Result<ConsentRecord, Reason> {
    expect_type(resource, &["Consent"])?;
    let status = string(resource, "status")?;
    let provision = object(resource, "provision")?;
    let top_permits = match provision.map(|p| string(p, "type")).transpose()?.flatten().as_deref() {
        Some("permit") => true,
        Some("deny") => false,
        Some(_) => return Err("provision.type is neither permit nor deny".into()),
        None => !opts_out(resource)?,
    };
    let (since, until) = match provision {
        Some(p) => period(p, "period").map_err(|e| format!("provision.{e}"))?,
        None => (None, None),
    };
    let mut actors = Vec::new();
    let mut terms = Vec::new();
    if let Some(p) = provision {
        read_provision(p, top_permits, resource, ctx, 0, &mut actors, &mut terms)?;
    }
    let mut category = concept_at(resource, "scope")?;
    for c in concepts_at(resource, "category")? {
        if !category.contains(&c) {
            category.push(c);
        }
    }
    Ok(ConsentRecord {
        id: item_id(resource),
        state: state(status.as_deref(), top_permits),
        category,
        since: since.or(date(resource, "dateTime")?),
        until,
        author: author(resource, ctx)?,
        actors,
        status,
        terms,
        unknown_extensions: unknown_extensions(resource, &KNOWN_EXTENSIONS)?,
    })
}

/// The state a citizen sees (see the module documentation).
fn state(status: Option<&str>, top_permits: bool) -> ConsentState {
    match status {
        Some("active") if top_permits => ConsentState::Given,
        Some("active") => ConsentState::Revoked,
        Some("inactive" | "rejected") => ConsentState::Revoked,
        _ => ConsentState::None,
    }
}

/// Whether the policy rule is an opt-out (the default is to deny).
fn opts_out(resource: &Value) -> Result<bool, Reason> {
    Ok(concept_at(resource, "policyRule")?.iter().any(|c| c.code.as_deref() == Some("OPTOUT")))
}

/// The actors and coded terms of a provision and its nested provisions.
fn read_provision<'a>(
    provision: &'a Value,
    permits: bool,
    resource: &'a Value,
    ctx: &Context<'a>,
    depth: u8,
    actors: &mut Vec<(bool, Party)>,
    terms: &mut Vec<Coding>,
) -> Result<(), Reason> {
    if depth > MAX_PROVISION_DEPTH {
        return Ok(());
    }
    for actor in objects(provision, "actor").map_err(|e| format!("provision.{e}"))? {
        if let Some(p) = actor.get("reference").filter(|r| r.is_object()).and_then(|r| party(r, resource, ctx)) {
            actors.push((permits, p));
        }
    }
    for c in concepts_at(provision, "code").map_err(|e| format!("provision.{e}"))? {
        if !terms.contains(&c) {
            terms.push(c);
        }
    }
    for nested in objects(provision, "provision").map_err(|e| format!("provision.{e}"))? {
        let nested_permits = match string(nested, "type")?.as_deref() {
            Some("permit") => true,
            Some("deny") => false,
            _ => permits,
        };
        read_provision(nested, nested_permits, resource, ctx, depth + 1, actors, terms)?;
    }
    Ok(())
}

/// Who recorded it: the performer, else the Belgian recorder, else the custodian organisation.
fn author<'a>(resource: &'a Value, ctx: &Context<'a>) -> Result<Option<Party>, Reason> {
    if let Some(p) = objects(resource, "performer")?.iter().find_map(|r| party(r, resource, ctx)) {
        return Ok(Some(p));
    }
    if let Some(p) = extension(resource, EXT_RECORDER)
        .and_then(|e| e.get("valueReference"))
        .filter(|r| r.is_object())
        .and_then(|r| party(r, resource, ctx))
    {
        return Ok(Some(p));
    }
    Ok(objects(resource, "organization")?.iter().find_map(|r| party(r, resource, ctx)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_core::date::PartialDate;
    use serde_json::json;

    fn read_fixture(name: &str) -> ConsentRecord {
        let json = crate::fixtures::json(&format!("fhir/consent/{name}"));
        match read_consent(&json) {
            Item::Read(c) => c,
            Item::Unreadable { reason, .. } => panic!("{name} was not read: {reason}"),
        }
    }

    fn codes(list: &[Coding]) -> Vec<&str> {
        list.iter().filter_map(|c| c.code.as_deref()).collect()
    }

    #[test]
    fn an_opt_in_consent_is_given_with_its_period() {
        let c = read_fixture("fhir-r4-Consent-consent-example-basic.json");
        assert_eq!(c.state, ConsentState::Given);
        assert_eq!(c.status.as_deref(), Some("active"));
        assert_eq!((c.since, c.until), (PartialDate::parse("1964-01-01"), PartialDate::parse("2016-01-01")));
        assert_eq!(codes(&c.category), vec!["patient-privacy", "59284-0"]);
        assert_eq!(c.author, Some(Party::Unresolved("Organization/f001".into())));
    }

    #[test]
    fn an_opt_out_is_revoked_and_its_actor_denied() {
        let c = read_fixture("fhir-r4-Consent-consent-example-Out.json");
        assert_eq!(c.state, ConsentState::Revoked);
        assert_eq!(c.since, PartialDate::parse("2015-11-18"));
        assert_eq!(c.actors, vec![(false, Party::Unresolved("Organization/f001".into()))]);
    }

    #[test]
    fn a_top_level_deny_is_revoked() {
        let c = read_fixture("fhir-r4-Consent-consent-example-notOrg.json");
        assert_eq!(c.state, ConsentState::Revoked);
        assert_eq!(c.actors, vec![(false, Party::Unresolved("Organization/f001".into()))]);
    }

    #[test]
    fn named_actors_keep_their_names_and_polarity() {
        let them = read_fixture("fhir-r4-Consent-consent-example-notThem.json");
        assert_eq!(them.state, ConsentState::Given);
        assert_eq!(them.actors, vec![(true, Party::Named("Fictive Nurse".into()))]);
        let grantor = read_fixture("fhir-r4-Consent-consent-example-grantor.json");
        assert_eq!(grantor.state, ConsentState::Revoked);
        assert_eq!(grantor.actors.get(1), Some(&(false, Party::Named("Good Health Clinic".into()))));
        let emergency = read_fixture("fhir-r4-Consent-consent-example-Emergency.json");
        assert_eq!(codes(&emergency.category), vec!["patient-privacy", "EMRGONLY"]);
        assert_eq!(emergency.actors.len(), 2);
        assert!(emergency.actors.iter().all(|(permits, _)| !permits));
    }

    #[test]
    fn the_belgian_patient_will_gives_its_terms_recorder_and_start() {
        let c = read_fixture("hl7be-consent-Consent-patientwill1.json");
        assert_eq!(c.state, ConsentState::Given);
        assert_eq!(c.since, PartialDate::parse("2020-10-06"));
        assert_eq!(c.author, Some(Party::Nihdi("11530231003".into())));
        assert_eq!(codes(&c.category), vec!["385432009", "resuscitation"]);
        assert_eq!(c.terms.first().and_then(|t| t.display.as_deref()), Some("Do not resuscitate"));
        assert_eq!(codes(&c.terms), vec!["dnr1"]);
    }

    #[test]
    fn statuses_give_states() {
        let with = |status: &str| {
            let json = json!({"resourceType": "Consent", "id": "c", "status": status, "provision": {"type": "permit"}});
            read_consent(&json).read().map(|c| c.state.clone())
        };
        assert_eq!(with("active"), Some(ConsentState::Given));
        assert_eq!(with("rejected"), Some(ConsentState::Revoked));
        assert_eq!(with("inactive"), Some(ConsentState::Revoked));
        assert_eq!(with("draft"), Some(ConsentState::None));
        assert_eq!(with("proposed"), Some(ConsentState::None));
    }

    #[test]
    fn broken_consents_become_unreadable() {
        let cases = [
            json!({"resourceType": "Consent", "id": "a", "status": 5}),
            json!({"resourceType": "Consent", "id": "b", "provision": "x"}),
            json!({"resourceType": "Consent", "id": "c", "provision": {"type": "maybe"}}),
            json!({"resourceType": "Consent", "id": "d", "dateTime": "later"}),
            json!({"resourceType": "Consent", "id": "e", "extension": 1}),
            json!({"resourceType": "Patient", "id": "f"}),
        ];
        for case in cases {
            assert!(read_consent(&case).is_unreadable(), "{case}");
        }
    }

    #[test]
    fn a_text_only_term_is_kept_as_a_display() {
        let json = json!({"resourceType": "Consent", "id": "t", "status": "active",
            "provision": {"code": [{"text": "no blood transfusion"}]}});
        let Item::Read(c) = read_consent(&json) else { panic!("should read") };
        assert_eq!(c.terms.first().and_then(|t| t.display.as_deref()), Some("no blood transfusion"));
    }

    #[test]
    fn unknown_extensions_are_kept() {
        let json = json!({"resourceType": "Consent", "id": "u", "status": "active",
            "modifierExtension": [{"url": "https://example.org/inverts-meaning"}]});
        let Item::Read(c) = read_consent(&json) else { panic!("should read") };
        assert_eq!(c.unknown_extensions, vec!["https://example.org/inverts-meaning".to_owned()]);
    }
}
