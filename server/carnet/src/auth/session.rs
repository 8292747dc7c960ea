//! What the session holds, and the middleware that turns it into a [`Principal`] on
//! every request (or nothing, if the session is missing, idle too long, or older than
//! the absolute timeout).
//!
//! The session row holds the logged-in person only sealed (encrypted and authenticated
//! with a key outside the database): no clear SSIN or name in the `sessions` table. Nothing
//! is stored before login (the login in progress is a sealed cookie, see `routes.rs`), and
//! expired rows are swept continuously ([`sweep`]).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use carnet_core::Principal;
use carnet_core::principal::ActingFor;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::AppState;
use crate::secrets::Sealer;

/// Session key of the logged-in person.
pub const USER_KEY: &str = "auth.user";

/// The logged-in person, as kept (sealed) in the session.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SessionUser {
    /// Sealed with the rest: only this portal's key makes one, so reading it back is
    /// the login layer rebuilding the person it verified.
    #[serde(with = "stored_principal")]
    pub principal: Principal,
    /// Unix seconds of the login, for the absolute timeout.
    pub login_at: u64,
    /// The session's CSRF token: every form that changes something carries it.
    pub csrf: String,
}

/// The CSRF token of the request's session, for the forms a page renders and for the
/// check of what they post.
#[derive(Debug, Clone)]
pub struct SessionCsrf(pub String);

const SEAL_PURPOSE: &str = "session-user";

impl SessionUser {
    pub fn new(principal: Principal) -> SessionUser {
        let csrf: [u8; 32] = rand::random();
        SessionUser { principal, login_at: now_secs(), csrf: hex::encode(csrf) }
    }

    /// Stores the person in the session, sealed.
    pub async fn store(&self, session: &Session, sealer: &Sealer) -> Result<(), ()> {
        let json = serde_json::to_vec(self).map_err(|_| ())?;
        session.insert(USER_KEY, sealer.seal(SEAL_PURPOSE, &json)).await.map_err(|_| ())
    }

    /// The sealed person, if the session holds one this portal's key sealed (`Ok(None)`
    /// otherwise); `Err` when the session store could not be read.
    async fn load(session: &Session, sealer: &Sealer) -> Result<Option<SessionUser>, StoreUnavailable> {
        let sealed: Option<String> = session.get(USER_KEY).await.map_err(|_| StoreUnavailable)?;
        let Some(sealed) = sealed else { return Ok(None) };
        Ok(sealer.open(SEAL_PURPOSE, &sealed).and_then(|json| serde_json::from_slice(&json).ok()))
    }
}

/// The person as kept in the sealed session (a `Principal` itself does not deserialize).
mod stored_principal {
    use carnet_core::{Principal, Role, Ssin};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Stored {
        ssin: Ssin,
        display_name: String,
        roles: Vec<Role>,
    }

    pub fn serialize<S: Serializer>(principal: &Principal, serializer: S) -> Result<S::Ok, S::Error> {
        let stored = Stored {
            ssin: principal.ssin().clone(),
            display_name: principal.display_name().to_owned(),
            roles: principal.roles().to_vec(),
        };
        stored.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Principal, D::Error> {
        let Stored { ssin, display_name, roles } = Stored::deserialize(deserializer)?;
        Ok(Principal::authenticated(ssin, display_name, roles))
    }
}

pub fn now_secs() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// The session store (the database) could not be read: nobody can tell whether the
/// request comes from a logged-in person. Not the same as "logged out".
#[derive(Debug, Clone, Copy)]
pub struct StoreUnavailable;

/// Reads the session's user, ending the session if it is past the absolute timeout (or
/// holds something this portal's key did not seal).
pub async fn current_user(
    session: &Session,
    sealer: &Sealer,
    absolute_timeout: Duration,
) -> Result<Option<SessionUser>, StoreUnavailable> {
    let Some(user) = SessionUser::load(session, sealer).await? else {
        if session.get::<serde_json::Value>(USER_KEY).await.map_err(|_| StoreUnavailable)?.is_some() {
            tracing::warn!("a session held a person this portal's key did not seal: ended");
            let _ = session.flush().await;
        }
        return Ok(None);
    };
    if now_secs().saturating_sub(user.login_at) > absolute_timeout.as_secs() {
        tracing::info!("session reached its absolute timeout");
        let _ = session.flush().await;
        return Ok(None);
    }
    Ok(Some(user))
}

/// Session key of the other person whose record the session has open (sealed).
const ACTING_KEY: &str = "auth.acting";
const ACTING_PURPOSE: &str = "session-acting";
/// Session key of what a form posted, kept for the page it comes back to (sealed, once).
const FLASH_KEY: &str = "form.flash";
const FLASH_PURPOSE: &str = "session-flash";

/// Session key of the directory search the person last made on the exclusions page (sealed;
/// kept until the next search or login: a care provider's name never goes into a URL).
const SEARCH_KEY: &str = "form.search";
const SEARCH_PURPOSE: &str = "session-search";

/// The directory search this session last made, for the exclusions page.
#[derive(Debug, Clone)]
pub struct Search(pub String);

/// Keeps a directory search for the exclusions page (`""` forgets it).
pub async fn keep_search(session: &Session, sealer: &Sealer, text: &str) -> Result<(), ()> {
    if text.trim().is_empty() {
        return session.remove::<String>(SEARCH_KEY).await.map(|_| ()).map_err(|_| ());
    }
    session.insert(SEARCH_KEY, sealer.seal(SEARCH_PURPOSE, text.as_bytes())).await.map_err(|_| ())
}

async fn kept_search(session: &Session, sealer: &Sealer) -> Option<Search> {
    let sealed: String = session.get(SEARCH_KEY).await.ok().flatten()?;
    sealer.open(SEARCH_PURPOSE, &sealed).and_then(|text| String::from_utf8(text).ok()).map(Search)
}

/// What the last form posted kept for the page it comes back to (JSON), taken from the
/// session by [`load_principal`] for one request.
#[derive(Debug, Clone)]
pub struct Flash(pub String);

/// Opens someone else's record in this session (`None`: the person's own again). Each
/// request is still decided by the policy on the grants in force.
pub async fn set_acting_for(session: &Session, sealer: &Sealer, acting: Option<&ActingFor>) -> Result<(), ()> {
    match acting {
        Some(acting) => {
            let json = serde_json::to_vec(acting).map_err(|_| ())?;
            session.insert(ACTING_KEY, sealer.seal(ACTING_PURPOSE, &json)).await.map_err(|_| ())
        }
        None => session.remove::<String>(ACTING_KEY).await.map(|_| ()).map_err(|_| ()),
    }
}

/// Forgets what belonged to whoever used the session before a login (whose record was
/// open, what a form kept): none of it may pass to the person who logs in now.
pub async fn forget_previous_person(session: &Session) -> Result<(), ()> {
    session.remove::<String>(ACTING_KEY).await.map_err(|_| ())?;
    session.remove::<String>(SEARCH_KEY).await.map_err(|_| ())?;
    session.remove::<String>(FLASH_KEY).await.map(|_| ()).map_err(|_| ())
}

/// Keeps what a form posted for the next page of this session (its errors and what the
/// person typed: never in a URL).
pub async fn keep_flash(session: &Session, sealer: &Sealer, value: &impl Serialize) -> Result<(), ()> {
    let json = serde_json::to_vec(value).map_err(|_| ())?;
    session.insert(FLASH_KEY, sealer.seal(FLASH_PURPOSE, &json)).await.map_err(|_| ())
}

async fn acting_for(session: &Session, sealer: &Sealer) -> Option<ActingFor> {
    let sealed: String = session.get(ACTING_KEY).await.ok().flatten()?;
    sealer.open(ACTING_PURPOSE, &sealed).and_then(|json| serde_json::from_slice(&json).ok())
}

async fn take_flash(session: &Session, sealer: &Sealer) -> Option<Flash> {
    // Looked at first: removing marks the session changed, and a changed session is saved.
    session.get_value(FLASH_KEY).await.ok().flatten()?;
    let sealed: String = session.remove(FLASH_KEY).await.ok().flatten()?;
    let json = sealer.open(FLASH_PURPOSE, &sealed)?;
    String::from_utf8(json).ok().map(Flash)
}

/// Session key of the last time the session was marked as used.
const TOUCHED_KEY: &str = "auth.touched";

/// Static files and the health endpoints need no session (and must answer while the
/// session store is down): their session is never read or changed.
fn sessionless(path: &str) -> bool {
    path.starts_with("/pkg/") || matches!(path, "/favicon.svg" | "/healthz" | "/readyz")
}

/// Puts the [`Principal`] (if any) into the request's extensions, and keeps the session
/// alive while it is used. Static files skip all of it (no session read or write).
pub async fn load_principal(
    State(state): State<AppState>,
    session: Session,
    mut request: Request,
    next: Next,
) -> Response {
    if sessionless(request.uri().path()) {
        return next.run(request).await;
    }
    let user = match current_user(&session, &state.sealer, state.config.session.absolute_timeout).await {
        Ok(user) => user,
        Err(StoreUnavailable) => {
            // No session id and no store message in the log: the store's error may quote
            // what it was asked.
            tracing::error!("the session store could not be read: answered 503, the person stays logged in");
            return crate::security::refuse(request, "error-session-unavailable", next).await;
        }
    };
    if let Some(user) = user {
        // Writing the session renews its idle expiry; doing it at most every quarter of the
        // idle timeout (and at most once a minute) keeps database writes rare.
        let every = (state.config.session.idle_timeout.as_secs() / 4).clamp(1, 60);
        let touched: u64 = session.get(TOUCHED_KEY).await.ok().flatten().unwrap_or(0);
        let now = now_secs();
        if now.saturating_sub(touched) >= every {
            let _ = session.insert(TOUCHED_KEY, now).await;
        }
        request.extensions_mut().insert(SessionCsrf(user.csrf));
        // The session as tower-sessions resolved it (whatever cookies came): what its rate
        // limits count.
        if let Some(id) = session.id() {
            request.extensions_mut().insert(crate::security::limits::SessionKey::of(&id.to_string()));
        }
        let acting = acting_for(&session, &state.sealer).await;
        // A form's flash is for the page it comes back to: not for a script's call.
        let is_page = request.method() == axum::http::Method::GET && !request.uri().path().starts_with("/api/");
        if is_page && let Some(flash) = take_flash(&session, &state.sealer).await {
            request.extensions_mut().insert(flash);
        }
        if is_page
            && request.uri().path() == "/exclusions"
            && let Some(search) = kept_search(&session, &state.sealer).await
        {
            request.extensions_mut().insert(search);
        }
        request.extensions_mut().insert(user.principal.acting_for(acting));
    }
    next.run(request).await
}

/// Around the session layer: when a changed session cannot be saved (the store is down),
/// tower-sessions answers a bare, empty 500. This answers the translated "try again, you
/// are still logged in" page (503) instead, rendered without the session cookie (a second
/// save could fail the same way); the language cookie and the request's extensions stay.
pub async fn unsaved(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if sessionless(request.uri().path()) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let kept = (parts.headers.clone(), parts.extensions.clone());
    let response = next.clone().run(Request::from_parts(parts, body)).await;
    let bare = response.status() == axum::http::StatusCode::INTERNAL_SERVER_ERROR
        && response.headers().is_empty()
        && axum::body::HttpBody::size_hint(response.body()).exact() == Some(0);
    if !bare {
        return response;
    }
    tracing::error!("the session store could not be written: answered 503, the person stays logged in");
    let (mut headers, extensions) = kept;
    let session_cookie = state.config.cookie_name("carnet_session");
    crate::cookies::remove(&mut headers, &session_cookie);
    let mut retry = Request::new(axum::body::Body::empty());
    *retry.headers_mut() = headers;
    *retry.extensions_mut() = extensions;
    crate::security::refuse(retry, "error-session-unavailable", next).await
}

/// Pages that need a logged-in person send everyone else to the login.
pub async fn require_login(request: Request, next: Next) -> Response {
    if request.extensions().get::<Principal>().is_some() {
        return next.run(request).await;
    }
    let next_path = request.uri().path_and_query().map(|p| p.as_str()).unwrap_or("/dashboard");
    let target =
        format!("/auth/login?next={}", url::form_urlencoded::byte_serialize(next_path.as_bytes()).collect::<String>());
    Redirect::to(&target).into_response()
}

/// Deletes expired session rows, now and every `every`, for as long as the process runs.
pub async fn sweep(store: carnet_store::SqlSessionStore, every: Duration) {
    use tower_sessions::session_store::ExpiredDeletion;
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        if let Err(e) = store.delete_expired().await {
            tracing::warn!(error = %e, "could not sweep expired sessions");
        }
    }
}
