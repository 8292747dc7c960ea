//! Reading the record: one kind from every source that serves it, or several kinds
//! delivered as they become ready (the dashboard), each through the policy and audited;
//! a reading made from cached answers is kept while they last.

use std::sync::Arc;
use std::time::Duration;

use carnet_core::Principal;
use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::date::Day;
use carnet_core::kind::{AnyReading, Context, Kind, KindVisitor, Reading, Scope};
use carnet_core::policy::{Authorized, Read};
use carnet_core::portal_service::{ReadingBatches, RecordService, ScopeReading, ServiceError};
use carnet_core::source_answer::SourceState;
use futures::future::BoxFuture;
use futures::stream::FuturesUnordered;
use futures::{FutureExt, StreamExt};

use crate::clock::today_in_belgium;

use super::tokens::Tokens;
use super::{Inner, Made, Portal};

impl Inner {
    /// Reads one kind from every source that serves it (no audit: the callers write it),
    /// with the audit entry the reading needs (none when no source was asked).
    pub(super) async fn fetch<K: Kind>(
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
        let answers = self.sources.read::<K>(proof).await;
        self.reading_of(proof, answers, today)
    }

    /// The reading made of `K`'s answers: what the grant does not cover withheld, ids
    /// sealed, derived facts added.
    pub(super) fn reading_of<K: Kind>(
        &self,
        proof: &Authorized<Read<K>>,
        mut answers: carnet_core::source_answer::Answers<K::Item>,
        today: Day,
    ) -> Reading<K> {
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
}

#[async_trait::async_trait]
impl RecordService for Portal {
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
}

/// Reads the kind a scope names, audited.
pub(super) struct ReadKind<'a> {
    pub(super) inner: &'a Inner,
    pub(super) principal: &'a Principal,
    pub(super) request_id: &'a Option<String>,
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
