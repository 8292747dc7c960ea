//! Pieces the record pages' tables share.
//!
//! On a narrow screen (a phone), a table of class `stack` shows each row as a block, one
//! line per cell with its column's name before it (the cell's `data-label`, see
//! `style/main.css`), instead of squeezing every column until words break letter by letter.
//! The markup stays a table, so assistive technology still reads rows and columns.

use leptos::prelude::*;

use crate::i18n::Lang;

/// A table's columns, by message id: the head row, and each column's name for its cells.
#[derive(Debug, Clone)]
pub struct Columns {
    names: Vec<String>,
}

/// The columns of a table: one column header per message id.
pub fn column_heads(lang: Lang, ids: &[&str]) -> Columns {
    Columns { names: ids.iter().map(|id| lang.t(id)).collect() }
}

impl Columns {
    /// The head row.
    pub fn head(&self) -> impl IntoView + use<> {
        let names = self.names.clone();
        view! {
            <thead>
                <tr>{names.into_iter().map(|name| view! { <th scope="col">{name}</th> }).collect_view()}</tr>
            </thead>
        }
    }

    /// The name of column `i` (from 0), for a cell's `data-label`.
    pub fn label(&self, i: usize) -> String {
        self.names.get(i).cloned().unwrap_or_default()
    }
}
