//! The dashboard tiles' contents: the few things that matter now, with a link to the
//! full page.

use carnet_core::consent::ConsentState;
use carnet_core::date::PartialDate;
use carnet_core::item::{Item, merge_same};
use carnet_core::kind::AnyReading;
use carnet_core::source_answer::Answers;
use leptos::prelude::*;

use crate::api::today;
use crate::components::format::{concept, date_or_unknown, document_title, party};
use crate::components::medication::{active_today, dosage_summary, medicine_name};
use crate::components::term::term;
use crate::components::vaccination_schedule::ScheduleTile;
use crate::i18n::Lang;

/// How many entries a tile lists.
const TILE_ROWS: usize = 5;

/// Every readable item with its source's name, and how many items could not be read.
pub fn flatten<T: Clone>(answers: &Answers<T>) -> (Vec<(String, T)>, usize) {
    let mut read = Vec::new();
    let mut unreadable = 0;
    for answer in answers {
        if let Ok(items) = &answer.result {
            for item in items {
                match item {
                    Item::Read(value) => read.push((answer.source_name.clone(), value.clone())),
                    Item::Unreadable { .. } => unreadable += 1,
                }
            }
        }
    }
    (read, unreadable)
}

/// "2 items could not be read." next to the good ones.
pub fn unreadable_note(lang: Lang, count: usize) -> impl IntoView {
    (count > 0).then(|| {
        view! { <p class="unreadable-note">{lang.t_args("items-unreadable", &[("count", count.into())])}</p> }
    })
}

fn newest_first<T>(rows: &mut [(String, T)], date: impl Fn(&T) -> Option<PartialDate>) {
    rows.sort_by_key(|r| std::cmp::Reverse(date(&r.1)));
}

/// The tile of a reading, whichever kind it is of: one arm per kind, so a new kind does
/// not compile until it has its tile here (or says why it has none).
pub fn body(lang: Lang, reading: AnyReading) -> AnyView {
    match reading {
        AnyReading::Documents(r) => documents(lang, &r.answers).into_any(),
        AnyReading::Vaccinations(r) => vaccinations(lang, &r.answers, r.derived).into_any(),
        AnyReading::Medication(r) => medication(lang, &r.answers).into_any(),
        AnyReading::Allergies(r) => allergies(lang, &r.answers).into_any(),
        AnyReading::Consent(r) => consent(lang, &r.answers).into_any(),
        AnyReading::Relationships(r) => care_team(lang, &r.answers).into_any(),
        AnyReading::AccessEvents(r) => access(lang, &r.answers).into_any(),
        // Not tiles of the dashboard (see `pages::dashboard::TILES`): SumEHRs and
        // exclusions have their own pages (/summary, /exclusions).
        AnyReading::SumEhr(_) | AnyReading::Exclusions(_) => ().into_any(),
    }
}

fn documents(lang: Lang, answers: &Answers<carnet_core::document::DocumentEntry>) -> impl IntoView {
    let (mut rows, unreadable) = flatten(answers);
    let total = rows.len();
    newest_first(&mut rows, |d| d.date);
    let rows: Vec<_> = rows.into_iter().take(TILE_ROWS).collect();
    view! {
        {(total == 0).then(|| view! { <p>{lang.t("documents-none")}</p> })}
        <ul class="tile-list">
            {rows.into_iter().map(|(source, d)| {
                let from = d.institution.clone().or_else(|| d.author.as_ref().map(|a| party(lang, a))).unwrap_or_default();
                view! {
                    <li>
                        {document_link(lang, &d)}
                        <span class="meta">{date_or_unknown(lang, d.date)}" · "{from}" · "{source}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
        {unreadable_note(lang, unreadable)}
        <p class="tile-more"><a href="/documents">{lang.t_args("documents-all", &[("count", total.into())])}</a></p>
    }
}

fn vaccinations(
    lang: Lang,
    answers: &Answers<carnet_core::vaccination::Vaccination>,
    status: Option<Box<carnet_core::vaccination::schedule::ScheduleStatus>>,
) -> impl IntoView {
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
                <strong>{crate::components::vaccination_list::vaccine_name(lang, &v)}</strong>
                <span class="meta">{date_or_unknown(lang, v.occurrence.date())}" · "{source}</span>
            </p>
        })}
        {unreadable_note(lang, unreadable)}
        <p class="tile-more"><a href="/vaccinations">{lang.t("vaccinations-see-all")}</a></p>
    }
}

fn medication(lang: Lang, answers: &Answers<carnet_core::medication::MedicationLine>) -> impl IntoView {
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

fn allergies(lang: Lang, answers: &Answers<carnet_core::allergy::Allergy>) -> impl IntoView {
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

fn consent(lang: Lang, answers: &Answers<carnet_core::consent::ConsentRecord>) -> impl IntoView {
    // One line per source that answered: its current consent state.
    let lines: Vec<(String, String)> = answers
        .iter()
        .filter_map(|answer| {
            let items = answer.result.as_ref().ok()?;
            let latest = carnet_core::consent::current(items);
            let text = match latest {
                Some(c) if c.state == ConsentState::Given => match c.since {
                    Some(since) => lang.t_args("consent-given-since", &[("date", lang.date(since).into())]),
                    None => lang.t("consent-given"),
                },
                Some(c) if c.state == ConsentState::Revoked => lang.t("consent-revoked"),
                _ => lang.t("consent-not-given"),
            };
            Some((answer.source_name.clone(), text))
        })
        .collect();
    view! {
        <p>{lang.t("consent-tile-intro")}" "{term(lang, "informed-consent")}</p>
        <ul class="tile-list">
            {lines.into_iter().map(|(source, text)| view! { <li><strong>{source}</strong>": "{text}</li> }).collect_view()}
        </ul>
        <p class="tile-more"><a href="/consent">{lang.t("consent-tile-manage")}</a></p>
    }
}

fn care_team(lang: Lang, answers: &Answers<carnet_core::relationship::TherapeuticLink>) -> impl IntoView {
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

fn access(lang: Lang, answers: &Answers<carnet_core::access_event::AccessEvent>) -> impl IntoView {
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

/// A listed document's title as a link to it; a document whose content the grant does not
/// cover is listed, not opened: its title with "not shared with you", no link.
pub fn document_link(lang: Lang, d: &carnet_core::document::DocumentEntry) -> AnyView {
    if d.withheld {
        view! { {document_title(lang, d)}" "<span class="badge">{lang.t("documents-not-shared")}</span> }.into_any()
    } else {
        view! { <a href=format!("/documents/{}", d.id)>{document_title(lang, d)}</a> }.into_any()
    }
}
