//! One entry of a source's answer: understood, or explicitly not.

use serde::{Deserialize, Serialize};

/// An item as read from a source: either understood, or explicitly not. A malformed item
/// never hides the others: it becomes `Unreadable` ("could not read this item").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Item<T> {
    Read(T),
    /// "Could not read this item": the source sent something Carnet cannot interpret.
    Unreadable {
        /// The item's id, if even that could be read.
        id: Option<String>,
        /// A technical reason, for diagnostics; no health data.
        reason: String,
    },
}

impl<T> Item<T> {
    pub fn read(&self) -> Option<&T> {
        match self {
            Item::Read(value) => Some(value),
            Item::Unreadable { .. } => None,
        }
    }

    pub fn is_unreadable(&self) -> bool {
        matches!(self, Item::Unreadable { .. })
    }
}
