//! The forms of acting for others: giving and answering mandates (`/mandates/*`) and
//! choosing whose record the session opens (`/act-for`). Plain form posts (CSRF and origin
//! checked before they get here); each sends the browser back (303) to its page. What a
//! give form typed never goes into a URL: its errors or its confirmation step come back
//! through the session (sealed, once).

use axum::Extension;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use carnet_app::context::RequestInfo;
use carnet_app::pages::mandates::GiveFlash;
use carnet_core::Principal;
use carnet_core::change::FormKey;
use carnet_core::mandate::{MandateAnswer, MandateForm, MandateId};
use carnet_core::portal_service::{GiveMandateError, ServiceError};
use carnet_core::support_code::SupportCodeId;
use tower_sessions::Session;

use crate::AppState;
use crate::auth::session::{keep_flash, set_acting_for};
use crate::control::{Fields, back};

const MANDATES: &str = "/mandates";
const SUPPORT: &str = "/support";
const HELPDESK: &str = "/helpdesk";

/// The error of a support code form without any part chosen.
const SCOPE_MISSING: &str = "support-error-scope";

/// Back to `page` with `?done=<what>`, or `?error=<message id>`.
fn outcome(page: &str, result: Result<&str, &str>) -> Response {
    match result {
        Ok(done) => back(page, &[("done", done)]),
        Err(error) => back(page, &[("error", error)]),
    }
}

fn request_id(info: Option<Extension<RequestInfo>>) -> Option<String> {
    info.and_then(|Extension(i)| i.request_id)
}

/// `POST /mandates/give`: `holder_ssin`, `holder_name`, `scope` (repeated), `first_day`,
/// `last_day`. Without `confirmed=1` (or with `edit=1`) the form is checked and comes back
/// with its errors, or to its confirmation step; with it (and the step's one-time `key`)
/// the mandate is given.
pub async fn give(
    State(state): State<AppState>,
    principal: Option<Extension<Principal>>,
    info: Option<Extension<RequestInfo>>,
    session: Session,
    body: Bytes,
) -> Response {
    let Some(Extension(principal)) = principal else {
        return back(MANDATES, &[("error", ServiceError::Unauthenticated.message_id())]);
    };
    let fields = Fields::parse(&body);
    let text = |name: &str| fields.get(name).unwrap_or_default().chars().take(200).collect::<String>();
    let form = MandateForm {
        holder_ssin: text("holder_ssin"),
        holder_name: text("holder_name"),
        scopes: fields.all("scope").into_iter().take(16).collect(),
        first_day: text("first_day"),
        last_day: text("last_day"),
    };
    let confirmed = fields.get("confirmed") == Some("1") && fields.get("edit").is_none();
    let today = state.service.today();
    if fields.get("edit").is_some() {
        // Back to the form, as typed.
        let _ = keep_flash(&session, &state.sealer, &GiveFlash { form, errors: Vec::new() }).await;
        return back_to_form(&[]);
    }
    if !confirmed {
        let errors = match form.check(principal.ssin(), today) {
            Ok(_) => Vec::new(),
            Err(errors) => errors,
        };
        let step = if errors.is_empty() { vec![("confirm", "give")] } else { vec![("error-form", "1")] };
        if keep_flash(&session, &state.sealer, &GiveFlash { form, errors }).await.is_err() {
            return back(MANDATES, &[("error", ServiceError::Internal.message_id())]);
        }
        return back_to_form(&step);
    }
    let Some(key) = fields.get("key").and_then(FormKey::parse) else {
        return back(MANDATES, &[("error", ServiceError::BadRequest.message_id())]);
    };
    match state.service.give_mandate(&principal, key, form.clone(), request_id(info)).await {
        Ok(_) => back(MANDATES, &[("done", "given")]),
        Err(GiveMandateError::Form(errors)) => {
            // Checked again at the confirmation (the day may have changed meanwhile).
            let _ = keep_flash(&session, &state.sealer, &GiveFlash { form, errors }).await;
            back_to_form(&[("error-form", "1")])
        }
        Err(GiveMandateError::Service(error)) => back(MANDATES, &[("error", error.message_id())]),
    }
}

/// The mandates page at its give form (or its confirmation step).
fn back_to_form(query: &[(&str, &str)]) -> Response {
    let mut response = back(MANDATES, query);
    if let Some(location) = response.headers().get(axum::http::header::LOCATION).and_then(|l| l.to_str().ok()) {
        let with_anchor = format!("{location}#give");
        if let Ok(value) = axum::http::HeaderValue::from_str(&with_anchor) {
            response.headers_mut().insert(axum::http::header::LOCATION, value);
        }
    }
    response
}

/// `POST /mandates/answer`: `id`, `answer` (`accept`, `decline`, `revoke`, `give-back`).
pub async fn answer(
    State(state): State<AppState>,
    principal: Option<Extension<Principal>>,
    info: Option<Extension<RequestInfo>>,
    body: Bytes,
) -> Response {
    let Some(Extension(principal)) = principal else {
        return back(MANDATES, &[("error", ServiceError::Unauthenticated.message_id())]);
    };
    let fields = Fields::parse(&body);
    let id = fields.get("id").and_then(|id| id.parse::<i64>().ok()).map(MandateId);
    let answer = fields.get("answer").and_then(MandateAnswer::from_code);
    let (Some(id), Some(answer)) = (id, answer) else {
        return back(MANDATES, &[("error", ServiceError::BadRequest.message_id())]);
    };
    let result = state.service.answer_mandate(&principal, id, answer, request_id(info)).await;
    outcome(MANDATES, result.map(|()| answer.code()).map_err(ServiceError::message_id))
}

/// `POST /act-for`: `person`, a choice's token: the session opens their record (when the
/// policy allows the person anything there now).
pub async fn open(
    State(state): State<AppState>,
    principal: Option<Extension<Principal>>,
    info: Option<Extension<RequestInfo>>,
    session: Session,
    body: Bytes,
) -> Response {
    let Some(Extension(principal)) = principal else {
        return back("/act-for", &[("error", ServiceError::Unauthenticated.message_id())]);
    };
    let fields = Fields::parse(&body);
    let Some(token) = fields.get("person") else {
        return back("/act-for", &[("error", ServiceError::BadRequest.message_id())]);
    };
    match state.service.choose_act_for(&principal, token, request_id(info)).await {
        Ok(acting) => {
            let chosen = if &acting.ssin == principal.ssin() { None } else { Some(&acting) };
            match set_acting_for(&session, &state.sealer, chosen).await {
                Ok(()) => back("/dashboard", &[]),
                Err(()) => back("/act-for", &[("error", ServiceError::Internal.message_id())]),
            }
        }
        Err(error) => back("/act-for", &[("error", error.message_id())]),
    }
}

/// What the helpdesk's code form keeps when it comes back with an error: the citizen's
/// number as typed (never in a URL; never the code).
#[derive(serde::Serialize)]
struct RedeemFlash {
    citizen: String,
}

/// `POST /support/issue`: `scope` (repeated) and the form's one-time `key`.
pub async fn issue_code(
    State(state): State<AppState>,
    principal: Option<Extension<Principal>>,
    info: Option<Extension<RequestInfo>>,
    body: Bytes,
) -> Response {
    let Some(Extension(principal)) = principal else {
        return back(SUPPORT, &[("error", ServiceError::Unauthenticated.message_id())]);
    };
    let fields = Fields::parse(&body);
    let Some(key) = fields.get("key").and_then(FormKey::parse) else {
        return back(SUPPORT, &[("error", ServiceError::BadRequest.message_id())]);
    };
    let scopes = fields.all("scope").into_iter().take(16).collect();
    let result = state.service.issue_support_code(&principal, key, scopes, request_id(info)).await;
    outcome(
        SUPPORT,
        result.map(|_| "issued").map_err(|e| match e {
            ServiceError::BadRequest => SCOPE_MISSING,
            other => other.message_id(),
        }),
    )
}

/// `POST /support/revoke`: `id`.
pub async fn revoke_code(
    State(state): State<AppState>,
    principal: Option<Extension<Principal>>,
    info: Option<Extension<RequestInfo>>,
    body: Bytes,
) -> Response {
    let Some(Extension(principal)) = principal else {
        return back(SUPPORT, &[("error", ServiceError::Unauthenticated.message_id())]);
    };
    let fields = Fields::parse(&body);
    let Some(id) = fields.get("id").and_then(|id| id.parse::<i64>().ok()).map(SupportCodeId) else {
        return back(SUPPORT, &[("error", ServiceError::BadRequest.message_id())]);
    };
    let result = state.service.revoke_support_code(&principal, id, request_id(info)).await;
    outcome(SUPPORT, result.map(|()| "revoked").map_err(ServiceError::message_id))
}

/// `POST /helpdesk/redeem`: `citizen` (their national register number) and `code`: the
/// session opens the citizen's record, read-only within the code's scopes.
pub async fn redeem(
    State(state): State<AppState>,
    principal: Option<Extension<Principal>>,
    info: Option<Extension<RequestInfo>>,
    session: Session,
    body: Bytes,
) -> Response {
    let Some(Extension(principal)) = principal else {
        return back(HELPDESK, &[("error", ServiceError::Unauthenticated.message_id())]);
    };
    let fields = Fields::parse(&body);
    let citizen: String = fields.get("citizen").unwrap_or_default().chars().take(40).collect();
    let code: String = fields.get("code").unwrap_or_default().chars().take(40).collect();
    match state.service.redeem_support_code(&principal, &citizen, &code, request_id(info)).await {
        Ok(acting) => match set_acting_for(&session, &state.sealer, Some(&acting)).await {
            Ok(()) => back(HELPDESK, &[("done", "redeemed")]),
            Err(()) => back(HELPDESK, &[("error", ServiceError::Internal.message_id())]),
        },
        Err(error) => {
            let _ = keep_flash(&session, &state.sealer, &RedeemFlash { citizen }).await;
            back(HELPDESK, &[("error", error.message_id())])
        }
    }
}

/// `POST /act-for/self`: back to one's own record.
pub async fn own(State(state): State<AppState>, principal: Option<Extension<Principal>>, session: Session) -> Response {
    match set_acting_for(&session, &state.sealer, None).await {
        Ok(()) => {
            back(if principal.is_some_and(|Extension(p)| p.is_helpdesk()) { HELPDESK } else { "/dashboard" }, &[])
        }
        Err(()) => back("/act-for", &[("error", ServiceError::Internal.message_id())]),
    }
}
