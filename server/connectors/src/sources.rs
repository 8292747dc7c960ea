//! All configured sources behind one call per kind of data: fan-out with a deadline per
//! source, the answer cache, stale answers with their age.

use std::sync::Arc;
use std::time::Duration;

use carnet_core::policy::Authorized;
use carnet_core::source::{SourceAnswer, Stale};
use carnet_core::vaccination::{Item, Vaccination};

use crate::cache::AnswerCache;
use crate::fhir::FhirClient;
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

pub struct Sources {
    vaults: Vec<FhirClient>,
    vaccinations: AnswerCache<Vec<Item<Vaccination>>>,
    metrics: Arc<Metrics>,
}

impl Sources {
    pub fn new(vaults: Vec<FhirClient>, cache: CachePolicy, metrics: Arc<Metrics>) -> Sources {
        Sources { vaults, vaccinations: AnswerCache::new(cache.fresh, cache.keep, cache.capacity), metrics }
    }

    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// The ids of the sources that serve vaccinations.
    pub fn vaccination_sources(&self) -> Vec<&str> {
        self.vaults.iter().map(FhirClient::id).collect()
    }

    /// Vaccinations from every source at once; a slow source delays no other.
    pub async fn vaccinations(&self, proof: &Authorized) -> Vec<SourceAnswer<Vec<Item<Vaccination>>>> {
        futures::future::join_all(self.vaults.iter().map(|vault| async move {
            let key = (proof.subject().expose().to_owned(), vault.id().to_owned(), "vaccinations");
            let source_name = vault.name().to_owned();
            if let Some(items) = self.vaccinations.fresh(&key) {
                self.metrics.cache_hit(vault.id(), "vaccinations");
                return SourceAnswer { source_name, result: Ok(items), stale: None };
            }
            match vault.vaccinations(proof).await {
                Ok(items) => {
                    self.vaccinations.put(key, items.clone());
                    SourceAnswer { source_name, result: Ok(items), stale: None }
                }
                Err(error) => match self.vaccinations.stale(&key) {
                    Some((items, age)) => {
                        self.metrics.stale_served(vault.id(), "vaccinations");
                        let stale = Stale { failure: error.failure(), age_minutes: age.as_secs() / 60 };
                        SourceAnswer { source_name, result: Ok(items), stale: Some(stale) }
                    }
                    None => SourceAnswer { source_name, result: Err(error.failure()), stale: None },
                },
            }
        }))
        .await
    }
}
