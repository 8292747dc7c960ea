//! Shares: the citizen makes one (`POST /share`: `part` repeated, `hours`, an optional
//! `passcode` and `label`, the page's one-time `key`) and revokes one (`POST /share/revoke`).
//! Whoever holds a link opens it without logging in: `/s/{link}` is the page (the app's),
//! `POST /s/{link}` takes its passcode, `/s/{link}/{file}` gives its files (the PDFs and the
//! FHIR summary, made from what the share names as it is now); `POST /s/{link}/manifest` and
//! `GET /s/{link}/file` are its SMART Health Link (HL7 SMART Health Cards and Links STU1):
//! the manifest lists the summary, which is served encrypted (JWE) with the link's key.

use axum::Json;
use axum::extract::{Extension, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use carnet_app::context::RequestInfo;
use carnet_app::i18n::Lang;
use carnet_core::export::ExportFile;
use carnet_core::portal_service::{OpenError, ServiceError, ShareAccess, ShareRequest};
use serde::Deserialize;

use super::declare::routes;
use super::{Back, Form, OrBack, Posted, SignedIn, chosen_parts, form_key};
use crate::AppState;

const PAGE: &str = "/share";

routes! {
    post "/share" => make,
    post "/share/revoke" => revoke,
    post "/s/{link}" => passcode,
    post "/s/{link}/manifest" => manifest,
    get "/s/{link}/file" => shl_file,
    get "/s/{link}/{file}" => file,
}

#[derive(Deserialize)]
struct MakeForm {
    #[serde(default)]
    part: Vec<String>,
    hours: String,
    #[serde(default)]
    passcode: String,
    #[serde(default)]
    label: String,
    key: String,
}

impl Form for MakeForm {
    const PAGE: &'static str = PAGE;
}

async fn make(State(state): State<AppState>, signed: SignedIn, Posted(form): Posted<MakeForm>) -> Result<Back, Back> {
    let key = form_key(PAGE, &form.key)?;
    let parts = chosen_parts(PAGE, &form.part, "share-error-no-part")?;
    let passcode = form.passcode.trim().to_owned();
    if !passcode.is_empty() && !carnet_core::share::passcode_ok(&passcode) {
        return Err(Back::error(PAGE, "share-error-passcode"));
    }
    let hours = form.hours.parse::<i64>().map_err(|_| Back::error(PAGE, ServiceError::BadRequest.message_id()))?;
    let request = ShareRequest {
        parts,
        hours,
        passcode: (!passcode.is_empty()).then_some(passcode),
        label: (!form.label.trim().is_empty()).then(|| form.label.clone()),
    };
    let id = state.service.make_share(&signed.principal, request, &key, signed.request_id).await.or_back(PAGE)?;
    Ok(Back::done(PAGE, "made").with("share", &id.to_string()))
}

#[derive(Deserialize)]
struct RevokeForm {
    id: i64,
}

impl Form for RevokeForm {
    const PAGE: &'static str = PAGE;
}

async fn revoke(
    State(state): State<AppState>,
    signed: SignedIn,
    Posted(form): Posted<RevokeForm>,
) -> Result<Back, Back> {
    state.service.revoke_share(&signed.principal, form.id, signed.request_id).await.or_back(PAGE)?;
    Ok(Back::done(PAGE, "revoked"))
}

fn request_id(info: &Option<Extension<RequestInfo>>) -> Option<String> {
    info.as_ref().and_then(|Extension(info)| info.request_id.clone())
}

/// Where a link's page goes with an error (`share-gone`, `share-wrong` with how many tries
/// are left, `share-locked`).
fn share_page(link: &str, error: OpenError) -> Response {
    let page = format!("/s/{link}");
    let query = match error {
        OpenError::Gone => "error=share-gone".to_owned(),
        OpenError::NeedsPasscode => String::new(),
        OpenError::WrongPasscode { left } => format!("error=share-wrong&left={left}"),
        OpenError::Locked { .. } => "error=share-locked".to_owned(),
        OpenError::Refused => "error=share-refused".to_owned(),
        OpenError::Unavailable => "error=share-unavailable".to_owned(),
    };
    let location = if query.is_empty() { page } else { format!("{page}?{query}") };
    Redirect::to(&location).into_response()
}

#[derive(Deserialize)]
struct PasscodeForm {
    #[serde(default)]
    passcode: String,
}

/// `POST /s/{link}`: the passcode, typed on the link's page. Right: the page, with a ticket
/// for it and its downloads; wrong: the page again, saying how many tries are left.
async fn passcode(
    State(state): State<AppState>,
    Path(link): Path<String>,
    axum::Form(form): axum::Form<PasscodeForm>,
) -> Response {
    match state.service.unlock_share(&link, Some(&form.passcode)).await {
        Ok(ticket) => {
            let ticket: String = url::form_urlencoded::byte_serialize(ticket.as_bytes()).collect();
            Redirect::to(&format!("/s/{link}?t={ticket}")).into_response()
        }
        Err(error) => share_page(&link, error),
    }
}

#[derive(Deserialize)]
struct TicketQuery {
    t: Option<String>,
}

fn access_of(query: &TicketQuery) -> ShareAccess {
    query.t.clone().map_or(ShareAccess::None, ShareAccess::Ticket)
}

/// `GET /s/{link}/patient-summary.pdf` (and `.json`, `vaccination-proof.pdf`), in the
/// reader's language.
async fn file(
    State(state): State<AppState>,
    Path((link, name)): Path<(String, String)>,
    Query(query): Query<TicketQuery>,
    info: Option<Extension<RequestInfo>>,
) -> Response {
    let Some(file) = ExportFile::ALL.into_iter().find(|f| f.name() == name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let lang = info.as_ref().map_or(Lang::En, |Extension(info)| info.lang);
    let opened = match state.service.open_share(&link, access_of(&query), request_id(&info)).await {
        Ok(opened) => opened,
        Err(error) => return share_page(&link, error),
    };
    let content = opened.content();
    let made = tokio::task::spawn_blocking(move || super::export::make(file, lang, &content))
        .await
        .unwrap_or(Err(ServiceError::Internal));
    match made {
        Ok(bytes) => attachment(bytes, file.media_type(), &format!("carnet-shared-{}", file.name())),
        Err(_) => share_page(&link, OpenError::Unavailable),
    }
}

fn attachment(bytes: Vec<u8>, media_type: &str, saved: &str) -> Response {
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    let mut set = |name, value: String| {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    };
    set(header::CONTENT_TYPE, media_type.to_owned());
    set(header::CONTENT_DISPOSITION, format!("attachment; filename=\"{saved}\""));
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff".into());
    set(header::CACHE_CONTROL, "no-store".into());
    set(header::REFERRER_POLICY, "no-referrer".into());
    set(header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox".into());
    response
}

/// A SMART Health Link's manifest request (SHL STU1: `recipient`, and `passcode` when the
/// link's flag has `P`).
#[derive(Deserialize)]
struct ManifestRequest {
    #[serde(default)]
    #[allow(dead_code)]
    recipient: String,
    passcode: Option<String>,
}

/// Readers of SMART Health Links call from their own origin: the manifest and the file
/// answer any (they are guarded by the link's secret and its passcode, not by cookies).
fn cors(mut response: Response) -> Response {
    response.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `POST /s/{link}/manifest`: the files of the link (one: the patient summary), each by
/// an address valid for a few minutes. A wrong passcode is a 401 with the tries left, as
/// the specification says; a link that ended, a 404.
async fn manifest(State(state): State<AppState>, Path(link): Path<String>, body: axum::body::Bytes) -> Response {
    let Ok(request) = serde_json::from_slice::<ManifestRequest>(&body) else {
        return cors(StatusCode::BAD_REQUEST.into_response());
    };
    // The manifest reads nothing: the file it lists is the opening.
    let ticket = match state.service.unlock_share(&link, request.passcode.as_deref()).await {
        Ok(ticket) => ticket,
        Err(OpenError::NeedsPasscode) => {
            return cors((StatusCode::UNAUTHORIZED, Json(serde_json::json!({"remainingAttempts": 5}))).into_response());
        }
        Err(OpenError::WrongPasscode { left }) => {
            return cors(
                (StatusCode::UNAUTHORIZED, Json(serde_json::json!({"remainingAttempts": left}))).into_response(),
            );
        }
        Err(OpenError::Locked { .. }) => {
            return cors((StatusCode::UNAUTHORIZED, Json(serde_json::json!({"remainingAttempts": 0}))).into_response());
        }
        Err(OpenError::Gone | OpenError::Refused) => return cors(StatusCode::NOT_FOUND.into_response()),
        Err(OpenError::Unavailable) => return cors(StatusCode::SERVICE_UNAVAILABLE.into_response()),
    };
    let base = state.config.public_url.as_str().trim_end_matches('/').to_owned();
    let ticket: String = url::form_urlencoded::byte_serialize(ticket.as_bytes()).collect();
    let files = serde_json::json!({
        "files": [{
            "contentType": "application/fhir+json",
            "location": format!("{base}/s/{link}/file?t={ticket}"),
        }]
    });
    cors(Json(files).into_response())
}

/// `GET /s/{link}/file?t=…`: the patient summary, encrypted with the link's key (JWE).
async fn shl_file(
    State(state): State<AppState>,
    Path(link): Path<String>,
    Query(query): Query<TicketQuery>,
    info: Option<Extension<RequestInfo>>,
) -> Response {
    let opened = match state.service.open_share(&link, access_of(&query), request_id(&info)).await {
        Ok(opened) => opened,
        Err(OpenError::Unavailable) => return cors(StatusCode::SERVICE_UNAVAILABLE.into_response()),
        Err(_) => return cors(StatusCode::NOT_FOUND.into_response()),
    };
    let key = opened.file_key;
    let content = opened.content();
    let made = tokio::task::spawn_blocking(move || {
        let bundle = super::export::make(ExportFile::Ips, Lang::En, &content).map_err(|_| ())?;
        carnet_connectors::shl::encrypt(&key, "application/fhir+json", &bundle, rand::random()).map_err(|_| ())
    })
    .await
    .unwrap_or(Err(()));
    match made {
        Ok(jwe) => {
            let mut response = jwe.into_response();
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/jose"));
            cors(response)
        }
        Err(()) => cors(StatusCode::SERVICE_UNAVAILABLE.into_response()),
    }
}
