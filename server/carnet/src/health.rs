//! `/healthz` (the process is alive) and `/readyz` (its database and identity provider
//! answer).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::AppState;
use crate::web::declare::routes;

routes! {
    get "/healthz" => healthz,
    get "/readyz" => readyz,
}

pub async fn healthz() -> &'static str {
    "ok"
}

pub async fn readyz(State(state): State<AppState>) -> Response {
    let (database, provider) = tokio::join!(state.store.ping(), state.relying_party.check_provider());
    let database = database.is_ok();
    let status = if database && provider { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    let word = |ok: bool| if ok { "ok" } else { "unavailable" };
    (status, Json(json!({ "database": word(database), "identity_provider": word(provider) }))).into_response()
}

/// Prometheus metrics of the data sources (no personal data in any label).
pub async fn metrics(State(state): State<AppState>) -> Response {
    ([(axum::http::header::CONTENT_TYPE, "text/plain; version=0.0.4")], state.metrics.render()).into_response()
}
