//! Changes at the sources (consent, relationships, exclusions) and the directory search
//! that precedes an exclusion. A change goes through the policy with a change proof for
//! the record its form names; the form's one-time key is claimed with the audit entry of
//! the attempt before any source is asked, and the outcome is written with its own entry
//! after: a double submit asks no source again, a crash in between leaves the attempt.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;

use carnet_connectors::ConnectorError;
use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::change::{
    ChangeForm, ChangeReport, ChangeStatus, ChangeVerb, ChangedVisitor, FormKey, FormVisitor, OpenToken, Opened,
    PlanForm, SourceChange, SourceChangeResult, visit_changed,
};
use carnet_core::exclusion::Exclusions;
use carnet_core::kind::{Changeable, Scope};
use carnet_core::party::{DirectoryEntry, DirectoryQuery};
use carnet_core::policy::{self, Authorized, Change, Read};
use carnet_core::portal_service::{ChangeService, DirectorySearch, ServiceError};
use carnet_core::{Principal, Ssin};
use carnet_store::changes::Claim;

use carnet_connectors::sources::ChangedAnswer;

use super::Inner;
use super::Portal;
use super::tokens::ItemToken;
use crate::secrets::Sealer;

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

/// Opens a form's tokens with the key the instances share.
struct Opener<'a>(&'a Sealer);

impl OpenToken for Opener<'_> {
    fn item(&self, scope: Scope, token: &str) -> Option<Opened> {
        opened(ItemToken::open(self.0, scope, token)?)
    }

    fn directory(&self, token: &str) -> Option<Opened> {
        opened(ItemToken::open_directory(self.0, token)?)
    }
}

fn opened(token: ItemToken) -> Option<Opened> {
    Some(Opened { subject: Ssin::parse(&token.subject).ok()?, source: token.source, id: token.id })
}

type Pending<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Makes the change a form asks for, whichever kind it changes: the form plans it (beside
/// its kind), the rest is the same for every form.
struct MakeForm<'a> {
    inner: &'a Inner,
    principal: &'a Principal,
    key: FormKey,
    request_id: Option<String>,
}

impl<'a> FormVisitor for MakeForm<'a> {
    type Out = Pending<'a, Result<ChangeReport, ServiceError>>;

    fn visit<K: Changeable, F: PlanForm<Change = K::Change>>(self, form: F) -> Self::Out
    where
        K::Change: SourceChange,
    {
        let planned = form.plan(&Opener(&self.inner.sealer));
        Box::pin(async move {
            let planned = planned.ok_or(ServiceError::BadRequest)?;
            let plan = Plan {
                subject: planned.subject.unwrap_or_else(|| self.principal.subject().clone()),
                verb: planned.change.verb(),
                targets: self.inner.targets::<K>(planned.at.as_deref())?,
                change: planned.change,
                nihdi: planned.nihdi,
            };
            self.inner.make::<K>(self.principal, self.key, plan, self.request_id).await
        })
    }
}

/// Finds a change's report, whichever kind it changed.
struct ReportOf<'a> {
    inner: &'a Inner,
    principal: &'a Principal,
    key: &'a FormKey,
}

impl<'a> ChangedVisitor for ReportOf<'a> {
    type Out = Pending<'a, Result<Option<ChangeReport>, carnet_store::StoreError>>;

    fn visit<K: Changeable>(self) -> Self::Out {
        Box::pin(self.inner.report_of::<K>(self.principal, self.principal.subject(), self.key))
    }
}

impl Inner {
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
        form.visit(MakeForm { inner: self, principal, key, request_id }).await
    }

    async fn change_report(
        &self,
        principal: &Principal,
        scope: Scope,
        key: &FormKey,
    ) -> Result<Option<ChangeReport>, ServiceError> {
        let found =
            visit_changed(scope, ReportOf { inner: self, principal, key }).ok_or(ServiceError::BadRequest)?.await;
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
