//! All configured sources behind one call per kind of data: fan-out with a deadline per
//! source, the answer cache, stale answers with their age, writes routed to one source.

use std::any::Any;
use std::sync::Arc;
use std::time::{Duration, Instant};

use carnet_core::document::{DocumentContent, Documents};
use carnet_core::exclusion::Exclusions;
use carnet_core::item::Item;
use carnet_core::kind::{Changeable, Kind};
use carnet_core::party::{DirectoryEntry, DirectoryQuery};
use carnet_core::policy::{Authorized, Change, Read};
use carnet_core::source_answer::{SourceAnswer, Stale};

use crate::cache::AnswerCache;
use crate::connector::{Connector, Registry};
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

pub use carnet_core::source_answer::Answers;

/// An answer in the cache: a `Vec<Item<K::Item>>` of the kind its key names.
type Cached = Arc<dyn Any + Send + Sync>;

pub struct Sources {
    registry: Registry,
    /// Every source's name, by id.
    names: std::collections::BTreeMap<String, String>,
    cache: AnswerCache<Cached>,
    policy: CachePolicy,
    metrics: Arc<Metrics>,
    /// May a fresh answer be served from the cache? Not while this instance cannot hear of
    /// changes other instances make (see [`Sources::trust_cache`]).
    trusted: std::sync::atomic::AtomicBool,
}

/// Which cached answers a change made: one person's (by a hash of their number: a
/// notification between instances carries no SSIN), at one source, of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedAnswer {
    pub person: String,
    pub source: String,
    pub kind: String,
}

impl ChangedAnswer {
    /// The answers of `subject` (a national register number) at `source` of `kind`.
    pub fn of(subject: &str, source: &str, kind: &str) -> ChangedAnswer {
        ChangedAnswer { person: person_hash(subject), source: source.to_owned(), kind: kind.to_owned() }
    }

    /// As a notification's text: `<person>:<source>:<kind>`.
    pub fn encode(&self) -> String {
        format!("{}:{}:{}", self.person, self.source, self.kind)
    }

    pub fn decode(text: &str) -> Option<ChangedAnswer> {
        let mut parts = text.splitn(3, ':');
        let (person, source, kind) = (parts.next()?, parts.next()?, parts.next()?);
        Some(ChangedAnswer { person: person.to_owned(), source: source.to_owned(), kind: kind.to_owned() })
    }
}

/// A person's number as a notification names it (SHA-256, hex).
fn person_hash(subject: &str) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(subject.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

impl Sources {
    /// Every configured source (each registers the kinds it is configured to serve).
    pub fn new(
        connectors: Vec<Arc<dyn Connector>>,
        cache: CachePolicy,
        metrics: Arc<Metrics>,
    ) -> Result<Sources, ConnectorError> {
        let mut registry = Registry::default();
        let mut names = std::collections::BTreeMap::new();
        for connector in connectors {
            names.insert(connector.id().to_owned(), connector.name().to_owned());
            connector.register(&mut registry)?;
        }
        let answers = AnswerCache::new(cache.fresh, cache.keep, cache.capacity);
        let trusted = std::sync::atomic::AtomicBool::new(true);
        Ok(Sources { registry, names, cache: answers, policy: cache, metrics, trusted })
    }

    /// Whether fresh answers may be served from the cache: several instances turn it off
    /// while they cannot hear of each other's changes (and on again once they do), so a
    /// change made through one is never hidden by another's cached answer.
    pub fn trust_cache(&self, on: bool) {
        self.trusted.store(on, std::sync::atomic::Ordering::Release);
    }

    fn trusted(&self) -> bool {
        self.trusted.load(std::sync::atomic::Ordering::Acquire)
    }

    /// Forgets the cached answers a change made elsewhere (another instance) touched.
    pub fn forget(&self, changed: &ChangedAnswer) {
        self.cache.remove_where(|(subject, source, kind)| {
            *source == changed.source && *kind == changed.kind && person_hash(subject) == changed.person
        });
    }

    /// Forgets every cached answer (a notification that cannot be read, a reconnection).
    pub fn forget_all(&self) {
        self.cache.remove_where(|_| true);
    }

    /// How long answers are kept.
    pub fn cache_policy(&self) -> CachePolicy {
        self.policy
    }

    /// A configured source's name ("Vitalink"), by its id.
    pub fn name_of(&self, id: &str) -> Option<&str> {
        self.names.get(id).map(String::as_str)
    }

    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// The kind `K` from every source that holds it, at once.
    pub async fn read<K: Kind>(&self, proof: &Authorized<Read<K>>) -> Answers<K::Item> {
        self.read_from(proof, None).await
    }

    /// When every source that serves `K` has a fresh answer about this person in the
    /// cache: when each was stored (the same stamp, the same answers). Copies nothing.
    pub fn fresh_stamp<K: Kind>(&self, proof: &Authorized<Read<K>>) -> Option<Vec<Instant>> {
        let kind = K::SCOPE.as_str();
        let subject = proof.subject().expose();
        self.registry
            .readers::<K>()
            .iter()
            .map(|reader| self.cache.fresh_since(&(subject.to_owned(), reader.id().to_owned(), kind)))
            .collect::<Option<Vec<Instant>>>()
            .filter(|_| self.trusted())
    }

    /// Counts a cache hit for every source of `K` (answers served from what the portal made
    /// of them: see [`Sources::fresh_stamp`]).
    pub fn note_cache_hits<K: Kind>(&self) {
        for reader in self.registry.readers::<K>() {
            self.metrics.cache_hit(reader.id(), K::SCOPE.as_str());
        }
    }

    /// Asks every source that serves `K` (or only the one named) at once; a slow source
    /// delays no other (each has its own deadline). A failing source's last good answer
    /// stands in, with its age.
    pub async fn read_from<K: Kind>(&self, proof: &Authorized<Read<K>>, only: Option<&str>) -> Answers<K::Item> {
        let kind = K::SCOPE.as_str();
        let asked = self.registry.readers::<K>().iter().filter(|c| only.is_none_or(|id| c.id() == id));
        futures::future::join_all(asked.map(|reader| async move {
            let key = (proof.subject().expose().to_owned(), reader.id().to_owned(), kind);
            let answer = |result, stale| SourceAnswer {
                source_id: reader.id().to_owned(),
                source_name: reader.name().to_owned(),
                result,
                stale,
            };
            let fresh = if self.trusted() { self.cache.fresh(&key) } else { None };
            if let Some(items) = fresh.and_then(|c| c.downcast_ref::<Vec<Item<K::Item>>>().cloned()) {
                self.metrics.cache_hit(reader.id(), kind);
                return answer(Ok(items), None);
            }
            match reader.read(proof).await {
                Ok(items) => {
                    self.cache.put(key, Arc::new(items.clone()));
                    answer(Ok(items), None)
                }
                Err(error) => {
                    let stale = self
                        .cache
                        .stale(&key)
                        .and_then(|(cached, age)| Some((cached.downcast_ref::<Vec<Item<K::Item>>>()?.clone(), age)));
                    match stale {
                        Some((items, age)) => {
                            self.metrics.stale_served(reader.id(), kind);
                            let stale = Stale { failure: error.failure(), age_minutes: age.as_secs() / 60 };
                            answer(Ok(items), Some(stale))
                        }
                        None => answer(Err(error.failure()), None),
                    }
                }
            }
        }))
        .await
    }

    /// One document from one source, by the id its list entry gave.
    pub async fn document(
        &self,
        proof: &Authorized<Read<Documents>>,
        source: &str,
        id: &str,
    ) -> Result<DocumentContent, ConnectorError> {
        let fetcher = self
            .registry
            .document_fetchers()
            .iter()
            .find(|f| f.id() == source)
            .ok_or_else(|| ConnectorError::Config("no such source for documents".into()))?;
        fetcher.document(proof, id).await
    }

    /// The sources that serve `K`, by id and name, in configuration order.
    pub fn readers<K: Kind>(&self) -> Vec<(String, String)> {
        self.registry.readers::<K>().iter().map(|r| (r.id().to_owned(), r.name().to_owned())).collect()
    }

    /// The sources that take changes of `K`, by id and name, in configuration order.
    pub fn writers<K: Changeable>(&self) -> Vec<(String, String)> {
        self.registry.writers::<K>().iter().map(|w| (w.id().to_owned(), w.name().to_owned())).collect()
    }

    /// Searches every directory at once (not cached: a directory is not the citizen's record).
    pub async fn search_directory(
        &self,
        proof: &Authorized<Read<Exclusions>>,
        query: &DirectoryQuery,
    ) -> Vec<SourceAnswer<Vec<DirectoryEntry>>> {
        futures::future::join_all(self.registry.directories().iter().map(|directory| async move {
            SourceAnswer {
                source_id: directory.id().to_owned(),
                source_name: directory.name().to_owned(),
                result: directory.search(proof, query).await.map_err(|e| e.failure()),
                stale: None,
            }
        }))
        .await
    }

    /// Makes a change at one source. Not retried. The cached answer of that kind is
    /// dropped whatever the outcome (a change that timed out may still have been made), so
    /// the next read shows the source's state, never an answer from before the change; the
    /// caller tells the other instances ([`ChangedAnswer`]).
    pub async fn change<K: Changeable>(
        &self,
        proof: &Authorized<Change<K>>,
        source: &str,
        change: &K::Change,
    ) -> Result<(), ConnectorError> {
        let writer = self
            .registry
            .writers::<K>()
            .iter()
            .find(|w| w.id() == source)
            .ok_or_else(|| ConnectorError::Config("no such source for this kind of data".into()))?;
        let result = writer.change(proof, change).await;
        self.cache.remove(&(proof.subject().expose().to_owned(), writer.id().to_owned(), K::SCOPE.as_str()));
        result
    }
}
