//! The forms of the citizen's control pages (consent, care team, exclusions): plain HTML
//! form posts, so they work without JavaScript. Each carries the session's CSRF token
//! (checked, with the origin, by `security::csrf` before it gets here) and the one-time
//! key its page made; the change goes to [`PortalService::change`], then the browser is
//! sent back to the page it came from (303), which shows the change's report in the
//! person's language. A second submit of the same form lands on the same report.

use axum::Extension;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use carnet_app::context::RequestInfo;
use carnet_core::Principal;
use carnet_core::change::{ChangeForm, FormKey};
use carnet_core::portal_service::ServiceError;

use tower_sessions::Session;

use crate::AppState;
use crate::auth::session::keep_search;

/// The fields of a posted form (the last value of a repeated name wins).
pub(crate) struct Fields(Vec<(String, String)>);

impl Fields {
    pub(crate) fn parse(body: &[u8]) -> Fields {
        Fields(url::form_urlencoded::parse(body).into_owned().collect())
    }

    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    /// Every value of a repeated name (checkboxes), in order.
    pub(crate) fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }
}

/// A posted form read: the change it asks for (`None` when a field is missing), the page
/// it comes back to, and what of the form that page's address keeps.
struct Posted<'f> {
    form: Option<ChangeForm>,
    page: &'static str,
    keep: Vec<(&'static str, &'f str)>,
}

/// The change a form at `path` asks for, and the page it comes back to (with what of the
/// form that page shows again):
/// - `POST /consent/change`: `source`, `give` (`1` gives, `0` revokes);
/// - `POST /care-team/end`: `link`, the relationship's token;
/// - `POST /exclusions/add`: `party`, the directory entry's token (the search it came from
///   stays in the session and shows again);
/// - `POST /exclusions/lift`: `exclusion`, the exclusion's token.
fn form_at<'f>(path: &str, fields: &'f Fields) -> Option<Posted<'f>> {
    let token = |name: &str| fields.get(name).map(str::to_owned);
    let (form, page, keep) = match path {
        "/consent/change" => (
            fields
                .get("source")
                .zip(fields.get("give"))
                .map(|(source, give)| ChangeForm::Consent { source: source.to_owned(), give: give == "1" }),
            "/consent",
            Vec::new(),
        ),
        "/care-team/end" => (token("link").map(|link| ChangeForm::EndRelationship { link }), "/care-team", Vec::new()),
        "/exclusions/add" => {
            (token("party").map(|party| ChangeForm::AddExclusion { party }), "/exclusions", Vec::new())
        }
        "/exclusions/lift" => {
            (token("exclusion").map(|exclusion| ChangeForm::LiftExclusion { exclusion }), "/exclusions", Vec::new())
        }
        _ => return None,
    };
    Some(Posted { form, page, keep })
}

/// `POST` of a control form (see [`form_at`]): makes the change and sends the browser back
/// to its page, `?done=<key>` (the page shows the report) or `?error=<code>` when no change
/// could be asked for.
pub async fn change(
    State(state): State<AppState>,
    principal: Option<Extension<Principal>>,
    info: Option<Extension<RequestInfo>>,
    uri: Uri,
    body: Bytes,
) -> Response {
    let fields = Fields::parse(&body);
    let Some(Posted { form, page, keep }) = form_at(uri.path(), &fields) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let Some(Extension(principal)) = principal else {
        return back(page, &[("error", ServiceError::Unauthenticated.message_id())]);
    };
    let request_id = info.and_then(|Extension(i)| i.request_id);
    let key = fields.get("key").and_then(FormKey::parse);
    let (Some(key), Some(form)) = (key, form) else {
        return back(page, &[("error", ServiceError::BadRequest.message_id())]);
    };
    match state.service.change(&principal, key.clone(), form, request_id).await {
        Ok(_) => {
            let mut query = keep;
            query.push(("done", key.as_str()));
            back(page, &query)
        }
        Err(error) => back(page, &[("error", error.message_id())]),
    }
}

/// `POST /exclusions/search`: `q`, a name or a NIHDI number to find in the hubs'
/// directories: kept in the session (never in a URL: it names a care provider the person
/// may want to exclude) and shown by `/exclusions`.
pub async fn search(State(state): State<AppState>, session: Session, body: Bytes) -> Response {
    let fields = Fields::parse(&body);
    let text: String = fields.get("q").unwrap_or_default().chars().take(200).collect();
    match keep_search(&session, &state.sealer, &text).await {
        Ok(()) => back("/exclusions", &[]),
        Err(()) => back("/exclusions", &[("error", ServiceError::Internal.message_id())]),
    }
}

/// `POST /access-log/seen`: `until`, the newest access the page showed (ms since the
/// epoch): the dashboard's alert of new accesses goes, until someone opens the record again.
pub async fn access_seen(
    State(state): State<AppState>,
    principal: Option<Extension<Principal>>,
    info: Option<Extension<RequestInfo>>,
    body: Bytes,
) -> Response {
    let fields = Fields::parse(&body);
    let Some(Extension(principal)) = principal else {
        return back("/dashboard", &[("error", ServiceError::Unauthenticated.message_id())]);
    };
    let Some(until) = fields.get("until").and_then(|u| u.parse::<i64>().ok()) else {
        return back("/dashboard", &[("error", ServiceError::BadRequest.message_id())]);
    };
    let request_id = info.and_then(|Extension(i)| i.request_id);
    match state.service.mark_access_seen(&principal, until, request_id).await {
        Ok(()) => back("/dashboard", &[]),
        Err(error) => back("/dashboard", &[("error", error.message_id())]),
    }
}

/// A 303 to `page` with this query.
pub(crate) fn back(page: &str, query: &[(&str, &str)]) -> Response {
    let mut target = url::form_urlencoded::Serializer::new(String::new());
    for (name, value) in query {
        target.append_pair(name, value);
    }
    let target = target.finish();
    let location = if target.is_empty() { page.to_owned() } else { format!("{page}?{target}") };
    Redirect::to(&location).into_response()
}
