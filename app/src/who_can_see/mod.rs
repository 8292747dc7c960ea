//! Who can see the record, and why: the citizen themself; each care provider with the
//! hubs' verdict per hub (consent + relationship, or why not: no consent, excluded), until
//! when, and the one action that would change it. Derived from the same readings as the
//! consent, care team and exclusions pages and the one rule in `core::visibility`.

use carnet_core::consent::Consents;
use carnet_core::exclusion::Exclusions;
use carnet_core::relationship::Relationships;
use carnet_core::visibility::{Through, Verdict, Viewer, care_providers};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{ask, once, read, today};
use crate::components::format::{concept, party};
use crate::components::grants::scope_list;
use crate::components::layout::ControlsNav;
use crate::components::problem_notice::ProblemNotice;
use crate::components::source_states::{SourceStates, combine};
use crate::components::term::term;
use crate::context::{PageContext, use_lang};
use crate::i18n::Lang;

fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

#[component]
pub fn WhoCanSeePage() -> impl IntoView {
    let lang = use_lang();
    let acting = use_context::<PageContext>().and_then(|p| p.acting_for);
    let consents = once(read::<Consents>());
    let links = once(read::<Relationships>());
    let exclusions = once(read::<Exclusions>());
    view! {
        <Title text=lang.t("who-title")/>
        <h1>{lang.t("who-title")}</h1>
        <ControlsNav/>
        <p>{lang.t("who-intro")}</p>
        <section aria-labelledby="who-you" class="who">
            <h2 id="who-you">{lang.t("who-you-title")}</h2>
            <p>{lang.t("who-you")}</p>
        </section>
        // The people the person lets in through Carnet, and their parents: their own
        // grants (not shown while another person's record is open).
        {acting.is_none().then(|| view! { <ThroughCarnet/> })}
        <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
            {move || { let (consents, links, exclusions) = (consents.clone(), links.clone(), exclusions.clone()); Suspend::new(async move {
                let (consents, links, exclusions) = match (consents.await, links.await, exclusions.await) {
                    (Ok(c), Ok(l), Ok(e)) => (c, l, e),
                    (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => return view! { <ProblemNotice error/> }.into_any(),
                };
                let states = combine(consents.states().into_iter().chain(links.states()).chain(exclusions.states()));
                let viewers = care_providers(&consents.answers, &links.answers, &exclusions.answers, today());
                let (can, cannot): (Vec<Viewer>, Vec<Viewer>) = viewers.into_iter().partition(Viewer::can_see);
                view! {
                    <SourceStates states problems_only=true/>
                    <section aria-labelledby="who-can" class="who">
                        <h2 id="who-can">{lang.t("who-can-title")}</h2>
                        <p class="help">{lang.t("who-can-help")}" "{term(lang, "therapeutic-relationship")}" · "{term(lang, "informed-consent")}</p>
                        {if can.is_empty() {
                            view! { <p>{lang.t("who-can-none")}</p> }.into_any()
                        } else {
                            view! { <ul class="viewers">{can.into_iter().map(|v| viewer(lang, v)).collect_view()}</ul> }.into_any()
                        }}
                    </section>
                    {(!cannot.is_empty()).then(|| view! {
                        <section aria-labelledby="who-cannot" class="who">
                            <h2 id="who-cannot">{lang.t("who-cannot-title")}</h2>
                            <ul class="viewers">{cannot.into_iter().map(|v| viewer(lang, v)).collect_view()}</ul>
                        </section>
                    })}
                    <section aria-labelledby="who-else" class="who">
                        <h2 id="who-else">{lang.t("who-else-title")}</h2>
                        <p>{lang.t("who-else")}</p>
                    </section>
                }.into_any()
            })}}
        </Suspense>
    }
}

/// Trusted persons with a mandate in force, and parents under the rule table for minors.
#[component]
fn ThroughCarnet() -> impl IntoView {
    let lang = use_lang();
    let given = once(ask(|s, p, _| async move { s.mandates(&p).await }));
    let parents = once(ask(|s, p, _| async move { s.representatives(&p).await }));
    view! {
        <Suspense fallback=|| ()>
            {move || { let (given, parents) = (given.clone(), parents.clone()); Suspend::new(async move {
                let trusted: Vec<_> = match given.await {
                    Ok(m) => m.given.into_iter().filter(|g| g.is_active_on(m.today)).collect(),
                    Err(_) => Vec::new(),
                };
                let parents = parents.await;
                view! {
                    {(!trusted.is_empty()).then(|| view! {
                        <section aria-labelledby="who-trusted" class="who">
                            <h2 id="who-trusted">{lang.t("who-trusted-title")}</h2>
                            <ul class="viewers">
                                {trusted.into_iter().map(|m| view! {
                                    <li class="viewer">
                                        <p class="viewer__who"><strong>{m.holder_name.clone()}</strong></p>
                                        <p>{lang.t_args("act-for-mandate-covers", &[("scopes", scope_list(lang, &m.scopes).into())])}</p>
                                        <p><a href=format!("/mandates?revoke={}", m.id.0)>{lang.t_args("mandate-revoke", &[("who", m.holder_name.clone().into())])}</a></p>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </section>
                    })}
                    {match parents {
                        Ok(parents) if parents.is_empty() => ().into_any(),
                        Ok(parents) => view! {
                            <section aria-labelledby="who-parents" class="who">
                                <h2 id="who-parents">{lang.t("who-parents-title")}</h2>
                                <ul class="viewers">
                                    {parents.into_iter().map(|p| view! {
                                        <li class="viewer">
                                            <p class="viewer__who"><strong>{p.name.clone()}</strong></p>
                                            <p>{lang.t_args(&format!("minor-self-band-{}", p.note.band), &[("name", p.name.clone().into())])}</p>
                                            <p class="hint">{lang.t_args("minor-rule-reference", &[("reference", p.note.reference.in_language(lang.code()).to_owned().into())])}</p>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            </section>
                        }.into_any(),
                        Err(_) => view! { <p class="notice notice--warning">{lang.t("who-parents-unavailable")}</p> }.into_any(),
                    }}
                }.into_any()
            })}}
        </Suspense>
    }
}

fn viewer(lang: Lang, viewer: Viewer) -> impl IntoView {
    let name = party(lang, &viewer.who);
    let can_see = viewer.can_see();
    let (excluded, others): (Vec<Through>, Vec<Through>) =
        viewer.through.into_iter().partition(|t| t.verdict == Verdict::Excluded);
    let role = viewer.role.as_ref().map(|r| concept(lang, std::slice::from_ref(r), None)).unwrap_or_default();
    let detail = [role, viewer.institution.clone().unwrap_or_default()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <li class="viewer">
            <p class="viewer__who"><strong>{name.clone()}</strong>{(!detail.is_empty()).then(|| view! { " "<span class="detail">"("{detail}")"</span> })}</p>
            <ul class="viewer__through">
                {others.into_iter().map(|t| through(lang, t)).collect_view()}
                // An exclusion holds at every hub at once: one line for all of them.
                {excluded_line(lang, &excluded)}
            </ul>
            // Someone who can see the record can be excluded from it (at every hub at once).
            {can_see.then(|| view! {
                <p class="through__actions">
                    <a class="button button--secondary" href=format!("/exclusions?q={}", encode(&name))>
                        {lang.t_args("who-action-exclude", &[("who", name.clone().into())])}
                    </a>
                </p>
            })}
        </li>
    }
}

/// "Cannot see it through CoZo, RSW, because you excluded them", with one way to lift it.
fn excluded_line(lang: Lang, excluded: &[Through]) -> Option<impl IntoView + use<>> {
    let first = excluded.first()?;
    let hubs = excluded.iter().map(|t| t.source_name.as_str()).collect::<Vec<_>>().join(", ");
    let lift = first.exclusion.clone().map(|x| format!("/exclusions?lift={}", encode(&x)));
    Some(view! {
        <li class="through through--cannot">
            <p>{lang.t_args("who-why-excluded", &[("source", hubs.into())])}</p>
            {lift.map(|href| view! {
                <p class="through__actions"><a class="button button--secondary" href=href>{lang.t("who-action-lift")}</a></p>
            })}
        </li>
    })
}

fn through(lang: Lang, t: Through) -> impl IntoView + use<> {
    let hub = [("source", t.source_name.clone().into())];
    let since = t.since.map(|d| lang.date(d)).unwrap_or_else(|| lang.t("date-unknown"));
    let (why, until, action): (String, Option<String>, Option<(String, String)>) = match t.verdict {
        Verdict::CanSee => (
            lang.t_args("who-why-can", &[("source", t.source_name.clone().into()), ("since", since.into())]),
            Some(match t.until {
                Some(until) => lang.t_args("who-until", &[("date", lang.date(until).into())]),
                None => lang.t("who-until-you-end"),
            }),
            t.link.as_ref().map(|link| (format!("/care-team?end={}", encode(link)), lang.t("who-action-end"))),
        ),
        Verdict::NoConsent => (
            lang.t_args("who-why-no-consent", &hub),
            None,
            Some((
                format!("/consent?confirm=give&source={}", encode(&t.source_id)),
                lang.t_args("who-action-consent", &hub),
            )),
        ),
        Verdict::Excluded => (
            lang.t_args("who-why-excluded", &hub),
            None,
            t.exclusion.as_ref().map(|x| (format!("/exclusions?lift={}", encode(x)), lang.t("who-action-lift"))),
        ),
        Verdict::Unknown => (lang.t_args("who-why-unknown", &hub), None, None),
    };
    view! {
        <li class=if t.verdict == Verdict::CanSee { "through through--can" } else { "through through--cannot" }>
            <p>{why}{until.map(|u| view! { " "<span class="detail">{u}</span> })}</p>
            <p class="through__actions">
                {action.map(|(href, text)| view! { <a class="button button--secondary" href=href>{text}</a> })}
            </p>
        </li>
    }
}
