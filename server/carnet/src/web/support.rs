//! The citizen's support codes:
//! - `POST /support/issue`: `scope` (repeated) and the form's one-time `key`;
//! - `POST /support/revoke`: `id`.

use axum::extract::State;
use carnet_core::portal_service::ServiceError;
use carnet_core::support_code::SupportCodeId;
use serde::Deserialize;

use super::declare::routes;
use super::{Back, Form, OrBack, Posted, SignedIn, form_key};
use crate::AppState;

const PAGE: &str = "/support";

/// The error of a support code form without any part chosen.
const SCOPE_MISSING: &str = "support-error-scope";

routes! {
    post "/support/issue" => issue,
    post "/support/revoke" => revoke,
}

#[derive(Deserialize)]
struct IssueForm {
    #[serde(default)]
    scope: Vec<String>,
    key: String,
}

impl Form for IssueForm {
    const PAGE: &'static str = PAGE;
}

#[derive(Deserialize)]
struct RevokeForm {
    id: i64,
}

impl Form for RevokeForm {
    const PAGE: &'static str = PAGE;
}

async fn issue(State(state): State<AppState>, signed: SignedIn, Posted(form): Posted<IssueForm>) -> Result<Back, Back> {
    let key = form_key(PAGE, &form.key)?;
    let scopes = form.scope.into_iter().take(16).collect();
    match state.service.issue_support_code(&signed.principal, key, scopes, signed.request_id).await {
        Ok(_) => Ok(Back::done(PAGE, "issued")),
        Err(ServiceError::BadRequest) => Err(Back::error(PAGE, SCOPE_MISSING)),
        Err(other) => Err(Back::error(PAGE, other.message_id())),
    }
}

async fn revoke(
    State(state): State<AppState>,
    signed: SignedIn,
    Posted(form): Posted<RevokeForm>,
) -> Result<Back, Back> {
    let id = SupportCodeId(form.id);
    state.service.revoke_support_code(&signed.principal, id, signed.request_id).await.or_back(PAGE)?;
    Ok(Back::done(PAGE, "revoked"))
}
