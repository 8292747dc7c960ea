//! What the control pages share: the report of a change just made (from the page's
//! `?done=<key>`, also after a second submit of the same form), the error of a form that
//! could not be sent (`?error=<id>`), and the confirmation step before any change — a
//! plain form, with the session's CSRF token and the form's one-time key.

use carnet_core::change::{ChangeReport, ChangeStatus, ChangeVerb, FormKey};
use carnet_core::kind::Scope;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{ApiError, ask, form_key, once};
use crate::components::layout::CsrfField;
use crate::context::{PageContext, use_lang};
use crate::i18n::Lang;

/// The report of the change named by `?done=`, and the error named by `?error=` (only a
/// message id the service can give is shown).
#[component]
pub fn ChangeNotice(scope: Scope) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map().get_untracked();
    let error = query.get("error").filter(|id| KNOWN_ERRORS.contains(&id.as_str()));
    let done = query
        .get("done")
        .and_then(|key| FormKey::parse(&key))
        .map(|key| once(ask(move |s, p, _| async move { s.change_report(&p, scope, &key).await })));
    view! {
        {error.map(|id| view! {
            <div class="notice notice--error" role="alert" id="change-result" tabindex="-1">
                <p>{lang.t(&id)}</p>
            </div>
        })}
        {done.map(|report| view! {
            <Suspense fallback=|| ()>
                {move || { let report = report.clone(); Suspend::new(async move {
                    match report.await {
                        Ok(Some(report)) => report_view(lang, &report).into_any(),
                        Ok(None) => ().into_any(),
                        Err(ApiError::Service(e)) => view! {
                            <div class="notice notice--error" role="alert"><p>{lang.t(e.message_id())}</p></div>
                        }.into_any(),
                        Err(_) => ().into_any(),
                    }
                })}}
            </Suspense>
        })}
    }
}

/// The errors a control form can come back with.
const KNOWN_ERRORS: [&str; 6] = [
    "error-unauthenticated",
    "error-forbidden",
    "error-not-found",
    "error-bad-request",
    "error-internal",
    "error-source-unavailable",
];

/// How the change went, source by source, in words.
fn report_view(lang: Lang, report: &ChangeReport) -> impl IntoView + use<> {
    let done = report.sources.iter().filter(|s| s.status == ChangeStatus::Done).count();
    let (class, title) = match done {
        n if n == report.sources.len() && n > 0 => ("notice notice--success", "change-result-done"),
        0 => ("notice notice--error", "change-result-failed"),
        _ => ("notice notice--warning", "change-result-partial"),
    };
    let who = report.professional.clone().unwrap_or_else(|| lang.t("change-someone"));
    let lines: Vec<String> = report
        .sources
        .iter()
        .map(|s| {
            let source = s.source_name.clone();
            match s.status {
                ChangeStatus::Done => {
                    lang.t_args(&done_message(report.verb), &[("source", source.into()), ("who", who.clone().into())])
                }
                ChangeStatus::Refused => lang.t_args("change-refused", &[("source", source.into())]),
                ChangeStatus::Unavailable => lang.t_args("change-unavailable", &[("source", source.into())]),
                ChangeStatus::NotFound => lang.t_args("change-not-found", &[("source", source.into())]),
                ChangeStatus::Pending => lang.t_args("change-pending", &[("source", source.into())]),
            }
        })
        .collect();
    view! {
        // Announced when the page loads after the form (focus is not moved: the message is
        // the first thing under the heading).
        <div class=class role="status" id="change-result">
            <p><strong>{lang.t(title)}</strong></p>
            <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
        </div>
    }
}

/// A change report's words for one source where it was done (`change-done-<code>`).
pub fn done_message(verb: ChangeVerb) -> String {
    format!("change-done-{}", verb.code())
}

/// The confirmation step: what will happen, then a form that makes the change (posted to
/// `action` with `fields`), and a way back that changes nothing.
#[component]
pub fn Confirm(
    /// The question ("Revoke your consent at CoZo?").
    title: String,
    /// What it means, in plain words (one paragraph each).
    effects: Vec<String>,
    action: &'static str,
    fields: Vec<(&'static str, String)>,
    /// The button's words ("Yes, revoke my consent at CoZo").
    submit: String,
    /// Where "Cancel" goes.
    cancel: String,
    /// A warning style, for changes that take access away from care providers.
    #[prop(optional)]
    warning: bool,
) -> impl IntoView {
    let lang = use_lang();
    let csrf = use_context::<PageContext>().and_then(|p| p.csrf_token);
    let key = form_key();
    view! {
        <section class=if warning { "confirm confirm--warning" } else { "confirm" } aria-labelledby="confirm-heading">
            <h2 id="confirm-heading">{title}</h2>
            {effects.into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
            <form method="post" action=action class="confirm__form">
                <CsrfField token=csrf/>
                <input type="hidden" name="key" value=key/>
                {fields.into_iter().map(|(name, value)| view! { <input type="hidden" name=name value=value/> }).collect_view()}
                <button type="submit" class="button">{submit}</button>
                <a class="button button--secondary" href=cancel>{lang.t("change-cancel")}</a>
            </form>
        </section>
    }
}
