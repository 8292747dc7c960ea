//! The helpdesk's console (`/helpdesk`), for staff only: enter a citizen's national
//! register number and the support code they read out; open the record of a citizen whose
//! code one holds (read-only, within its scopes, until it expires); and, while one is
//! open, the technical state of each source (which failed, how, and the request id to quote).

use carnet_core::kind::Scope;
use carnet_core::portal_service::ServiceError;
use carnet_core::source_answer::{SourceFailure, SourceState, SourceStatus};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::Deserialize;

use crate::api::{ApiError, ask, once, request_id};
use crate::components::grants::scope_list;
use crate::components::layout::CsrfField;
use crate::components::problem_notice::ProblemNotice;
use crate::context::{PageContext, flash, use_lang};
use crate::i18n::Lang;
use crate::support::clock;

#[derive(Deserialize)]
struct RedeemFlash {
    citizen: String,
}

#[component]
pub fn HelpdeskPage() -> impl IntoView {
    let lang = use_lang();
    let page = use_context::<PageContext>();
    let csrf = page.as_ref().and_then(|p| p.csrf_token.clone());
    let acting = page.and_then(|p| p.acting_for);
    let query = use_query_map().get_untracked();
    let error = query
        .get("error")
        .filter(|e| e.starts_with("error-") || e.starts_with("support-error-"))
        // Only a message of ours is shown (never the query's own text: it sits next to secrets).
        .and_then(|id| lang.try_t(&id));
    let redeemed = query.get("done").is_some_and(|d| d == "redeemed");
    let typed = flash::<RedeemFlash>().map(|f| f.citizen).unwrap_or_default();
    let console = once(ask(|s, p, _| async move { s.helpdesk_console(&p).await }));
    // Each readable part's sources and their state, and when they were asked.
    let diagnostics = acting.is_some().then(|| {
        once(ask(|s, p, r| async move {
            let asked_ms = s.now_ms();
            s.diagnostics(&p, r).await.map(|parts| (asked_ms, parts))
        }))
    });
    let request = request_id().unwrap_or_default();
    view! {
        <Title text=lang.t("helpdesk-title")/>
        <h1>{lang.t("helpdesk-title")}</h1>
        {error.map(|text| view! { <div class="notice notice--error" role="alert" id="change-result"><p>{text}</p></div> })}
        {redeemed.then(|| view! { <div class="notice notice--success" role="status" id="change-result"><p>{lang.t("helpdesk-redeemed")}</p></div> })}
        <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
            {move || { let console = console.clone(); let csrf = csrf.clone(); let typed = typed.clone(); Suspend::new(async move {
                match console.await {
                    Ok(console) => view! {
                        <section aria-labelledby="helpdesk-enter">
                            <h2 id="helpdesk-enter">{lang.t("helpdesk-enter-title")}</h2>
                            <p>{lang.t("helpdesk-enter-what")}</p>
                            <form method="post" action="/helpdesk/redeem" class="form">
                                <CsrfField token=csrf.clone()/>
                                <div class="field">
                                    <label for="citizen">{lang.t("helpdesk-field-citizen")}</label>
                                    <input id="citizen" name="citizen" type="text" inputmode="numeric" autocomplete="off" value=typed/>
                                </div>
                                <div class="field">
                                    <label for="code">{lang.t("helpdesk-field-code")}</label>
                                    <input id="code" name="code" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false"/>
                                </div>
                                <button type="submit" class="button">{lang.t("helpdesk-redeem")}</button>
                            </form>
                        </section>
                        <section aria-labelledby="helpdesk-held">
                            <h2 id="helpdesk-held">{lang.t("helpdesk-held-title")}</h2>
                            {if console.held.is_empty() {
                                view! { <p>{lang.t("helpdesk-held-none")}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="cards">
                                        {console.held.into_iter().map(|(grant, name, token)| view! {
                                            <li class="card">
                                                <h3>{name.clone()}</h3>
                                                <p>{lang.t_args("helpdesk-held-until", &[("until", clock(grant.expires_ms).into())])}</p>
                                                <p>{lang.t_args("mandate-covers", &[("scopes", scope_list(lang, &grant.scopes).into())])}</p>
                                                <form method="post" action="/act-for">
                                                    <CsrfField token=csrf.clone()/>
                                                    <input type="hidden" name="person" value=token/>
                                                    <button type="submit" class="button">{lang.t_args("act-for-open", &[("name", name.into())])}</button>
                                                </form>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </section>
                    }.into_any(),
                    Err(error) => view! { <ProblemNotice error/> }.into_any(),
                }
            })}}
        </Suspense>
        // Only a helpdesk agent holding a code sees the sources' technical state (anyone
        // else is refused by the service, and the section is left out).
        {diagnostics.map(|diagnostics| view! {
            <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
                {move || { let diagnostics = diagnostics.clone(); let request = request.clone(); Suspend::new(async move {
                    let body = match diagnostics.await {
                        Ok((asked_ms, parts)) => view! {
                            <p>{lang.t_args("helpdesk-asked-at", &[("time", clock(asked_ms).into())])}</p>
                            {diagnostics_view(lang, parts)}
                        }.into_any(),
                        Err(ApiError::Service(ServiceError::Forbidden)) => return ().into_any(),
                        Err(error) => view! { <ProblemNotice error/> }.into_any(),
                    };
                    view! {
                        <section aria-labelledby="helpdesk-diagnostics">
                            <h2 id="helpdesk-diagnostics">{lang.t("helpdesk-diagnostics-title")}</h2>
                            <p>{lang.t_args("helpdesk-request-id", &[("id", request.into())])}</p>
                            {body}
                        </section>
                    }.into_any()
                })}}
            </Suspense>
        })}
    }
}

/// A failure's kind, as staff quote it ("timeout", "unreachable", "error", "malformed").
fn kind(failure: SourceFailure) -> &'static str {
    failure.message_id().trim_start_matches("source-error-")
}

fn state_words(lang: Lang, state: &SourceState) -> String {
    match state.status {
        SourceStatus::UpToDate => lang.t("helpdesk-source-ok"),
        SourceStatus::Stale(stale) => lang.t_args(
            "helpdesk-source-stale",
            &[("kind", kind(stale.failure).into()), ("minutes", (stale.age_minutes as i64).into())],
        ),
        SourceStatus::Failed(failure) => lang.t_args("helpdesk-source-failed", &[("kind", kind(failure).into())]),
    }
}

fn diagnostics_view(lang: Lang, parts: Vec<(Scope, Vec<SourceState>)>) -> impl IntoView {
    view! {
        <ul class="cards">
            {parts.into_iter().map(|(scope, states)| view! {
                <li class="card">
                    <h3>{lang.t(&format!("access-part-{}", scope.as_str()))}</h3>
                    <p><a href=crate::kinds::shown(scope).page>{lang.t("helpdesk-open-part")}</a></p>
                    <ul>
                        {states.into_iter().map(|s| view! {
                            <li><strong>{s.source_name.clone()}</strong>" ("<code>{s.source_id.clone()}</code>"): "{state_words(lang, &s)}</li>
                        }).collect_view()}
                    </ul>
                </li>
            }).collect_view()}
        </ul>
    }
}
