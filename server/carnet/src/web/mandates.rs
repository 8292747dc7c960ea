//! Mandates (trusted persons):
//! - `POST /mandates/give`: `holder_ssin`, `holder_name`, `scope` (repeated), `first_day`,
//!   `last_day`. Without `confirmed=1` (or with `edit=1`) the form is checked and comes
//!   back with its errors, or to its confirmation step; with it (and the step's one-time
//!   `key`) the mandate is given. What the form typed never goes into a URL: its errors or
//!   its confirmation step come back through the session (sealed, once).
//! - `POST /mandates/answer`: `id`, `answer` (`accept`, `decline`, `revoke`, `give-back`).

use axum::extract::State;
use carnet_app::mandates::GiveFlash;
use carnet_core::mandate::{MandateAnswer, MandateForm, MandateId};
use carnet_core::portal_service::{GiveMandateError, ServiceError};
use serde::Deserialize;
use tower_sessions::Session;

use super::declare::routes;
use super::{Back, Form, OrBack, Posted, SignedIn, form_key};
use crate::AppState;
use crate::auth::session::keep_flash;

const PAGE: &str = "/mandates";

routes! {
    post "/mandates/give" => give,
    post "/mandates/answer" => answer,
}

#[derive(Deserialize)]
struct GiveForm {
    #[serde(default)]
    holder_ssin: String,
    #[serde(default)]
    holder_name: String,
    #[serde(default)]
    scope: Vec<String>,
    #[serde(default)]
    first_day: String,
    #[serde(default)]
    last_day: String,
    #[serde(default)]
    confirmed: Option<String>,
    #[serde(default)]
    edit: Option<String>,
    #[serde(default)]
    key: Option<String>,
}

impl Form for GiveForm {
    const PAGE: &'static str = PAGE;
}

#[derive(Deserialize)]
struct AnswerForm {
    id: i64,
    answer: String,
}

impl Form for AnswerForm {
    const PAGE: &'static str = PAGE;
}

/// The give form again (its errors or its confirmation step), as typed.
async fn back_to_form(
    state: &AppState,
    session: &Session,
    flash: GiveFlash,
    step: Option<(&'static str, &str)>,
) -> Back {
    if keep_flash(session, &state.sealer, &flash).await.is_err() {
        return Back::error(PAGE, ServiceError::Internal.message_id());
    }
    let back = Back::to(PAGE).at("give");
    match step {
        Some((name, value)) => back.with(name, value),
        None => back,
    }
}

async fn give(
    State(state): State<AppState>,
    signed: SignedIn,
    session: Session,
    Posted(posted): Posted<GiveForm>,
) -> Result<Back, Back> {
    let text = |s: &str| s.chars().take(200).collect::<String>();
    let form = MandateForm {
        holder_ssin: text(&posted.holder_ssin),
        holder_name: text(&posted.holder_name),
        scopes: posted.scope.into_iter().take(16).collect(),
        first_day: text(&posted.first_day),
        last_day: text(&posted.last_day),
    };
    if posted.edit.is_some() {
        return Ok(back_to_form(&state, &session, GiveFlash { form, errors: Vec::new() }, None).await);
    }
    if posted.confirmed.as_deref() != Some("1") {
        let errors = form.check(signed.principal.ssin(), state.service.today()).err().unwrap_or_default();
        let step = if errors.is_empty() { ("confirm", "give") } else { ("error-form", "1") };
        return Ok(back_to_form(&state, &session, GiveFlash { form, errors }, Some(step)).await);
    }
    let key = form_key(PAGE, posted.key.as_deref().unwrap_or_default())?;
    match state.service.give_mandate(&signed.principal, key, form.clone(), signed.request_id).await {
        Ok(_) => Ok(Back::done(PAGE, "given")),
        // Checked again at the confirmation (the day may have changed meanwhile).
        Err(GiveMandateError::Form(errors)) => {
            Err(back_to_form(&state, &session, GiveFlash { form, errors }, Some(("error-form", "1"))).await)
        }
        Err(GiveMandateError::Service(error)) => Err(Back::error(PAGE, error.message_id())),
    }
}

async fn answer(
    State(state): State<AppState>,
    signed: SignedIn,
    Posted(form): Posted<AnswerForm>,
) -> Result<Back, Back> {
    let bad = || Back::error(PAGE, ServiceError::BadRequest.message_id());
    let answer = MandateAnswer::from_code(&form.answer).ok_or_else(bad)?;
    let id = MandateId(form.id);
    state.service.answer_mandate(&signed.principal, id, answer, signed.request_id).await.or_back(PAGE)?;
    Ok(Back::done(PAGE, answer.code()))
}
