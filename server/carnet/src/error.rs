//! Errors reach people as translated problem pages, by stable code; the cause goes to
//! the log, never to the browser.

use axum::response::{IntoResponse, Redirect, Response};

/// Sends the browser to the translated problem page for `code` (a Fluent message id).
pub fn problem(code: &str) -> Response {
    Redirect::to(&format!("/problem?code={code}")).into_response()
}
