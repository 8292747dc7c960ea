//! Where the person stands against the Belgian basic vaccination schedule: the moments that
//! concern them (one injection often covers several diseases), and every disease with the
//! vaccinations that count against it. The counting is the core's
//! ([`carnet_core::vaccination::schedule`]); this only shows it.

use carnet_core::date::{Day, PartialDate};
use carnet_core::source_answer::Answers;
use carnet_core::vaccination::Vaccination;
use carnet_core::vaccination::schedule::{Age, AgeInWords, DiseaseStatus, DoseState, DoseStatus, ScheduleStatus};
use leptos::prelude::*;

use crate::components::format::date_or_unknown;
use crate::components::table::column_heads;
use crate::components::term::term;
use crate::i18n::Lang;
use crate::vaccinations::list::vaccine_name;

/// One moment of the schedule for this person: a dose given (or to give) at one age, for
/// every disease it covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Moment {
    pub diseases: Vec<String>,
    pub dose: DoseStatus,
}

/// The moments that concern the person (not the ones that do not apply), in order of
/// their date; doses of several diseases at the same moment, in the same state, are one.
pub fn moments(status: &ScheduleStatus) -> Vec<Moment> {
    let mut moments: Vec<Moment> = Vec::new();
    for disease in &status.diseases {
        for dose in disease.doses.iter().filter(|d| d.state != DoseState::NotApplicable) {
            match moments.iter_mut().find(|m| m.dose == *dose) {
                Some(moment) => moment.diseases.push(disease.id.clone()),
                None => moments.push(Moment { diseases: vec![disease.id.clone()], dose: dose.clone() }),
            }
        }
    }
    moments.sort_by_key(|m| m.dose.due_from);
    moments
}

/// How a disease stands as a whole: its most pressing dose.
fn disease_state(disease: &DiseaseStatus) -> Option<DoseState> {
    let has = |state| disease.doses.iter().any(|d| d.state == state);
    [DoseState::Overdue, DoseState::Due, DoseState::Done, DoseState::Later, DoseState::NotApplicable]
        .into_iter()
        .find(|s| has(*s))
}

pub fn age_text(lang: Lang, age: Age) -> String {
    match age.in_words() {
        AgeInWords::Weeks(n) => lang.t_args("age-weeks", &[("n", n.into())]),
        AgeInWords::Months(n) => lang.t_args("age-months", &[("n", n.into())]),
        AgeInWords::Years(n) => lang.t_args("age-years", &[("n", n.into())]),
    }
}

/// "Dose 2", or "Every 10 years" for a repeating one.
pub(crate) fn dose_text(lang: Lang, moment: &Moment) -> String {
    match moment.dose.repeat {
        Some(every) => lang.t_args("schedule-dose-every", &[("years", (every.months / 12).max(1).into())]),
        None => lang.t_args("schedule-dose", &[("number", moment.dose.number.into())]),
    }
}

/// "Given on …", "Due since …", "From …", "Next one from …".
pub(crate) fn when_text(lang: Lang, moment: &Moment) -> String {
    let date = |d: Day| lang.date(d.into());
    match (moment.dose.state, moment.dose.repeat, moment.dose.given_on) {
        (DoseState::Done, Some(_), Some(given)) => lang.t_args(
            "schedule-next-from",
            &[("date", date(moment.dose.due_from).into()), ("given", lang.date(given).into())],
        ),
        (DoseState::Done, _, given) => {
            lang.t_args("schedule-given-on", &[("date", date_or_unknown(lang, given).into())])
        }
        (DoseState::Due | DoseState::Overdue, ..) => {
            lang.t_args("schedule-due-since", &[("date", date(moment.dose.due_from).into())])
        }
        _ => lang.t_args("schedule-from", &[("date", date(moment.dose.due_from).into())]),
    }
}

fn badge_class(state: DoseState) -> &'static str {
    match state {
        DoseState::Overdue => "badge",
        DoseState::Due => "badge badge--warning",
        DoseState::Done => "badge badge--ok",
        DoseState::Later | DoseState::NotApplicable => "badge badge--neutral",
    }
}

fn badge(lang: Lang, state: DoseState) -> impl IntoView {
    view! { <span class=badge_class(state)>{lang.t(&format!("schedule-status-{}", state.id()))}</span> }
}

/// The diseases of a moment, as a list (the separators are the stylesheet's, not text).
fn disease_names(lang: Lang, diseases: &[String]) -> impl IntoView + use<> {
    let names: Vec<String> = diseases.iter().map(|d| lang.t(&format!("disease-{d}"))).collect();
    view! {
        <ul class="inline-list">
            {names.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}
        </ul>
    }
}

/// One sentence: how many doses are overdue and due, or that all is well.
fn summary(lang: Lang, status: &ScheduleStatus) -> impl IntoView {
    let moments = moments(status);
    let count = |state| moments.iter().filter(|m| m.dose.state == state).count();
    let (overdue, due) = (count(DoseState::Overdue), count(DoseState::Due));
    view! {
        <p class="schedule-summary">
            {(overdue > 0).then(|| view! { <span class="badge">{lang.t_args("schedule-summary-overdue", &[("count", overdue.into())])}</span>" " })}
            {(due > 0).then(|| view! { <span class="badge badge--warning">{lang.t_args("schedule-summary-due", &[("count", due.into())])}</span> })}
            {(overdue == 0 && due == 0).then(|| lang.t("schedule-summary-up-to-date"))}
        </p>
    }
}

/// The dashboard's part: the summary and what needs doing.
#[component]
pub fn ScheduleTile(status: Option<Box<ScheduleStatus>>) -> impl IntoView {
    let lang = crate::context::use_lang();
    let Some(status) = status else {
        return view! { <p>{lang.t("schedule-no-birth-date")}</p> }.into_any();
    };
    let mut pressing: Vec<Moment> =
        moments(&status).into_iter().filter(|m| matches!(m.dose.state, DoseState::Overdue | DoseState::Due)).collect();
    pressing.sort_by_key(|m| (m.dose.state != DoseState::Overdue, m.dose.due_from));
    view! {
        <p>{lang.t("schedule-tile-intro")}</p>
        {summary(lang, &status)}
        <ul class="tile-list">
            {pressing.into_iter().take(3).map(|m| view! {
                <li>
                    {disease_names(lang, &m.diseases)}
                    <span class="meta">{dose_text(lang, &m)}" · "{when_text(lang, &m)}</span>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The vaccinations page's part: summary, the moments, and every disease with its history.
#[component]
pub fn ScheduleOverview(status: Option<Box<ScheduleStatus>>, answers: Answers<Vaccination>) -> impl IntoView {
    let lang = crate::context::use_lang();
    let Some(status) = status else {
        return view! {
            <section class="card" aria-labelledby="schedule-title">
                <h2 id="schedule-title">{lang.t("schedule-title")}</h2>
                <p>{lang.t("schedule-no-birth-date")}</p>
            </section>
        }
        .into_any();
    };
    let moments = moments(&status);
    let published = PartialDate::parse(&status.schedule.published)
        .map(|d| lang.date(d))
        .unwrap_or_else(|| status.schedule.published.clone());
    let reference = lang.t_args("schedule-reference", &[("date", published.into())]);
    let url = status.schedule.url.clone();
    let vaccination = |r: &carnet_core::vaccination::schedule::GivenRef| {
        let answer = answers.get(r.answer)?;
        let item = answer.result.as_ref().ok()?.get(r.item)?.read()?;
        Some((answer.source_name.clone(), item.clone()))
    };
    let diseases: Vec<DiseaseRow> = status
        .diseases
        .iter()
        .map(|d| {
            (
                d.id.clone(),
                d.in_schedule().then(|| disease_state(d)).flatten(),
                d.given.iter().filter_map(vaccination).collect::<Vec<_>>(),
            )
        })
        .collect();

    let table = moments_table(lang, &moments);
    let legend = legend(lang, &moments);
    view! {
        <section class="card" aria-labelledby="schedule-title">
            <h2 id="schedule-title">{lang.t("schedule-title")}</h2>
            <p>{lang.t("schedule-intro")}" "{term(lang, "booster")}</p>
            {summary(lang, &status)}
            {table}
            {legend}
            <p class="help">{lang.t("schedule-disclaimer")}</p>
            <p class="help">{reference}" "<a href=url rel="external noreferrer">{lang.t("schedule-reference-link")}</a></p>
        </section>
        {diseases_table(lang, diseases)}
    }
    .into_any()
}

fn moments_table(lang: Lang, moments: &[Moment]) -> AnyView {
    let columns =
        column_heads(lang, &["schedule-col-against", "schedule-col-dose", "schedule-col-age", "schedule-col-status"]);
    let rows: Vec<AnyView> = moments
        .iter()
        .map(|m| {
            view! {
                <tr class=format!("schedule-row schedule-row--{}", m.dose.state.id())>
                    <td data-label=columns.label(0)>{disease_names(lang, &m.diseases)}</td>
                    <td data-label=columns.label(1)>{dose_text(lang, m)}</td>
                    <td data-label=columns.label(2)>{lang.t_args("schedule-age", &[("age", age_text(lang, m.dose.age).into())])}</td>
                    <td data-label=columns.label(3)>{badge(lang, m.dose.state)}<span class="detail">{when_text(lang, m)}</span></td>
                </tr>
            }
            .into_any()
        })
        .collect();
    view! {
        <div class="table-wrap">
            <table class="schedule stack" id="schedule-moments">
                <caption>{lang.t("schedule-moments")}</caption>
                {columns.head()}
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="help">{lang.t("schedule-not-applicable-hidden")}</p>
    }
    .into_any()
}

/// What each status shown means (and "not applicable", which the table leaves out).
fn legend(lang: Lang, moments: &[Moment]) -> AnyView {
    let shown: Vec<DoseState> =
        [DoseState::Overdue, DoseState::Due, DoseState::Done, DoseState::Later, DoseState::NotApplicable]
            .into_iter()
            .filter(|s| moments.iter().any(|m| m.dose.state == *s) || *s == DoseState::NotApplicable)
            .collect();
    view! {
        <h3>{lang.t("schedule-legend")}</h3>
        <dl class="legend">
            {shown.into_iter().map(|s| view! {
                <dt>{badge(lang, s)}</dt>
                <dd>{lang.t(&format!("schedule-status-{}-help", s.id()))}</dd>
            }.into_any()).collect::<Vec<_>>()}
        </dl>
    }
    .into_any()
}

type DiseaseRow = (String, Option<DoseState>, Vec<(String, Vaccination)>);

fn diseases_table(lang: Lang, diseases: Vec<DiseaseRow>) -> AnyView {
    let columns = column_heads(lang, &["schedule-col-disease", "schedule-col-vaccinations", "schedule-col-status"]);
    let rows: Vec<AnyView> = diseases
        .into_iter()
        .map(|(id, state, given)| {
            let none = given.is_empty().then(|| lang.t("schedule-none-recorded"));
            let items: Vec<AnyView> = given
                .into_iter()
                .map(|(source, v)| {
                    view! {
                        <li>
                            {date_or_unknown(lang, v.occurrence.date())}" · "{vaccine_name(lang, &v)}
                            <span class="meta">{source}</span>
                        </li>
                    }
                    .into_any()
                })
                .collect();
            let state = match state {
                Some(DoseState::Done) => {
                    view! { <span class="badge badge--ok">{lang.t("schedule-disease-up-to-date")}</span> }.into_any()
                }
                Some(s) => badge(lang, s).into_any(),
                None => {
                    view! { <span class="badge badge--neutral">{lang.t("schedule-not-in-schedule")}</span> }.into_any()
                }
            };
            view! {
                <tr id=format!("disease-{id}")>
                    <th scope="row">{lang.t(&format!("disease-{id}"))}</th>
                    <td data-label=columns.label(1)>{none}<ul class="plain-list">{items}</ul></td>
                    <td data-label=columns.label(2)>{state}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    view! {
        <section class="card" aria-labelledby="schedule-by-disease">
            <h2 id="schedule-by-disease">{lang.t("schedule-by-disease")}</h2>
            <p>{lang.t("schedule-by-disease-intro")}" "{term(lang, "combined-vaccine")}</p>
            <div class="table-wrap">
                <table class="schedule stack" id="schedule-diseases">
                    <caption class="visually-hidden">{lang.t("schedule-by-disease")}</caption>
                    {columns.head()}
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
