//! Exports of the record (the patient summary): each part decided by the policy, then read
//! in the background from every source at once (which sources are still answering is
//! noted for the progress page, on any instance); what was read is written with one audit
//! entry (`export:<parts>`) and kept sealed until it expires; a download is decided again
//! by the policy and made into the file from what was kept.

use std::sync::{Arc, Mutex};

use carnet_core::Principal;
use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::change::FormKey;
use carnet_core::export::{EXPORT_KEPT_MS, EXPORT_LOST_AFTER_MS, EXPORT_PREFIX, exportable};
use carnet_core::kind::{AnyReading, Kind, KindVisitor, Scope};
use carnet_core::policy::{self, Act, Authorized, Read};
use carnet_core::portal_service::{ExportContent, ExportJob, ExportService, ExportState, ServiceError};
use carnet_core::source_answer::SourceState;
use carnet_store::exports::{ExportDone, ExportRow};
use carnet_store::{Store, StoreError};
use futures::FutureExt;
use futures::future::BoxFuture;

use super::{Inner, Portal, internal};
use crate::clock::{now_ms, today_in_belgium};

/// A source has answered (its id): the progress page's list gets shorter.
type Answered = Arc<dyn Fn(&str) + Send + Sync>;

/// One part of an export, allowed by the policy and ready to be read.
struct Part {
    /// The proof, for the export's row (whatever part it was made for: the row is about
    /// the same actor and subject).
    lead: Box<dyn Lead>,
    /// The sources that serve it, by id.
    sources: Vec<String>,
    /// Reads it from every source at once, telling `Answered` as each answers.
    read: Box<dyn FnOnce(Answered) -> BoxFuture<'static, AnyReading> + Send>,
}

/// What an export's row needs of a proof: its actor and subject, through the store's
/// calls that take a proof.
#[async_trait::async_trait]
trait Lead: Send + Sync {
    async fn claim(&self, store: &Store, key: &FormKey, parts: &str, pending: &str) -> Result<bool, StoreError>;
    async fn note_pending(&self, store: &Store, key: &FormKey, pending: &str) -> Result<(), StoreError>;
    async fn finish(
        &self,
        store: &Store,
        key: &FormKey,
        finished: Option<(String, String)>,
        event: AuditEvent,
    ) -> Result<(), StoreError>;
    async fn row(&self, store: &Store, key: &FormKey) -> Result<Option<ExportRow>, StoreError>;
    /// The export's audit entry: `export:<parts>`, the sources asked, the outcome.
    fn event(&self, parts: &str, outcome: Outcome, sources: &[&str], request_id: Option<String>) -> AuditEvent;
}

#[async_trait::async_trait]
impl<A: Act> Lead for Authorized<A> {
    async fn claim(&self, store: &Store, key: &FormKey, parts: &str, pending: &str) -> Result<bool, StoreError> {
        store.claim_export(self, key, parts, pending, now_ms() + EXPORT_KEPT_MS).await
    }
    async fn note_pending(&self, store: &Store, key: &FormKey, pending: &str) -> Result<(), StoreError> {
        store.note_export_pending(self, key, pending).await
    }
    async fn finish(
        &self,
        store: &Store,
        key: &FormKey,
        finished: Option<(String, String)>,
        event: AuditEvent,
    ) -> Result<(), StoreError> {
        store.finish_export(self, key, finished, &[event]).await
    }
    async fn row(&self, store: &Store, key: &FormKey) -> Result<Option<ExportRow>, StoreError> {
        store.export(self, key).await
    }
    fn event(&self, parts: &str, outcome: Outcome, sources: &[&str], request_id: Option<String>) -> AuditEvent {
        let mut event = AuditEvent::allowed(self, outcome, sources, request_id);
        event.action = format!("{EXPORT_PREFIX}{parts}");
        event
    }
}

/// Decides one part (a refusal is audited), ready to be read.
struct DecidePart<'a> {
    inner: &'a Arc<Inner>,
    principal: &'a Principal,
    request_id: &'a Option<String>,
}

impl<'a> KindVisitor for DecidePart<'a> {
    type Out = BoxFuture<'a, Result<Part, ServiceError>>;
    fn visit<K: Kind>(self) -> Self::Out {
        async move {
            let proof =
                self.inner.authorize::<Read<K>>(self.principal, self.principal.subject(), self.request_id).await?;
            let inner = self.inner.clone();
            let sources: Vec<String> = inner.sources.readers::<K>().into_iter().map(|(id, _)| id).collect();
            let ids = sources.clone();
            let lead: Box<dyn Lead> = Box::new(proof.clone());
            let read = move |answered: Answered| {
                async move {
                    let asked = ids.iter().map(|id| {
                        let (inner, proof, answered) = (&inner, &proof, answered.clone());
                        async move {
                            let answers = inner.sources.read_from(proof, Some(id)).await;
                            answered(id);
                            answers
                        }
                    });
                    let answers = futures::future::join_all(asked).await.into_iter().flatten().collect();
                    K::into_any(inner.reading_of(&proof, answers, today_in_belgium()))
                }
                .boxed()
            };
            Ok(Part { lead, sources, read: Box::new(read) })
        }
        .boxed()
    }
}

/// The parts as the audit log names them (`medication,vaccinations`).
pub(super) fn names(parts: &[Scope]) -> String {
    parts.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",")
}

fn parse_parts(text: &str) -> Option<Vec<Scope>> {
    text.split(',').map(Scope::from_name).collect()
}

/// The seal's purpose: an export's data opens only as that export's.
fn purpose(key: &FormKey) -> String {
    format!("export:{}", key.as_str())
}

impl Inner {
    /// Decides every part (all allowed, or the export is refused).
    async fn decide_parts(
        self: &Arc<Self>,
        principal: &Principal,
        parts: &[Scope],
        request_id: &Option<String>,
    ) -> Result<Vec<Part>, ServiceError> {
        let mut decided = Vec::with_capacity(parts.len());
        for scope in parts {
            decided.push(scope.visit(DecidePart { inner: self, principal, request_id }).await?);
        }
        Ok(decided)
    }

    /// The parts of the export made with `key` by this person, decided again, with its row.
    async fn decided_export(
        self: &Arc<Self>,
        principal: &Principal,
        key: &FormKey,
        request_id: &Option<String>,
    ) -> Result<(Vec<Scope>, ExportRow), ServiceError> {
        let parts = self
            .store
            .export_parts(principal.ssin(), principal.subject(), key)
            .await
            .map_err(internal("an export"))?
            .and_then(|parts| parse_parts(&parts))
            .ok_or(ServiceError::NotFound)?;
        let decided = self.decide_parts(principal, &parts, request_id).await?;
        let lead = decided.first().map(|part| &part.lead).ok_or(ServiceError::NotFound)?;
        let row = lead.row(&self.store, key).await.map_err(internal("an export"))?.ok_or(ServiceError::NotFound)?;
        Ok((parts, row))
    }

    /// Reads the parts, noting which sources are still answering, then keeps what was read
    /// (sealed) with the export's audit entry.
    async fn run_export(
        self: Arc<Self>,
        parts: Vec<Scope>,
        decided: Vec<Part>,
        key: FormKey,
        request_id: Option<String>,
    ) {
        let mut decided = decided.into_iter();
        let Some(first) = decided.next() else { return };
        let lead = first.lead;
        let rest: Vec<Part> = decided.collect();
        let mut all_sources: Vec<String> = Vec::new();
        for id in std::iter::once(&first.sources).chain(rest.iter().map(|p| &p.sources)).flatten() {
            all_sources.push(id.clone());
        }
        // Each source's count of parts still to answer.
        let waiting: Arc<Mutex<Vec<(String, usize)>>> = Arc::new(Mutex::new(Vec::new()));
        if let Ok(mut waiting) = waiting.lock() {
            for id in &all_sources {
                match waiting.iter_mut().find(|(known, _)| known == id) {
                    Some((_, count)) => *count += 1,
                    None => waiting.push((id.clone(), 1)),
                }
            }
        }
        let (tell, mut told) = tokio::sync::watch::channel(String::new());
        let answered: Answered = {
            let waiting = waiting.clone();
            Arc::new(move |id: &str| {
                let Ok(mut waiting) = waiting.lock() else { return };
                if let Some((_, count)) = waiting.iter_mut().find(|(known, _)| known == id) {
                    *count = count.saturating_sub(1);
                }
                waiting.retain(|(_, count)| *count > 0);
                let pending = waiting.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>().join(",");
                tell.send_replace(pending);
            })
        };
        let reads =
            std::iter::once(first.read).chain(rest.into_iter().map(|p| p.read)).map(|read| read(answered.clone()));
        let reads = futures::future::join_all(reads.collect::<Vec<_>>());
        drop(answered);
        // The progress, written as it changes (the last writes win: a list only shrinks).
        let progress = async {
            while told.changed().await.is_ok() {
                let pending = told.borrow_and_update().clone();
                if let Err(e) = lead.note_pending(&self.store, &key, &pending).await {
                    tracing::warn!(error = %e, "could not note an export's progress");
                }
            }
        };
        let (read, ()) = tokio::join!(reads, progress);

        let readings: Vec<AnyReading> = read;
        let states: Vec<SourceState> = readings.iter().flat_map(AnyReading::states).collect();
        let mut asked: Vec<&str> = Vec::new();
        for state in &states {
            if !asked.contains(&state.source_id.as_str()) {
                asked.push(&state.source_id);
            }
        }
        let outcome = Outcome::of_reading(&states).unwrap_or(Outcome::Success);
        let event = lead.event(&names(&parts), outcome, &asked, request_id);
        let kept = serde_json::to_vec(&readings)
            .and_then(|json| Ok((serde_json::to_string(&states)?, self.sealer.seal(&purpose(&key), &json))));
        let finished = match kept {
            Ok(kept) => lead.finish(&self.store, &key, Some(kept), event).await,
            Err(e) => {
                tracing::error!(error = %e, "could not keep an export");
                lead.finish(&self.store, &key, None, AuditEvent { outcome: Outcome::Failure, ..event }).await
            }
        };
        if let Err(e) = finished {
            // The row stays running: the page says the export was lost after a while.
            tracing::error!(error = %e, "could not finish an export");
        }
    }
}

#[async_trait::async_trait]
impl ExportService for Portal {
    async fn exportable_parts(&self, principal: &Principal) -> Result<Vec<Scope>, ServiceError> {
        let facts = self.facts(principal, principal.subject()).await?;
        let grants = facts.grants(self);
        // No audit: nothing is read here (the export decides every part again, audited).
        Ok(exportable()
            .into_iter()
            .filter(|scope| policy::may_read(principal, principal.subject(), *scope, &grants).is_ok())
            .collect())
    }

    #[tracing::instrument(name = "portal.start_export", skip_all)]
    async fn start_export(
        &self,
        principal: &Principal,
        parts: Vec<Scope>,
        key: &FormKey,
        request_id: Option<String>,
    ) -> Result<(), ServiceError> {
        // In the document's order, each once; a part the summary does not hold is no export.
        if parts.iter().any(|scope| !exportable().contains(scope)) {
            return Err(ServiceError::BadRequest);
        }
        let parts: Vec<Scope> = exportable().into_iter().filter(|scope| parts.contains(scope)).collect();
        let decided = self.inner.decide_parts(principal, &parts, &request_id).await?;
        let Some(first) = decided.first() else { return Err(ServiceError::BadRequest) };
        let mut pending: Vec<&str> = Vec::new();
        for id in decided.iter().flat_map(|p| &p.sources) {
            if !pending.contains(&id.as_str()) {
                pending.push(id);
            }
        }
        let claimed = first.lead.claim(&self.store, key, &names(&parts), &pending.join(",")).await;
        match claimed {
            Ok(true) => {}
            // Asked before with this key: that export goes on, or is done.
            Ok(false) => return Ok(()),
            Err(StoreError::Corrupt(_)) => return Err(ServiceError::BadRequest),
            Err(e) => return Err(internal("an export")(e)),
        }
        // In the background: a slow source holds no page; the page follows its progress.
        tokio::spawn(self.inner.clone().run_export(parts, decided, key.clone(), request_id));
        Ok(())
    }

    async fn export_job(
        &self,
        principal: &Principal,
        key: &FormKey,
        request_id: Option<String>,
    ) -> Result<ExportJob, ServiceError> {
        let (parts, row) = self.inner.decided_export(principal, key, &request_id).await?;
        let state = match row.done {
            ExportDone::Running if now_ms() - row.created_ms > EXPORT_LOST_AFTER_MS => ExportState::Lost,
            ExportDone::Running => ExportState::Running {
                pending: row
                    .pending
                    .split(',')
                    .filter(|id| !id.is_empty())
                    .map(|id| self.sources.name_of(id).unwrap_or(id).to_owned())
                    .collect(),
            },
            ExportDone::Ready => ExportState::Ready {
                states: row.states.as_deref().and_then(|s| serde_json::from_str(s).ok()).unwrap_or_default(),
            },
            ExportDone::Failed => ExportState::Failed,
        };
        Ok(ExportJob { parts, state, made_ms: row.created_ms, expires_ms: row.expires_ms })
    }

    #[tracing::instrument(name = "portal.export_content", skip_all)]
    async fn export_content(
        &self,
        principal: &Principal,
        key: &FormKey,
        request_id: Option<String>,
    ) -> Result<ExportContent, ServiceError> {
        let (parts, row) = self.inner.decided_export(principal, key, &request_id).await?;
        let sealed = row.sealed.filter(|_| row.done == ExportDone::Ready).ok_or(ServiceError::NotFound)?;
        let json = self.sealer.open(&purpose(key), &sealed).ok_or_else(|| {
            tracing::error!("an export's sealed data does not open");
            ServiceError::Internal
        })?;
        let readings: Vec<AnyReading> = serde_json::from_slice(&json).map_err(|e| {
            tracing::error!(error = %e, "an export's data cannot be read");
            ServiceError::Internal
        })?;
        let readings = readings.into_iter().filter(|r| parts.contains(&r.scope())).collect();
        let subject = principal.subject();
        let seed = crate::secrets::mac(&self.sealer.subkey("export-seed"), &[key.as_str().as_bytes()]);
        let seed16: [u8; 16] = seed.first_chunk::<16>().copied().unwrap_or_default();
        Ok(ExportContent {
            parts,
            readings,
            ssin: subject.expose().to_owned(),
            name: principal.acting().map_or(principal.display_name(), |acting| acting.name.as_str()).to_owned(),
            birth_date: Some(subject.birth_date()),
            made_by: principal.acting().map(|_| principal.display_name().to_owned()),
            made_ms: row.created_ms,
            seed: seed16,
        })
    }
}
