//! The citizen's access log: what the hubs and vaults recorded (their access events) and
//! what Carnet recorded (its own audit log about the person), in one timeline; and which
//! accesses are new since the citizen last looked.

use serde::{Deserialize, Serialize};

use crate::access_event::{AccessEvent, AccessEvents};
use crate::audit::Outcome;
use crate::change::ChangeVerb;
use crate::date::instant_ms;
use crate::item::Item;
use crate::kind::Reading;
use crate::kind::Scope;
use crate::party::Party;

/// What an entry of Carnet's own audit log records, by its action code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PortalAction {
    /// Parts of the record read in one page view.
    Read(Vec<Scope>),
    /// Parts of the record read to be taken along (an export of the patient summary).
    Exported(Vec<Scope>),
    /// A share made of these parts, a share revoked, or someone with a share's link who
    /// read these parts (the share is the line's basis).
    ShareMade(Vec<Scope>),
    ShareRevoked,
    ShareOpened(Vec<Scope>),
    Change(ChangeVerb),
    /// A change of this part of the record the policy refused (before any source was asked).
    TriedChange(Scope),
    /// Marked the access log as seen.
    SeenAccessLog,
    /// Gave a mandate (`None`) or answered one.
    Mandate(Option<crate::mandate::MandateAnswer>),
    /// Opened the record on behalf of its owner (`/act-for`).
    OpenedRecord,
    /// Made (`issue`), stopped (`revoke`) or entered (`redeem`) a support code.
    SupportCode(String),
    Login,
    Logout,
    /// A code this version does not know (kept, shown as "another action").
    Other(String),
}

impl PortalAction {
    /// The kind of data the line says something of (a change of consent names the hub and
    /// what was done; ending a relationship or adding an exclusion names the care
    /// provider): only someone who may read that kind sees the line. `None`: a line about
    /// access itself (reads, logins, mandates, support codes), which the access log covers.
    pub fn about(&self) -> Option<Scope> {
        match self {
            PortalAction::Change(verb) => Some(verb.scope()),
            PortalAction::TriedChange(scope) => Some(*scope),
            _ => None,
        }
    }

    /// From an audit action code: `read:<scope>`, `change:<scope>:<verb>`, `login`, `logout` …
    pub fn parse(code: &str) -> PortalAction {
        if let Some(verb) = ChangeVerb::from_action_code(code) {
            return PortalAction::Change(verb);
        }
        match code {
            "login" => return PortalAction::Login,
            "logout" => return PortalAction::Logout,
            "change:access-events" => return PortalAction::SeenAccessLog,
            crate::mandate::GIVE_ACTION => return PortalAction::Mandate(None),
            crate::grant::OPEN_RECORD_ACTION => return PortalAction::OpenedRecord,
            _ => {}
        }
        if let Some(verb @ ("issue" | "revoke" | "redeem")) = code.strip_prefix("support-code:") {
            return PortalAction::SupportCode(verb.to_owned());
        }
        if let Some(answer) = code.strip_prefix("mandate:").and_then(crate::mandate::MandateAnswer::from_code) {
            return PortalAction::Mandate(Some(answer));
        }
        // One scope, or the several read in one page view (`read:documents,vaccinations`).
        if let Some(scopes) = code.strip_prefix(crate::audit::READ_PREFIX)
            && let Some(scopes) = scopes.split(',').map(Scope::from_name).collect::<Option<Vec<Scope>>>()
        {
            return PortalAction::Read(scopes);
        }
        let scopes_of = |text: &str| text.split(',').map(Scope::from_name).collect::<Option<Vec<Scope>>>();
        if code == "share:revoke" {
            return PortalAction::ShareRevoked;
        }
        if let Some(scopes) = code.strip_prefix("share:make:").and_then(scopes_of) {
            return PortalAction::ShareMade(scopes);
        }
        if let Some(scopes) = code.strip_prefix("share:open:").and_then(scopes_of) {
            return PortalAction::ShareOpened(scopes);
        }
        if let Some(scopes) = code.strip_prefix(crate::export::EXPORT_PREFIX)
            && let Some(scopes) = scopes.split(',').map(Scope::from_name).collect::<Option<Vec<Scope>>>()
        {
            return PortalAction::Exported(scopes);
        }
        if let Some(scope) = code.strip_prefix("change:").and_then(Scope::from_name) {
            return PortalAction::TriedChange(scope);
        }
        PortalAction::Other(code.to_owned())
    }
}

/// One line of Carnet's part of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortalAccess {
    pub at_ms: i64,
    /// The citizen acted on their own record.
    pub by_self: bool,
    /// Who acted, when it was someone else (as Carnet knows them).
    pub actor_name: Option<String>,
    pub action: PortalAction,
    pub outcome: Outcome,
    /// The sources asked, by name.
    pub sources: Vec<String>,
    /// For a change about a care provider: their name.
    pub professional: Option<String>,
    /// On which basis someone else acted (`None`: a refusal, or the citizen themself).
    pub basis: Option<crate::policy::Basis>,
    /// For a mandate (given, answered, or acted under): the trusted person's name.
    pub trusted_person: Option<String>,
}

/// The access log as the service gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AccessLog {
    /// What the hubs and vaults recorded.
    pub events: Reading<AccessEvents>,
    /// What Carnet recorded, newest first.
    pub portal: Vec<PortalAccess>,
    /// Until when the citizen has seen the log (ms since the epoch); `None` before their
    /// first look.
    pub seen_until_ms: Option<i64>,
    /// The kinds whose lines were left out because the viewer's grant does not cover them
    /// (see [`withhold_lines`]); the page says so.
    #[serde(default)]
    pub withheld: Vec<Scope>,
}

/// Leaves out the lines about a kind of data the viewer may not read (a trusted person
/// with the access log but not `consents-manage` does not read "You excluded Dr. …");
/// returns the kinds left out.
pub fn withhold_lines(lines: &mut Vec<PortalAccess>, covers: crate::kind::Scopes) -> Vec<Scope> {
    let mut withheld = Vec::new();
    lines.retain(|line| match line.action.about() {
        Some(scope) if !covers.contains(scope) => {
            withheld.push(scope);
            false
        }
        _ => true,
    });
    withheld.sort();
    withheld.dedup();
    withheld
}

/// An access by a care provider or organisation at a source, new since the citizen last looked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAccess {
    /// Who (a name where the source gives one).
    pub who: Party,
    pub institution: Option<String>,
    /// Their first access since then.
    pub at_ms: i64,
    pub source_name: String,
}

/// What the dashboard's alert needs besides the sources' access events: until when the
/// citizen has seen their log, and who read the record through Carnet since (trusted
/// persons, parents, the helpdesk), each once with their first read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AccessNews {
    pub seen_until_ms: Option<i64>,
    pub through_carnet: Vec<NewAccess>,
}

/// How far back "new" reaches for a citizen who never marked their accesses as seen.
pub const NEW_WITHOUT_MARKER_MS: i64 = 30 * 24 * 3600 * 1000;

/// Each care provider or organisation who opened the record after the citizen's marker
/// (the last [`NEW_WITHOUT_MARKER_MS`] before `now_ms` when the citizen never marked them
/// as seen), and each person who read it through Carnet since, once, with their first
/// access since then, oldest first; and the newest access's moment (what "seen" moves the
/// marker to).
pub fn new_accesses(events: &Reading<AccessEvents>, news: &AccessNews, now_ms: i64) -> (Vec<NewAccess>, Option<i64>) {
    let seen_until_ms = Some(news.seen_until_ms.unwrap_or(now_ms - NEW_WITHOUT_MARKER_MS));
    // Reads through Carnet by others (after the marker), with the sources' accesses.
    let mut found: Vec<NewAccess> =
        news.through_carnet.iter().filter(|n| seen_until_ms.is_none_or(|seen| n.at_ms > seen)).cloned().collect();
    let mut newest: Option<i64> = found.iter().map(|n| n.at_ms).max();
    for answer in &events.answers {
        let Ok(items) = &answer.result else { continue };
        for event in items.iter().filter_map(Item::read) {
            let Some(at_ms) = event.at.as_deref().and_then(instant_ms) else { continue };
            if seen_until_ms.is_some_and(|seen| at_ms <= seen) {
                continue;
            }
            newest = newest.max(Some(at_ms));
            let Some(who) = actor(event) else { continue };
            match found.iter_mut().find(|n| n.who == who) {
                Some(known) if known.at_ms > at_ms => {
                    known.at_ms = at_ms;
                    known.source_name = answer.source_name.clone();
                }
                Some(_) => {}
                None => found.push(NewAccess {
                    who,
                    institution: event.institution.clone(),
                    at_ms,
                    source_name: answer.source_name.clone(),
                }),
            }
        }
    }
    found.sort_by_key(|n| n.at_ms);
    (found, newest)
}

/// Who acted in an event: its first person, else its institution.
fn actor(event: &AccessEvent) -> Option<Party> {
    event.who.first().cloned().or_else(|| event.institution.clone().map(Party::Named))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source_answer::SourceAnswer;

    fn access(who: &str, at: &str) -> Item<AccessEvent> {
        Item::Read(AccessEvent {
            id: None,
            at: Some(at.into()),
            date: None,
            who: vec![Party::Named(who.into())],
            role: None,
            institution: Some("UZ Leuven".into()),
            event: Vec::new(),
            action: Some("R".into()),
            what: Vec::new(),
            outcome: None,
        })
    }

    fn reading(items: Vec<Item<AccessEvent>>) -> Reading<AccessEvents> {
        Reading {
            answers: vec![SourceAnswer {
                source_id: "cozo".into(),
                source_name: "CoZo".into(),
                result: Ok(items),
                stale: None,
            }],
            derived: (),
        }
    }

    #[test]
    fn each_provider_is_new_once_with_their_first_access_since_the_marker() {
        let events = reading(vec![
            access("Dr. Katrien Verbiest", "2026-10-21T08:58:02"),
            access("Dr. Katrien Verbiest", "2026-10-21T08:57:30"),
            access("Dr. Annelies Peeters", "2026-10-12T18:41:07"),
            Item::Unreadable { id: None, reason: "x".into() },
        ]);
        let now = instant_ms("2026-11-01T00:00:00").unwrap_or_default();
        let seen = |until: Option<i64>| AccessNews { seen_until_ms: until, through_carnet: Vec::new() };
        let (all, newest) = new_accesses(&events, &seen(None), now);
        let names: Vec<&Party> = all.iter().map(|n| &n.who).collect();
        assert_eq!(names, [&Party::Named("Dr. Annelies Peeters".into()), &Party::Named("Dr. Katrien Verbiest".into())]);
        assert_eq!(all.get(1).map(|n| n.at_ms), instant_ms("2026-10-21T08:57:30"));
        assert_eq!(newest, instant_ms("2026-10-21T08:58:02"));
        let (after, _) = new_accesses(&events, &seen(instant_ms("2026-10-15T00:00:00")), now);
        assert_eq!(after.len(), 1, "only Dr. Verbiest came after the marker");
        let (none, newest) = new_accesses(&events, &seen(newest), now);
        assert!(none.is_empty() && newest.is_none(), "nothing after the newest");
        let later = instant_ms("2026-11-15T00:00:00").unwrap_or_default();
        let (recent, _) = new_accesses(&events, &seen(None), later);
        assert_eq!(recent.len(), 1, "without a marker, the last 30 days: {recent:?}");
    }

    #[test]
    fn a_read_through_carnet_by_someone_else_is_new_too() {
        let events = reading(vec![access("Dr. Katrien Verbiest", "2026-10-21T08:58:02")]);
        let pieter = NewAccess {
            who: Party::Named("Pieter Van den Bossche".into()),
            institution: None,
            at_ms: instant_ms("2026-10-25T10:00:00").unwrap_or_default(),
            source_name: "Carnet".into(),
        };
        let news =
            AccessNews { seen_until_ms: instant_ms("2026-10-22T00:00:00"), through_carnet: vec![pieter.clone()] };
        let now = instant_ms("2026-11-01T00:00:00").unwrap_or_default();
        let (new, newest) = new_accesses(&events, &news, now);
        assert_eq!(new, vec![pieter.clone()], "the provider came before the marker, Pieter after");
        assert_eq!(newest, Some(pieter.at_ms), "seen moves past Pieter's read");
    }

    #[test]
    fn audit_codes_read_as_actions() {
        assert_eq!(PortalAction::parse("read:vaccinations"), PortalAction::Read(vec![Scope::Vaccinations]));
        assert_eq!(
            PortalAction::parse("read:documents,vaccinations"),
            PortalAction::Read(vec![Scope::Documents, Scope::Vaccinations])
        );
        assert_eq!(
            PortalAction::parse("read:documents,nonsense"),
            PortalAction::Other("read:documents,nonsense".into())
        );
        assert_eq!(PortalAction::parse("change:consent:revoke"), PortalAction::Change(ChangeVerb::RevokeConsent));
        assert_eq!(PortalAction::parse("login"), PortalAction::Login);
        assert_eq!(PortalAction::parse("change:relationships"), PortalAction::TriedChange(Scope::Relationships));
        assert_eq!(PortalAction::parse("read:nonsense"), PortalAction::Other("read:nonsense".into()));
        assert_eq!(
            PortalAction::parse("export:medication,allergies"),
            PortalAction::Exported(vec![Scope::Medication, Scope::Allergies])
        );
        assert_eq!(PortalAction::parse("share:make:vaccinations"), PortalAction::ShareMade(vec![Scope::Vaccinations]));
        assert_eq!(
            PortalAction::parse("share:open:vaccinations"),
            PortalAction::ShareOpened(vec![Scope::Vaccinations])
        );
        assert_eq!(PortalAction::parse("share:revoke"), PortalAction::ShareRevoked);
    }
}
