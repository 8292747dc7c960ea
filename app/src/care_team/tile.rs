//! The dashboard tile of the care team.

use crate::components::format::party;
use carnet_core::kind::Reading;
use leptos::prelude::*;

use crate::api::today;
use crate::components::format::concept;
use crate::components::items::{TILE_ROWS, flatten, unreadable_note};
use crate::components::term::term;
use crate::i18n::Lang;

pub fn tile(lang: Lang, reading: Reading<carnet_core::relationship::Relationships>) -> impl IntoView {
    let answers = &reading.answers;
    let (mut rows, unreadable) = flatten(answers);
    rows.retain(|(_, l)| l.end.is_none_or(|end| end.latest() >= today()));
    // The same professional can be linked through several hubs: once is enough.
    let mut seen = std::collections::HashSet::new();
    rows.retain(|(_, l)| seen.insert(party(lang, &l.professional)));
    let count = rows.len();
    view! {
        <p>{lang.t_args("care-team-count", &[("count", count.into())])}" "{term(lang, "therapeutic-relationship")}" · "{term(lang, "care-team")}</p>
        <ul class="tile-list">
            {rows.into_iter().take(TILE_ROWS).map(|(source, l)| {
                let role = l.role.as_ref().map(|r| concept(lang, std::slice::from_ref(r), None)).unwrap_or_default();
                view! {
                    <li>
                        <strong>{party(lang, &l.professional)}</strong>
                        <span class="meta">{role}{l.institution.clone().map(|i| format!(" · {i}"))}" · "{source}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
        {unreadable_note(lang, unreadable)}
        <p class="tile-more"><a href="/care-team">{lang.t("care-team-tile-manage")}</a>" · "<a href="/exclusions">{lang.t("exclusions-tile-manage")}</a></p>
    }
}
