//! Support codes (`/support`): a citizen on the phone with the helpdesk issues a short code
//! for the parts of their record they choose, reads it out, sees it running (who holds it,
//! until when) and can revoke it at once. Helpdesk staff then see those parts, read-only,
//! until it expires. Plain forms: no JavaScript needed.

use carnet_core::date::BelgianTime;
use carnet_core::grant::GrantScope;
use carnet_core::support_code::{CODE_SCOPES, SupportGrant, SupportStatus};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{ask, form_key, once};
use crate::components::grants::{scope_list, scope_name, scope_what};
use crate::components::layout::{ControlsNav, CsrfField};
use crate::components::problem_notice::ProblemNotice;
use crate::context::{PageContext, use_lang};
use crate::i18n::Lang;

const DONE: [&str; 2] = ["issued", "revoked"];

/// "21:45" in Belgian time.
pub fn clock(at_ms: i64) -> String {
    let t = BelgianTime::at(at_ms);
    format!("{:02}:{:02}", t.hour, t.minute)
}

/// An agent's name as the citizen sees it: their first name and the initial of the rest
/// ("Lotte C.").
fn agent_name(name: &str) -> String {
    let mut parts = name.split_whitespace();
    let first = parts.next().unwrap_or_default().to_owned();
    let initial = parts.next().and_then(|p| p.chars().next()).map(|c| format!(" {c}.")).unwrap_or_default();
    format!("{first}{initial}")
}

#[component]
pub fn SupportPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map().get_untracked();
    let done = query.get("done").filter(|d| DONE.contains(&d.as_str()));
    let error = query
        .get("error")
        .filter(|e| e.starts_with("error-") || e.starts_with("support-error-"))
        // Only a message of ours is shown (never the query's own text: it sits next to secrets).
        .and_then(|id| lang.try_t(&id));
    let page = use_context::<PageContext>();
    let csrf = page.as_ref().and_then(|p| p.csrf_token.clone());
    // Codes are always for one's own record, even with someone else's open.
    let acting = page.and_then(|p| p.acting_for);
    let codes = once(ask(|s, p, _| async move { s.support_codes(&p).await }));
    let key = form_key();
    view! {
        <Title text=lang.t("support-title")/>
        <h1>{lang.t("support-title")}</h1>
        <ControlsNav/>
        {done.map(|d| view! { <div class="notice notice--success" role="status" id="change-result"><p>{lang.t(&format!("support-done-{d}"))}</p></div> })}
        {error.map(|text| view! { <div class="notice notice--error" role="alert" id="change-result"><p>{text}</p></div> })}
        {acting.map(|name| view! { <p class="notice">{lang.t_args("support-own-while-acting", &[("name", name.into())])}</p> })}
        <div class="explain"><p>{lang.t("support-what")}</p></div>
        <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
            {move || { let codes = codes.clone(); let csrf = csrf.clone(); let key = key.clone(); Suspend::new(async move {
                match codes.await {
                    Ok(codes) => {
                        let (running, past): (Vec<_>, Vec<_>) = codes.codes.into_iter()
                            .partition(|c| matches!(c.grant.status_at(codes.now_ms), SupportStatus::Waiting | SupportStatus::InUse));
                        view! {
                            {(!running.is_empty()).then(|| view! {
                                <section aria-labelledby="support-running">
                                    <h2 id="support-running">{lang.t("support-running")}</h2>
                                    <ul class="cards">
                                        {running.into_iter().map(|c| running_view(lang, &c.grant, c.code, codes.now_ms, csrf.clone())).collect_view()}
                                    </ul>
                                </section>
                            })}
                            {issue_form(lang, codes.minutes, csrf.clone(), key)}
                            {(!past.is_empty()).then(|| view! {
                                <section aria-labelledby="support-past">
                                    <h2 id="support-past">{lang.t("support-past")}</h2>
                                    <ul>
                                        {past.into_iter().map(|c| view! {
                                            <li data-status=c.grant.status_at(codes.now_ms).message_id() data-scopes=GrantScope::list(&c.grant.scopes)>
                                                {past_line(lang, &c.grant, codes.now_ms)}
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                </section>
                            })}
                        }.into_any()
                    }
                    Err(error) => view! { <ProblemNotice error/> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

fn running_view(
    lang: Lang,
    grant: &SupportGrant,
    code: Option<String>,
    now_ms: i64,
    csrf: Option<String>,
) -> impl IntoView + use<> {
    let until = clock(grant.expires_ms);
    let minutes = ((grant.expires_ms - now_ms).max(0) + 59_999) / 60_000;
    let status = match (&grant.holder, grant.status_at(now_ms)) {
        (Some((_, name)), _) => {
            lang.t_args("support-in-use", &[("agent", agent_name(name).into()), ("until", until.clone().into())])
        }
        _ => lang.t_args("support-waiting", &[("until", until.clone().into()), ("minutes", minutes.into())]),
    };
    view! {
        // The parts it covers and where it stands, for the browser tests to tell cards apart.
        <li class="card support-code" data-scopes=GrantScope::list(&grant.scopes)>
            {code.map(|code| view! {
                <p class="support-code__label" id=format!("code-{}", grant.id.0)>{lang.t("support-code-label")}</p>
                <p class="support-code__value" aria-labelledby=format!("code-{}", grant.id.0)>
                    <span aria-hidden="true">{code.clone()}</span>
                    // Read letter by letter by a screen reader.
                    <span class="visually-hidden">{code.chars().filter(|c| *c != '-').map(String::from).collect::<Vec<_>>().join(" ")}</span>
                </p>
            })}
            <p class="mandate__status">{status}</p>
            <p>{lang.t_args("mandate-covers", &[("scopes", scope_list(lang, &grant.scopes).into())])}</p>
            <form method="post" action="/support/revoke" class="inline-form">
                <CsrfField token=csrf/>
                <input type="hidden" name="id" value=grant.id.0.to_string()/>
                <button type="submit" class="button button--secondary">{lang.t("support-revoke")}</button>
            </form>
        </li>
    }
}

fn past_line(lang: Lang, grant: &SupportGrant, now_ms: i64) -> String {
    let status = lang.t(grant.status_at(now_ms).message_id());
    let issued = clock(grant.issued_ms);
    let who = grant.holder.as_ref().map(|(_, name)| agent_name(name));
    match who {
        Some(agent) => lang.t_args(
            "support-past-held",
            &[("issued", issued.into()), ("agent", agent.into()), ("status", status.into())],
        ),
        None => lang.t_args("support-past-unused", &[("issued", issued.into()), ("status", status.into())]),
    }
}

fn issue_form(lang: Lang, minutes: i64, csrf: Option<String>, key: String) -> impl IntoView + use<> {
    view! {
        <section aria-labelledby="support-issue">
            <h2 id="support-issue">{lang.t("support-issue-title")}</h2>
            <p>{lang.t_args("support-issue-what", &[("minutes", minutes.into())])}</p>
            <form method="post" action="/support/issue" class="form">
                <CsrfField token=csrf/>
                <input type="hidden" name="key" value=key/>
                <fieldset class="field">
                    <legend>{lang.t("support-field-scopes")}</legend>
                    // What a code may cover (the access log and consent stay with the citizen).
                    {CODE_SCOPES.iter().map(|scope| {
                        let id = format!("support-scope-{}", scope.as_str());
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=id.clone() name="scope" value=scope.as_str() aria-describedby={format!("{id}-what")}/>
                                <label for=id.clone()>{scope_name(lang, *scope)}</label>
                                <p class="hint" id={format!("{id}-what")}>{scope_what(lang, *scope)}</p>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <p class="hint">{lang.t("support-read-only")}</p>
                <button type="submit" class="button">{lang.t("support-issue-submit")}</button>
            </form>
        </section>
    }
}
