//! The helpdesk's console: `POST /helpdesk/redeem` with `citizen` (their national register
//! number) and `code`: the session opens the citizen's record, read-only within the code's
//! scopes. A refused code comes back with the number as typed (through the session, never
//! in a URL; never the code).

use axum::extract::State;
use carnet_core::portal_service::ServiceError;
use serde::Deserialize;
use tower_sessions::Session;

use super::declare::routes;
use super::{Back, Form, Posted, SignedIn};
use crate::AppState;
use crate::auth::session::{keep_flash, set_acting_for};

pub(super) const PAGE: &str = "/helpdesk";

routes! {
    post "/helpdesk/redeem" => redeem,
}

#[derive(Deserialize)]
struct RedeemForm {
    #[serde(default)]
    citizen: String,
    #[serde(default)]
    code: String,
}

impl Form for RedeemForm {
    const PAGE: &'static str = PAGE;
}

/// What the form keeps when it comes back with an error.
#[derive(serde::Serialize)]
struct RedeemFlash {
    citizen: String,
}

async fn redeem(
    State(state): State<AppState>,
    signed: SignedIn,
    session: Session,
    Posted(form): Posted<RedeemForm>,
) -> Result<Back, Back> {
    let citizen: String = form.citizen.chars().take(40).collect();
    let code: String = form.code.chars().take(40).collect();
    match state.service.redeem_support_code(&signed.principal, &citizen, &code, signed.request_id).await {
        Ok(acting) => match set_acting_for(&session, &state.sealer, Some(&acting)).await {
            Ok(()) => Ok(Back::done(PAGE, "redeemed")),
            Err(()) => Err(Back::error(PAGE, ServiceError::Internal.message_id())),
        },
        Err(error) => {
            let _ = keep_flash(&session, &state.sealer, &RedeemFlash { citizen }).await;
            Err(Back::error(PAGE, error.message_id()))
        }
    }
}
