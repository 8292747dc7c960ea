//! Changes a citizen makes at the sources: give or revoke consent, end a care
//! relationship, add or lift an exclusion. One vocabulary for the pages (what was asked),
//! the service (which goes through the policy with a change proof) and the audit log (a
//! stable code per change, no health data).

use serde::{Deserialize, Serialize};

use crate::consent::ConsentChange;
use crate::exclusion::ExclusionChange;
use crate::kind::Scope;
use crate::relationship::RelationshipChange;

/// What a form asks for, in the page's terms: sources by id, items by the opaque token
/// their list entry carries (never a source's id in clear).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeForm {
    /// Give or revoke the informed consent at one hub.
    Consent { source: String, give: bool },
    /// End the care relationship this token names.
    EndRelationship { link: String },
    /// Forbid the care provider this directory token names to see the record, at every
    /// hub that keeps exclusions.
    AddExclusion { party: String },
    /// Lift the exclusion this token names, at every hub that keeps exclusions.
    LiftExclusion { exclusion: String },
}

impl ChangeForm {
    pub fn scope(&self) -> Scope {
        match self {
            ChangeForm::Consent { .. } => Scope::Consent,
            ChangeForm::EndRelationship { .. } => Scope::Relationships,
            ChangeForm::AddExclusion { .. } | ChangeForm::LiftExclusion { .. } => Scope::Exclusions,
        }
    }
}

/// A change as the connectors make it, with the sources it goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnyChange {
    Consent(ConsentChange),
    Relationship(RelationshipChange),
    Exclusion(ExclusionChange),
}

impl AnyChange {
    pub fn scope(&self) -> Scope {
        match self {
            AnyChange::Consent(_) => Scope::Consent,
            AnyChange::Relationship(_) => Scope::Relationships,
            AnyChange::Exclusion(_) => Scope::Exclusions,
        }
    }

    /// The change's stable name (the audit log's action is `change:<scope>:<verb>`).
    pub fn verb(&self) -> ChangeVerb {
        match self {
            AnyChange::Consent(ConsentChange::Give) => ChangeVerb::GiveConsent,
            AnyChange::Consent(ConsentChange::Revoke) => ChangeVerb::RevokeConsent,
            AnyChange::Relationship(RelationshipChange::End { .. }) => ChangeVerb::EndRelationship,
            AnyChange::Exclusion(ExclusionChange::Add { .. }) => ChangeVerb::AddExclusion,
            AnyChange::Exclusion(ExclusionChange::Lift { .. }) => ChangeVerb::LiftExclusion,
        }
    }

    /// The care provider the change is about (their NIHDI number), if any.
    pub fn professional(&self) -> Option<&str> {
        match self {
            AnyChange::Consent(_) => None,
            AnyChange::Relationship(RelationshipChange::End { nihdi })
            | AnyChange::Exclusion(ExclusionChange::Add { nihdi } | ExclusionChange::Lift { nihdi }) => Some(nihdi),
        }
    }
}

/// Which change was made, by name: in the audit log, in the change's report, in the
/// access timeline ("you revoked your consent at CoZo").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ChangeVerb {
    GiveConsent,
    RevokeConsent,
    EndRelationship,
    AddExclusion,
    LiftExclusion,
}

impl ChangeVerb {
    pub const ALL: [ChangeVerb; 5] = [
        ChangeVerb::GiveConsent,
        ChangeVerb::RevokeConsent,
        ChangeVerb::EndRelationship,
        ChangeVerb::AddExclusion,
        ChangeVerb::LiftExclusion,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ChangeVerb::GiveConsent => "give",
            ChangeVerb::RevokeConsent => "revoke",
            ChangeVerb::EndRelationship => "end",
            ChangeVerb::AddExclusion => "add",
            ChangeVerb::LiftExclusion => "lift",
        }
    }

    pub fn scope(self) -> Scope {
        match self {
            ChangeVerb::GiveConsent | ChangeVerb::RevokeConsent => Scope::Consent,
            ChangeVerb::EndRelationship => Scope::Relationships,
            ChangeVerb::AddExclusion | ChangeVerb::LiftExclusion => Scope::Exclusions,
        }
    }

    /// The audit log's action: `change:consent:give`, `change:exclusions:add` …
    pub fn action_code(self) -> String {
        format!("change:{}:{}", self.scope().as_str(), self.code())
    }

    /// The verb of an audit action code, if it names a change.
    pub fn from_action_code(code: &str) -> Option<ChangeVerb> {
        ChangeVerb::ALL.into_iter().find(|verb| code == verb.action_code())
    }
}

/// How a change went at one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeStatus {
    /// Asked, no answer yet (or Carnet stopped before it came: the attempt stays visible).
    Pending,
    Done,
    /// The source understood and said no (a hub's negative acknowledgement).
    Refused,
    /// The source did not answer, or answered with an error: nothing is known to have changed.
    Unavailable,
    /// The source does not hold what the change is about (a relationship already ended).
    NotFound,
}

impl ChangeStatus {
    pub fn code(self) -> &'static str {
        match self {
            ChangeStatus::Pending => "pending",
            ChangeStatus::Done => "done",
            ChangeStatus::Refused => "refused",
            ChangeStatus::Unavailable => "unavailable",
            ChangeStatus::NotFound => "not-found",
        }
    }
}

/// One source's part of a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceChangeResult {
    pub source_id: String,
    pub source_name: String,
    pub status: ChangeStatus,
}

/// What became of a change: the report the page shows after it (also to a second submit
/// of the same form, which changes nothing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeReport {
    pub verb: ChangeVerb,
    /// The care provider it was about, by name where a source knows it.
    pub professional: Option<String>,
    pub sources: Vec<SourceChangeResult>,
    /// When it was asked, in milliseconds since the epoch.
    pub at_ms: i64,
}

impl ChangeReport {
    /// Done at every source it went to.
    pub fn all_done(&self) -> bool {
        !self.sources.is_empty() && self.sources.iter().all(|s| s.status == ChangeStatus::Done)
    }
}

/// A form's one-time key: a double submit of the same form acts once. Made by the server
/// when it renders the form (random, url-safe), checked for its shape when it comes back.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FormKey(String);

impl FormKey {
    /// A key as a form sent it: 16 to 64 characters of `A-Z a-z 0-9 - _`.
    pub fn parse(text: &str) -> Option<FormKey> {
        let ok = (16..=64).contains(&text.len())
            && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| FormKey(text.to_owned()))
    }

    /// A key made of 16 random bytes (32 hex digits).
    pub fn from_random(bytes: [u8; 16]) -> FormKey {
        FormKey(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_verb_reads_back_from_its_audit_action() {
        for verb in ChangeVerb::ALL {
            assert_eq!(ChangeVerb::from_action_code(&verb.action_code()), Some(verb));
        }
        assert_eq!(ChangeVerb::from_action_code("read:consent"), None);
        assert_eq!(ChangeVerb::GiveConsent.action_code(), "change:consent:give");
    }

    #[test]
    fn a_form_key_is_url_safe_and_long_enough() {
        assert!(FormKey::parse("abcdefghijklmnop").is_some());
        assert!(FormKey::parse("short").is_none());
        assert!(FormKey::parse("abcdefghijklmnop<").is_none());
        assert!(FormKey::parse(&"a".repeat(65)).is_none());
        let made = FormKey::from_random([0xab; 16]);
        assert_eq!(FormKey::parse(made.as_str()), Some(made));
    }

    #[test]
    fn a_report_is_done_only_when_every_source_did_it() {
        let result = |status| SourceChangeResult { source_id: "cozo".into(), source_name: "CoZo".into(), status };
        let mut report =
            ChangeReport { verb: ChangeVerb::AddExclusion, professional: None, sources: Vec::new(), at_ms: 0 };
        assert!(!report.all_done(), "went nowhere");
        report.sources = vec![result(ChangeStatus::Done), result(ChangeStatus::Unavailable)];
        assert!(!report.all_done());
        report.sources.truncate(1);
        assert!(report.all_done());
    }
}
