//! The medication schedule: a day view (what to take today, by moment of the day) and a
//! week view (which day each line is taken), both with the lines' details: since when,
//! until when, who prescribed, stopped and suspended lines marked, and whether the source
//! records a prescription, a delivery or what the person takes.

pub mod lines;
mod tile;
pub use tile::tile;

use carnet_core::date::Day;
use carnet_core::kind::Reading;
use carnet_core::medication::Medications;
use carnet_core::medication::{LineStatus, MedicationLine, MedicationRecordKind};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{once, read, today};
use crate::components::format::{date_or_unknown, party_opt};
use crate::components::items::{flatten, unreadable_note};
use crate::components::problem_notice::ProblemNotice;
use crate::components::source_states::SourceStates;
use crate::components::table::column_heads;
use crate::components::term::term;
use crate::context::use_lang;
use crate::i18n::Lang;
use crate::medication::lines::{
    Slot, amount, dosage_summary, medicine_name, running_status, runs_on, scheduled_on, slots,
};

#[component]
pub fn MedicationPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map().get_untracked();
    let week = query.get("view").as_deref() == Some("week");
    let day = query.get("date").and_then(|d| Day::parse(&d)).unwrap_or_else(today);
    let medication = once(read::<Medications>());
    view! {
        <Title text=lang.t("medication-title")/>
        <h1>{lang.t("medication-title")}</h1>
        <p>{lang.t("medication-intro")}" "{term(lang, "medication-schedule")}" · "{term(lang, "dosage")}" · "{term(lang, "as-needed")}" · "{term(lang, "suspension")}</p>
        <nav class="view-switch" aria-label=lang.t("medication-views")>
            <a href=format!("/medication?view=day&date={day}") aria-current=(!week).then_some("page")>{lang.t("medication-day-view")}</a>
            <a href=format!("/medication?view=week&date={day}") aria-current=week.then_some("page")>{lang.t("medication-week-view")}</a>
        </nav>
        <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
            {move || { let medication = medication.clone(); Suspend::new(async move {
                match medication.await {
                    Ok(Reading { answers, .. }) => {
                        let states: Vec<_> = answers.iter().map(|a| a.state()).collect();
                        let (rows, unreadable) = flatten(&answers);
                        view! {
                            <SourceStates states problems_only=true/>
                            {unreadable_note(lang, unreadable)}
                            {if week { week_view(lang, &rows, day).into_any() } else { day_view(lang, &rows, day).into_any() }}
                            {all_lines(lang, rows, day)}
                        }.into_any()
                    }
                    Err(error) => view! { <ProblemNotice error/> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

fn day_nav(lang: Lang, day: Day, step: i64, view_name: &str) -> impl IntoView {
    let prev = day.plus_days(-step);
    let next = day.plus_days(step);
    view! {
        <p class="day-nav">
            <a href=format!("/medication?view={view_name}&date={prev}")>{lang.t("medication-previous")}</a>
            " · "
            <a href=format!("/medication?view={view_name}&date={}", today())>{lang.t("medication-today")}</a>
            " · "
            <a href=format!("/medication?view={view_name}&date={next}")>{lang.t("medication-next")}</a>
        </p>
    }
}

fn day_view(lang: Lang, rows: &[(String, MedicationLine)], day: Day) -> impl IntoView {
    // Per slot, in the day's order: (medicine, amount, suspended).
    let mut by_slot: std::collections::BTreeMap<Slot, Vec<(String, String, bool)>> = Default::default();
    for (line, status) in rows.iter().filter_map(|(_, l)| Some((l, running_status(l, day)?))) {
        let suspended = status == LineStatus::Suspended;
        for dosage in scheduled_on(line, day) {
            for slot in slots(dosage) {
                by_slot.entry(slot).or_default().push((medicine_name(lang, line), amount(lang, dosage), suspended));
            }
        }
        if line.dosage.is_empty() {
            by_slot.entry(Slot::AnyTime).or_default().push((
                medicine_name(lang, line),
                line.instructions.clone().unwrap_or_default(),
                suspended,
            ));
        }
    }
    let slot_rows: Vec<_> = by_slot.into_iter().collect();
    let as_needed: Vec<_> = rows
        .iter()
        .filter(|(_, l)| runs_on(l, day) && l.dosage.iter().any(|d| d.as_needed))
        .map(|(_, l)| medicine_name(lang, l))
        .collect();
    let title = lang.t_args("medication-day-title", &[("date", lang.date(day.into()).into())]);
    view! {
        <section aria-labelledby="medication-day">
            <h2 id="medication-day">{title}</h2>
            {day_nav(lang, day, 1, "day")}
            {slot_rows.is_empty().then(|| view! { <p>{lang.t("medication-nothing-today")}</p> })}
            {slot_rows.into_iter().map(|(slot, entries)| view! {
                <h3>{lang.t(slot.message_id())}</h3>
                <ul class="intakes">
                    {entries.into_iter().map(|(name, amount, suspended)| view! {
                        <li class=if suspended { "intake intake--suspended" } else { "intake" }>
                            <strong>{name}</strong>" "{amount}
                            {suspended.then(|| view! { " " <span class="badge badge--warning">{lang.t("medication-suspended")}</span> })}
                        </li>
                    }).collect_view()}
                </ul>
            }).collect_view()}
            {(!as_needed.is_empty()).then(|| view! {
                <h3>{lang.t("medication-as-needed")}</h3>
                <ul class="intakes">{as_needed.into_iter().map(|n| view! { <li><strong>{n}</strong></li> }).collect_view()}</ul>
            })}
        </section>
    }
}

fn week_view(lang: Lang, rows: &[(String, MedicationLine)], day: Day) -> impl IntoView {
    let monday = day.plus_days(-i64::from(day.weekday()));
    let days: Vec<Day> = (0..7).map(|i| monday.plus_days(i)).collect();
    let lines: Vec<&MedicationLine> =
        rows.iter().map(|(_, l)| l).filter(|l| days.iter().any(|d| runs_on(l, *d))).collect();
    let title = lang.t_args("medication-week-title", &[("date", lang.date(monday.into()).into())]);
    // Each day's name, for its column head and, on a phone, beside each of its cells.
    let day_names: Vec<(String, u8)> =
        days.iter().map(|d| (lang.t(&format!("weekday-{}", d.weekday())), d.day)).collect();
    view! {
        <section aria-labelledby="medication-week">
            <h2 id="medication-week">{title}</h2>
            {day_nav(lang, day, 7, "week")}
            {lines.is_empty().then(|| view! { <p>{lang.t("medication-nothing-week")}</p> })}
            {(!lines.is_empty()).then(|| view! {
                <div class="table-wrap">
                    <table class="week stack">
                        <caption class="visually-hidden">{lang.t("medication-week-view")}</caption>
                        <thead><tr>
                            <th scope="col">{lang.t("medication-col-medicine")}</th>
                            {day_names.iter().map(|(name, day)| view! { <th scope="col">{name.clone()}<br/><span class="detail">{*day}</span></th> }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {lines.into_iter().map(|line| {
                                view! {
                                    <tr>
                                        <th scope="row">{medicine_name(lang, line)}</th>
                                        {days.iter().zip(&day_names).map(|(d, (name, day))| {
                                            let cell = match running_status(line, *d) {
                                                None => String::new(),
                                                Some(LineStatus::Suspended) => lang.t("medication-suspended"),
                                                Some(_) => {
                                                    let moments: Vec<String> = scheduled_on(line, *d)
                                                        .flat_map(|x| slots(x).into_iter().map(move |s| format!("{} {}", lang.t(s.message_id()), amount(lang, x))))
                                                        .collect();
                                                    moments.join(", ")
                                                }
                                            };
                                            let label = format!("{name} {day}");
                                            let class = if cell.is_empty() { "empty" } else { "" };
                                            view! { <td data-label=label class=class>{cell}</td> }
                                        }).collect_view()}
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
        </section>
    }
}

fn kind_text(lang: Lang, kind: MedicationRecordKind) -> String {
    match kind {
        MedicationRecordKind::Prescribed => lang.t("medication-kind-prescribed"),
        MedicationRecordKind::Delivered => lang.t("medication-kind-delivered"),
        MedicationRecordKind::Taken => lang.t("medication-kind-taken"),
    }
}

fn status_text(lang: Lang, line: &MedicationLine, day: Day) -> Option<String> {
    match line.status_on(day) {
        LineStatus::Suspended => Some(lang.t("medication-suspended")),
        LineStatus::Stopped => Some(lang.t("medication-stopped")),
        // The source said so, or only its end date has passed.
        LineStatus::Completed if line.status == LineStatus::Completed => Some(lang.t("medication-completed")),
        LineStatus::Completed => Some(lang.t("medication-ended")),
        LineStatus::EnteredInError => Some(lang.t("medication-entered-in-error")),
        LineStatus::Other(raw) => Some(raw),
        LineStatus::Active | LineStatus::Unknown => None,
    }
}

/// Every line with its details.
fn all_lines(lang: Lang, mut rows: Vec<(String, MedicationLine)>, day: Day) -> impl IntoView {
    let columns = column_heads(
        lang,
        &[
            "medication-col-medicine",
            "medication-col-how",
            "medication-col-since",
            "medication-col-until",
            "medication-col-by",
            "medication-col-record",
            "vaccination-col-source",
        ],
    );
    rows.sort_by_key(|(_, l)| (!runs_on(l, day), medicine_name(lang, l).to_lowercase()));
    view! {
        <section aria-labelledby="medication-lines">
            <h2 id="medication-lines">{lang.t("medication-lines")}</h2>
            <div class="table-wrap">
                <table class="medication stack">
                    <caption class="visually-hidden">{lang.t("medication-lines")}</caption>
                    {columns.head()}
                    <tbody>
                        {rows.into_iter().map(|(source, line)| {
                            let status = status_text(lang, &line, day);
                            let prescriber = line.delivery.as_ref().and_then(|d| d.prescriber.as_ref()).or(line.author.as_ref());
                            let class = if status.is_some() { "line--inactive" } else { "" };
                            view! {
                                <tr class=class>
                                    <td data-label=columns.label(0)>
                                        <strong>{medicine_name(lang, &line)}</strong>
                                        {status.map(|s| view! { " " <span class="badge badge--warning">{s}</span> })}
                                        {line.reason.clone().map(|r| view! { <span class="detail">{r}</span> })}
                                    </td>
                                    <td data-label=columns.label(1)>{dosage_summary(lang, &line)}{line.instructions.clone().map(|i| view! { <span class="detail">{i}</span> })}</td>
                                    <td data-label=columns.label(2)>{date_or_unknown(lang, line.start)}</td>
                                    <td data-label=columns.label(3)>{match line.end { Some(end) => lang.date(end), None => line.end_condition.clone().unwrap_or_else(|| lang.t("medication-no-end")) }}</td>
                                    <td data-label=columns.label(4)>{party_opt(lang, prescriber)}</td>
                                    <td data-label=columns.label(5)>{kind_text(lang, line.kind)}</td>
                                    <td data-label=columns.label(6)>{source}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
