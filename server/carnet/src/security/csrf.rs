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
//!
//! Pages carry the token masked afresh in every response ([`mask`]): the same secret never
//! appears twice, so a compressed page's size tells nothing about it (BREACH).

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

/// The session's token as a page carries it: `mask ‖ token ⊕ mask` in hex, with a fresh
/// random mask, so it differs in every response.
pub fn mask(token: &str) -> String {
    let token = hex::decode(token).unwrap_or_default();
    let mask: Vec<u8> = token.iter().map(|_| rand::random::<u8>()).collect();
    let masked: Vec<u8> = token.iter().zip(&mask).map(|(t, m)| t ^ m).collect();
    format!("{}{}", hex::encode(&mask), hex::encode(masked))
}

/// Does a token sent back (masked by [`mask`]) unmask to the session's token?
fn unmasks_to(sent: &[u8], expected: &str) -> bool {
    let (Ok(sent), Ok(expected)) = (hex::decode(sent), hex::decode(expected)) else { return false };
    if expected.is_empty() || sent.len() != 2 * expected.len() {
        return false;
    }
    let (mask, masked) = sent.split_at(expected.len());
    let token: Vec<u8> = mask.iter().zip(masked).map(|(m, x)| m ^ x).collect();
    same(&token, &expected)
}

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

/// `/s/{link}/manifest`.
fn is_share_manifest(path: &str) -> bool {
    path.strip_prefix("/s/")
        .and_then(|rest| rest.strip_suffix("/manifest"))
        .is_some_and(|link| !link.is_empty() && !link.contains('/'))
}

pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if is_safe(request.method()) {
        return next.run(request).await;
    }
    // A SMART Health Link's manifest is asked for by readers' apps, from their own origin,
    // without cookies: the link's secret and its passcode guard it (see `web::share`).
    if is_share_manifest(request.uri().path()) {
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
        return if unmasks_to(sent.as_bytes(), &expected) {
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
        Some(sent) if unmasks_to(sent.as_bytes(), &expected) => next.run(request).await,
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
    fn a_masked_token_differs_every_time_and_unmasks_to_the_sessions_only() {
        let token = hex::encode([7u8; 32]);
        let (one, two) = (mask(&token), mask(&token));
        assert_ne!(one, two);
        assert!(!one.contains(&token));
        assert!(unmasks_to(one.as_bytes(), &token) && unmasks_to(two.as_bytes(), &token));
        assert!(!unmasks_to(token.as_bytes(), &token), "the bare token is not accepted");
        assert!(!unmasks_to(mask(&hex::encode([8u8; 32])).as_bytes(), &token), "another session's");
        let mut tampered = one.into_bytes();
        tampered[100] = if tampered[100] == b'0' { b'1' } else { b'0' };
        assert!(!unmasks_to(&tampered, &token));
        assert!(!unmasks_to(b"", &token) && !unmasks_to(b"zz", &token));
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
