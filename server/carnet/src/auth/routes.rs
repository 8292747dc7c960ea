//! `/auth/login`, `/auth/callback`, `/auth/logout`.

use axum::Extension;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use carnet_app::i18n::Lang;
use carnet_core::audit::{AuditEvent, Outcome};
use serde::Deserialize;
use tower_sessions::Session;

use super::oidc::PendingLogin;
use super::session::{PENDING_KEY, SessionUser, USER_KEY, now_secs};
use crate::AppState;
use crate::error::problem;
use crate::request_id::RequestId;

#[derive(Debug, Deserialize)]
pub struct LoginParams {
    next: Option<String>,
}

/// Only paths on this site, never `//host` or a full URL (no open redirect).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(p) if p.starts_with('/') && !p.starts_with("//") && !p.starts_with("/\\") && !p.contains(['\r', '\n']) => p.to_owned(),
        _ => "/dashboard".to_owned(),
    }
}

pub async fn login(
    State(state): State<AppState>,
    Extension(lang): Extension<Lang>,
    session: Session,
    Query(params): Query<LoginParams>,
) -> Response {
    let next = safe_next(params.next.as_deref());
    match state.relying_party.begin(next, lang.code()).await {
        Ok((url, pending)) => {
            if session.insert(PENDING_KEY, pending).await.is_err() {
                return problem("error-internal");
            }
            Redirect::to(&url).into_response()
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

pub async fn callback(
    State(state): State<AppState>,
    Extension(request_id): Extension<RequestId>,
    session: Session,
    Query(params): Query<CallbackParams>,
) -> Response {
    // A pending login is used once, whatever happens next.
    let pending: Option<PendingLogin> = session.remove(PENDING_KEY).await.ok().flatten();
    let Some(pending) = pending else {
        tracing::info!("callback without a login in progress");
        return problem("error-login-expired");
    };
    if let Some(error) = params.error {
        tracing::info!(provider_error = %error, "the provider ended the login with an error");
        return problem("error-login-failed");
    }
    let (Some(code), Some(returned_state)) = (params.code, params.state) else {
        return problem("error-login-failed");
    };
    let next = pending.next.clone();
    let logged_in = match state.relying_party.complete(pending, &code, &returned_state).await {
        Ok(l) => l,
        Err(error) => {
            tracing::warn!(error = %error, "login rejected");
            // No session for a failed login.
            let _ = session.flush().await;
            return problem(error.message_id());
        }
    };
    // A new session id at login: a session id known before login is worth nothing after.
    if session.cycle_id().await.is_err() {
        return problem("error-internal");
    }
    let user = SessionUser { principal: logged_in.principal.clone(), id_token: logged_in.id_token, login_at: now_secs() };
    if session.insert(USER_KEY, user).await.is_err() {
        return problem("error-internal");
    }
    let principal = &logged_in.principal;
    if let Err(e) = state.store.record_login(&principal.ssin, &principal.display_name).await {
        tracing::error!(error = %e, "could not record the login");
    }
    let event = AuditEvent {
        actor: principal.ssin.clone(),
        subject: principal.ssin.clone(),
        action: "login".into(),
        basis: "self".into(),
        outcome: Outcome::Success,
        sources: String::new(),
        request_id: Some(request_id.0.clone()),
    };
    if let Err(e) = state.store.append_audit(&event).await {
        tracing::error!(error = %e, "could not write the audit entry for a login");
    }
    tracing::info!(roles = ?principal.roles, "logged in");
    Redirect::to(&next).into_response()
}

/// Ends the local session, then the provider's (RP-initiated logout), which comes back
/// to `/logged-out`.
pub async fn logout(State(state): State<AppState>, Extension(lang): Extension<Lang>, session: Session) -> Response {
    let user: Option<SessionUser> = session.get(USER_KEY).await.ok().flatten();
    if let Err(e) = session.flush().await {
        tracing::error!(error = %e, "could not end the session");
        return problem("error-internal");
    }
    tracing::info!(had_user = user.is_some(), "logged out");
    let id_token = user.as_ref().map(|u| u.id_token.as_str());
    match state.relying_party.logout_url(id_token, lang.code()).await {
        Some(url) => Redirect::to(&url).into_response(),
        None => Redirect::to("/logged-out").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/dashboard?order=oldest")), "/dashboard?order=oldest");
        assert_eq!(safe_next(Some("//evil.example/")), "/dashboard");
        assert_eq!(safe_next(Some("https://evil.example/")), "/dashboard");
        assert_eq!(safe_next(Some("/\\evil.example")), "/dashboard");
        assert_eq!(safe_next(None), "/dashboard");
    }
}
