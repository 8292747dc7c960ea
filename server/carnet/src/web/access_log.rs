//! The access log: `POST /access-log/seen` with `until`, the newest access the page showed
//! (ms since the epoch): the dashboard's alert of new accesses goes, until someone opens
//! the record again.

use axum::extract::State;
use serde::Deserialize;

use super::declare::routes;
use super::{Back, Form, OrBack, Posted, SignedIn};
use crate::AppState;

/// Where the alert is, and the form comes back to.
const PAGE: &str = "/dashboard";

routes! {
    post "/access-log/seen" => seen,
}

#[derive(Deserialize)]
struct SeenForm {
    until: i64,
}

impl Form for SeenForm {
    const PAGE: &'static str = PAGE;
}

async fn seen(State(state): State<AppState>, signed: SignedIn, Posted(form): Posted<SeenForm>) -> Result<Back, Back> {
    state.service.mark_access_seen(&signed.principal, form.until, signed.request_id).await.or_back(PAGE)?;
    Ok(Back::to(PAGE))
}
