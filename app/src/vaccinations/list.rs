//! The vaccinations from every source, in one table, with each source's state.

use carnet_core::source_answer::SourceAnswer;
use carnet_core::vaccination::{Item, Occurrence, Vaccination, VaccinationStatus};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::format::{concept, party_opt};
use crate::components::source_states::SourceStates;
use crate::components::table::{Columns, column_heads};
use crate::context::use_lang;
use crate::i18n::Lang;

/// One row of the table.
#[derive(Debug, Clone)]
struct Row {
    source: String,
    item: Item<Vaccination>,
    /// The other sources that hold the same vaccination.
    also_at: Vec<String>,
}

impl Row {
    fn sort_key(&self) -> Option<carnet_core::date::PartialDate> {
        match &self.item {
            Item::Read(v) => v.occurrence.date(),
            Item::Unreadable { .. } => None,
        }
    }
}

#[component]
pub fn VaccinationList(answers: Vec<SourceAnswer<Vec<Item<Vaccination>>>>) -> impl IntoView {
    let lang = use_lang();
    // The order button submits `?order=oldest` (or `newest`): the server sorts.
    let oldest_first = use_query_map().with_untracked(|q| q.get("order").as_deref() == Some("oldest"));

    let states: Vec<_> = answers.iter().map(|a| a.state()).collect();
    // The same vaccination at two sources is one row, "also recorded at …".
    let mut rows: Vec<Row> = Vec::new();
    for answer in answers {
        let Ok(items) = answer.result else { continue };
        for item in items {
            if let Item::Read(v) = &item
                && let Some(known) = rows.iter_mut().find(|r| matches!(&r.item, Item::Read(k) if k.same_as(v)))
            {
                if !known.also_at.contains(&answer.source_name) && known.source != answer.source_name {
                    known.also_at.push(answer.source_name.clone());
                }
                continue;
            }
            rows.push(Row { source: answer.source_name.clone(), item, also_at: Vec::new() });
        }
    }
    let count = rows.iter().filter(|r| matches!(r.item, Item::Read(_))).count();
    let empty = rows.is_empty();
    let sorted = {
        let mut rows = rows;
        // Undated and unreadable items go last, whatever the order.
        rows.sort_by(|a, b| match (a.sort_key(), b.sort_key()) {
            (Some(x), Some(y)) if oldest_first => x.cmp(&y),
            (Some(x), Some(y)) => y.cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        rows
    };

    let columns = column_heads(
        lang,
        &[
            "vaccination-col-date",
            "vaccination-col-vaccine",
            "vaccination-col-dose",
            "vaccination-col-performer",
            "vaccination-col-source",
        ],
    );
    view! {
        <section class="card" aria-labelledby="vaccinations-history">
            <h2 id="vaccinations-history">{lang.t("vaccinations-history")}</h2>
            <SourceStates states/>
            <p class="count">{lang.t_args("vaccinations-count", &[("count", count.into())])}</p>
            <form method="get" action="/vaccinations" class="sort-form">
                <input type="hidden" name="order" value=if oldest_first { "newest" } else { "oldest" }/>
                <button type="submit" class="button button--secondary" id="vaccinations-sort">
                    {if oldest_first { lang.t("vaccinations-sort-newest") } else { lang.t("vaccinations-sort-oldest") }}
                </button>
                <span class="visually-hidden" role="status">
                    {if oldest_first { lang.t("vaccinations-sorted-oldest") } else { lang.t("vaccinations-sorted-newest") }}
                </span>
            </form>
            {(count == 0 && empty).then(|| view! { <p>{lang.t("vaccinations-none")}</p> })}
            <div class="table-wrap">
                <table class="vaccinations stack">
                    <caption class="visually-hidden">{lang.t("vaccinations-title")}</caption>
                    {columns.head()}
                    <tbody>
                        {sorted.into_iter().map(|row| view_row(lang, &columns, row)).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn view_row(lang: Lang, columns: &Columns, row: Row) -> AnyView {
    match row.item {
        Item::Read(v) => {
            let status = match &v.status {
                VaccinationStatus::Completed => None,
                VaccinationStatus::NotDone => Some(lang.t("vaccination-status-not-done")),
                VaccinationStatus::EnteredInError => Some(lang.t("vaccination-status-entered-in-error")),
                VaccinationStatus::Other(s) => {
                    Some(lang.t_args("vaccination-status-other", &[("status", s.clone().into())]))
                }
            };
            let reason = v.status_reason.as_ref().map(|c| {
                let text = crate::components::format::concept(lang, std::slice::from_ref(c), None);
                lang.t_args("vaccination-reason", &[("reason", text.into())])
            });
            let class = if v.status == VaccinationStatus::Completed { "" } else { "vaccination--not-given" };
            view! {
                <tr class=class>
                    <td data-label=columns.label(0)>{occurrence_text(lang, &v.occurrence)}</td>
                    <td data-label=columns.label(1)>
                        <span class="vaccine-name">{vaccine_name(lang, &v)}</span>
                        {status.map(|s| view! { <span class="badge">{s}</span> })}
                        {reason.map(|r| view! { <span class="detail">{r}</span> })}
                        {v.lot_number.clone().map(|lot| view! { <span class="detail">{lang.t_args("vaccination-lot", &[("lot", lot.into())])}</span> })}
                    </td>
                    <td data-label=columns.label(2)>{dose_text(lang, &v)}</td>
                    <td data-label=columns.label(3)>{party_opt(lang, v.performer.as_ref())}</td>
                    <td data-label=columns.label(4)>
                        {row.source}
                        {(!row.also_at.is_empty()).then(|| view! {
                            <span class="detail">{lang.t_args("also-recorded-at", &[("sources", row.also_at.join(", ").into())])}</span>
                        })}
                    </td>
                </tr>
            }
            .into_any()
        }
        Item::Unreadable { .. } => view! {
            <tr class="unreadable">
                <td data-label=columns.label(0)>{lang.t("date-unknown")}</td>
                <td data-label=columns.label(1) colspan="3">
                    <strong>{lang.t("vaccination-unreadable")}</strong>
                    " "
                    <span class="detail">{lang.t("vaccination-unreadable-detail")}</span>
                </td>
                <td data-label=columns.label(4)>{row.source}</td>
            </tr>
        }
        .into_any(),
    }
}

pub(crate) fn occurrence_text(lang: Lang, occurrence: &Occurrence) -> String {
    match occurrence {
        Occurrence::Date(date) => lang.date(*date),
        Occurrence::Text(text) => text.clone(),
        Occurrence::Unknown => lang.t("date-unknown"),
    }
}

/// The vaccine's name: Carnet's own name for a known SNOMED CT code in the page's
/// language, else the source's display text, else its free text, else the product's
/// name (KMEHR), else the raw code.
pub fn vaccine_name(lang: Lang, v: &Vaccination) -> String {
    let text = v.vaccine_text.clone().or_else(|| v.product.as_ref().and_then(|p| p.display.clone()));
    concept(lang, &v.vaccine, text.as_deref())
}

pub(crate) fn dose_text(lang: Lang, v: &Vaccination) -> String {
    if let Some(number) = &v.dose_number {
        return lang.t_args("vaccination-dose-number", &[("number", number.clone().into())]);
    }
    match &v.dose_quantity {
        Some(q) => match &q.unit {
            Some(unit) => format!("{} {unit}", lang.decimal(q.value)),
            None => lang.decimal(q.value),
        },
        None => String::new(),
    }
}
