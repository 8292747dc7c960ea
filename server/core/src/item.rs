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

/// One record as shown: its first source's copy, and the other sources that hold the
/// same record ("also recorded at CoZo").
#[derive(Debug, Clone, PartialEq)]
pub struct Merged<T> {
    pub source: String,
    pub item: T,
    pub also_at: Vec<String>,
}

/// The same record from several sources, once: `rows` (source name, item) in order, each
/// kept the first time and later copies that `same` says are the same record added to
/// its `also_at`.
pub fn merge_same<T>(rows: Vec<(String, T)>, same: impl Fn(&T, &T) -> bool) -> Vec<Merged<T>> {
    let mut out: Vec<Merged<T>> = Vec::new();
    for (source, item) in rows {
        match out.iter_mut().find(|m| same(&m.item, &item)) {
            Some(known) => {
                if known.source != source && !known.also_at.contains(&source) {
                    known.also_at.push(source);
                }
            }
            None => out.push(Merged { source, item, also_at: Vec::new() }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_record_at_two_sources_is_kept_once_with_where_else_it_is() {
        let rows =
            vec![("Vitalink".to_owned(), 1), ("CoZo".to_owned(), 1), ("CoZo".to_owned(), 2), ("RSB".to_owned(), 1)];
        let merged = merge_same(rows, |a, b| a == b);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged.first().map(|m| m.also_at.clone()), Some(vec!["CoZo".to_owned(), "RSB".to_owned()]));
        assert_eq!(merged.get(1).map(|m| (m.source.as_str(), m.item)), Some(("CoZo", 2)));
    }
}
