//! The dashboard tile of the access log: the latest accesses.

use crate::components::format::date_or_unknown;
use crate::components::term::term;
use carnet_core::kind::Reading;
use leptos::prelude::*;

use crate::components::format::concept;
use crate::components::format::party;
use crate::components::items::{TILE_ROWS, flatten, unreadable_note};
use crate::i18n::Lang;

pub fn tile(lang: Lang, reading: Reading<carnet_core::access_event::AccessEvents>) -> impl IntoView {
    let answers = &reading.answers;
    let (mut rows, unreadable) = flatten(answers);
    rows.sort_by(|a, b| b.1.at.cmp(&a.1.at).then(b.1.date.cmp(&a.1.date)));
    let total = rows.len();
    view! {
        {(total == 0).then(|| view! { <p>{lang.t("access-none")}</p> })}
        <ul class="tile-list">
            {rows.into_iter().take(TILE_ROWS).map(|(source, e)| {
                let who = e.who.first().map(|p| party(lang, p)).or(e.institution.clone()).unwrap_or_else(|| lang.t("access-someone"));
                let what = concept(lang, &e.event, e.what.first().map(String::as_str));
                let meta = [date_or_unknown(lang, e.date), what, source].into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ");
                view! {
                    <li>
                        <strong>{who}</strong>
                        <span class="meta">{meta}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
        {unreadable_note(lang, unreadable)}
        <p class="tile-more"><a href="/access-log">{lang.t("access-see-log")}</a>" "{term(lang, "access-log")}</p>
    }
}
