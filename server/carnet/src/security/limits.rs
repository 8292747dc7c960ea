//! Bounds on what one client can make the portal do.
//!
//! - Request bodies: over `CARNET_MAX_BODY_BYTES` is 413 (declared length) or a failed
//!   read (streamed), never a 500.
//! - `/auth/*`: `CARNET_RATE_AUTH_PER_MINUTE` per client address (the TCP peer; behind a
//!   reverse proxy, limit there too). Server functions (`/api/*`):
//!   `CARNET_RATE_API_PER_MINUTE` per session (per address without one); pages and form
//!   posts of a logged-in session `CARNET_RATE_PAGES_PER_MINUTE` per session. A session is
//!   the one the session layer resolved (not a cookie's raw text: another spelling of the
//!   cookie is the same session, or none). GCRA from the `governor` crate: a burst of the
//!   minute's budget, then one request per share of it.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::Response;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::refuse;
use crate::AppState;

/// The limiters of one portal process.
pub struct Limiters {
    auth: DefaultKeyedRateLimiter<IpAddr>,
    api: DefaultKeyedRateLimiter<Key>,
    pages: DefaultKeyedRateLimiter<Key>,
}

/// Whose budget: a session's, or an address's (no session).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Session(SessionKey),
    Address(IpAddr),
}

/// A resolved session, for its rate limits: a hash of its id (the id is a bearer secret
/// and is kept nowhere else).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SessionKey([u8; 16]);

impl SessionKey {
    pub fn of(session_id: &str) -> SessionKey {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(session_id.as_bytes());
        let mut key = [0; 16];
        for (k, d) in key.iter_mut().zip(digest.iter()) {
            *k = *d;
        }
        SessionKey(key)
    }
}

impl Limiters {
    pub fn new(config: &crate::config::LimitsConfig) -> Arc<Limiters> {
        let quota = |n: u32| Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        Arc::new(Limiters {
            auth: RateLimiter::keyed(quota(config.auth_per_minute)),
            api: RateLimiter::keyed(quota(config.api_per_minute)),
            pages: RateLimiter::keyed(quota(config.pages_per_minute)),
        })
    }

    /// Forgets clients that are within their budget again (memory stays bounded).
    pub fn forget_idle(&self) {
        self.auth.retain_recent();
        self.auth.shrink_to_fit();
        self.api.retain_recent();
        self.api.shrink_to_fit();
        self.pages.retain_recent();
        self.pages.shrink_to_fit();
    }
}

fn peer(request: &Request) -> IpAddr {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED))
}

/// The login's limit, per address (before any session is read).
pub async fn rate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if request.uri().path().starts_with("/auth/") && state.limiters.auth.check_key(&peer(&request)).is_err() {
        tracing::warn!("rate limit reached");
        return refuse(request, "error-rate-limited", next).await;
    }
    next.run(request).await
}

/// The session's limits, once the session is resolved: server functions per session (per
/// address without one), pages and form posts per logged-in session. Anonymous pages (the
/// landing page, the glossary) hold no data and are not counted; static files and health
/// checks never reach here with a session.
pub async fn per_session(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let session = request.extensions().get::<SessionKey>().cloned();
    let limiter = if request.uri().path().starts_with("/api/") {
        Some(&state.limiters.api)
    } else if session.is_some() {
        Some(&state.limiters.pages)
    } else {
        None
    };
    let key = match session {
        Some(session) => Key::Session(session),
        None => Key::Address(peer(&request)),
    };
    if limiter.is_some_and(|limiter| limiter.check_key(&key).is_err()) {
        tracing::warn!("rate limit reached");
        return refuse(request, "error-rate-limited", next).await;
    }
    next.run(request).await
}

pub async fn body(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let max = state.config.limits.max_body_bytes;
    let declared =
        request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return refuse(request, "error-too-large", next).await;
    }
    // A body without a declared length (chunked) is read here, up to the limit: past it,
    // 413 (a handler that read it itself would only see a failed read).
    if declared.is_none() && request.method() != axum::http::Method::GET && request.method() != axum::http::Method::HEAD
    {
        let (parts, body) = request.into_parts();
        return match axum::body::to_bytes(body, max).await {
            Ok(bytes) => next.run(Request::from_parts(parts, Body::from(bytes))).await,
            Err(_) => refuse(Request::from_parts(parts, Body::empty()), "error-too-large", next).await,
        };
    }
    let request = request.map(|body| Body::new(http_body_util::Limited::new(body, max)));
    next.run(request).await
}
