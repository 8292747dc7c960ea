//! The page language: negotiated per request, switched by `/lang/<code>` (remembered in
//! a cookie), and handed to the pages with the rest of the [`RequestInfo`].

use axum::Extension;
use axum::extract::{Path, Query, Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use carnet_app::context::RequestInfo;
use carnet_app::i18n::{LANG_COOKIE, Lang};
use carnet_core::Principal;
use serde::Deserialize;

use crate::AppState;
use crate::auth::session::SessionCsrf;
use crate::request_id::RequestId;
use crate::return_path;
use crate::web::declare::routes;

/// Decides the language and fills in the [`RequestInfo`] the pages read.
pub async fn negotiate(mut request: Request, next: Next) -> Response {
    let headers = request.headers();
    let lang = Lang::negotiate(
        crate::cookies::get(headers, LANG_COOKIE).as_deref(),
        headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()),
    );
    let info = RequestInfo {
        lang,
        user_name: request.extensions().get::<Principal>().map(|p| p.display_name().to_owned()),
        request_id: request.extensions().get::<RequestId>().map(|r| r.0.clone()),
        // Masked afresh for this response (see `security::csrf`).
        csrf_token: request.extensions().get::<SessionCsrf>().map(|t| crate::security::csrf::mask(&t.0)),
        acting_for: request.extensions().get::<Principal>().and_then(|p| p.acting()).map(|a| a.name.clone()),
        acting_minor: request.extensions().get::<Principal>().and_then(|p| p.acting()).and_then(|a| a.minor.clone()),
        flash: request.extensions().get::<crate::auth::session::Flash>().map(|f| f.0.clone()),
        search: request.extensions().get::<crate::auth::session::Search>().map(|s| s.0.clone()),
    };
    request.extensions_mut().insert(lang);
    request.extensions_mut().insert(info);
    let is_asset = request.uri().path().starts_with("/pkg/") || request.uri().path() == "/favicon.svg";
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if !is_asset {
        // Pages carry health data and depend on the person and the language: no caching.
        headers.entry(header::CACHE_CONTROL).or_insert(header::HeaderValue::from_static("no-store"));
        headers.entry(header::VARY).or_insert(header::HeaderValue::from_static("Cookie, Accept-Language"));
    }
    response
}

routes! {
    get "/lang/{code}" => switch,
}

#[derive(Debug, Deserialize)]
pub struct SwitchParams {
    back: Option<String>,
}

/// `/lang/nl?back=/dashboard`: remembers the choice for a year and goes back.
pub async fn switch(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(params): Query<SwitchParams>,
    Extension(current): Extension<Lang>,
) -> Response {
    let lang = Lang::parse(&code).unwrap_or(current);
    // Remembered for a year.
    let cookie = crate::cookies::set(LANG_COOKIE, lang.code(), 31_536_000, state.config.secure_cookies());
    let back = return_path::safe(params.back.as_deref(), "/");
    let mut response = Redirect::to(&back).into_response();
    if let Some(cookie) = cookie {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}
