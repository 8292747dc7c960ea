//! Consent at each hub: `POST /consent/change` gives (`give=1`) or revokes (`give=0`) the
//! citizen's consent at one `source`, with the page's one-time `key`.

use axum::extract::State;
use carnet_core::change::form;
use serde::Deserialize;

use super::declare::routes;
use super::{Back, Form, Posted, SignedIn};
use crate::AppState;

const PAGE: &str = "/consent";

routes! {
    post "/consent/change" => change,
}

#[derive(Deserialize)]
struct ConsentForm {
    source: String,
    give: Give,
    key: String,
}

/// `give=1` gives, `give=0` revokes; anything else is not this form (a bad request).
#[derive(Deserialize)]
enum Give {
    #[serde(rename = "1")]
    Give,
    #[serde(rename = "0")]
    Revoke,
}

impl Form for ConsentForm {
    const PAGE: &'static str = PAGE;
}

async fn change(
    State(state): State<AppState>,
    signed: SignedIn,
    Posted(form): Posted<ConsentForm>,
) -> Result<Back, Back> {
    let change = form::Consent { source: form.source, give: matches!(form.give, Give::Give) };
    super::change(&state, signed, PAGE, &form.key, change.into()).await
}
