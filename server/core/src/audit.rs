//! Audit events: who did what to whose data, when, on which basis, with what outcome.
//! Shaped after FHIR AuditEvent; the store appends them to a hash-chained log.

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
    pub actor: Ssin,
    pub subject: Ssin,
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
            actor: proof.actor().clone(),
            subject: proof.subject().clone(),
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
            actor: actor.clone(),
            subject: subject.clone(),
            action: action.code(),
            basis: why.code().to_owned(),
            outcome: Outcome::Denied,
            sources: String::new(),
            request_id,
        }
    }
}
