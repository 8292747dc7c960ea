//! Bounds on what one client can make the portal do.
//!
//! - Request bodies: over `CARNET_MAX_BODY_BYTES` is 413 (declared length) or a failed
//!   read (streamed), never a 500.
//! - `/auth/*`: `CARNET_RATE_AUTH_PER_MINUTE` per client address (the TCP peer; behind a
//!   reverse proxy, limit there too). Server functions (`/api/*`):
//!   `CARNET_RATE_API_PER_MINUTE` per session (per address without one). GCRA from the
//!   `governor` crate: a burst of the minute's budget, then one request per share of it.

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
    api: DefaultKeyedRateLimiter<String>,
}

impl Limiters {
    pub fn new(auth_per_minute: u32, api_per_minute: u32) -> Arc<Limiters> {
        let quota = |n: u32| Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        Arc::new(Limiters {
            auth: RateLimiter::keyed(quota(auth_per_minute)),
            api: RateLimiter::keyed(quota(api_per_minute)),
        })
    }

    /// Forgets clients that are within their budget again (memory stays bounded).
    pub fn forget_idle(&self) {
        self.auth.retain_recent();
        self.auth.shrink_to_fit();
        self.api.retain_recent();
        self.api.shrink_to_fit();
    }
}

fn peer(request: &Request) -> IpAddr {
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED))
}

pub async fn rate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let allowed = if path.starts_with("/auth/") {
        state.limiters.auth.check_key(&peer(&request)).is_ok()
    } else if path.starts_with("/api/") {
        let session = crate::cookies::get(request.headers(), &state.config.cookie_name("carnet_session"));
        let key = match session {
            Some(id) => format!("s:{id}"),
            None => format!("a:{}", peer(&request)),
        };
        state.limiters.api.check_key(&key).is_ok()
    } else {
        true
    };
    if allowed {
        next.run(request).await
    } else {
        tracing::warn!("rate limit reached");
        refuse(request, "error-rate-limited", next).await
    }
}

pub async fn body(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let max = state.config.limits.max_body_bytes;
    let declared =
        request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return refuse(request, "error-too-large", next).await;
    }
    let request = request.map(|body| Body::new(http_body_util::Limited::new(body, max)));
    next.run(request).await
}
