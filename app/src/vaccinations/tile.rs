//! The dashboard tile of the vaccinations: the schedule's state and the latest one.

use carnet_core::item::merge_same;

use crate::components::format::date_or_unknown;
use crate::vaccinations::schedule::ScheduleTile;
use carnet_core::kind::Reading;
use leptos::prelude::*;

use crate::components::items::{flatten, newest_first, unreadable_note};
use crate::i18n::Lang;

pub fn tile(lang: Lang, reading: Reading<carnet_core::vaccination::Vaccinations>) -> impl IntoView {
    let (answers, status) = (&reading.answers, reading.derived);
    let (rows, unreadable) = flatten(answers);
    // The same vaccination at two sources counts once.
    let mut rows: Vec<(String, carnet_core::vaccination::Vaccination)> =
        merge_same(rows, carnet_core::vaccination::Vaccination::same_as)
            .into_iter()
            .map(|m| (m.source, m.item))
            .collect();
    let total = rows.len();
    newest_first(&mut rows, |v| v.occurrence.date());
    let latest = rows.into_iter().next();
    view! {
        <ScheduleTile status/>
        <p>{lang.t_args("vaccinations-count", &[("count", total.into())])}</p>
        {latest.map(|(source, v)| view! {
            <p>
                {lang.t("vaccinations-latest")}" "
                <strong>{crate::vaccinations::list::vaccine_name(lang, &v)}</strong>
                <span class="meta">{date_or_unknown(lang, v.occurrence.date())}" · "{source}</span>
            </p>
        })}
        {unreadable_note(lang, unreadable)}
        <p class="tile-more"><a href="/vaccinations">{lang.t("vaccinations-see-all")}</a></p>
    }
}
