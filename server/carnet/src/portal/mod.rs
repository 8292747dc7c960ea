//! The [`PortalService`] the pages call: policy first, then the sources, then the audit.
//! Every read of a citizen's data goes through [`Portal::authorize`] and leaves an audit
//! entry before anything is returned.

use std::sync::Arc;
use std::time::Duration;

use carnet_connectors::Sources;
use carnet_connectors::cache::AnswerCache;
use carnet_connectors::document_body;
use carnet_connectors::register::RegisterClient;
use carnet_core::access_log::AccessLog;
use carnet_core::action::Action;
use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::change::{ChangeForm, ChangeReport, FormKey};
use carnet_core::date::Day;
use carnet_core::document::DocumentContent;
use carnet_core::document::{DocumentEntry, Documents};
use carnet_core::kind::{self, AnyReading, Context, Kind, KindVisitor, Reading, Scope, Scopes};
use carnet_core::mandate::{MandateAnswer, MandateForm, MandateId};
use carnet_core::minor::MinorRules;
use carnet_core::party::DirectoryQuery;
use carnet_core::policy::{self, Act, Authorized, Denied, Read};
use carnet_core::portal_service::{
    ActForChoice, GiveMandateError, HelpdeskConsole, Mandates, RedeemError, Representative, SupportCodes,
};
use carnet_core::portal_service::{
    DirectorySearch, OpenedDocument, PortalService, ReadingBatches, ScopeReading, ServiceError,
};
use carnet_core::principal::ActingFor;
use carnet_core::source_answer::SourceState;
use carnet_core::support_code::SupportCodeId;
use carnet_core::vaccination::schedule::{BASIC_SCHEDULE_TOML, Schedule};
use carnet_core::{Principal, Ssin};
use carnet_store::Store;
use futures::future::BoxFuture;
use futures::stream::FuturesUnordered;
use futures::{FutureExt, StreamExt};

use crate::clock::{now_ms, today_in_belgium};
use crate::secrets::Sealer;

mod access_log;
mod changes;
mod grants;
mod support;
mod tokens;

use tokens::{ItemToken, Tokens};

#[derive(Clone)]
pub struct Portal {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    sources: Arc<Sources>,
    /// Seals the opaque document tokens: whose record, which source, which id (a source's
    /// document id can hold the SSIN, so it never goes into a page or a URL in clear).
    /// From the secret key every instance shares: a token works on any instance.
    sealer: Sealer,
    /// The basic vaccination schedule (data in the repository, read once).
    schedule: Option<Schedule>,
    /// The rule table for minors (`None`: it could not be read, and parents get nothing
    /// through it).
    rules: Option<MinorRules>,
    /// The national register (who represents which minor), when one is configured.
    register: Option<RegisterClient>,
    /// How long a support code runs after it is issued, in milliseconds.
    support_lifetime_ms: i64,
    /// What the last reading of a kind made of the cached answers (sealed, derived, what
    /// the reader's grant does not cover withheld), per person and grant: served again
    /// while those answers are unchanged, on the same day. Reached only with the policy's
    /// proof, and each reading is audited all the same.
    readings: AnswerCache<Made, (String, Scope, Scopes)>,
}

/// A reading as it was made, and from which answers on which day.
#[derive(Clone)]
struct Made {
    stamp: Vec<std::time::Instant>,
    today: Day,
    reading: AnyReading,
}

impl Portal {
    pub fn new(
        store: Store,
        sources: Arc<Sources>,
        sealer: Sealer,
        rules: MinorRules,
        register: Option<RegisterClient>,
        support_code_lifetime: std::time::Duration,
    ) -> Portal {
        let schedule = toml::from_str::<Schedule>(BASIC_SCHEDULE_TOML)
            .map_err(|e| e.to_string())
            .and_then(|schedule| schedule.check().map(|()| schedule))
            .inspect_err(
                |error| tracing::error!(%error, "the basic vaccination schedule cannot be read; no status is shown"),
            )
            .ok();
        let support_lifetime_ms = i64::try_from(support_code_lifetime.as_millis()).unwrap_or(i64::MAX);
        let kept = sources.cache_policy();
        let readings = AnswerCache::new(kept.fresh, kept.fresh, kept.capacity);
        let inner =
            Inner { store, sources, sealer, schedule, rules: Some(rules), register, support_lifetime_ms, readings };
        Portal { inner: Arc::new(inner) }
    }
}

impl Inner {
    /// The one policy check: the proof, or the refusal written to the audit log (shown to
    /// the person whose record was asked for).
    async fn authorize<A: Act>(
        &self,
        principal: &Principal,
        subject: &Ssin,
        request_id: &Option<String>,
    ) -> Result<Authorized<A>, ServiceError> {
        let facts = self.facts(principal, subject).await?;
        let denied = match policy::decide::<A>(principal, subject, &facts.grants(self)) {
            Ok(proof) => return Ok(proof),
            Err(denied) => denied,
        };
        // Without the register's answer a parent cannot be told apart from a stranger:
        // refused (and audited) as unavailable, not as forbidden.
        let unavailable = facts.register_unavailable && denied == policy::Denied::NoBasis;
        let action = A::action();
        tracing::warn!(action = %action.code(), "the policy refused an access");
        let event = AuditEvent::refused(principal.ssin(), subject, action, denied, request_id.clone());
        // Written before the refusal is answered (a group-commit writer task: it is written
        // even if the page is gone by then).
        if let Err(e) = self.store.append_audit(&event).await {
            tracing::error!(error = %e, "could not write the audit entry for a refusal");
        }
        Err(if unavailable { ServiceError::SourceUnavailable } else { ServiceError::Forbidden })
    }

    /// Reads one kind from every source that serves it (no audit: the callers write it),
    /// with the audit entry the reading needs (none when no source was asked).
    async fn fetch<K: Kind>(
        &self,
        proof: &Authorized<Read<K>>,
        request_id: &Option<String>,
    ) -> (Reading<K>, Option<AuditEvent>) {
        let reading = self.make_reading::<K>(proof, today_in_belgium()).await;
        let event = reading_event(proof, &reading.states(), request_id);
        (reading, event)
    }

    /// [`Inner::fetch`], shared: made once from the cached answers while they last.
    async fn fetch_any<K: Kind>(
        &self,
        proof: &Authorized<Read<K>>,
        request_id: &Option<String>,
    ) -> (AnyReading, Option<AuditEvent>) {
        let today = today_in_belgium();
        // Two readers of one record with different grants see different readings.
        let key = (proof.subject().expose().to_owned(), K::SCOPE, proof.covers());
        let stamp = self.sources.fresh_stamp::<K>(proof);
        let made = stamp
            .as_ref()
            .and_then(|stamp| self.readings.fresh(&key).filter(|made| made.stamp == *stamp && made.today == today));
        let reading = match made {
            Some(made) => {
                self.sources.note_cache_hits::<K>();
                made.reading
            }
            None => {
                let reading = K::into_any(self.make_reading::<K>(proof, today).await);
                if let Some(stamp) = stamp {
                    self.readings.put(key, Made { stamp, today, reading: reading.clone() });
                }
                reading
            }
        };
        let event = reading_event(proof, &reading.states(), request_id);
        (reading, event)
    }

    /// Reads `K` from its sources and makes the reading: ids sealed, derived facts added.
    async fn make_reading<K: Kind>(&self, proof: &Authorized<Read<K>>, today: Day) -> Reading<K> {
        let mut answers = self.sources.read::<K>(proof).await;
        // Content of a kind the reader may not read stays out (a SumEHR's sections, a
        // document that is a SumEHR), whatever part of the record carries it.
        K::withhold(&mut answers, proof.covers());
        // What pages link to goes out with opaque tokens instead of the sources' ids.
        K::seal_ids(&mut answers, &Tokens { sealer: &self.sealer, subject: proof.subject(), scope: K::SCOPE });
        let context = Context {
            // The SSIN gives the birth date (not always the day).
            birth: proof.subject().birth_date().day(),
            today,
            schedule: self.schedule.as_ref(),
        };
        let derived = K::derive(&answers, &context);
        Reading::<K> { answers, derived }
    }

    /// A kind of the person's own record, audited.
    async fn read<K: Kind>(
        &self,
        principal: &Principal,
        request_id: &Option<String>,
    ) -> Result<AnyReading, ServiceError> {
        let (reading, event) = self.read_unaudited::<K>(principal, request_id).await?;
        self.write_audit(event.as_slice()).await?;
        Ok(reading)
    }

    /// A kind of the person's own record, not yet audited (the batch audits it).
    async fn read_unaudited<K: Kind>(
        &self,
        principal: &Principal,
        request_id: &Option<String>,
    ) -> Result<(AnyReading, Option<AuditEvent>), ServiceError> {
        let proof = self.authorize::<Read<K>>(principal, principal.subject(), request_id).await?;
        Ok(self.fetch_any(&proof, request_id).await)
    }

    async fn write_audit(&self, events: &[AuditEvent]) -> Result<(), ServiceError> {
        if events.is_empty() {
            return Ok(());
        }
        // No audit entry, no data.
        self.store.append_audit_batch(events).await.map(|_| ()).map_err(|e| {
            tracing::error!(error = %e, "could not write the audit entries");
            ServiceError::Internal
        })
    }

    /// Finds the document behind a token in its source's list (with the source's name).
    async fn list_entry(
        &self,
        proof: &Authorized<Read<Documents>>,
        token: &ItemToken,
    ) -> Result<(DocumentEntry, String), ServiceError> {
        let source_id = token.source.as_str();
        let answers = self.sources.read_from(proof, Some(source_id)).await;
        let answer = answers.into_iter().find(|a| a.source_id == source_id).ok_or(ServiceError::NotFound)?;
        let items = answer.result.map_err(|_| ServiceError::SourceUnavailable)?;
        let entry = items
            .into_iter()
            .filter_map(|item| item.read().cloned())
            .find(|entry| entry.id == token.id)
            .ok_or(ServiceError::NotFound)?;
        Ok((entry, answer.source_name))
    }

    /// Fetches a listed document from its source; the page sees it by its token (`sealed`).
    async fn fetch_document(
        &self,
        proof: &Authorized<Read<Documents>>,
        source_id: &str,
        (entry, source_name): (DocumentEntry, String),
        sealed: &str,
    ) -> Result<(OpenedDocument, DocumentContent), ServiceError> {
        let content = self.sources.document(proof, source_id, &entry.id).await.map_err(|e| match e {
            carnet_connectors::ConnectorError::NotFound => ServiceError::NotFound,
            // What the source sent cannot be read: saying "try again later" would mislead.
            carnet_connectors::ConnectorError::Malformed(_) => ServiceError::Unreadable,
            _ => ServiceError::SourceUnavailable,
        })?;
        let body = document_body::interpret(&content);
        let entry = DocumentEntry { id: sealed.to_owned(), ..entry };
        Ok((OpenedDocument { entry, source_name, body, withheld: Vec::new() }, content))
    }
}

#[async_trait::async_trait]
impl PortalService for Portal {
    #[tracing::instrument(name = "portal.read", skip_all, fields(scope = scope.as_str()))]
    async fn read_any(
        &self,
        principal: &Principal,
        scope: Scope,
        request_id: Option<String>,
    ) -> Result<AnyReading, ServiceError> {
        scope.visit(ReadKind { inner: &self.inner, principal, request_id: &request_id }).await
    }

    fn read_in_batches(
        &self,
        principal: Principal,
        scopes: Vec<Scope>,
        grace: Duration,
        request_id: Option<String>,
    ) -> Box<dyn ReadingBatches> {
        let inner = self.inner.clone();
        let pending = FuturesUnordered::new();
        for scope in scopes {
            let inner = inner.clone();
            let principal = principal.clone();
            let request_id = request_id.clone();
            let mut read = async move {
                let read = scope.visit(ReadUnaudited { inner: &inner, principal: &principal, request_id: &request_id });
                (scope, read.await)
            }
            .boxed();
            // A scope whose answers are at hand (cached) is read here and now; any other is
            // its own task, going on while the page renders earlier ones.
            if let Some(done) = (&mut read).now_or_never() {
                pending.push(futures::future::ready(done).boxed());
                continue;
            }
            let task = tokio::spawn(read);
            pending.push(
                async move {
                    match task.await {
                        Ok(done) => done,
                        Err(_) => (scope, Err(ServiceError::Internal)),
                    }
                }
                .boxed(),
            );
        }
        Box::new(Batches { inner, pending, first_until: Some(tokio::time::Instant::now() + grace) })
    }

    #[tracing::instrument(name = "portal.document", skip_all)]
    async fn document(
        &self,
        principal: &Principal,
        token: &str,
        request_id: Option<String>,
    ) -> Result<OpenedDocument, ServiceError> {
        let (opened, _) = self.open_audited(principal, token, request_id, false).await?;
        Ok(opened)
    }

    async fn document_file(
        &self,
        principal: &Principal,
        token: &str,
        request_id: Option<String>,
    ) -> Result<(OpenedDocument, DocumentContent), ServiceError> {
        self.open_audited(principal, token, request_id, true).await
    }

    #[tracing::instrument(name = "portal.access_log", skip_all)]
    async fn access_log(&self, principal: &Principal, request_id: Option<String>) -> Result<AccessLog, ServiceError> {
        self.inner.access_log(principal, request_id).await
    }

    async fn access_news(&self, principal: &Principal) -> Result<carnet_core::access_log::AccessNews, ServiceError> {
        self.inner.access_news(principal).await
    }

    async fn mark_access_seen(
        &self,
        principal: &Principal,
        until_ms: i64,
        request_id: Option<String>,
    ) -> Result<(), ServiceError> {
        self.inner.mark_access_seen(principal, until_ms, request_id).await
    }

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
        self.inner.change(principal, key, form, request_id).await
    }

    async fn change_report(
        &self,
        principal: &Principal,
        scope: Scope,
        key: &FormKey,
    ) -> Result<Option<ChangeReport>, ServiceError> {
        self.inner.change_report(principal, scope, key).await
    }

    #[tracing::instrument(name = "portal.search_directory", skip_all)]
    async fn search_directory(
        &self,
        principal: &Principal,
        query: &DirectoryQuery,
        request_id: Option<String>,
    ) -> Result<DirectorySearch, ServiceError> {
        self.inner.search_directory(principal, query, request_id).await
    }

    async fn mandates(&self, principal: &Principal) -> Result<Mandates, ServiceError> {
        self.inner.mandates(principal).await
    }

    #[tracing::instrument(name = "portal.give_mandate", skip_all)]
    async fn give_mandate(
        &self,
        principal: &Principal,
        key: FormKey,
        form: MandateForm,
        request_id: Option<String>,
    ) -> Result<MandateId, GiveMandateError> {
        self.inner.give_mandate(principal, key, form, request_id).await
    }

    #[tracing::instrument(name = "portal.answer_mandate", skip_all, fields(answer = answer.code()))]
    async fn answer_mandate(
        &self,
        principal: &Principal,
        id: MandateId,
        answer: MandateAnswer,
        request_id: Option<String>,
    ) -> Result<(), ServiceError> {
        self.inner.answer_mandate(principal, id, answer, request_id).await
    }

    async fn support_codes(&self, principal: &Principal) -> Result<SupportCodes, ServiceError> {
        self.inner.support_codes(principal).await
    }

    #[tracing::instrument(name = "portal.issue_support_code", skip_all)]
    async fn issue_support_code(
        &self,
        principal: &Principal,
        key: FormKey,
        scopes: Vec<String>,
        request_id: Option<String>,
    ) -> Result<SupportCodeId, ServiceError> {
        self.inner.issue_support_code(principal, key, scopes, request_id).await
    }

    async fn revoke_support_code(
        &self,
        principal: &Principal,
        id: SupportCodeId,
        request_id: Option<String>,
    ) -> Result<(), ServiceError> {
        self.inner.revoke_support_code(principal, id, request_id).await
    }

    #[tracing::instrument(name = "portal.redeem_support_code", skip_all)]
    async fn redeem_support_code(
        &self,
        principal: &Principal,
        citizen: &str,
        code: &str,
        request_id: Option<String>,
    ) -> Result<ActingFor, RedeemError> {
        self.inner.redeem_support_code(principal, citizen, code, request_id).await
    }

    async fn helpdesk_console(&self, principal: &Principal) -> Result<HelpdeskConsole, ServiceError> {
        self.inner.helpdesk_console(principal).await
    }

    #[tracing::instrument(name = "portal.diagnostics", skip_all)]
    async fn diagnostics(
        &self,
        principal: &Principal,
        request_id: Option<String>,
    ) -> Result<Vec<(Scope, Vec<SourceState>)>, ServiceError> {
        self.inner.diagnostics(principal, request_id).await
    }

    async fn representatives(&self, principal: &Principal) -> Result<Vec<Representative>, ServiceError> {
        self.inner.representatives(principal).await
    }

    async fn act_for_choices(&self, principal: &Principal) -> Result<Vec<ActForChoice>, ServiceError> {
        self.inner.act_for_choices(principal).await
    }

    #[tracing::instrument(name = "portal.choose_act_for", skip_all)]
    async fn choose_act_for(
        &self,
        principal: &Principal,
        token: &str,
        request_id: Option<String>,
    ) -> Result<ActingFor, ServiceError> {
        self.inner.choose_act_for(principal, token, request_id).await
    }

    fn today(&self) -> Day {
        today_in_belgium()
    }

    fn now_ms(&self) -> i64 {
        now_ms()
    }
}

impl Portal {
    /// Opens a document by its token: the token names whose record it is in, and the policy
    /// decides on that person (a token of someone else's document is a refusal, audited in
    /// their log), then the document is fetched and what it is decides the rest: content
    /// of a kind the grant does not cover (a SumEHR under `documents` alone) is refused and
    /// the refusal audited, parts of such kinds inside it are withheld (and then the file,
    /// which cannot be cut, is not served: `whole_file`). The audit entry names the kinds
    /// shown.
    async fn open_audited(
        &self,
        principal: &Principal,
        sealed: &str,
        request_id: Option<String>,
        whole_file: bool,
    ) -> Result<(OpenedDocument, DocumentContent), ServiceError> {
        let inner = &self.inner;
        // A token this portal did not seal names no document.
        let token = ItemToken::open(&inner.sealer, Scope::Documents, sealed).ok_or(ServiceError::NotFound)?;
        let subject = Ssin::parse(&token.subject).map_err(|_| ServiceError::NotFound)?;
        let proof = inner.authorize::<Read<Documents>>(principal, &subject, &request_id).await?;
        let sources = [token.source.as_str()];
        let listed = match inner.list_entry(&proof, &token).await {
            Ok(listed) => listed,
            Err(e) => return inner.failed_open(&proof, &sources, &request_id, e).await,
        };
        // A document whose type says it is of a kind the grant does not cover is refused
        // before it is fetched (the source would record that Carnet opened it).
        let mut kinds = kind::document_kinds(&listed.0);
        if let Some(scope) = proof.covers().missing(&kinds).first() {
            return Err(inner.refuse_kind(principal, &subject, *scope, &request_id).await);
        }
        let (mut opened, content) = match inner.fetch_document(&proof, &token.source, listed, sealed).await {
            Ok(opened) => opened,
            Err(e) => return inner.failed_open(&proof, &sources, &request_id, e).await,
        };
        // What it turns out to be decides again.
        kinds.extend(kind::body_kinds(&opened.body));
        if let Some(scope) = proof.covers().missing(&kinds).first() {
            return Err(inner.refuse_kind(principal, &subject, *scope, &request_id).await);
        }
        let (parts, withheld) = kind::withhold_body(&mut opened.body, proof.covers());
        if whole_file && let Some(scope) = withheld.first() {
            return Err(inner.refuse_kind(principal, &subject, *scope, &request_id).await);
        }
        let mut shown = vec![Scope::Documents];
        shown.extend(kinds);
        shown.extend(parts);
        shown.sort();
        shown.dedup();
        opened.withheld = withheld;
        inner.write_audit(&[AuditEvent::read_showing(&proof, &shown, Outcome::Success, &sources, request_id)]).await?;
        Ok((opened, content))
    }
}

impl Inner {
    /// A document that could not be opened: the attempt is audited, the error answered.
    async fn failed_open<T>(
        &self,
        proof: &Authorized<Read<Documents>>,
        sources: &[&str],
        request_id: &Option<String>,
        error: ServiceError,
    ) -> Result<T, ServiceError> {
        self.write_audit(&[AuditEvent::allowed(proof, Outcome::Failure, sources, request_id.clone())]).await?;
        Err(error)
    }

    /// Refuses content of `scope` found inside another part of the record, through the
    /// policy (which writes the refusal, with its reason, to the subject's audit log).
    async fn refuse_kind(
        &self,
        principal: &Principal,
        subject: &Ssin,
        scope: Scope,
        request_id: &Option<String>,
    ) -> ServiceError {
        let decided = scope.visit(AuthorizeKind { inner: self, principal, subject, request_id }).await;
        match decided {
            Err(e) => e,
            // The grant changed between the two decisions: refused all the same.
            Ok(()) => {
                let event = AuditEvent::refused(
                    principal.ssin(),
                    subject,
                    Action::Read(scope),
                    Denied::NoBasis,
                    request_id.clone(),
                );
                if let Err(e) = self.store.append_audit(&event).await {
                    tracing::error!(error = %e, "could not write the audit entry for a refusal");
                }
                ServiceError::Forbidden
            }
        }
    }
}

/// The policy's decision on reading the kind a scope names (the proof is not kept).
struct AuthorizeKind<'a> {
    inner: &'a Inner,
    principal: &'a Principal,
    subject: &'a Ssin,
    request_id: &'a Option<String>,
}

impl<'a> KindVisitor for AuthorizeKind<'a> {
    type Out = BoxFuture<'a, Result<(), ServiceError>>;
    fn visit<K: Kind>(self) -> Self::Out {
        async move { self.inner.authorize::<Read<K>>(self.principal, self.subject, self.request_id).await.map(|_| ()) }
            .boxed()
    }
}

/// Reads the kind a scope names, audited.
struct ReadKind<'a> {
    inner: &'a Inner,
    principal: &'a Principal,
    request_id: &'a Option<String>,
}

impl<'a> KindVisitor for ReadKind<'a> {
    type Out = BoxFuture<'a, Result<AnyReading, ServiceError>>;
    fn visit<K: Kind>(self) -> Self::Out {
        self.inner.read::<K>(self.principal, self.request_id).boxed()
    }
}

/// Reads the kind a scope names, with the audit entry still to write.
struct ReadUnaudited<'a> {
    inner: &'a Inner,
    principal: &'a Principal,
    request_id: &'a Option<String>,
}

impl<'a> KindVisitor for ReadUnaudited<'a> {
    type Out = BoxFuture<'a, Result<(AnyReading, Option<AuditEvent>), ServiceError>>;
    fn visit<K: Kind>(self) -> Self::Out {
        self.inner.read_unaudited::<K>(self.principal, self.request_id).boxed()
    }
}

/// A scope's reading with its audit entry, or why there is none.
type Done = (Scope, Result<(AnyReading, Option<AuditEvent>), ServiceError>);
type Pending = FuturesUnordered<futures::future::BoxFuture<'static, Done>>;

struct Batches {
    inner: Arc<Inner>,
    pending: Pending,
    /// Until when the first batch waits for more scopes (`None` once it is out).
    first_until: Option<tokio::time::Instant>,
}

impl Batches {
    /// Audits the readings of a batch (one transaction) and hands them out.
    async fn deliver(inner: &Inner, done: Vec<Done>) -> Vec<ScopeReading> {
        // One entry for the batch, listing its scopes.
        let events = AuditEvent::combine_reads(
            done.iter().filter_map(|(_, r)| r.as_ref().ok()).filter_map(|(_, event)| event.clone()).collect(),
        );
        let audited = inner.write_audit(&events).await;
        done.into_iter()
            .map(|(scope, result)| {
                let result = match (result, audited) {
                    (Ok((reading, _)), Ok(())) => Ok(reading),
                    (Ok(_), Err(e)) | (Err(e), _) => Err(e),
                };
                (scope, result)
            })
            .collect()
    }
}

#[async_trait::async_trait]
impl ReadingBatches for Batches {
    async fn next(&mut self) -> Option<Vec<ScopeReading>> {
        let mut done = Vec::new();
        if let Some(until) = self.first_until.take() {
            // The first batch: everything ready within the grace time.
            while let Ok(Some(one)) = tokio::time::timeout_at(until, self.pending.next()).await {
                done.push(one);
            }
            if done.is_empty() {
                done.extend(self.pending.next().await);
            }
        } else {
            done.extend(self.pending.next().await);
        }
        if done.is_empty() {
            return None;
        }
        // Whatever else finished meanwhile comes along.
        while let Some(Some(one)) = self.pending.next().now_or_never() {
            done.push(one);
        }
        let inner = self.inner.clone();
        Some(Batches::deliver(&inner, done).await)
    }
}

/// The audit entry a reading needs (none when no source was asked).
fn reading_event<K: Kind>(
    proof: &Authorized<Read<K>>,
    states: &[SourceState],
    request_id: &Option<String>,
) -> Option<AuditEvent> {
    let ids: Vec<&str> = states.iter().map(|s| s.source_id.as_str()).collect();
    Outcome::of_reading(states).map(|outcome| AuditEvent::allowed(proof, outcome, &ids, request_id.clone()))
}
