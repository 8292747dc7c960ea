//! What the session holds, and the middleware that turns it into a [`Principal`] on
//! every request (or nothing, if the session is missing, idle too long, or older than
//! the absolute timeout).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use carnet_core::Principal;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::AppState;

/// Session key of the logged-in person.
pub const USER_KEY: &str = "auth.user";
/// Session key of a login in progress.
pub const PENDING_KEY: &str = "auth.pending";

/// The logged-in person, as kept in the session.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionUser {
    pub principal: Principal,
    pub id_token: String,
    /// Unix seconds of the login, for the absolute timeout.
    pub login_at: u64,
}

pub fn now_secs() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// Reads the session's user, ending the session if it is past the absolute timeout.
pub async fn current_user(session: &Session, absolute_timeout: Duration) -> Option<SessionUser> {
    let user: SessionUser = session.get(USER_KEY).await.ok().flatten()?;
    if now_secs().saturating_sub(user.login_at) > absolute_timeout.as_secs() {
        tracing::info!("session reached its absolute timeout");
        let _ = session.flush().await;
        return None;
    }
    Some(user)
}

/// Session key of the last time the session was marked as used.
const TOUCHED_KEY: &str = "auth.touched";

/// Puts the [`Principal`] (if any) into the request's extensions, and keeps the session
/// alive while it is used. Static files skip all of it (no session read or write).
pub async fn load_principal(State(state): State<AppState>, session: Session, mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path.starts_with("/pkg/") || path == "/favicon.svg" {
        return next.run(request).await;
    }
    if let Some(user) = current_user(&session, state.config.session.absolute_timeout).await {
        // Writing the session renews its idle expiry; doing it at most every quarter of the
        // idle timeout (and at most once a minute) keeps database writes rare.
        let every = (state.config.session.idle_timeout.as_secs() / 4).clamp(1, 60);
        let touched: u64 = session.get(TOUCHED_KEY).await.ok().flatten().unwrap_or(0);
        let now = now_secs();
        if now.saturating_sub(touched) >= every {
            let _ = session.insert(TOUCHED_KEY, now).await;
        }
        request.extensions_mut().insert(user.principal);
    }
    next.run(request).await
}

/// Pages that need a logged-in person send everyone else to the login.
pub async fn require_login(request: Request, next: Next) -> Response {
    if request.extensions().get::<Principal>().is_some() {
        return next.run(request).await;
    }
    let next_path = request.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/dashboard");
    let target = format!("/auth/login?next={}", carnet_app::components::layout::encode_query_value(next_path));
    Redirect::to(&target).into_response()
}
