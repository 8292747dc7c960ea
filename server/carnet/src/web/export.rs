//! Taking the record along: `POST /export` starts an export of the parts chosen (`part`,
//! repeated) with the page's one-time `key` and goes to its page (`/export?job=<key>`),
//! which follows it; `GET /export/{key}/{file}` downloads it once made.

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use carnet_core::kind::Scope;
use carnet_core::portal_service::{ExportFormat, ServiceError};
use serde::Deserialize;

use super::declare::routes;
use super::{Back, Form, OrBack, Posted, SignedIn, form_key};
use crate::AppState;

const PAGE: &str = "/export";

routes! {
    post "/export" => start,
    get "/export/{key}/{file}" => file,
}

#[derive(Deserialize)]
struct ExportForm {
    /// The parts chosen (scope names); none is a clear error on the page.
    #[serde(default)]
    part: Vec<String>,
    key: String,
}

impl Form for ExportForm {
    const PAGE: &'static str = PAGE;
}

async fn start(
    State(state): State<AppState>,
    signed: SignedIn,
    Posted(form): Posted<ExportForm>,
) -> Result<Back, Back> {
    let key = form_key(PAGE, &form.key)?;
    if form.part.is_empty() {
        return Err(Back::error(PAGE, "export-error-no-part"));
    }
    let parts = form.part.iter().map(|name| Scope::from_name(name)).collect::<Option<Vec<Scope>>>();
    let parts = parts.ok_or_else(|| Back::error(PAGE, ServiceError::BadRequest.message_id()))?;
    state.service.start_export(&signed.principal, parts, &key, signed.request_id).await.or_back(PAGE)?;
    Ok(Back::to(PAGE).with("job", key.as_str()))
}

/// `GET /export/{key}/patient-summary.json`
async fn file(State(state): State<AppState>, Path((key, file)): Path<(String, String)>, signed: SignedIn) -> Response {
    let back = |error: &str| {
        let mut back = Back::error(PAGE, error);
        if let Some(key) = carnet_core::change::FormKey::parse(&key) {
            back = back.with("job", key.as_str());
        }
        back.into_response()
    };
    let (Some(key), Some(format)) = (carnet_core::change::FormKey::parse(&key), ExportFormat::from_file_name(&file))
    else {
        return Redirect::to(PAGE).into_response();
    };
    let made = match state.service.export_file(&signed.principal, &key, format, signed.request_id).await {
        Ok(made) => made,
        Err(error) => return back(error.message_id()),
    };
    let mut response = made.bytes.into_response();
    let headers = response.headers_mut();
    let mut set = |name, value: String| {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    };
    set(header::CONTENT_TYPE, made.format.media_type().to_owned());
    set(header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", made.file_name));
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff".into());
    set(header::CACHE_CONTROL, "private, no-store".into());
    set(header::REFERRER_POLICY, "no-referrer".into());
    set(header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox".into());
    response
}
