//! The access log: one timeline of every hub's and vault's access events and Carnet's
//! own audit entries about the person, each line a sentence ("Dr. Katrien Verbiest
//! (Doctor, UZ Leuven) opened your health summary — 21 October 2026, 08:57, through
//! CoZo"). Filters and pages are in the query string, so it works without JavaScript; a
//! source that did not answer is named, its part of the timeline missing.

mod tile;
pub use tile::tile;

use carnet_core::access_event::{AccessEvent, AccessTarget, AccessVerb};
use carnet_core::access_log::{AccessLog, PortalAccess, PortalAction};
use carnet_core::audit::Outcome;
use carnet_core::change::ChangeVerb;
use carnet_core::date::{BelgianTime, Day, PartialDate, instant_ms};
use carnet_core::item::Item;
use carnet_core::kind::Scope;
use carnet_core::mandate::MandateAnswer;
use carnet_core::policy::Basis;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{ask, once};
use crate::components::format::{concept, party};
use crate::components::grants::not_shared;
use crate::components::layout::ControlsNav;
use crate::components::problem_notice::ProblemNotice;
use crate::components::source_states::SourceStates;
use crate::components::term::term;
use crate::context::use_lang;
use crate::i18n::Lang;

/// Lines per page.
const PAGE_SIZE: usize = 25;

/// The source id of Carnet's own lines in the filter.
const CARNET: &str = "carnet";

/// Who acted, for the filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// A care provider or organisation, at a source.
    Provider,
    /// The person, through Carnet.
    You,
    /// Someone else, through Carnet (later: a trusted person, the helpdesk).
    Other,
}

/// One line of the timeline, ready to show.
struct Line {
    /// For ordering (newest first); `None` when the source gave no readable time.
    at_ms: Option<i64>,
    date: Option<PartialDate>,
    who: Who,
    /// "Dr. Katrien Verbiest", "You".
    actor: String,
    /// "(Doctor, UZ Leuven)".
    detail: Option<String>,
    /// "opened your health summary".
    did: String,
    source_id: String,
    source_name: String,
    /// For the "what" filter: documents, sumehr, vaccinations, medication, allergies,
    /// changes, sessions, other.
    category: &'static str,
    refused: bool,
}

/// The filters, from the query string.
#[derive(Debug, Clone, Default)]
struct Filter {
    who: String,
    what: String,
    source: String,
    from: String,
    to: String,
    page: usize,
}

impl Filter {
    fn from_query(get: impl Fn(&str) -> Option<String>) -> Filter {
        let field = |k: &str| get(k).map(|v| v.trim().chars().take(40).collect::<String>()).unwrap_or_default();
        Filter {
            who: field("who"),
            what: field("what"),
            source: field("source"),
            from: field("from"),
            to: field("to"),
            page: get("page").and_then(|p| p.parse().ok()).unwrap_or(1).max(1),
        }
    }

    fn keeps(&self, line: &Line) -> bool {
        let who = match self.who.as_str() {
            "providers" => line.who == Who::Provider,
            "you" => line.who == Who::You,
            "others" => line.who == Who::Other,
            _ => true,
        };
        let what = self.what.is_empty() || self.what == "all" || self.what == line.category;
        let source = self.source.is_empty() || self.source == "all" || self.source == line.source_id;
        let day = line.at_ms.map(|ms| BelgianTime::at(ms).day).or_else(|| line.date.and_then(PartialDate::day));
        let from = Day::parse(&self.from).is_none_or(|from| day.is_some_and(|d| d >= from));
        let to = Day::parse(&self.to).is_none_or(|to| day.is_some_and(|d| d <= to));
        who && what && source && from && to
    }

    /// The query string of these filters on another page.
    fn query(&self, page: usize) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        for (name, value) in
            [("who", &self.who), ("what", &self.what), ("source", &self.source), ("from", &self.from), ("to", &self.to)]
        {
            if !value.is_empty() {
                q.append_pair(name, value);
            }
        }
        if page > 1 {
            q.append_pair("page", &page.to_string());
        }
        q.finish()
    }
}

fn target_text(lang: Lang, target: AccessTarget) -> String {
    lang.t(&format!("access-target-{}", target.code()))
}

fn category(target: AccessTarget) -> &'static str {
    match target {
        AccessTarget::Record | AccessTarget::Document => "documents",
        AccessTarget::SumEhr => "sumehr",
        AccessTarget::Vaccinations => "vaccinations",
        AccessTarget::Medication => "medication",
        AccessTarget::Allergies => "allergies",
    }
}

fn provider_line(lang: Lang, source_id: &str, source_name: &str, event: &AccessEvent) -> Line {
    let actor = event
        .who
        .first()
        .map(|p| party(lang, p))
        .or_else(|| event.institution.clone())
        .unwrap_or_else(|| lang.t("access-someone"));
    let role = event.role.as_ref().map(|r| concept(lang, std::slice::from_ref(r), None)).filter(|r| !r.is_empty());
    let institution = event.institution.clone().filter(|i| *i != actor);
    let detail = [role, institution].into_iter().flatten().collect::<Vec<_>>().join(", ");
    let target = event.target();
    let verb = match event.verb() {
        AccessVerb::Other => AccessVerb::Opened,
        other => other,
    };
    let did = lang.t_args(&format!("access-did-{}", verb.code()), &[("target", target_text(lang, target).into())]);
    Line {
        at_ms: event.at.as_deref().and_then(instant_ms),
        date: event.date,
        who: Who::Provider,
        actor,
        detail: (!detail.is_empty()).then(|| format!("({detail})")),
        did,
        source_id: source_id.to_owned(),
        source_name: source_name.to_owned(),
        category: category(target),
        refused: false,
    }
}

fn scope_part(lang: Lang, scope: Scope) -> String {
    lang.t(&format!("access-part-{}", scope.as_str()))
}

fn portal_line(lang: Lang, access: &PortalAccess) -> Line {
    // A share is opened by whoever holds its link (read as the citizen, on the share's basis).
    let shared = matches!(access.action, PortalAction::ShareOpened(_));
    let who = if access.by_self && !shared { Who::You } else { Who::Other };
    let actor = if shared {
        lang.t("access-share-someone")
    } else if access.by_self {
        lang.t("access-you")
    } else {
        access.actor_name.clone().unwrap_or_else(|| lang.t("access-someone"))
    };
    let refused = access.outcome == Outcome::Denied;
    let (did, category) = match &access.action {
        PortalAction::Read(scopes) => {
            let parts = scopes.iter().map(|s| scope_part(lang, *s)).collect::<Vec<_>>().join(", ");
            // Someone else is spoken of in the third person.
            let id = match (access.by_self, refused) {
                (true, false) => "access-portal-read",
                (true, true) => "access-portal-read-refused",
                (false, false) => "access-other-read",
                (false, true) => "access-other-read-refused",
            };
            // A read of one kind falls under that kind's filter (`kinds`), of several under "other".
            let category = match scopes.as_slice() {
                [scope] => crate::kinds::shown(*scope).log_category,
                _ => "other",
            };
            (lang.t_args(id, &[("parts", parts.into())]), category)
        }
        PortalAction::Exported(scopes) => {
            let parts = scopes.iter().map(|s| scope_part(lang, *s)).collect::<Vec<_>>().join(", ");
            let id = match (access.by_self, refused) {
                (true, false) => "access-portal-exported",
                (true, true) => "access-portal-export-refused",
                (false, false) => "access-other-exported",
                (false, true) => "access-other-export-refused",
            };
            (lang.t_args(id, &[("parts", parts.into())]), "other")
        }
        PortalAction::ShareMade(scopes) => {
            let parts = scopes.iter().map(|s| scope_part(lang, *s)).collect::<Vec<_>>().join(", ");
            (lang.t_args("access-share-made", &[("parts", parts.into())]), "other")
        }
        PortalAction::ShareRevoked => (lang.t("access-share-revoked"), "other"),
        PortalAction::ShareOpened(scopes) => {
            let parts = scopes.iter().map(|s| scope_part(lang, *s)).collect::<Vec<_>>().join(", ");
            let id = if refused { "access-share-open-refused" } else { "access-share-opened" };
            (lang.t_args(id, &[("parts", parts.into())]), "other")
        }
        PortalAction::Change(verb) => {
            let who = access.professional.clone().unwrap_or_else(|| lang.t("change-someone"));
            let sources = access.sources.join(", ");
            let mut text = lang.t_args(&change_message(*verb), &[("who", who.into()), ("sources", sources.into())]);
            let note = match access.outcome {
                Outcome::Attempt => Some("access-change-unconfirmed"),
                Outcome::Failure => Some("access-change-failed"),
                Outcome::Partial => Some("access-change-partial"),
                Outcome::Denied => Some("access-change-refused"),
                Outcome::Success => None,
            };
            if let Some(note) = note {
                text = format!("{text} ({})", lang.t(note));
            }
            (text, "changes")
        }
        PortalAction::TriedChange(scope) => {
            let id = if access.by_self { "access-portal-change-refused" } else { "access-other-change-refused" };
            (lang.t_args(id, &[("parts", scope_part(lang, *scope).into())]), "changes")
        }
        PortalAction::SeenAccessLog => (lang.t("access-portal-seen"), "other"),
        PortalAction::Mandate(answer) => {
            let person = access.trusted_person.clone().unwrap_or_else(|| lang.t("access-someone"));
            let id = match answer {
                None => "access-mandate-given",
                Some(MandateAnswer::Accept) => "access-mandate-accepted",
                Some(MandateAnswer::Decline) => "access-mandate-declined",
                Some(MandateAnswer::Revoke) => "access-mandate-revoked",
                Some(MandateAnswer::GiveBack) => "access-mandate-given-back",
            };
            (lang.t_args(id, &[("who", person.into())]), "changes")
        }
        PortalAction::SupportCode(verb) => {
            let id = match (verb.as_str(), refused) {
                ("issue", _) => "access-support-issued",
                ("revoke", true) => "access-support-revoke-refused",
                ("revoke", _) => "access-support-revoked",
                (_, true) => "access-support-redeem-refused",
                _ => "access-support-redeemed",
            };
            (lang.t(id), "other")
        }
        PortalAction::OpenedRecord if refused => (lang.t("access-opened-record-refused"), "other"),
        PortalAction::OpenedRecord => (lang.t("access-opened-record"), "other"),
        PortalAction::Login => (lang.t("access-portal-login"), "sessions"),
        PortalAction::Logout => (lang.t("access-portal-logout"), "sessions"),
        PortalAction::Other(_) if !access.by_self => (lang.t("access-other-other"), "other"),
        PortalAction::Other(_) => (lang.t("access-portal-other"), "other"),
    };
    // On which basis someone else acted, in words ("under your mandate").
    let detail = match &access.basis {
        Some(Basis::Mandate(_)) if !access.by_self => Some(lang.t("access-basis-mandate")),
        Some(Basis::Parent(_)) if !access.by_self => Some(lang.t("access-basis-parent")),
        Some(Basis::SupportCode(_)) if !access.by_self => Some(lang.t("access-basis-support-code")),
        _ => None,
    };
    Line {
        at_ms: Some(access.at_ms),
        date: None,
        who,
        actor,
        detail: detail.map(|d| format!("({d})")),
        did,
        source_id: CARNET.to_owned(),
        source_name: lang.t("app-name"),
        category,
        refused,
    }
}

/// The access log's words for a change (`access-change-<code>`).
fn change_message(verb: ChangeVerb) -> String {
    format!("access-change-{}", verb.code())
}

/// Every line, newest first, and how many items no source could read.
fn lines(lang: Lang, log: &AccessLog) -> (Vec<Line>, usize) {
    let mut out = Vec::new();
    let mut unreadable = 0;
    for answer in &log.events.answers {
        let Ok(items) = &answer.result else { continue };
        for item in items {
            match item {
                Item::Read(event) => out.push(provider_line(lang, &answer.source_id, &answer.source_name, event)),
                Item::Unreadable { .. } => unreadable += 1,
            }
        }
    }
    out.extend(log.portal.iter().map(|access| portal_line(lang, access)));
    out.sort_by(|a, b| b.at_ms.cmp(&a.at_ms).then(b.date.cmp(&a.date)));
    (out, unreadable)
}

/// "21 October 2026, 08:57" in Belgian time (or the date alone).
pub fn when(lang: Lang, at_ms: Option<i64>, date: Option<PartialDate>) -> String {
    match at_ms {
        Some(ms) => {
            let t = BelgianTime::at(ms);
            let day = PartialDate { year: t.day.year, month: Some(t.day.month), day: Some(t.day.day) };
            lang.t_args(
                "access-when",
                &[("date", lang.date(day).into()), ("time", format!("{:02}:{:02}", t.hour, t.minute).into())],
            )
        }
        None => date.map(|d| lang.date(d)).unwrap_or_else(|| lang.t("date-unknown")),
    }
}

#[component]
pub fn AccessLogPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map().get_untracked();
    let filter = Filter::from_query(|k| query.get(k));
    let log = once(ask(|s, p, r| async move { s.access_log(&p, r).await }));
    view! {
        <Title text=lang.t("access-log-title")/>
        <h1>{lang.t("access-log-title")}</h1>
        <ControlsNav/>
        <p>{lang.t("access-log-intro")}" "{term(lang, "access-log")}</p>
        <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
            {move || { let log = log.clone(); let filter = filter.clone(); Suspend::new(async move {
                match log.await {
                    Ok(log) => {
                        let states = log.events.states();
                        let (all, unreadable) = lines(lang, &log);
                        let mut sources: Vec<(String, String)> = log.events.answers.iter().map(|a| (a.source_id.clone(), a.source_name.clone())).collect();
                        sources.push((CARNET.to_owned(), lang.t("app-name")));
                        let shown: Vec<Line> = all.into_iter().filter(|l| filter.keeps(l)).collect();
                        view! {
                            {filter_form(lang, &filter, &sources)}
                            <SourceStates states/>
                            {(unreadable > 0).then(|| view! { <p class="notice">{lang.t_args("access-unreadable", &[("count", unreadable.into())])}</p> })}
                            {(!log.withheld.is_empty()).then(|| view! { <p class="notice">{lang.t("access-changes-not-shared")}" "{not_shared(lang)}</p> })}
                            {timeline(lang, shown, &filter)}
                        }.into_any()
                    }
                    Err(error) => view! { <ProblemNotice error/> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

fn select(
    lang: Lang,
    name: &'static str,
    label: &'static str,
    current: &str,
    options: Vec<(String, String)>,
) -> impl IntoView + use<> {
    let id = format!("filter-{name}");
    let current = current.to_owned();
    view! {
        <div class="field">
            <label for=id.clone()>{lang.t(label)}</label>
            <select id=id name=name>
                {options.into_iter().map(|(value, text)| {
                    let selected = value == current || (current.is_empty() && value == "all");
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

fn filter_form(lang: Lang, filter: &Filter, sources: &[(String, String)]) -> impl IntoView + use<> {
    let all = |id: &str| ("all".to_owned(), lang.t(id));
    let who = vec![
        all("access-filter-everyone"),
        ("providers".to_owned(), lang.t("access-filter-providers")),
        ("you".to_owned(), lang.t("access-filter-you")),
    ];
    let what = ["documents", "sumehr", "vaccinations", "medication", "allergies", "changes", "sessions"]
        .into_iter()
        .map(|c| (c.to_owned(), lang.t(&format!("access-category-{c}"))))
        .fold(vec![all("access-filter-everything")], |mut v, o| {
            v.push(o);
            v
        });
    let mut source = vec![all("access-filter-all-sources")];
    source.extend(sources.iter().cloned());
    view! {
        <form method="get" action="/access-log" class="filters" aria-labelledby="access-filter-h">
            <h2 id="access-filter-h" class="visually-hidden">{lang.t("access-filter-title")}</h2>
            {select(lang, "who", "access-filter-who", &filter.who, who)}
            {select(lang, "what", "access-filter-what", &filter.what, what)}
            {select(lang, "source", "access-filter-source", &filter.source, source)}
            <div class="field">
                <label for="filter-from">{lang.t("access-filter-from")}</label>
                <input type="date" id="filter-from" name="from" value=filter.from.clone()/>
            </div>
            <div class="field">
                <label for="filter-to">{lang.t("access-filter-to")}</label>
                <input type="date" id="filter-to" name="to" value=filter.to.clone()/>
            </div>
            <div class="filters__actions">
                <button type="submit" class="button">{lang.t("access-filter-apply")}</button>
                <a href="/access-log" class="button button--secondary">{lang.t("access-filter-clear")}</a>
            </div>
        </form>
    }
}

fn timeline(lang: Lang, lines: Vec<Line>, filter: &Filter) -> impl IntoView + use<> {
    let total = lines.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = filter.page.min(pages);
    let shown: Vec<Line> = lines.into_iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).collect();
    let previous = (page > 1).then(|| format!("/access-log?{}", filter.query(page - 1)));
    let next = (page < pages).then(|| format!("/access-log?{}", filter.query(page + 1)));
    view! {
        <p role="status">{lang.t_args("access-count", &[("count", total.into())])}</p>
        {(total == 0).then(|| view! { <p>{lang.t("access-none-filtered")}</p> })}
        <ol class="timeline">
            {shown.into_iter().map(|line| view! {
                <li class=if line.refused { "timeline__item timeline__item--refused" } else { "timeline__item" }>
                    <span class="timeline__when">{when(lang, line.at_ms, line.date)}</span>
                    <span class="timeline__what">
                        <strong>{line.actor}</strong>
                        {line.detail.map(|d| view! { " "<span class="detail">{d}</span> })}
                        " "{line.did}
                    </span>
                    <span class="meta">{lang.t_args("access-through", &[("source", line.source_name.into())])}</span>
                </li>
            }).collect_view()}
        </ol>
        {(pages > 1).then(|| view! {
            <nav class="pager" aria-label=lang.t("access-pages")>
                {previous.map(|href| view! { <a href=href rel="prev">{lang.t("access-previous")}</a> })}
                <span>{lang.t_args("access-page-of", &[("page", page.into()), ("pages", pages.into())])}</span>
                {next.map(|href| view! { <a href=href rel="next">{lang.t("access-next")}</a> })}
            </nav>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_change_has_its_words_in_every_language() {
        for verb in ChangeVerb::ALL {
            for lang in Lang::ALL {
                for id in [change_message(*verb), crate::components::change::done_message(*verb)] {
                    let words =
                        lang.try_t_args(&id, &[("who", "x".into()), ("sources", "y".into()), ("source", "z".into())]);
                    assert!(words.is_some(), "{id} in {}", lang.code());
                }
            }
        }
    }

    /// The ids this page builds from codes exist (the scan of `.t("…")` cannot see them).
    #[test]
    fn every_message_built_from_a_code_exists() {
        use AccessTarget as T;
        let mut ids: Vec<String> = [T::Record, T::Document, T::SumEhr, T::Vaccinations, T::Medication, T::Allergies]
            .into_iter()
            .map(|t| format!("access-target-{}", t.code()))
            .collect();
        use AccessVerb as V;
        ids.extend(
            [V::Opened, V::Searched, V::Added, V::Changed, V::Deleted]
                .into_iter()
                .map(|v| format!("access-did-{}", v.code())),
        );
        ids.extend(Scope::ALL.iter().map(|s| format!("access-part-{}", s.as_str())));
        ids.extend(
            ["documents", "sumehr", "vaccinations", "medication", "allergies", "changes", "sessions"]
                .into_iter()
                .map(|c| format!("access-category-{c}")),
        );
        for lang in Lang::ALL {
            for id in &ids {
                let text = lang.t_args(id, &[("target", "X".into())]);
                assert!(!text.is_empty() && !text.contains(id.as_str()), "{lang:?} lacks {id}: {text}");
            }
        }
    }
}
