//! Allergies and intolerances from every source, and the latest health summary (SumEHR).

pub mod sections;
mod tile;
pub use tile::{allergy_kind, tile};

use carnet_core::allergy::Allergies;
use carnet_core::allergy::{Allergy, Criticality};
use carnet_core::item::merge_same;
use carnet_core::kind::Reading;
use carnet_core::sumehr::{SumEhr, SumEhrs};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{once, read};
use crate::components::format::{concept, date_or_unknown, party_opt};
use crate::components::items::{flatten, unreadable_note};
use crate::components::problem_notice::ProblemNotice;
use crate::components::source_states::SourceStates;
use crate::components::table::column_heads;
use crate::components::term::term;
use crate::context::use_lang;
use crate::i18n::Lang;
use crate::summary::sections::SumEhrSections;

#[component]
pub fn SummaryPage() -> impl IntoView {
    let lang = use_lang();
    let allergies = once(read::<Allergies>());
    let sumehr = once(read::<SumEhrs>());
    view! {
        <Title text=lang.t("summary-title")/>
        <h1>{lang.t("summary-title")}</h1>
        <p>{lang.t("summary-intro")}" "{term(lang, "health-summary")}</p>
        <section aria-labelledby="allergies-heading">
            <h2 id="allergies-heading">{lang.t("allergies-title")}</h2>
            <p class="help">{lang.t("allergies-help")}" "{term(lang, "allergy")}" · "{term(lang, "intolerance")}" · "{term(lang, "criticality")}</p>
            <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
                {move || { let allergies = allergies.clone(); Suspend::new(async move {
                    match allergies.await {
                        Ok(Reading { answers, .. }) => {
                            let states: Vec<_> = answers.iter().map(|a| a.state()).collect();
                            let (rows, unreadable) = flatten(&answers);
                            view! { <SourceStates states problems_only=true/> {allergy_table(lang, rows)} {unreadable_note(lang, unreadable)} }.into_any()
                        }
                        Err(error) => view! { <ProblemNotice error/> }.into_any(),
                    }
                })}}
            </Suspense>
        </section>
        <section aria-labelledby="sumehr-heading">
            <h2 id="sumehr-heading">{lang.t("summary-sumehr-title")}</h2>
            <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
                {move || { let sumehr = sumehr.clone(); Suspend::new(async move {
                    match sumehr.await {
                        Ok(Reading { answers, .. }) => {
                            let states: Vec<_> = answers.iter().map(|a| a.state()).collect();
                            let (rows, unreadable) = flatten(&answers);
                            // The newest summary of any source.
                            let latest: Option<(String, SumEhr)> = rows.into_iter().max_by_key(|(_, s)| s.date);
                            view! {
                                <SourceStates states problems_only=true/>
                                {unreadable_note(lang, unreadable)}
                                {match latest {
                                    Some((source, sumehr)) => view! {
                                        <p class="meta">{lang.t_args("summary-sumehr-from", &[("source", source.into())])}</p>
                                        <div class="sumehr"><SumEhrSections sumehr/></div>
                                    }.into_any(),
                                    None => view! { <p>{lang.t("summary-sumehr-none")}</p> }.into_any(),
                                }}
                            }.into_any()
                        }
                        Err(error) => view! { <ProblemNotice error/> }.into_any(),
                    }
                })}}
            </Suspense>
        </section>
    }
}

pub(crate) fn criticality(lang: Lang, c: &Criticality) -> String {
    match c {
        Criticality::High => lang.t("allergy-criticality-high"),
        Criticality::Low => lang.t("allergy-criticality-low"),
        Criticality::UnableToAssess | Criticality::Unknown => lang.t("allergy-criticality-unknown"),
        Criticality::Other(raw) => raw.clone(),
    }
}

fn allergy_table(lang: Lang, rows: Vec<(String, Allergy)>) -> impl IntoView {
    let columns = column_heads(
        lang,
        &[
            "allergies-col-what",
            "allergies-col-kind",
            "allergies-col-criticality",
            "allergies-col-reaction",
            "allergies-col-recorded",
            "vaccination-col-source",
        ],
    );
    if rows.is_empty() {
        return view! { <p>{lang.t("allergies-none-recorded")}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table class="stack">
                <caption class="visually-hidden">{lang.t("allergies-title")}</caption>
                {columns.head()}
                <tbody>
                    // The same allergy at two sources is one row, "also recorded at …".
                    {merge_same(rows, Allergy::same_as).into_iter().map(|merged| {
                        let (source, a) = (merged.source, merged.item);
                        let also = (!merged.also_at.is_empty())
                            .then(|| lang.t_args("also-recorded-at", &[("sources", merged.also_at.join(", ").into())]));
                        let what = match &a.no_known {
                            Some(_) => lang.t("allergies-none-known"),
                            None => concept(lang, &a.substance, a.substance_text.as_deref()),
                        };
                        let reactions = a.reactions.iter().map(|r| concept(lang, &r.manifestation, r.text.as_deref())).filter(|t| !t.is_empty()).collect::<Vec<_>>().join(", ");
                        let high = a.criticality == Criticality::High;
                        view! {
                            <tr class=if high { "row--warning" } else { "" }>
                                <td data-label=columns.label(0)><strong>{what}</strong>{a.note.clone().map(|n| view! { <span class="detail">{n}</span> })}</td>
                                <td data-label=columns.label(1)>{allergy_kind(lang, &a)}</td>
                                <td data-label=columns.label(2)>{criticality(lang, &a.criticality)}</td>
                                <td data-label=columns.label(3)>{reactions}</td>
                                <td data-label=columns.label(4)>{date_or_unknown(lang, a.recorded.or(a.onset))}" "<span class="detail">{party_opt(lang, a.recorder.as_ref())}</span></td>
                                <td data-label=columns.label(5)>{source}{also.map(|a| view! { " "<span class="detail">{a}</span> })}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }.into_any()
}
