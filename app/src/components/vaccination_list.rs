//! The vaccinations from every source, in one table, with each source's state.

use carnet_core::coding::Coding;
use carnet_core::source::SourceAnswer;
use carnet_core::vaccination::{Item, Occurrence, Performer, Vaccination, VaccinationStatus};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::context::use_lang;
use crate::i18n::Lang;

/// One row of the table.
#[derive(Debug, Clone)]
struct Row {
    source: String,
    item: Item<Vaccination>,
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
    // Without JavaScript the order button submits `?order=oldest`; with it, it re-sorts in place.
    let initial_oldest = use_query_map().with_untracked(|q| q.get("order").as_deref() == Some("oldest"));
    let oldest_first = RwSignal::new(initial_oldest);

    let mut rows = Vec::new();
    let mut states = Vec::new();
    for answer in answers {
        let name = answer.source_name;
        match answer.result {
            Ok(items) => {
                rows.extend(items.into_iter().map(|item| Row { source: name.clone(), item }));
                match answer.stale {
                    None => states.push(source_state(lang, "source-state source-state--ok", false, "source-state-ok", &name, None)),
                    Some(stale) => states.push(source_state(
                        lang,
                        "source-state source-state--stale",
                        true,
                        "source-stale",
                        &name,
                        Some(stale.age_minutes),
                    )),
                }
            }
            Err(failure) => {
                states.push(source_state(lang, "source-state source-state--failed", true, failure.message_id(), &name, None))
            }
        }
    }
    let count = rows.iter().filter(|r| matches!(r.item, Item::Read(_))).count();
    let rows = StoredValue::new(rows);
    let sorted = move || {
        let mut rows = rows.get_value();
        // Undated and unreadable items go last, whatever the order.
        rows.sort_by(|a, b| match (a.sort_key(), b.sort_key()) {
            (Some(x), Some(y)) if oldest_first.get() => x.cmp(&y),
            (Some(x), Some(y)) => y.cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        rows
    };

    view! {
        <section class="card" aria-labelledby="vaccinations-heading">
            <h2 id="vaccinations-heading">{lang.t("vaccinations-title")}</h2>
            <ul class="source-states">
                {states.into_iter().map(|(class, alert, text)| view! {
                    <li class=class role=alert.then_some("alert")>{text}</li>
                }).collect_view()}
            </ul>
            <p class="count">{lang.t_args("vaccinations-count", &[("count", count.into())])}</p>
            <form method="get" action="/dashboard" class="sort-form">
                <input type="hidden" name="order" value=move || if oldest_first.get() { "newest" } else { "oldest" }/>
                <button
                    type="submit"
                    class="button button--secondary"
                    id="vaccinations-sort"
                    on:click=move |ev| {
                        ev.prevent_default();
                        oldest_first.update(|o| *o = !*o);
                    }
                >
                    {move || if oldest_first.get() { lang.t("vaccinations-sort-newest") } else { lang.t("vaccinations-sort-oldest") }}
                </button>
                <span class="visually-hidden" role="status">
                    {move || if oldest_first.get() { lang.t("vaccinations-sorted-oldest") } else { lang.t("vaccinations-sorted-newest") }}
                </span>
            </form>
            {(count == 0 && rows.with_value(|r| r.is_empty())).then(|| view! { <p>{lang.t("vaccinations-none")}</p> })}
            <div class="table-wrap">
                <table class="vaccinations">
                    <caption class="visually-hidden">{lang.t("vaccinations-title")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{lang.t("vaccination-col-date")}</th>
                            <th scope="col">{lang.t("vaccination-col-vaccine")}</th>
                            <th scope="col">{lang.t("vaccination-col-dose")}</th>
                            <th scope="col">{lang.t("vaccination-col-performer")}</th>
                            <th scope="col">{lang.t("vaccination-col-source")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || sorted().into_iter().map(|row| view_row(lang, row)).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// One line of the sources' states: its class, whether it is an alert, and its text.
fn source_state(
    lang: Lang,
    class: &'static str,
    alert: bool,
    message: &str,
    source: &str,
    minutes: Option<u64>,
) -> (&'static str, bool, String) {
    let mut args = vec![("source", source.to_owned().into())];
    if let Some(m) = minutes {
        args.push(("minutes", m.into()));
    }
    (class, alert, lang.t_args(message, &args))
}

fn view_row(lang: Lang, row: Row) -> AnyView {
    match row.item {
        Item::Read(v) => {
            let status = match &v.status {
                VaccinationStatus::Completed => None,
                VaccinationStatus::NotDone => Some(lang.t("vaccination-status-not-done")),
                VaccinationStatus::EnteredInError => Some(lang.t("vaccination-status-entered-in-error")),
                VaccinationStatus::Other(s) => Some(lang.t_args("vaccination-status-other", &[("status", s.clone().into())])),
            };
            let reason = v.status_reason.as_ref().map(|c| {
                let text = c.display.clone().or_else(|| c.code.clone()).unwrap_or_default();
                lang.t_args("vaccination-reason", &[("reason", text.into())])
            });
            let class = if v.status == VaccinationStatus::Completed { "" } else { "vaccination--not-given" };
            view! {
                <tr class=class>
                    <td>{occurrence_text(lang, &v.occurrence)}</td>
                    <td>
                        <span class="vaccine-name">{vaccine_name(lang, &v)}</span>
                        {status.map(|s| view! { <span class="badge">{s}</span> })}
                        {reason.map(|r| view! { <span class="detail">{r}</span> })}
                        {v.lot_number.clone().map(|lot| view! { <span class="detail">{lang.t_args("vaccination-lot", &[("lot", lot.into())])}</span> })}
                    </td>
                    <td>{dose_text(lang, &v)}</td>
                    <td>{performer_text(lang, v.performer.as_ref())}</td>
                    <td>{row.source}</td>
                </tr>
            }
            .into_any()
        }
        Item::Unreadable { .. } => view! {
            <tr class="unreadable">
                <td>{lang.t("date-unknown")}</td>
                <td colspan="3">
                    <strong>{lang.t("vaccination-unreadable")}</strong>
                    " "
                    <span class="detail">{lang.t("vaccination-unreadable-detail")}</span>
                </td>
                <td>{row.source}</td>
            </tr>
        }
        .into_any(),
    }
}

fn occurrence_text(lang: Lang, occurrence: &Occurrence) -> String {
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
    let known = v
        .vaccine
        .iter()
        .filter(|c| c.is_snomed())
        .find_map(|c| c.code.as_ref().and_then(|code| lang.try_t(&format!("vaccine-snomed-{code}"))));
    known
        .or_else(|| v.vaccine.iter().find_map(|c| c.display.clone()))
        .or_else(|| v.vaccine_text.clone())
        .or_else(|| v.product.as_ref().and_then(|p| p.display.clone()))
        .or_else(|| v.vaccine.first().map(|c| raw_code(lang, c)))
        .unwrap_or_default()
}

fn raw_code(lang: Lang, coding: &Coding) -> String {
    lang.t_args(
        "vaccination-unknown-code",
        &[("system", coding.system_label().to_owned().into()), ("code", coding.code.clone().unwrap_or_default().into())],
    )
}

fn dose_text(lang: Lang, v: &Vaccination) -> String {
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

fn performer_text(lang: Lang, performer: Option<&Performer>) -> String {
    match performer {
        Some(Performer::Named(name)) => name.clone(),
        Some(Performer::Nihdi(number)) => lang.t_args("performer-nihdi", &[("number", number.clone().into())]),
        Some(Performer::Person) => lang.t("performer-person"),
        Some(Performer::Other(text)) => text.clone(),
        None => String::new(),
    }
}
