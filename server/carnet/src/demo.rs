//! The demo's own state in Carnet's database (`CARNET_DEMO_SEED=1`, set by the README's
//! run command and the browser tests): Maria Van den Bossche has given her son Pieter an
//! active mandate for her documents, medication and vaccinations — not to manage who may
//! see her record, so that a refusal is there to see. Written once (its form key is
//! fixed: a second start changes nothing), through the policy and with its audit entries
//! like any mandate.

use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::change::FormKey;
use carnet_core::date::Day;
use carnet_core::grant::GrantScope;
use carnet_core::mandate::{self, MandateAnswer, MandateDraft};
use carnet_core::policy::{self, Grants, ManageGrants};
use carnet_core::{Principal, Role, Ssin};
use carnet_store::{Store, StoreError};

const MARIA: (&str, &str) = ("41022703827", "Maria Van den Bossche");
const PIETER: (&str, &str) = ("68081420385", "Pieter Van den Bossche");

fn person((ssin, name): (&str, &str)) -> Result<Principal, StoreError> {
    let ssin = Ssin::parse(ssin).map_err(|_| StoreError::Corrupt("demo SSIN".into()))?;
    Ok(Principal::authenticated(ssin, name.to_owned(), vec![Role::Citizen]))
}

fn event(actor: &Principal, subject: &Principal, action: String, basis: String) -> AuditEvent {
    AuditEvent {
        actor: Some(actor.ssin().clone()),
        subject: Some(subject.ssin().clone()),
        action,
        basis,
        outcome: Outcome::Success,
        sources: String::new(),
        request_id: Some("demo-seed".into()),
    }
}

pub async fn seed(store: &Store) -> Result<(), StoreError> {
    let (maria, pieter) = (person(MARIA)?, person(PIETER)?);
    let none = Grants::none(crate::clock::today_in_belgium(), 0);
    let refused = |_| StoreError::Corrupt("the policy refused the demo seed".into());
    let maria_own = policy::decide::<ManageGrants>(&maria, maria.ssin(), &none).map_err(refused)?;
    let pieter_own = policy::decide::<ManageGrants>(&pieter, pieter.ssin(), &none).map_err(refused)?;
    let key = FormKey::from_random(*b"carnet-demo-seed");
    let draft = MandateDraft {
        holder: pieter.ssin().clone(),
        holder_name: PIETER.1.to_owned(),
        scopes: vec![GrantScope::Documents, GrantScope::Vaccinations, GrantScope::Medication],
        first_day: Day { year: 2025, month: 3, day: 1 },
        last_day: None,
    };
    let give = event(&maria, &maria, mandate::GIVE_ACTION.to_owned(), String::new());
    let id = store.give_mandate(&maria_own, &key, MARIA.1, &draft, &give).await?;
    let (from, to) = MandateAnswer::Accept.transition();
    let accept = event(&pieter, &maria, MandateAnswer::Accept.action_code(), policy::Basis::Mandate(id).code());
    // Already accepted on an earlier start: nothing moves, nothing is written.
    store.move_mandate(&pieter_own, id, false, from, to, &accept).await?;
    Ok(())
}
