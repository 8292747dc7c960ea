//! The care team (therapeutic relationships): `POST /care-team/end` ends one, named by its
//! `link` token, with the page's one-time `key`.

use axum::extract::State;
use carnet_core::change::form;
use serde::Deserialize;

use super::declare::routes;
use super::{Back, Form, Posted, SignedIn};
use crate::AppState;

const PAGE: &str = "/care-team";

routes! {
    post "/care-team/end" => end,
}

#[derive(Deserialize)]
struct EndForm {
    link: String,
    key: String,
}

impl Form for EndForm {
    const PAGE: &'static str = PAGE;
}

async fn end(State(state): State<AppState>, signed: SignedIn, Posted(form): Posted<EndForm>) -> Result<Back, Back> {
    super::change(&state, signed, PAGE, &form.key, form::EndRelationship { link: form.link }.into()).await
}
