//! The layers every request passes before it reaches a page or a handler:
//!
//! - [`headers`]: a Content-Security-Policy with a fresh nonce per response (the one
//!   Leptos puts on its scripts), HSTS over HTTPS, `nosniff`, no framing, referrer policy;
//! - [`limits`]: request bodies bounded (413), `/auth/*` rate-limited per client address
//!   and the server functions per session (429);
//! - [`csrf`]: every state-changing request must come from this origin (`Origin`,
//!   `Sec-Fetch-Site`), and every form of a logged-in session must carry its CSRF token.
//!
//! A refusal is the translated problem page (`/problem?code=…`) with its own status,
//! rendered in place: the person's language and the page frame stay, nothing is done.

pub mod csrf;
pub mod headers;
pub mod limits;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{Method, Uri};
use axum::middleware::Next;
use axum::response::Response;

/// Answers `request` with the problem page for `code` instead of what it asked for (its
/// headers and extensions kept, so language and session still apply).
pub(crate) async fn refuse(request: Request, code: &'static str, next: Next) -> Response {
    let (mut parts, _) = request.into_parts();
    parts.method = Method::GET;
    parts.uri = Uri::from_static(match code {
        "error-csrf" => "/problem?code=error-csrf",
        "error-rate-limited" => "/problem?code=error-rate-limited",
        "error-too-large" => "/problem?code=error-too-large",
        "error-session-unavailable" => "/problem?code=error-session-unavailable",
        _ => "/problem?code=error-internal",
    });
    parts.headers.remove(axum::http::header::CONTENT_TYPE);
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    next.run(Request::from_parts(parts, Body::empty())).await
}
