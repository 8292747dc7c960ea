//! Changes at the sources (consent, relationships, exclusions) and the directory search
//! that precedes an exclusion. A change goes through the policy with a change proof for
//! the record its form names; the form's one-time key is claimed with the audit entry of
//! the attempt before any source is asked, and the outcome is written with its own entry
//! after: a double submit asks no source again, a crash in between leaves the attempt.

use std::collections::BTreeMap;

use carnet_connectors::ConnectorError;
use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::change::{
    ChangeForm, ChangeReport, ChangeStatus, ChangeVerb, FormKey, SourceChange, SourceChangeResult,
};
use carnet_core::consent::{ConsentChange, Consents};
use carnet_core::exclusion::{ExclusionChange, Exclusions};
use carnet_core::kind::{Changeable, Scope};
use carnet_core::party::{DirectoryEntry, DirectoryQuery};
use carnet_core::policy::{self, Authorized, Change, Read};
use carnet_core::portal_service::{ChangeService, DirectorySearch, ServiceError};
use carnet_core::relationship::{RelationshipChange, Relationships};
use carnet_core::{Principal, Ssin};
use carnet_store::changes::Claim;

use carnet_connectors::sources::ChangedAnswer;

use super::Inner;
use super::Portal;
use super::tokens::ItemToken;

/// A change worked out from its form: whose record, what, where.
struct Plan<C> {
    subject: Ssin,
    change: C,
    verb: ChangeVerb,
    /// The care provider's number, when the change is about one.
    nihdi: Option<String>,
    /// The sources it goes to, by id and name.
    targets: Vec<(String, String)>,
}

impl Inner {
    /// An exclusion is added or lifted at every hub that keeps them: the citizen excludes
    /// a person, not a hub's copy of them.
    async fn exclusion(
        &self,
        principal: &Principal,
        key: FormKey,
        token: ItemToken,
        add: bool,
        request_id: Option<String>,
    ) -> Result<ChangeReport, ServiceError> {
        let nihdi = token.id;
        let change = if add {
            ExclusionChange::Add { nihdi: nihdi.clone() }
        } else {
            ExclusionChange::Lift { nihdi: nihdi.clone() }
        };
        let plan = Plan {
            subject: Ssin::parse(&token.subject).map_err(|_| ServiceError::BadRequest)?,
            verb: change.verb(),
            change,
            nihdi: Some(nihdi),
            targets: self.targets::<Exclusions>(None)?,
        };
        self.make::<Exclusions>(principal, key, plan, request_id).await
    }

    /// The sources that take changes of `K` (only `source`, when named).
    fn targets<K: Changeable>(&self, source: Option<&str>) -> Result<Vec<(String, String)>, ServiceError> {
        let targets: Vec<(String, String)> =
            self.sources.writers::<K>().into_iter().filter(|(id, _)| source.is_none_or(|s| s == id)).collect();
        if targets.is_empty() { Err(ServiceError::BadRequest) } else { Ok(targets) }
    }

    /// The one way a change is made.
    async fn make<K: Changeable>(
        &self,
        principal: &Principal,
        key: FormKey,
        plan: Plan<K::Change>,
        request_id: Option<String>,
    ) -> Result<ChangeReport, ServiceError> {
        let proof = self.authorize::<Change<K>>(principal, &plan.subject, &request_id).await?;
        let professional = match &plan.nihdi {
            Some(nihdi) => Some(self.professional_name(principal, &proof, nihdi).await),
            None => None,
        };
        let ids: Vec<&str> = plan.targets.iter().map(|(id, _)| id.as_str()).collect();
        let mut report = ChangeReport {
            verb: plan.verb,
            professional,
            sources: plan
                .targets
                .iter()
                .map(|(id, name)| SourceChangeResult {
                    source_id: id.clone(),
                    source_name: name.clone(),
                    status: ChangeStatus::Pending,
                })
                .collect(),
            at_ms: crate::clock::now_ms(),
        };
        let attempt = AuditEvent::change(&proof, plan.verb, Outcome::Attempt, &ids, request_id.clone());
        match self.store.claim_change(&proof, &key, &report, &attempt, request_id.as_deref()).await {
            Ok(Claim::New) => {}
            // A second submit of the same form: nothing is asked again.
            Ok(Claim::Seen(first)) => return Ok(first),
            Err(carnet_store::StoreError::Corrupt(_)) => return Err(ServiceError::BadRequest),
            Err(e) => {
                tracing::error!(error = %e, "could not record a change before making it");
                return Err(ServiceError::Internal);
            }
        }
        let asked = plan.targets.iter().map(|(id, _)| self.sources.change::<K>(&proof, id, &plan.change));
        let results = futures::future::join_all(asked).await;
        // The other instances forget their cached answers of these sources at once.
        for (id, _) in &plan.targets {
            let changed = ChangedAnswer::of(proof.subject().expose(), id, K::SCOPE.as_str());
            if let Err(e) = self.store.notify(carnet_store::notify::ANSWERS, &changed.encode()).await {
                tracing::warn!(error = %e, "could not tell the other instances of a change");
            }
        }
        for (result, status) in report.sources.iter_mut().zip(results) {
            result.status = match status {
                Ok(()) => ChangeStatus::Done,
                Err(ConnectorError::Rejected(_)) => ChangeStatus::Refused,
                Err(ConnectorError::NotFound) => ChangeStatus::NotFound,
                Err(e) => {
                    tracing::warn!(source = %result.source_id, outcome = e.outcome(), "a change did not reach its source");
                    ChangeStatus::Unavailable
                }
            };
        }
        let done = report.sources.iter().filter(|s| s.status == ChangeStatus::Done).count();
        let outcome = match done {
            0 => Outcome::Failure,
            n if n == report.sources.len() => Outcome::Success,
            _ => Outcome::Partial,
        };
        let event = AuditEvent::change(&proof, plan.verb, outcome, &ids, request_id);
        if let Err(e) = self.store.finish_change(&proof, &key, &report, &event).await {
            // The change was made (or not) at the sources; the attempt stays in the log.
            tracing::error!(error = %e, "could not record the outcome of a change");
            return Err(ServiceError::Internal);
        }
        Ok(report)
    }

    /// A care provider's name from the directories, for the report and the timeline (the
    /// number when no directory knows it).
    async fn professional_name<K: Changeable>(
        &self,
        principal: &Principal,
        proof: &Authorized<Change<K>>,
        nihdi: &str,
    ) -> String {
        // The directory is not the citizen's record: asked quietly, without an audit entry.
        let Ok(facts) = self.facts(principal, proof.subject()).await else { return nihdi.to_owned() };
        let Ok(lookup) = policy::decide::<Read<Exclusions>>(principal, proof.subject(), &facts.grants(self)) else {
            return nihdi.to_owned();
        };
        let query = DirectoryQuery::Nihdi(nihdi.to_owned());
        let answers = self.sources.search_directory(&lookup, &query).await;
        answers
            .into_iter()
            .filter_map(|a| a.result.ok())
            .flatten()
            .find(|e| e.nihdi == nihdi)
            .map(|e| e.name)
            .unwrap_or_else(|| nihdi.to_owned())
    }

    async fn report_of<K: Changeable>(
        &self,
        principal: &Principal,
        subject: &Ssin,
        key: &FormKey,
    ) -> Result<Option<ChangeReport>, carnet_store::StoreError> {
        let Ok(facts) = self.facts(principal, subject).await else { return Ok(None) };
        let Ok(proof) = policy::decide::<Change<K>>(principal, subject, &facts.grants(self)) else { return Ok(None) };
        self.store.change_report(&proof, key).await
    }
}

#[async_trait::async_trait]
impl ChangeService for Portal {
    fn form_key(&self) -> FormKey {
        FormKey::from_random(rand::random())
    }

    #[tracing::instrument(name = "portal.change", skip_all, fields(scope = form.scope().as_str()))]
    async fn change(
        &self,
        principal: &Principal,
        key: FormKey,
        form: ChangeForm,
        request_id: Option<String>,
    ) -> Result<ChangeReport, ServiceError> {
        match form {
            ChangeForm::Consent { source, give } => {
                let change = if give { ConsentChange::Give } else { ConsentChange::Revoke };
                let verb = change.verb();
                let targets = self.targets::<Consents>(Some(&source))?;
                let plan = Plan { subject: principal.subject().clone(), change, verb, nihdi: None, targets };
                self.make::<Consents>(principal, key, plan, request_id).await
            }
            ChangeForm::EndRelationship { link } => {
                let token =
                    ItemToken::open(&self.sealer, Scope::Relationships, &link).ok_or(ServiceError::BadRequest)?;
                let change = RelationshipChange::End { nihdi: token.id.clone() };
                let plan = Plan {
                    subject: Ssin::parse(&token.subject).map_err(|_| ServiceError::BadRequest)?,
                    verb: change.verb(),
                    change,
                    nihdi: Some(token.id),
                    targets: self.targets::<Relationships>(Some(&token.source))?,
                };
                self.make::<Relationships>(principal, key, plan, request_id).await
            }
            ChangeForm::AddExclusion { party } => {
                let token = ItemToken::open_directory(&self.sealer, &party).ok_or(ServiceError::BadRequest)?;
                self.exclusion(principal, key, token, true, request_id).await
            }
            ChangeForm::LiftExclusion { exclusion } => {
                let token =
                    ItemToken::open(&self.sealer, Scope::Exclusions, &exclusion).ok_or(ServiceError::BadRequest)?;
                self.exclusion(principal, key, token, false, request_id).await
            }
        }
    }

    async fn change_report(
        &self,
        principal: &Principal,
        scope: Scope,
        key: &FormKey,
    ) -> Result<Option<ChangeReport>, ServiceError> {
        let subject = principal.subject();
        let found = match scope {
            Scope::Consent => self.report_of::<Consents>(principal, subject, key).await,
            Scope::Relationships => self.report_of::<Relationships>(principal, subject, key).await,
            Scope::Exclusions => self.report_of::<Exclusions>(principal, subject, key).await,
            _ => return Err(ServiceError::BadRequest),
        };
        found.map_err(|e| {
            tracing::error!(error = %e, "could not read a change's report");
            ServiceError::Internal
        })
    }

    #[tracing::instrument(name = "portal.search_directory", skip_all)]
    async fn search_directory(
        &self,
        principal: &Principal,
        query: &DirectoryQuery,
        request_id: Option<String>,
    ) -> Result<DirectorySearch, ServiceError> {
        let proof = self.authorize::<Read<Exclusions>>(principal, principal.subject(), &request_id).await?;
        let answers = self.sources.search_directory(&proof, query).await;
        let states = answers.iter().map(|a| a.state()).collect();
        // Each care provider once, with every hub that knows them.
        let mut merged: BTreeMap<String, DirectoryEntry> = BTreeMap::new();
        for entry in answers.into_iter().filter_map(|a| a.result.ok()).flatten() {
            match merged.get_mut(&entry.nihdi) {
                Some(known) => {
                    known.sources.extend(entry.sources);
                    known.place = known.place.take().or(entry.place);
                }
                None => {
                    let token = ItemToken::seal_directory(&self.sealer, proof.subject(), &entry.nihdi);
                    merged.insert(entry.nihdi.clone(), DirectoryEntry { token, ..entry });
                }
            }
        }
        let mut entries: Vec<DirectoryEntry> = merged.into_values().collect();
        entries.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.nihdi.cmp(&b.nihdi)));
        Ok(DirectorySearch { entries, states })
    }
}
