//! The dashboard tile of the documents: the newest few, with a link to the list.

use crate::components::format::{date_or_unknown, document_title, party};
use carnet_core::kind::Reading;
use leptos::prelude::*;

use crate::components::items::{TILE_ROWS, flatten, newest_first, unreadable_note};
use crate::i18n::Lang;

pub fn tile(lang: Lang, reading: Reading<carnet_core::document::Documents>) -> impl IntoView {
    let answers = &reading.answers;
    let (mut rows, unreadable) = flatten(answers);
    let total = rows.len();
    newest_first(&mut rows, |d| d.date);
    let rows: Vec<_> = rows.into_iter().take(TILE_ROWS).collect();
    view! {
        {(total == 0).then(|| view! { <p>{lang.t("documents-none")}</p> })}
        <ul class="tile-list">
            {rows.into_iter().map(|(source, d)| {
                let from = d.institution.clone().or_else(|| d.author.as_ref().map(|a| party(lang, a))).unwrap_or_default();
                view! {
                    <li>
                        {document_link(lang, &d)}
                        <span class="meta">{date_or_unknown(lang, d.date)}" · "{from}" · "{source}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
        {unreadable_note(lang, unreadable)}
        <p class="tile-more"><a href="/documents">{lang.t_args("documents-all", &[("count", total.into())])}</a></p>
    }
}

/// A listed document's title as a link to it; a document whose content the grant does not
/// cover is listed, not opened: its title with "not shared with you", no link.
pub fn document_link(lang: Lang, d: &carnet_core::document::DocumentEntry) -> AnyView {
    if d.withheld {
        view! { {document_title(lang, d)}" "<span class="badge">{lang.t("documents-not-shared")}</span> }.into_any()
    } else {
        view! { <a href=format!("/documents/{}", d.id)>{document_title(lang, d)}</a> }.into_any()
    }
}
