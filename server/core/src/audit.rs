//! Audit events: who did what to whose data, when, on which basis, with what outcome.
//! Shaped after FHIR AuditEvent; the store appends them to a keyed, hash-chained log.

use serde::{Deserialize, Serialize};

use crate::action::Action;
use crate::policy::{Act, Authorized, Denied};
use crate::source_answer::{SourceState, SourceStatus};
use crate::ssin::Ssin;

/// How an access ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// Everything asked for was delivered.
    Success,
    /// Some sources answered, others failed.
    Partial,
    /// No source answered.
    Failure,
    /// The policy refused.
    Denied,
    /// A change was asked of a source and its answer is not in yet: written before the
    /// call, so that a crash before the outcome leaves the attempt visible.
    Attempt,
}

impl Outcome {
    /// The outcome of a reading from the states of the sources that were asked: success
    /// when every one answered now, partial when some did, failure when none did. `None`
    /// when no source was asked (none serves the kind): no data was touched, nothing to audit.
    pub fn of_reading(states: &[SourceState]) -> Option<Outcome> {
        if states.is_empty() {
            return None;
        }
        let fresh = states.iter().filter(|s| s.status == SourceStatus::UpToDate).count();
        Some(match fresh {
            n if n == states.len() => Outcome::Success,
            0 => Outcome::Failure,
            _ => Outcome::Partial,
        })
    }

    /// The outcome of a stored code (see [`Outcome::code`]).
    pub fn from_code(code: &str) -> Option<Outcome> {
        [Outcome::Success, Outcome::Partial, Outcome::Failure, Outcome::Denied, Outcome::Attempt]
            .into_iter()
            .find(|o| o.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Partial => "partial",
            Outcome::Failure => "failure",
            Outcome::Denied => "denied",
            Outcome::Attempt => "attempt",
        }
    }
}

/// How a read's action code begins (`read:<scope>`, or `read:<scope>,<scope>…` for the
/// reads of one page view: see [`AuditEvent::combine_reads`]).
pub const READ_PREFIX: &str = "read:";

/// One entry of the audit log, before the store chains it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    /// Who acted; `None` when nobody could be identified (a login that failed before the
    /// provider said who it was).
    pub actor: Option<Ssin>,
    /// Whose record; `None` for events about no record (a failed login).
    pub subject: Option<Ssin>,
    pub action: String,
    /// `self`, later `mandate:<id>`, `support-code:<id>`; or the reason of a refusal.
    pub basis: String,
    pub outcome: Outcome,
    /// The sources that were asked (their ids), comma-separated; no health data.
    pub sources: String,
    /// The request this happened in, to correlate with the traces.
    pub request_id: Option<String>,
}

impl AuditEvent {
    /// The event for an access the policy allowed.
    pub fn allowed<A: Act>(
        proof: &Authorized<A>,
        outcome: Outcome,
        sources: &[&str],
        request_id: Option<String>,
    ) -> Self {
        AuditEvent {
            actor: Some(proof.actor().clone()),
            subject: Some(proof.subject().clone()),
            action: proof.action().code(),
            basis: proof.basis().code(),
            outcome,
            sources: sources.join(","),
            request_id,
        }
    }

    /// The event of a read the policy allowed that showed these kinds (a document that is a
    /// SumEHR: `read:documents,sumehr,allergies`): the log names what was actually shown.
    pub fn read_showing<A: Act>(
        proof: &Authorized<A>,
        shown: &[crate::kind::Scope],
        outcome: Outcome,
        sources: &[&str],
        request_id: Option<String>,
    ) -> Self {
        let action = if shown.is_empty() {
            proof.action().code()
        } else {
            let names: Vec<&str> = shown.iter().map(|s| s.as_str()).collect();
            format!("{READ_PREFIX}{}", names.join(","))
        };
        AuditEvent { action, ..AuditEvent::allowed(proof, outcome, sources, request_id) }
    }

    /// The event of a change (its attempt or its outcome) the policy allowed: the action
    /// names the change (`change:consent:revoke`).
    pub fn change<A: Act>(
        proof: &Authorized<A>,
        verb: crate::change::ChangeVerb,
        outcome: Outcome,
        sources: &[&str],
        request_id: Option<String>,
    ) -> Self {
        AuditEvent { action: verb.action_code(), ..AuditEvent::allowed(proof, outcome, sources, request_id) }
    }

    /// The reads of one page view (one delivery of several parts of a record) as one entry:
    /// `read:<scope>,<scope>…` (in the order given), the sources any of them asked, and the
    /// outcome of all together: success when every read succeeded, failure when every one
    /// failed, partial otherwise. Reads by another actor, of another record, on another
    /// basis or in another request stay apart; anything but a read is kept as it is.
    pub fn combine_reads(events: Vec<AuditEvent>) -> Vec<AuditEvent> {
        let mut out: Vec<AuditEvent> = Vec::with_capacity(events.len());
        for event in events {
            let Some(scopes) = event.action.strip_prefix(READ_PREFIX).filter(|_| event.outcome != Outcome::Denied)
            else {
                out.push(event);
                continue;
            };
            let together = out.iter_mut().find(|o| {
                o.action.starts_with(READ_PREFIX)
                    && o.outcome != Outcome::Denied
                    && (&o.actor, &o.subject, &o.basis, &o.request_id)
                        == (&event.actor, &event.subject, &event.basis, &event.request_id)
            });
            let Some(together) = together else {
                out.push(event);
                continue;
            };
            together.action.push(',');
            together.action.push_str(scopes);
            for source in event.sources.split(',').filter(|s| !s.is_empty()) {
                if !together.sources.split(',').any(|known| known == source) {
                    if !together.sources.is_empty() {
                        together.sources.push(',');
                    }
                    together.sources.push_str(source);
                }
            }
            together.outcome = match (together.outcome, event.outcome) {
                (Outcome::Success, Outcome::Success) => Outcome::Success,
                (Outcome::Failure, Outcome::Failure) => Outcome::Failure,
                _ => Outcome::Partial,
            };
        }
        out
    }

    /// The event for an access the policy refused.
    pub fn refused(actor: &Ssin, subject: &Ssin, action: Action, why: Denied, request_id: Option<String>) -> Self {
        AuditEvent {
            actor: Some(actor.clone()),
            subject: Some(subject.clone()),
            action: action.code(),
            basis: why.code().to_owned(),
            outcome: Outcome::Denied,
            sources: String::new(),
            request_id,
        }
    }

    /// A refusal of something the policy's [`Action`]s do not name (entering or stopping a
    /// support code, answering a mandate): `action` and `basis` are the log's own codes.
    pub fn refused_named(actor: &Ssin, subject: &Ssin, action: &str, basis: &str, request_id: Option<String>) -> Self {
        AuditEvent {
            actor: Some(actor.clone()),
            subject: Some(subject.clone()),
            action: action.to_owned(),
            basis: basis.to_owned(),
            outcome: Outcome::Denied,
            sources: String::new(),
            request_id,
        }
    }

    /// A login, a logout or a failed login: `who` is the person when known.
    pub fn session(
        who: Option<&Ssin>,
        action: SessionAction,
        outcome: Outcome,
        reason: &str,
        request_id: Option<String>,
    ) -> Self {
        AuditEvent {
            actor: who.cloned(),
            subject: who.cloned(),
            action: action.code().to_owned(),
            basis: if reason.is_empty() { "self".to_owned() } else { reason.to_owned() },
            outcome,
            sources: String::new(),
            request_id,
        }
    }
}

/// What happened to a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionAction {
    Login,
    Logout,
}

impl SessionAction {
    pub fn code(self) -> &'static str {
        match self {
            SessionAction::Login => "login",
            SessionAction::Logout => "logout",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source_answer::{SourceFailure, Stale};

    fn state(status: SourceStatus) -> SourceState {
        SourceState { source_id: "x".into(), source_name: "X".into(), status }
    }

    fn read(scope: &str, outcome: Outcome, sources: &str, request: &str) -> AuditEvent {
        let Ok(sofie) = Ssin::parse("85041212468") else { panic!("ssin") };
        AuditEvent {
            actor: Some(sofie.clone()),
            subject: Some(sofie),
            action: format!("read:{scope}"),
            basis: "self".into(),
            outcome,
            sources: sources.into(),
            request_id: Some(request.into()),
        }
    }

    #[test]
    fn the_reads_of_one_page_view_are_one_entry() {
        let events = vec![
            read("vaccinations", Outcome::Success, "vitalink,brusafe", "r1"),
            read("documents", Outcome::Failure, "cozo,rsw", "r1"),
            read("medication", Outcome::Success, "vitalink,cozo", "r1"),
            // Another request, a refusal and something else than a read stay apart.
            read("allergies", Outcome::Success, "cozo", "r2"),
            AuditEvent { outcome: Outcome::Denied, ..read("consent", Outcome::Denied, "", "r1") },
            AuditEvent { action: "login".into(), ..read("x", Outcome::Success, "", "r1") },
        ];
        let combined = AuditEvent::combine_reads(events);
        let codes: Vec<(&str, Outcome, &str)> =
            combined.iter().map(|e| (e.action.as_str(), e.outcome, e.sources.as_str())).collect();
        assert_eq!(
            codes,
            vec![
                ("read:vaccinations,documents,medication", Outcome::Partial, "vitalink,brusafe,cozo,rsw"),
                ("read:allergies", Outcome::Success, "cozo"),
                ("read:consent", Outcome::Denied, ""),
                ("login", Outcome::Success, ""),
            ]
        );
        let all_failed = vec![read("a", Outcome::Failure, "x", "r"), read("b", Outcome::Failure, "y", "r")];
        assert_eq!(AuditEvent::combine_reads(all_failed)[0].outcome, Outcome::Failure);
    }

    #[test]
    fn a_reading_succeeds_only_when_every_source_answered_now() {
        let up = state(SourceStatus::UpToDate);
        let stale = state(SourceStatus::Stale(Stale { failure: SourceFailure::Timeout, age_minutes: 3 }));
        let failed = state(SourceStatus::Failed(SourceFailure::Unreachable));
        assert_eq!(Outcome::of_reading(&[]), None);
        assert_eq!(Outcome::of_reading(&[up.clone(), up.clone()]), Some(Outcome::Success));
        assert_eq!(Outcome::of_reading(&[up.clone(), failed.clone()]), Some(Outcome::Partial));
        // A stale answer is not an answer now.
        assert_eq!(Outcome::of_reading(&[stale.clone(), failed]), Some(Outcome::Failure));
        assert_eq!(Outcome::of_reading(&[up, stale]), Some(Outcome::Partial));
    }
}
