//! Audit events: who did what to whose data, when, on which basis, with what outcome.
//! Shaped after FHIR AuditEvent; the store appends them to a keyed, hash-chained log.

use serde::{Deserialize, Serialize};

use crate::policy::{Action, Authorized, Denied};
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
}

impl Outcome {
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Success => "success",
            Outcome::Partial => "partial",
            Outcome::Failure => "failure",
            Outcome::Denied => "denied",
        }
    }
}

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
    pub fn allowed(proof: &Authorized, outcome: Outcome, sources: &[&str], request_id: Option<String>) -> Self {
        AuditEvent {
            actor: Some(proof.actor().clone()),
            subject: Some(proof.subject().clone()),
            action: proof.action().code(),
            basis: proof.basis().code().to_owned(),
            outcome,
            sources: sources.join(","),
            request_id,
        }
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
