//! Exclusions: the care providers the citizen forbade to see the record, lifting one, and
//! adding one — search the hubs' directory by name or NIHDI number (a plain GET form: the
//! query stays in the field and the address), choose, confirm.

use std::collections::BTreeMap;

use carnet_core::exclusion::{Exclusion, Exclusions};
use carnet_core::kind::Reading;
use carnet_core::kind::Scope;
use carnet_core::party::{DirectoryEntry, DirectoryQuery};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{ask, once, read};
use crate::components::change::{ChangeNotice, Confirm};
use crate::components::format::{concept, party};
use crate::components::items::{flatten, unreadable_note};
use crate::components::layout::{ControlsNav, CsrfField};
use crate::components::problem_notice::ProblemNotice;
use crate::components::source_states::SourceStates;
use crate::components::table::column_heads;
use crate::components::term::term;
use crate::context::{PageContext, server_request_info, use_lang};
use crate::i18n::Lang;

/// One excluded care provider, at every hub that holds the exclusion.
#[derive(Clone)]
struct Excluded {
    name: String,
    role: String,
    /// The token of one of the hubs' entries (lifting goes to every hub).
    token: Option<String>,
    hubs: Vec<String>,
}

fn merge(lang: Lang, rows: Vec<(String, Exclusion)>) -> Vec<Excluded> {
    let mut by_name: BTreeMap<String, Excluded> = BTreeMap::new();
    for (source, exclusion) in rows {
        let name = party(lang, &exclusion.professional);
        let role = exclusion.role.as_ref().map(|r| concept(lang, std::slice::from_ref(r), None)).unwrap_or_default();
        let entry =
            by_name.entry(name.clone()).or_insert_with(|| Excluded { name, role, token: None, hubs: Vec::new() });
        entry.token = entry.token.take().or(exclusion.id.clone());
        entry.hubs.push(source);
    }
    by_name.into_values().collect()
}

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[component]
pub fn ExclusionsPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map().get_untracked();
    // The last search is kept in the session (a care provider's name stays out of URLs).
    let typed: String = server_request_info().and_then(|i| i.search).unwrap_or_default().chars().take(200).collect();
    let csrf = use_context::<PageContext>().and_then(|p| p.csrf_token);
    let choose = query.get("choose");
    let lift = query.get("lift");
    let exclusions = once(read::<Exclusions>());
    let parsed = (!typed.trim().is_empty()).then(|| DirectoryQuery::parse(&typed));
    let search = match &parsed {
        Some(Ok(q)) => {
            let q = q.clone();
            Some(once(ask(|s, p, r| async move { s.search_directory(&p, &q, r).await })))
        }
        _ => None,
    };
    let query_error = match &parsed {
        Some(Err(e)) => Some(e.message_id()),
        _ => None,
    };
    let typed_for_results = typed.clone();
    view! {
        <Title text=lang.t("exclusions-title")/>
        <h1>{lang.t("exclusions-title")}</h1>
        <ControlsNav/>
        <ChangeNotice scope=Scope::Exclusions/>
        <div class="explain">
            <p>{lang.t("exclusions-what")}" "{term(lang, "exclusion")}</p>
            <p>{lang.t("exclusions-all-hubs")}</p>
        </div>
        <section aria-labelledby="exclusions-current">
            <h2 id="exclusions-current">{lang.t("exclusions-current")}</h2>
            <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
                {move || { let exclusions = exclusions.clone(); let lift = lift.clone(); Suspend::new(async move {
                    match exclusions.await {
                        Ok(Reading { answers, .. }) => {
                            let states = answers.iter().map(|a| a.state()).collect::<Vec<_>>();
                            let (rows, unreadable) = flatten(&answers);
                            let excluded = merge(lang, rows);
                            let confirmation = lift.and_then(|token| {
                                let found = excluded.iter().find(|e| e.token.as_deref() == Some(token.as_str()))?;
                                Some(confirm_lift(lang, found, &token))
                            });
                            view! {
                                {confirmation}
                                <SourceStates states problems_only=true/>
                                {excluded_list(lang, excluded)}
                                {unreadable_note(lang, unreadable)}
                            }.into_any()
                        }
                        Err(error) => view! { <ProblemNotice error/> }.into_any(),
                    }
                })}}
            </Suspense>
        </section>
        <section aria-labelledby="exclusions-add">
            <h2 id="exclusions-add">{lang.t("exclusions-add")}</h2>
            <form method="post" action="/exclusions/search" class="search-form" role="search">
                <CsrfField token=csrf/>
                <label for="exclusion-search">{lang.t("exclusions-search-label")}</label>
                <p class="help" id="exclusion-search-help">{lang.t("exclusions-search-help")}</p>
                <div class="search-form__row">
                    <input
                        type="search"
                        id="exclusion-search"
                        name="q"
                        value=typed.clone()
                        autocomplete="off"
                        aria-describedby="exclusion-search-help"
                        aria-invalid=query_error.map(|_| "true")
                        maxlength="100"
                    />
                    <button type="submit" class="button">{lang.t("exclusions-search")}</button>
                </div>
                {query_error.map(|id| view! { <p class="field-error" role="alert">{lang.t(id)}</p> })}
            </form>
            {search.map(|search| view! {
                <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
                    {move || { let search = search.clone(); let choose = choose.clone(); let typed = typed_for_results.clone(); Suspend::new(async move {
                        match search.await {
                            Ok(found) => {
                                let confirmation = choose.and_then(|token| {
                                    let entry = found.entries.iter().find(|e| e.token == token)?;
                                    Some(confirm_add(lang, entry))
                                });
                                view! {
                                    {confirmation}
                                    <SourceStates states=found.states.clone() problems_only=true/>
                                    {results(lang, found.entries, &typed)}
                                }.into_any()
                            }
                            Err(error) => view! { <ProblemNotice error/> }.into_any(),
                        }
                    })}}
                </Suspense>
            })}
        </section>
    }
}

fn excluded_list(lang: Lang, excluded: Vec<Excluded>) -> impl IntoView {
    if excluded.is_empty() {
        return view! { <p>{lang.t("exclusions-none")}</p> }.into_any();
    }
    let columns = column_heads(
        lang,
        &["exclusions-col-who", "exclusions-col-hubs", "exclusions-col-since", "exclusions-col-action"],
    );
    view! {
        <div class="table-wrap">
            <table class="stack">
                <caption class="visually-hidden">{lang.t("exclusions-current")}</caption>
                {columns.head()}
                <tbody>
                    {excluded.into_iter().map(|e| {
                        let action = e.token.clone().map(|token| {
                            let label = lang.t_args("exclusions-action-lift", &[("who", e.name.clone().into())]);
                            view! { <a class="button button--secondary" href=format!("/exclusions?lift={}", encode(&token))>{label}</a> }
                        });
                        view! {
                            <tr>
                                <td data-label=columns.label(0)><strong>{e.name.clone()}</strong>" "<span class="detail">{e.role.clone()}</span></td>
                                <td data-label=columns.label(1)>{e.hubs.join(", ")}</td>
                                // The hub services carry no date for an exclusion: said plainly.
                                <td data-label=columns.label(2)>{lang.t("exclusions-no-date")}</td>
                                <td data-label=columns.label(3)>{action}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

fn results(lang: Lang, entries: Vec<DirectoryEntry>, typed: &str) -> impl IntoView {
    if entries.is_empty() {
        return view! { <p role="status">{lang.t_args("exclusions-found-none", &[("query", typed.to_owned().into())])}</p> }.into_any();
    }
    let count = entries.len();
    view! {
        <p role="status">{lang.t_args("exclusions-found", &[("count", count.into())])}</p>
        <ul class="results">
            {entries.into_iter().map(|entry| {
                let role = entry.role.as_ref().map(|r| concept(lang, std::slice::from_ref(r), None)).unwrap_or_default();
                let meta = [role, entry.place.clone().unwrap_or_default(), lang.t_args("exclusions-nihdi", &[("number", entry.nihdi.clone().into())])]
                    .into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ");
                let href = format!("/exclusions?choose={}#confirm-heading", encode(&entry.token));
                let label = lang.t_args("exclusions-action-choose", &[("who", entry.name.clone().into())]);
                view! {
                    <li>
                        <strong>{entry.name.clone()}</strong>
                        <span class="meta">{meta}</span>
                        <a class="button button--secondary" href=href>{label}</a>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

fn confirm_add(lang: Lang, entry: &DirectoryEntry) -> impl IntoView + use<> {
    let args = [("who", entry.name.clone().into())];
    view! {
        <Confirm
            title=lang.t_args("exclusions-confirm-add-title", &args)
            effects=vec![
                lang.t_args("exclusions-confirm-add-effect", &args),
                lang.t("exclusions-confirm-add-emergency"),
                lang.t("exclusions-all-hubs"),
            ]
            action="/exclusions/add"
            fields=vec![("party", entry.token.clone())]
            submit=lang.t_args("exclusions-confirm-add-submit", &args)
            cancel="/exclusions".to_owned()
            warning=true
        />
    }
}

fn confirm_lift(lang: Lang, excluded: &Excluded, token: &str) -> impl IntoView + use<> {
    let args = [("who", excluded.name.clone().into())];
    view! {
        <Confirm
            title=lang.t_args("exclusions-confirm-lift-title", &args)
            effects=vec![lang.t_args("exclusions-confirm-lift-effect", &args)]
            action="/exclusions/lift"
            fields=vec![("exclusion", token.to_owned())]
            submit=lang.t_args("exclusions-confirm-lift-submit", &args)
            cancel="/exclusions".to_owned()
        />
    }
}
