//! `/auth/login`, `/auth/callback`, `/auth/logout`.
//!
//! The login in progress (state, nonce, PKCE verifier, return path) travels in a sealed,
//! ten-minute cookie, not in a session row: an anonymous visit writes nothing to the
//! database. Every login, failed login and logout is audited.

use axum::Extension;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use carnet_app::i18n::Lang;
use carnet_core::Ssin;
use carnet_core::audit::{AuditEvent, Outcome, SessionAction};
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::oidc::PendingLogin;
use super::session::{SessionUser, current_user};
use crate::error::problem;
use crate::request_id::RequestId;
use crate::web::declare::routes;
use crate::{AppState, return_path};

routes! {
    get "/auth/login" => login,
    get "/auth/callback" => callback,
    post "/auth/logout" => logout,
}

/// How long a login may take at the provider.
const LOGIN_TTL_SECS: u64 = 600;
const LOGIN_COOKIE: &str = "carnet_login";
const LOGIN_PURPOSE: &str = "login-in-progress";

#[derive(Debug, Serialize, Deserialize)]
struct SealedLogin {
    pending: PendingLogin,
    /// Unix seconds when the login started.
    started: u64,
}

#[derive(Debug, Deserialize)]
pub struct LoginParams {
    next: Option<String>,
}

fn login_cookie(state: &AppState, value: &str, max_age: u64) -> Option<HeaderValue> {
    let max_age = i64::try_from(max_age).unwrap_or(i64::MAX);
    crate::cookies::set(&state.config.cookie_name(LOGIN_COOKIE), value, max_age, state.config.secure_cookies())
}

pub async fn login(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    Query(params): Query<LoginParams>,
) -> Response {
    let next = return_path::safe(params.next.as_deref(), "/dashboard");
    match state.relying_party.begin(next, lang.code()).await {
        Ok((url, pending)) => {
            let sealed = SealedLogin { pending, started: super::session::now_secs() };
            let Ok(json) = serde_json::to_vec(&sealed) else { return problem("error-internal") };
            let Some(cookie) = login_cookie(&state, &state.sealer.seal(LOGIN_PURPOSE, &json), LOGIN_TTL_SECS) else {
                return problem("error-internal");
            };
            let mut response = Redirect::to(&url).into_response();
            response.headers_mut().append(header::SET_COOKIE, cookie);
            response
        }
        Err(error) => {
            tracing::warn!(error = %error, "login could not start");
            problem(error.message_id())
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct CallbackParams {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

/// The login in progress from its cookie, if it is this portal's and not too old.
fn pending_login(state: &AppState, headers: &HeaderMap) -> Option<PendingLogin> {
    let value = crate::cookies::get(headers, &state.config.cookie_name(LOGIN_COOKIE))?;
    let json = state.sealer.open(LOGIN_PURPOSE, &value)?;
    let sealed: SealedLogin = serde_json::from_slice(&json).ok()?;
    (super::session::now_secs().saturating_sub(sealed.started) <= LOGIN_TTL_SECS).then_some(sealed.pending)
}

pub async fn callback(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    headers: HeaderMap,
    session: Session,
    Query(params): Query<CallbackParams>,
) -> Response {
    let mut response = finish_login(&state, &request_id, &headers, &session, params).await;
    // A login in progress is used once, whatever happened.
    if let Some(clear) = login_cookie(&state, "", 0) {
        response.headers_mut().append(header::SET_COOKIE, clear);
    }
    response
}

async fn finish_login(
    state: &AppState,
    request_id: &RequestId,
    headers: &HeaderMap,
    session: &Session,
    params: CallbackParams,
) -> Response {
    let failed = |reason: &'static str| async move {
        audit(state, None, SessionAction::Login, Outcome::Failure, reason, request_id).await;
        problem(reason)
    };
    let Some(pending) = pending_login(state, headers) else {
        tracing::info!("callback without a login in progress");
        return failed("error-login-expired").await;
    };
    if let Some(error) = params.error {
        tracing::info!(provider_error = %error, "the provider ended the login with an error");
        return failed("error-login-failed").await;
    }
    let (Some(code), Some(returned_state)) = (params.code, params.state) else {
        return failed("error-login-failed").await;
    };
    let next = pending.next.clone();
    let logged_in = match state.relying_party.complete(pending, &code, &returned_state).await {
        Ok(l) => l,
        Err(error) => {
            tracing::warn!(error = %error, "login rejected");
            // No session for a failed login.
            let _ = session.flush().await;
            return failed(error.message_id()).await;
        }
    };
    // A new session id at login: a session id known before login is worth nothing after.
    if session.cycle_id().await.is_err() || super::session::forget_previous_person(session).await.is_err() {
        return problem("error-internal");
    }
    let user = SessionUser::new(logged_in.principal.clone());
    if user.store(session, &state.sealer).await.is_err() {
        return problem("error-internal");
    }
    let principal = &logged_in.principal;
    if let Err(e) = state.store.record_login(principal).await {
        tracing::error!(error = %e, "could not record the login");
    }
    audit(state, Some(principal.ssin()), SessionAction::Login, Outcome::Success, "", request_id).await;
    tracing::info!(roles = ?principal.roles(), "logged in");
    // Helpdesk staff land on their console, not on a citizen's dashboard; someone who may
    // open another person's record (a mandate in force, a child) first chooses whose.
    let next = if next != "/dashboard" {
        next
    } else if principal.is_helpdesk() {
        "/helpdesk".to_owned()
    } else if state.service.act_for_choices(principal).await.is_ok_and(|choices| !choices.is_empty()) {
        "/act-for".to_owned()
    } else {
        next
    };
    Redirect::to(&next).into_response()
}

async fn audit(
    state: &AppState,
    who: Option<&Ssin>,
    action: SessionAction,
    outcome: Outcome,
    reason: &str,
    request_id: &RequestId,
) {
    let event = AuditEvent::session(who, action, outcome, reason, Some(request_id.0.clone()));
    if let Err(e) = state.store.append_audit(&event).await {
        tracing::error!(error = %e, action = action.code(), "could not write the audit entry");
    }
}

/// Ends the local session, then the provider's (RP-initiated logout, by `client_id`: no
/// ID token in the URL), which comes back to `/logged-out`. The CSRF layer has checked the
/// form's origin and token.
pub async fn logout(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    Extension(request_id): Extension<RequestId>,
    session: Session,
) -> Response {
    let Ok(user) = current_user(&session, &state.sealer, state.config.session.absolute_timeout).await else {
        tracing::error!("the session store could not be read: logout not done");
        return problem("error-session-unavailable");
    };
    if let Err(e) = session.flush().await {
        tracing::error!(error = %e, "could not end the session");
        return problem("error-internal");
    }
    if let Some(user) = &user {
        audit(&state, Some(user.principal.ssin()), SessionAction::Logout, Outcome::Success, "", &request_id).await;
    }
    tracing::info!(had_user = user.is_some(), "logged out");
    match state.relying_party.logout_url(lang.code()).await {
        Some(url) => Redirect::to(&url).into_response(),
        None => Redirect::to("/logged-out").into_response(),
    }
}
