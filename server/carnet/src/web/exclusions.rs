//! Exclusions (care providers the citizen keeps out of their record):
//! - `POST /exclusions/search`: `q`, a name or a NIHDI number to find in the hubs'
//!   directories, kept in the session (never in a URL: it names a care provider the person
//!   may want to exclude) and shown again by the page;
//! - `POST /exclusions/add`: `party`, a directory entry's token;
//! - `POST /exclusions/lift`: `exclusion`, an exclusion's token;
//!
//! each change with the page's one-time `key`.

use axum::extract::State;
use carnet_core::change::form;
use carnet_core::portal_service::ServiceError;
use serde::Deserialize;
use tower_sessions::Session;

use super::declare::routes;
use super::{Back, Form, Posted, SignedIn};
use crate::AppState;
use crate::auth::session::keep_search;

const PAGE: &str = "/exclusions";

routes! {
    post "/exclusions/search" => search,
    post "/exclusions/add" => add,
    post "/exclusions/lift" => lift,
}

#[derive(Deserialize)]
struct SearchForm {
    #[serde(default)]
    q: String,
}

#[derive(Deserialize)]
struct AddForm {
    party: String,
    key: String,
}

#[derive(Deserialize)]
struct LiftForm {
    exclusion: String,
    key: String,
}

impl Form for SearchForm {
    const PAGE: &'static str = PAGE;
}

impl Form for AddForm {
    const PAGE: &'static str = PAGE;
}

impl Form for LiftForm {
    const PAGE: &'static str = PAGE;
}

async fn search(State(state): State<AppState>, session: Session, Posted(form): Posted<SearchForm>) -> Back {
    let text: String = form.q.chars().take(200).collect();
    match keep_search(&session, &state.sealer, &text).await {
        Ok(()) => Back::to(PAGE),
        Err(()) => Back::error(PAGE, ServiceError::Internal.message_id()),
    }
}

async fn add(State(state): State<AppState>, signed: SignedIn, Posted(form): Posted<AddForm>) -> Result<Back, Back> {
    super::change(&state, signed, PAGE, &form.key, form::AddExclusion { party: form.party }.into()).await
}

async fn lift(State(state): State<AppState>, signed: SignedIn, Posted(form): Posted<LiftForm>) -> Result<Back, Back> {
    super::change(&state, signed, PAGE, &form.key, form::LiftExclusion { exclusion: form.exclusion }.into()).await
}
