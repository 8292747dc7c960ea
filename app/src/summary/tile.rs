//! The dashboard tile of the allergies (the summary's page lists them with the SumEHRs).

use crate::components::format::concept;
use carnet_core::kind::Reading;
use leptos::prelude::*;

use crate::components::items::{TILE_ROWS, flatten, unreadable_note};
use crate::i18n::Lang;
use carnet_core::item::merge_same;

pub fn tile(lang: Lang, reading: Reading<carnet_core::allergy::Allergies>) -> impl IntoView {
    let answers = &reading.answers;
    let (rows, unreadable) = flatten(answers);
    let (none_known, named): (Vec<_>, Vec<_>) = rows.into_iter().partition(|(_, a)| a.no_known.is_some());
    let named = merge_same(named, carnet_core::allergy::Allergy::same_as);
    view! {
        {(named.is_empty() && !none_known.is_empty()).then(|| view! { <p>{lang.t("allergies-none-known")}</p> })}
        {(named.is_empty() && none_known.is_empty()).then(|| view! { <p>{lang.t("allergies-none-recorded")}</p> })}
        <ul class="tile-list">
            {named.into_iter().take(TILE_ROWS).map(|merged| {
                let a = merged.item;
                let high = a.criticality == carnet_core::allergy::Criticality::High;
                let also = (!merged.also_at.is_empty())
                    .then(|| format!(" · {}", lang.t_args("also-recorded-at", &[("sources", merged.also_at.join(", ").into())])));
                view! {
                    <li>
                        <strong>{concept(lang, &a.substance, a.substance_text.as_deref())}</strong>
                        {high.then(|| view! { " " <span class="badge badge--warning">{lang.t("allergy-criticality-high")}</span> })}
                        <span class="meta">{allergy_kind(lang, &a)}" · "{merged.source}{also}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
        {unreadable_note(lang, unreadable)}
        <p class="tile-more"><a href="/summary">{lang.t("summary-see")}</a></p>
    }
}

pub fn allergy_kind(lang: Lang, a: &carnet_core::allergy::Allergy) -> String {
    match a.kind {
        carnet_core::allergy::AllergyKind::Allergy => lang.t("allergy-kind-allergy"),
        carnet_core::allergy::AllergyKind::Intolerance => lang.t("allergy-kind-intolerance"),
        carnet_core::allergy::AllergyKind::Unknown => lang.t("allergy-kind-unknown"),
    }
}
