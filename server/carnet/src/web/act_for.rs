//! Whose record the session opens:
//! - `POST /act-for`: `person`, a choice's token: the session opens their record (when the
//!   policy allows the person anything there now);
//! - `POST /act-for/self`: back to one's own record.

use axum::extract::State;
use carnet_core::portal_service::ServiceError;
use serde::Deserialize;
use tower_sessions::Session;

use super::declare::routes;
use super::{Back, Form, OrBack, Posted, SignedIn};
use crate::AppState;
use crate::auth::session::set_acting_for;

const PAGE: &str = "/act-for";

routes! {
    post "/act-for" => open,
    post "/act-for/self" => own,
}

#[derive(Deserialize)]
struct OpenForm {
    person: String,
}

impl Form for OpenForm {
    const PAGE: &'static str = PAGE;
}

async fn open(
    State(state): State<AppState>,
    signed: SignedIn,
    session: Session,
    Posted(form): Posted<OpenForm>,
) -> Result<Back, Back> {
    let principal = &signed.principal;
    let acting = state.service.choose_act_for(principal, &form.person, signed.request_id).await.or_back(PAGE)?;
    let chosen = if &acting.ssin == principal.ssin() { None } else { Some(&acting) };
    set_acting_for(&session, &state.sealer, chosen)
        .await
        .map_err(|()| Back::error(PAGE, ServiceError::Internal.message_id()))?;
    Ok(Back::to("/dashboard"))
}

async fn own(State(state): State<AppState>, signed: SignedIn, session: Session) -> Result<Back, Back> {
    set_acting_for(&session, &state.sealer, None)
        .await
        .map_err(|()| Back::error(PAGE, ServiceError::Internal.message_id()))?;
    Ok(Back::to(if signed.principal.is_helpdesk() { super::helpdesk::PAGE } else { "/dashboard" }))
}
