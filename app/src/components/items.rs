//! The items of a reading as pages and tiles list them: every readable item with its
//! source's name, the count of those that could not be read, newest first.

use carnet_core::date::PartialDate;
use carnet_core::item::Item;
use carnet_core::source_answer::Answers;
use leptos::prelude::*;

use crate::i18n::Lang;

/// How many entries a tile lists.
pub const TILE_ROWS: usize = 5;

/// Every readable item with its source's name, and how many items could not be read.
pub fn flatten<T: Clone>(answers: &Answers<T>) -> (Vec<(String, T)>, usize) {
    let mut read = Vec::new();
    let mut unreadable = 0;
    for answer in answers {
        if let Ok(items) = &answer.result {
            for item in items {
                match item {
                    Item::Read(value) => read.push((answer.source_name.clone(), value.clone())),
                    Item::Unreadable { .. } => unreadable += 1,
                }
            }
        }
    }
    (read, unreadable)
}

/// "2 items could not be read." next to the good ones.
pub fn unreadable_note(lang: Lang, count: usize) -> impl IntoView {
    (count > 0).then(|| {
        view! { <p class="unreadable-note">{lang.t_args("items-unreadable", &[("count", count.into())])}</p> }
    })
}

pub fn newest_first<T>(rows: &mut [(String, T)], date: impl Fn(&T) -> Option<PartialDate>) {
    rows.sort_by_key(|r| std::cmp::Reverse(date(&r.1)));
}
