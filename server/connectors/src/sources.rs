//! All configured sources behind one call per kind of data: fan-out with a deadline per
//! source, the answer cache, stale answers with their age, writes routed to one source.

use std::sync::Arc;
use std::time::Duration;

use carnet_core::access::AccessEvent;
use carnet_core::allergy::Allergy;
use carnet_core::consent::{ConsentRecord, Exclusion, TherapeuticLink};
use carnet_core::document::{DocumentContent, DocumentEntry};
use carnet_core::item::Item;
use carnet_core::medication::MedicationLine;
use carnet_core::policy::{Authorized, Scope};
use carnet_core::source::{SourceAnswer, SourceFailure, Stale};
use carnet_core::sumehr::SumEhr;
use carnet_core::vaccination::Vaccination;

use crate::cache::AnswerCache;
use crate::connector::{Answer, Change, Connector, check_change, read_scope};
use crate::error::ConnectorError;
use crate::metrics::Metrics;

/// How long answers are kept.
#[derive(Debug, Clone, Copy)]
pub struct CachePolicy {
    /// Served without asking the source again.
    pub fresh: Duration,
    /// Served, with its age, when the source fails.
    pub keep: Duration,
    pub capacity: usize,
}

pub use carnet_core::source::Answers;

pub struct Sources {
    connectors: Vec<Arc<dyn Connector>>,
    cache: AnswerCache<Answer>,
    metrics: Arc<Metrics>,
}

macro_rules! read_kind {
    ($(#[$doc:meta])* $name:ident, $variant:ident, $ty:ty) => {
        $(#[$doc])*
        pub async fn $name(&self, proof: &Authorized) -> Answers<$ty> {
            self.read(proof, None, |answer| match answer {
                Answer::$variant(items) => Some(items),
                _ => None,
            })
            .await
        }
    };
}

impl Sources {
    pub fn new(connectors: Vec<Arc<dyn Connector>>, cache: CachePolicy, metrics: Arc<Metrics>) -> Sources {
        Sources { connectors, cache: AnswerCache::new(cache.fresh, cache.keep, cache.capacity), metrics }
    }

    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// The ids of the sources that hold this kind of data.
    pub fn serving(&self, scope: Scope) -> Vec<&str> {
        self.connectors.iter().filter(|c| c.serves(scope)).map(|c| c.id()).collect()
    }

    read_kind!(
        /// Vaccinations from every source that holds them, at once.
        vaccinations, Vaccinations, Vaccination);
    read_kind!(documents, Documents, DocumentEntry);
    read_kind!(sumehr, SumEhr, SumEhr);
    read_kind!(medication, Medication, MedicationLine);
    read_kind!(allergies, Allergies, Allergy);
    read_kind!(consent, Consent, ConsentRecord);
    read_kind!(relationships, Relationships, TherapeuticLink);
    read_kind!(exclusions, Exclusions, Exclusion);
    read_kind!(access_events, AccessEvents, AccessEvent);

    /// The document list of one source (to find the entry a page links to).
    pub async fn documents_from(&self, proof: &Authorized, source: &str) -> Answers<DocumentEntry> {
        self.read(proof, Some(source), |answer| match answer {
            Answer::Documents(items) => Some(items),
            _ => None,
        })
        .await
    }

    /// Asks every source that serves the proof's scope (or only the one named) at once; a
    /// slow source delays no other (each has its own deadline). A failing source's last
    /// good answer stands in, with its age.
    async fn read<T: Clone>(
        &self,
        proof: &Authorized,
        only: Option<&str>,
        pick: fn(Answer) -> Option<Vec<Item<T>>>,
    ) -> Answers<T> {
        let scope = match read_scope(proof) {
            Ok(scope) => scope,
            Err(_) => return Vec::new(),
        };
        let kind = scope.as_str();
        let asked = self.connectors.iter().filter(|c| c.serves(scope) && only.is_none_or(|id| c.id() == id));
        futures::future::join_all(asked.map(|connector| async move {
            let key = (proof.subject().expose().to_owned(), connector.id().to_owned(), kind);
            let source_name = connector.name().to_owned();
            let source_id = connector.id().to_owned();
            let wrong_kind = || SourceAnswer {
                source_id: source_id.clone(),
                source_name: source_name.clone(),
                result: Err(SourceFailure::Malformed),
                stale: None,
            };
            if let Some(answer) = self.cache.fresh(&key) {
                self.metrics.cache_hit(connector.id(), kind);
                return match pick(answer) {
                    Some(items) => {
                        SourceAnswer { source_id: source_id.clone(), source_name, result: Ok(items), stale: None }
                    }
                    None => wrong_kind(),
                };
            }
            match connector.read(proof).await {
                Ok(answer) => {
                    self.cache.put(key, answer.clone());
                    match pick(answer) {
                        Some(items) => {
                            SourceAnswer { source_id: source_id.clone(), source_name, result: Ok(items), stale: None }
                        }
                        None => wrong_kind(),
                    }
                }
                Err(error) => match self.cache.stale(&key).and_then(|(answer, age)| Some((pick(answer)?, age))) {
                    Some((items, age)) => {
                        self.metrics.stale_served(connector.id(), kind);
                        let stale = Stale { failure: error.failure(), age_minutes: age.as_secs() / 60 };
                        SourceAnswer {
                            source_id: source_id.clone(),
                            source_name,
                            result: Ok(items),
                            stale: Some(stale),
                        }
                    }
                    None => SourceAnswer {
                        source_id: source_id.clone(),
                        source_name,
                        result: Err(error.failure()),
                        stale: None,
                    },
                },
            }
        }))
        .await
    }

    /// One document from one source, by the id its list entry gave.
    pub async fn document(
        &self,
        proof: &Authorized,
        source: &str,
        id: &str,
    ) -> Result<DocumentContent, ConnectorError> {
        if read_scope(proof)? != Scope::Documents {
            return Err(ConnectorError::Config("proof is not for documents".into()));
        }
        let connector = self.find(source, Scope::Documents)?;
        connector.document(proof, id).await
    }

    /// Makes a change at one source. Not retried; on success the cached answer of that
    /// kind is dropped, so the next read shows the change.
    pub async fn change(&self, proof: &Authorized, source: &str, change: &Change) -> Result<(), ConnectorError> {
        check_change(proof, change)?;
        let scope = change.scope();
        let connector = self.find(source, scope)?;
        connector.change(proof, change).await?;
        self.cache.remove(&(proof.subject().expose().to_owned(), connector.id().to_owned(), scope.as_str()));
        Ok(())
    }

    fn find(&self, source: &str, scope: Scope) -> Result<&Arc<dyn Connector>, ConnectorError> {
        self.connectors
            .iter()
            .find(|c| c.id() == source && c.serves(scope))
            .ok_or_else(|| ConnectorError::Config("no such source for this kind of data".into()))
    }
}
