//! The dashboard tile of the medication: what is taken today.

use crate::api::today;
use crate::medication::lines::{active_today, dosage_summary, medicine_name};
use carnet_core::kind::Reading;
use leptos::prelude::*;

use crate::components::items::{flatten, unreadable_note};
use crate::i18n::Lang;

pub fn tile(lang: Lang, reading: Reading<carnet_core::medication::Medications>) -> impl IntoView {
    let answers = &reading.answers;
    let (rows, unreadable) = flatten(answers);
    let day = today();
    let mut current: Vec<_> = rows.into_iter().filter(|(_, line)| active_today(line, day)).collect();
    current.sort_by_key(|(_, l)| medicine_name(lang, l).to_lowercase());
    let count = current.len();
    view! {
        <p>{lang.t_args("medication-today-count", &[("count", count.into())])}</p>
        <ul class="tile-list">
            {current.into_iter().take(8).map(|(_, line)| view! {
                <li>
                    <strong>{medicine_name(lang, &line)}</strong>
                    <span class="meta">{dosage_summary(lang, &line)}</span>
                </li>
            }).collect_view()}
        </ul>
        {unreadable_note(lang, unreadable)}
        <p class="tile-more"><a href="/medication">{lang.t("medication-see-schedule")}</a></p>
    }
}
