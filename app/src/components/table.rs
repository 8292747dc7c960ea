//! Pieces the record pages' tables share.

use leptos::prelude::*;

use crate::i18n::Lang;

/// A table's head row: one column header per message id.
pub fn column_heads(lang: Lang, ids: &[&str]) -> impl IntoView + use<> {
    let heads: Vec<String> = ids.iter().map(|id| lang.t(id)).collect();
    view! {
        <thead>
            <tr>{heads.into_iter().map(|head| view! { <th scope="col">{head}</th> }).collect_view()}</tr>
        </thead>
    }
}
