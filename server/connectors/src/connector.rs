//! What a source can do, one trait per capability and kind: a [`Reader<K>`] reads the kind
//! `K` with a proof for exactly that kind, a [`Writer<K>`] changes it, a
//! [`DocumentFetcher`] fetches one document. A [`Connector`] (one configured hub or vault,
//! whatever its protocol) registers the readers and writers of the kinds it serves in a
//! [`Registry`]; [`crate::Sources`] asks them.

use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::Arc;

use carnet_core::document::{DocumentContent, Documents};
use carnet_core::exclusion::Exclusions;
use carnet_core::item::Item;
use carnet_core::kind::{Changeable, Kind};
use carnet_core::party::{DirectoryEntry, DirectoryQuery};
use carnet_core::policy::{Authorized, Change, Read};

use crate::error::ConnectorError;

/// A configured hub or vault, by its id (logs, metrics, audit) and its name (what people
/// see: "Vitalink").
pub trait Source: Send + Sync + std::fmt::Debug {
    fn id(&self) -> &str;
    fn name(&self) -> &str;
}

/// Reads one kind of data.
#[async_trait::async_trait]
pub trait Reader<K: Kind>: Source {
    async fn read(&self, proof: &Authorized<Read<K>>) -> Result<Vec<Item<K::Item>>, ConnectorError>;
}

/// Fetches one document, by the id its list entry gave.
#[async_trait::async_trait]
pub trait DocumentFetcher: Source {
    async fn document(&self, proof: &Authorized<Read<Documents>>, id: &str) -> Result<DocumentContent, ConnectorError>;
}

/// Makes a change the citizen asked for. Never retried.
#[async_trait::async_trait]
pub trait Writer<K: Changeable>: Source {
    async fn change(&self, proof: &Authorized<Change<K>>, change: &K::Change) -> Result<(), ConnectorError>;
}

/// Searches a directory of care providers (a hub's `GetHCParty`).
#[async_trait::async_trait]
pub trait Directory: Source {
    async fn search(
        &self,
        proof: &Authorized<Read<Exclusions>>,
        query: &DirectoryQuery,
    ) -> Result<Vec<DirectoryEntry>, ConnectorError>;
}

/// A hub or vault from the configuration.
pub trait Connector: Source {
    /// Registers a reader (and writer) for every kind this source is configured to serve;
    /// a kind its protocol cannot serve is a configuration error.
    fn register(self: Arc<Self>, registry: &mut Registry) -> Result<(), ConnectorError>;
}

/// Every source's readers and writers, by kind, in configuration order.
#[derive(Default)]
pub struct Registry {
    /// `TypeId` of `K` → `Vec<Arc<dyn Reader<K>>>`.
    readers: HashMap<TypeId, Box<dyn Any + Send + Sync>>,
    /// `TypeId` of `K` → `Vec<Arc<dyn Writer<K>>>`.
    writers: HashMap<TypeId, Box<dyn Any + Send + Sync>>,
    documents: Vec<Arc<dyn DocumentFetcher>>,
    directories: Vec<Arc<dyn Directory>>,
}

impl Registry {
    pub fn reader<K: Kind>(&mut self, reader: Arc<dyn Reader<K>>) {
        let list = self.readers.entry(TypeId::of::<K>()).or_insert_with(|| Box::new(Vec::<Arc<dyn Reader<K>>>::new()));
        if let Some(list) = list.downcast_mut::<Vec<Arc<dyn Reader<K>>>>() {
            list.push(reader);
        }
    }

    pub fn writer<K: Changeable>(&mut self, writer: Arc<dyn Writer<K>>) {
        let list = self.writers.entry(TypeId::of::<K>()).or_insert_with(|| Box::new(Vec::<Arc<dyn Writer<K>>>::new()));
        if let Some(list) = list.downcast_mut::<Vec<Arc<dyn Writer<K>>>>() {
            list.push(writer);
        }
    }

    pub fn documents(&mut self, fetcher: Arc<dyn DocumentFetcher>) {
        self.documents.push(fetcher);
    }

    pub fn directory(&mut self, directory: Arc<dyn Directory>) {
        self.directories.push(directory);
    }

    pub fn directories(&self) -> &[Arc<dyn Directory>] {
        &self.directories
    }

    pub fn readers<K: Kind>(&self) -> &[Arc<dyn Reader<K>>] {
        self.readers
            .get(&TypeId::of::<K>())
            .and_then(|l| l.downcast_ref::<Vec<Arc<dyn Reader<K>>>>())
            .map_or(&[], |l| l)
    }

    pub fn writers<K: Changeable>(&self) -> &[Arc<dyn Writer<K>>] {
        self.writers
            .get(&TypeId::of::<K>())
            .and_then(|l| l.downcast_ref::<Vec<Arc<dyn Writer<K>>>>())
            .map_or(&[], |l| l)
    }

    pub fn document_fetchers(&self) -> &[Arc<dyn DocumentFetcher>] {
        &self.documents
    }
}
