//! Cross-site request forgery: a state-changing request (anything but `GET`, `HEAD`,
//! `OPTIONS`) is refused unless
//!
//! 1. it comes from this origin: `Origin` equal to the public origin (or, where a browser
//!    sends no `Origin`, `Sec-Fetch-Site: same-origin`), and `Sec-Fetch-Site`, when sent,
//!    is `same-origin`; and
//! 2. when a person is logged in, it carries the session's CSRF token: the `csrf` field of
//!    a form (every form renders it, so this works without JavaScript) or the
//!    `x-csrf-token` header. Server functions (`/api/*`), which only read, are held to the
//!    origin check.
//!
//! A refusal is the translated problem page with status 403; nothing is done.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::Response;

use super::refuse;
use crate::AppState;
use crate::auth::session::SessionCsrf;
use crate::secrets::same;

/// The form field (and header) that carries the token.
pub const FIELD: &str = "csrf";
const HEADER: &str = "x-csrf-token";

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Does the request come from a page of this origin?
pub fn same_origin(headers: &axum::http::HeaderMap, public_origin: &str) -> bool {
    let fetch_site = headers.get("sec-fetch-site").map(|v| v.as_bytes());
    if fetch_site.is_some_and(|site| site != b"same-origin") {
        return false;
    }
    match headers.get(header::ORIGIN) {
        Some(origin) => origin.as_bytes() == public_origin.as_bytes(),
        None => fetch_site == Some(b"same-origin"),
    }
}

pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if is_safe(request.method()) {
        return next.run(request).await;
    }
    if !same_origin(request.headers(), &state.config.public_origin()) {
        tracing::warn!(method = %request.method(), "refused a state-changing request from another origin");
        return refuse(request, "error-csrf", next).await;
    }
    let expected = request.extensions().get::<SessionCsrf>().map(|t| t.0.clone());
    let Some(expected) = expected.filter(|_| !request.uri().path().starts_with("/api/")) else {
        return next.run(request).await;
    };
    if let Some(sent) = request.headers().get(HEADER) {
        return if same(sent.as_bytes(), expected.as_bytes()) {
            next.run(request).await
        } else {
            refuse(request, "error-csrf", next).await
        };
    }
    let is_form = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return refuse(request, "error-csrf", next).await;
    }
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, state.config.limits.max_body_bytes).await else {
        return refuse(Request::from_parts(parts, Body::empty()), "error-too-large", next).await;
    };
    let sent = url::form_urlencoded::parse(&bytes).find(|(k, _)| k == FIELD).map(|(_, v)| v.into_owned());
    let request = Request::from_parts(parts, Body::from(bytes));
    match sent {
        Some(sent) if same(sent.as_bytes(), expected.as_bytes()) => next.run(request).await,
        _ => {
            tracing::warn!("refused a form without its session's CSRF token");
            refuse(request, "error-csrf", next).await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::{HeaderMap, HeaderValue};

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn only_this_origin_may_change_things() {
        let ours = "https://carnet.example";
        assert!(same_origin(&headers(&[("origin", "https://carnet.example")]), ours));
        assert!(same_origin(
            &headers(&[("origin", "https://carnet.example"), ("sec-fetch-site", "same-origin")]),
            ours
        ));
        assert!(same_origin(&headers(&[("sec-fetch-site", "same-origin")]), ours));
        assert!(!same_origin(&headers(&[("origin", "https://evil.example")]), ours));
        assert!(!same_origin(&headers(&[("origin", "https://carnet.example.evil.example")]), ours));
        assert!(!same_origin(&headers(&[("origin", "null")]), ours));
        // A sibling (same site, other origin) is not this origin.
        assert!(!same_origin(&headers(&[("origin", "https://carnet.example"), ("sec-fetch-site", "same-site")]), ours));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "cross-site")]), ours));
        assert!(!same_origin(&headers(&[]), ours), "no evidence of the origin: refused");
    }
}
