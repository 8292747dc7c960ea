//! Security headers on every response.
//!
//! The page CSP allows scripts only from this origin and with this response's nonce
//! (Leptos puts it on the inline hydration script), WebAssembly compilation
//! (`'wasm-unsafe-eval'`, which islands need), styles and images from this origin, forms
//! that post here or to the identity provider (the logout form is redirected there), and
//! nothing else: no plugins, no `<base>`, no framing.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;

use crate::AppState;

/// This response's CSP nonce; the page renders it on its scripts.
#[derive(Debug, Clone)]
pub struct CspNonce(pub String);

/// The policy for pages, with `nonce`.
pub fn page_policy(nonce: &str, provider_origin: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; \
         connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; \
         form-action 'self' {provider_origin}"
    )
}

pub async fn set(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let bytes: [u8; 16] = rand::random();
    let nonce = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    // A share's page and files: its address is its secret, and what it shows is read anew
    // at each opening: never kept by a cache, never indexed. (Its address is never named to
    // another site: `same-origin` below. Not `no-referrer`: a browser then sends
    // `Origin: null` with the passcode's form, which the CSRF guard rightly refuses.)
    let shared = request.uri().path().starts_with("/s/");
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // A handler that set its own (a document's file: sandboxed) keeps it.
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY)
        && let Ok(value) = HeaderValue::from_str(&page_policy(&nonce, &state.provider_origin))
    {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    if state.config.secure_cookies()
        && !state.config.hsts.is_zero()
        && let Ok(value) = HeaderValue::from_str(&format!("max-age={}; includeSubDomains", state.config.hsts.as_secs()))
    {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, value);
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.entry(header::REFERRER_POLICY).or_insert(HeaderValue::from_static("same-origin"));
    headers.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    headers.insert("cross-origin-resource-policy", HeaderValue::from_static("same-origin"));
    if shared {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        headers.insert("x-robots-tag", HeaderValue::from_static("noindex"));
    }
    response
}
