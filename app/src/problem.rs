//! Translated error pages. The server redirects here with a stable code
//! (`/problem?code=error-ssin-invalid`); only known codes are shown.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::context::use_lang;

/// The codes a problem page may show, with their HTTP status.
const PROBLEMS: [(&str, u16); 13] = [
    ("error-ssin-missing", 403),
    ("error-ssin-invalid", 403),
    ("error-login-failed", 400),
    ("error-login-expired", 400),
    ("error-login-unavailable", 503),
    ("error-unauthenticated", 401),
    ("error-forbidden", 403),
    ("error-internal", 500),
    ("error-csrf", 403),
    ("error-rate-limited", 429),
    ("error-too-large", 413),
    ("error-session-unavailable", 503),
    ("page-not-found-text", 404),
];

#[component]
pub fn ProblemPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let code = query.with_untracked(|q| q.get("code"));
    let (code, status) =
        PROBLEMS.iter().find(|(known, _)| Some(*known) == code.as_deref()).copied().unwrap_or(("error-internal", 500));
    set_status(status);
    view! {
        <Title text=lang.t("problem-title")/>
        <h1>{lang.t("problem-title")}</h1>
        <p class="problem" role="alert" data-code=code>{lang.t(code)}</p>
        <p><a href="/">{lang.t("problem-back-home")}</a></p>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    set_status(404);
    view! {
        <Title text=lang.t("page-not-found-title")/>
        <h1>{lang.t("page-not-found-title")}</h1>
        <p>{lang.t("page-not-found-text")}</p>
        <p><a href="/">{lang.t("problem-back-home")}</a></p>
    }
}

fn set_status(status: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(response), Ok(code)) =
        (use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(status))
    {
        response.set_status(code);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}
