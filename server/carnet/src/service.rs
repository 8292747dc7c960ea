//! The [`PortalService`] the pages call: policy first, then the sources, then the audit.
//! Every read of a citizen's data goes through [`Portal::authorize`] and leaves an audit
//! entry before anything is returned.

use std::sync::Arc;
use std::time::Duration;

use carnet_connectors::Sources;
use carnet_connectors::document_body;
use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::date::Day;
use carnet_core::document::DocumentContent;
use carnet_core::item::Item;
use carnet_core::policy::{self, Action, Authorized, Scope};
use carnet_core::service::{OpenedDocument, PortalService, Reading, ReadingBatches, ScopeReading, ServiceError};
use carnet_core::source::{Answers, SourceStatus};
use carnet_core::vaccination::schedule::{BASIC_SCHEDULE_TOML, Schedule};
use carnet_core::{Principal, Ssin};
use carnet_store::Store;
use futures::stream::FuturesUnordered;
use futures::{FutureExt, StreamExt};

use crate::secrets::Sealer;

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
}

impl Portal {
    pub fn new(store: Store, sources: Arc<Sources>, sealer: Sealer) -> Portal {
        let schedule = toml::from_str::<Schedule>(BASIC_SCHEDULE_TOML)
            .map_err(|e| e.to_string())
            .and_then(|schedule| schedule.check().map(|()| schedule))
            .inspect_err(
                |error| tracing::error!(%error, "the basic vaccination schedule cannot be read; no status is shown"),
            )
            .ok();
        Portal { inner: Arc::new(Inner { store, sources, sealer, schedule }) }
    }
}

impl Inner {
    /// The one policy check for reads of the person's own record.
    async fn authorize(
        &self,
        principal: &Principal,
        action: Action,
        request_id: &Option<String>,
    ) -> Result<Authorized, ServiceError> {
        // The record is the person's own (acting for others comes with mandates).
        self.authorize_for(principal, &principal.ssin, action, request_id).await
    }

    /// The one policy check: the proof, or the refusal written to the audit log (shown to
    /// the person whose record was asked for).
    async fn authorize_for(
        &self,
        principal: &Principal,
        subject: &Ssin,
        action: Action,
        request_id: &Option<String>,
    ) -> Result<Authorized, ServiceError> {
        let denied = match policy::decide(principal, subject, action) {
            Ok(proof) => return Ok(proof),
            Err(denied) => denied,
        };
        tracing::warn!(action = %action.code(), "the policy refused an access");
        let event = AuditEvent::refused(&principal.ssin, subject, action, denied, request_id.clone());
        // Written before the refusal is answered (a group-commit writer task: it is written
        // even if the page is gone by then).
        if let Err(e) = self.store.append_audit(&event).await {
            tracing::error!(error = %e, "could not write the audit entry for a refusal");
        }
        Err(ServiceError::Forbidden)
    }

    /// Reads one scope from every source that serves it (no audit: the callers write it).
    async fn fetch(&self, proof: &Authorized, scope: Scope) -> Reading {
        let sources = &self.sources;
        match scope {
            Scope::Documents => Reading::Documents(self.with_tokens(proof.subject(), sources.documents(proof).await)),
            Scope::SumEhr => Reading::SumEhr(sources.sumehr(proof).await),
            Scope::Vaccinations => {
                let answers = sources.vaccinations(proof).await;
                // The status needs the birth date, which the SSIN gives (not always the day).
                let birth = proof.subject().birth_date().day();
                let status = self
                    .schedule
                    .as_ref()
                    .zip(birth)
                    .map(|(s, birth)| Box::new(s.status(birth, today_in_belgium(), &answers)));
                Reading::Vaccinations(answers, status)
            }
            Scope::Medication => Reading::Medication(sources.medication(proof).await),
            Scope::Allergies => Reading::Allergies(sources.allergies(proof).await),
            Scope::Consent => Reading::Consent(sources.consent(proof).await),
            Scope::Relationships => Reading::Relationships(sources.relationships(proof).await),
            Scope::Exclusions => Reading::Exclusions(sources.exclusions(proof).await),
            Scope::AccessEvents => Reading::AccessEvents(sources.access_events(proof).await),
        }
    }

    /// The audit entry of one reading: success when every source answered now, partial
    /// when some did, failure when none did. None when no source was asked (none serves
    /// the scope): no data was touched.
    fn audit_event(&self, proof: &Authorized, reading: &Reading, request_id: &Option<String>) -> Option<AuditEvent> {
        let states = reading.states();
        if states.is_empty() {
            return None;
        }
        let fresh = states.iter().filter(|s| s.status == SourceStatus::UpToDate).count();
        let outcome = match fresh {
            n if n == states.len() => Outcome::Success,
            0 => Outcome::Failure,
            _ => Outcome::Partial,
        };
        let ids: Vec<&str> = states.iter().map(|s| s.source_id.as_str()).collect();
        Some(AuditEvent::allowed(proof, outcome, &ids, request_id.clone()))
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

    /// Replaces each document's source id by its opaque token (stable: the same document
    /// of the same person always has the same token).
    fn with_tokens(
        &self,
        subject: &Ssin,
        mut answers: Answers<carnet_core::document::DocumentEntry>,
    ) -> Answers<carnet_core::document::DocumentEntry> {
        for answer in &mut answers {
            if let Ok(items) = &mut answer.result {
                for item in items.iter_mut() {
                    if let Item::Read(entry) = item {
                        let token = DocumentToken {
                            subject: subject.expose().to_owned(),
                            source: answer.source_id.clone(),
                            id: entry.id.clone(),
                        };
                        entry.id = token.seal(&self.sealer);
                    }
                }
            }
        }
        answers
    }

    /// Finds the document behind a token in its source's list, and fetches it.
    async fn open(
        &self,
        proof: &Authorized,
        token: &DocumentToken,
        sealed: &str,
    ) -> Result<(OpenedDocument, DocumentContent), ServiceError> {
        let source_id = token.source.as_str();
        let answers = self.sources.documents_from(proof, source_id).await;
        let answer = answers.into_iter().find(|a| a.source_id == source_id).ok_or(ServiceError::NotFound)?;
        let source_name = answer.source_name.clone();
        let items = answer.result.map_err(|_| ServiceError::SourceUnavailable)?;
        let entry = items
            .into_iter()
            .filter_map(|item| item.read().cloned())
            .find(|entry| entry.id == token.id)
            .ok_or(ServiceError::NotFound)?;
        let content = self.sources.document(proof, source_id, &entry.id).await.map_err(|e| match e {
            carnet_connectors::ConnectorError::NotFound => ServiceError::NotFound,
            // What the source sent cannot be read: saying "try again later" would mislead.
            carnet_connectors::ConnectorError::Malformed(_) => ServiceError::Unreadable,
            _ => ServiceError::SourceUnavailable,
        })?;
        let body = document_body::interpret(&content);
        let entry = carnet_core::document::DocumentEntry { id: sealed.to_owned(), ..entry };
        Ok((OpenedDocument { entry, source_name, body }, content))
    }
}

#[async_trait::async_trait]
impl PortalService for Portal {
    #[tracing::instrument(name = "portal.read", skip_all, fields(scope = scope.as_str()))]
    async fn read(
        &self,
        principal: &Principal,
        scope: Scope,
        request_id: Option<String>,
    ) -> Result<Reading, ServiceError> {
        let inner = &self.inner;
        let proof = inner.authorize(principal, Action::Read(scope), &request_id).await?;
        let reading = inner.fetch(&proof, scope).await;
        let event = inner.audit_event(&proof, &reading, &request_id);
        inner.write_audit(event.as_slice()).await?;
        Ok(reading)
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
            // Each scope is its own task: it goes on while the page renders earlier ones.
            let task = tokio::spawn(async move {
                let proof = match inner.authorize(&principal, Action::Read(scope), &request_id).await {
                    Ok(proof) => proof,
                    Err(e) => return (scope, Err(e)),
                };
                let reading = inner.fetch(&proof, scope).await;
                (scope, Ok((proof, reading)))
            });
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
        Box::new(Batches { inner, pending, first_until: Some(tokio::time::Instant::now() + grace), request_id })
    }

    #[tracing::instrument(name = "portal.document", skip_all)]
    async fn document(
        &self,
        principal: &Principal,
        token: &str,
        request_id: Option<String>,
    ) -> Result<OpenedDocument, ServiceError> {
        let (opened, _) = self.open_audited(principal, token, request_id).await?;
        Ok(opened)
    }

    async fn document_file(
        &self,
        principal: &Principal,
        token: &str,
        request_id: Option<String>,
    ) -> Result<(OpenedDocument, DocumentContent), ServiceError> {
        self.open_audited(principal, token, request_id).await
    }

    fn today(&self) -> Day {
        today_in_belgium()
    }
}

impl Portal {
    /// Opens a document by its token: the token names whose record it is in, and the policy
    /// decides on that person (a token of someone else's document is a refusal, audited in
    /// their log), then the document is fetched and the access audited.
    async fn open_audited(
        &self,
        principal: &Principal,
        sealed: &str,
        request_id: Option<String>,
    ) -> Result<(OpenedDocument, DocumentContent), ServiceError> {
        let inner = &self.inner;
        // A token this portal did not seal names no document.
        let token = DocumentToken::open(&inner.sealer, sealed).ok_or(ServiceError::NotFound)?;
        let subject = Ssin::parse(&token.subject).map_err(|_| ServiceError::NotFound)?;
        let proof = inner.authorize_for(principal, &subject, Action::Read(Scope::Documents), &request_id).await?;
        let opened = inner.open(&proof, &token, sealed).await;
        let outcome = match &opened {
            Ok(_) => Outcome::Success,
            Err(_) => Outcome::Failure,
        };
        inner.write_audit(&[AuditEvent::allowed(&proof, outcome, &[token.source.as_str()], request_id)]).await?;
        opened
    }
}

/// What a document token holds, sealed: whose record, which source, the source's id.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct DocumentToken {
    subject: String,
    source: String,
    id: String,
}

impl DocumentToken {
    const PURPOSE: &str = "document-token";

    fn seal(&self, sealer: &Sealer) -> String {
        serde_json::to_vec(self).map(|json| sealer.seal_stable(Self::PURPOSE, &json)).unwrap_or_default()
    }

    fn open(sealer: &Sealer, sealed: &str) -> Option<DocumentToken> {
        serde_json::from_slice(&sealer.open(Self::PURPOSE, sealed)?).ok()
    }
}

/// A scope's reading with its proof (for the audit), or why there is none.
type Done = (Scope, Result<(Authorized, Reading), ServiceError>);
type Pending = FuturesUnordered<futures::future::BoxFuture<'static, Done>>;

struct Batches {
    inner: Arc<Inner>,
    pending: Pending,
    /// Until when the first batch waits for more scopes (`None` once it is out).
    first_until: Option<tokio::time::Instant>,
    request_id: Option<String>,
}

impl Batches {
    /// Audits the readings of a batch (one transaction) and hands them out.
    async fn deliver(inner: &Inner, request_id: &Option<String>, done: Vec<Done>) -> Vec<ScopeReading> {
        let events: Vec<AuditEvent> = done
            .iter()
            .filter_map(|(_, r)| r.as_ref().ok())
            .filter_map(|(proof, reading)| inner.audit_event(proof, reading, request_id))
            .collect();
        let audited = inner.write_audit(&events).await;
        done.into_iter()
            .map(|(scope, result)| {
                let result = match (result, audited) {
                    (Ok((_, reading)), Ok(())) => Ok(reading),
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
        Some(Batches::deliver(&inner, &self.request_id, done).await)
    }
}

/// Today's date in Belgium (CET, CEST from the last Sunday of March to the last Sunday of
/// October, switching at 01:00 UTC).
pub fn today_in_belgium() -> Day {
    belgian_day(time::OffsetDateTime::now_utc())
}

fn belgian_day(now: time::OffsetDateTime) -> Day {
    let utc_day = Day { year: now.year(), month: u8::from(now.month()), day: now.day() };
    let last_sunday = |month: u8| {
        let last = Day { year: now.year(), month, day: carnet_core::date::days_in_month(now.year(), month) };
        last.plus_days(-i64::from((last.weekday() + 1) % 7))
    };
    let hour = now.hour();
    let summer_start = (last_sunday(3), 1u8);
    let summer_end = (last_sunday(10), 1u8);
    let summer = (utc_day, hour) >= summer_start && (utc_day, hour) < summer_end;
    let offset = if summer { 2 } else { 1 };
    if hour + offset >= 24 { utc_day.plus_days(1) } else { utc_day }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_belgian_day_follows_winter_and_summer_time() {
        let at = |text: &str| {
            let (date, clock) = text.split_once('T').unwrap_or_else(|| panic!("{text}"));
            let day = Day::parse(date).unwrap_or_else(|| panic!("{text}"));
            let hours: i64 = clock[..2].parse().unwrap_or_else(|e| panic!("{e}"));
            let minutes: i64 = clock[3..5].parse().unwrap_or_else(|e| panic!("{e}"));
            let t = time::OffsetDateTime::from_unix_timestamp(day.ordinal() * 86_400 + hours * 3600 + minutes * 60)
                .unwrap_or_else(|e| panic!("{e}"));
            belgian_day(t).to_string()
        };
        // Winter: UTC+1.
        assert_eq!(at("2026-11-23T22:59:00Z"), "2026-11-23");
        assert_eq!(at("2026-11-23T23:00:00Z"), "2026-11-24");
        // Summer: UTC+2.
        assert_eq!(at("2026-07-01T21:59:00Z"), "2026-07-01");
        assert_eq!(at("2026-07-01T22:00:00Z"), "2026-07-02");
        // New Year's Eve in winter.
        assert_eq!(at("2026-12-31T23:30:00Z"), "2027-01-01");
    }
}
