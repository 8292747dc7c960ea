//! The care team: the therapeutic relationships the hubs hold (care provider, profession,
//! institution, hub, since, until), and ending one after a confirmation that explains
//! what it changes.

mod tile;
pub use tile::tile;

use carnet_core::kind::Reading;
use carnet_core::kind::Scope;
use carnet_core::relationship::{Relationships, TherapeuticLink};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{once, read, today};
use crate::components::change::{ChangeNotice, Confirm};
use crate::components::format::{concept, date_or_unknown, party};
use crate::components::items::{flatten, unreadable_note};
use crate::components::layout::ControlsNav;
use crate::components::problem_notice::ProblemNotice;
use crate::components::source_states::SourceStates;
use crate::components::table::column_heads;
use crate::components::term::term;
use crate::context::use_lang;
use crate::i18n::Lang;

fn running(link: &TherapeuticLink) -> bool {
    link.end.is_none_or(|end| end.latest() >= today())
}

fn role(lang: Lang, link: &TherapeuticLink) -> String {
    link.role.as_ref().map(|r| concept(lang, std::slice::from_ref(r), None)).unwrap_or_default()
}

#[component]
pub fn CareTeamPage() -> impl IntoView {
    let lang = use_lang();
    // `?end=<token>`: the confirmation step for that relationship.
    let end = use_query_map().get_untracked().get("end");
    let links = once(read::<Relationships>());
    view! {
        <Title text=lang.t("care-team-title")/>
        <h1>{lang.t("care-team-title")}</h1>
        <ControlsNav/>
        <ChangeNotice scope=Scope::Relationships/>
        <div class="explain">
            <p>{lang.t("care-team-what")}" "{term(lang, "therapeutic-relationship")}</p>
            <p>{lang.t("care-team-end-what")}</p>
        </div>
        <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
            {move || { let links = links.clone(); let end = end.clone(); Suspend::new(async move {
                match links.await {
                    Ok(Reading { answers, .. }) => {
                        let states = answers.iter().map(|a| a.state()).collect::<Vec<_>>();
                        let (rows, unreadable) = flatten(&answers);
                        let confirmation = end.and_then(|token| {
                            let (source, link) = rows.iter().find(|(_, l)| l.id.as_deref() == Some(token.as_str()) && running(l))?;
                            Some(confirm_view(lang, source, link, &token))
                        });
                        let (current, ended): (Vec<_>, Vec<_>) = rows.into_iter().partition(|(_, l)| running(l));
                        view! {
                            {confirmation}
                            <SourceStates states problems_only=true/>
                            <section aria-labelledby="care-team-current">
                                <h2 id="care-team-current">{lang.t("care-team-current")}</h2>
                                {links_table(lang, current, true)}
                            </section>
                            {(!ended.is_empty()).then(|| view! {
                                <section aria-labelledby="care-team-ended">
                                    <h2 id="care-team-ended">{lang.t("care-team-ended")}</h2>
                                    {links_table(lang, ended, false)}
                                </section>
                            })}
                            {unreadable_note(lang, unreadable)}
                        }.into_any()
                    }
                    Err(error) => view! { <ProblemNotice error/> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

fn confirm_view(lang: Lang, source: &str, link: &TherapeuticLink, token: &str) -> impl IntoView + use<> {
    let who = party(lang, &link.professional);
    let args = [("who", who.into()), ("source", source.to_owned().into())];
    view! {
        <Confirm
            title=lang.t_args("care-team-confirm-title", &args)
            effects=vec![
                lang.t_args("care-team-confirm-effect", &args),
                lang.t("care-team-confirm-kept"),
                lang.t("care-team-confirm-again"),
            ]
            action="/care-team/end"
            fields=vec![("link", token.to_owned())]
            submit=lang.t_args("care-team-confirm-submit", &args)
            cancel="/care-team".to_owned()
            warning=true
        />
    }
}

fn links_table(lang: Lang, rows: Vec<(String, TherapeuticLink)>, current: bool) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>{lang.t("care-team-none")}</p> }.into_any();
    }
    let columns = column_heads(
        lang,
        &[
            "care-team-col-who",
            "care-team-col-profession",
            "care-team-col-institution",
            "care-team-col-hub",
            "care-team-col-since",
            "care-team-col-until",
            "care-team-col-action",
        ],
    );
    view! {
        <div class="table-wrap">
            <table class="stack">
                <caption class="visually-hidden">{lang.t(if current { "care-team-current" } else { "care-team-ended" })}</caption>
                {columns.head()}
                <tbody>
                    {rows.into_iter().map(|(source, link)| {
                        let who = party(lang, &link.professional);
                        let action = match (&link.id, current) {
                            (Some(token), true) => {
                                let href = format!("/care-team?end={}", form_urlencoded::byte_serialize(token.as_bytes()).collect::<String>());
                                let label = lang.t_args("care-team-action-end", &[("who", who.clone().into())]);
                                view! { <a class="button button--secondary" href=href>{label}</a> }.into_any()
                            }
                            _ => ().into_any(),
                        };
                        view! {
                            <tr>
                                <td data-label=columns.label(0)><strong>{who}</strong></td>
                                <td data-label=columns.label(1)>{role(lang, &link)}</td>
                                <td data-label=columns.label(2)>{link.institution.clone().unwrap_or_default()}</td>
                                <td data-label=columns.label(3)>{source}</td>
                                <td data-label=columns.label(4)>{date_or_unknown(lang, link.start)}</td>
                                <td data-label=columns.label(5)>{link.end.map(|d| lang.date(d)).unwrap_or_else(|| lang.t("care-team-no-end"))}</td>
                                <td data-label=columns.label(6)>{action}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }.into_any()
}
