//! The server's own routes (besides the pages and the server functions, which the app
//! registers), one module per capability, each with its `router()` and its [`ROUTES`]
//! declared once by `routes!` (in [`declare`]); merged in [`router`].
//!
//! Every form here is a plain HTML form post, so it works without JavaScript; the CSRF token
//! and the origin are checked before a form gets here (`security::csrf`). A handler takes
//! the signed-in person ([`SignedIn`]) and its form, typed ([`Posted`]), and answers with
//! where the browser goes next ([`Back`]): the form's page, with what was done or the
//! translated error.

pub mod access_log;
pub mod act_for;
pub mod care_team;
pub mod consent;
pub mod declare;
pub mod documents;
pub mod exclusions;
pub mod export;
pub mod helpdesk;
pub mod mandates;
pub mod share;
pub mod support;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use carnet_app::context::RequestInfo;
use carnet_core::Principal;
use carnet_core::change::{ChangeForm, FormKey};
use carnet_core::portal_service::ServiceError;
use serde::de::DeserializeOwned;

use crate::AppState;

/// Every capability's routes, merged.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(crate::health::router())
        .merge(crate::auth::routes::router())
        .merge(crate::lang::router())
        .merge(documents::router())
        .merge(consent::router())
        .merge(care_team::router())
        .merge(exclusions::router())
        .merge(export::router())
        .merge(share::router())
        .merge(access_log::router())
        .merge(mandates::router())
        .merge(act_for::router())
        .merge(support::router())
        .merge(helpdesk::router())
}

/// Every route of the server's own, as (method, path), in [`router`]'s order.
pub fn all_routes() -> impl Iterator<Item = (&'static str, &'static str)> {
    [
        crate::health::ROUTES,
        crate::auth::routes::ROUTES,
        crate::lang::ROUTES,
        documents::ROUTES,
        consent::ROUTES,
        care_team::ROUTES,
        exclusions::ROUTES,
        export::ROUTES,
        share::ROUTES,
        access_log::ROUTES,
        mandates::ROUTES,
        act_for::ROUTES,
        support::ROUTES,
        helpdesk::ROUTES,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// The signed-in person (with whose record their session has open: see
/// [`Principal::acting`]) and the request's id for the audit log.
pub struct SignedIn {
    pub principal: Principal,
    pub request_id: Option<String>,
}

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    /// Nobody signed in: to the login (the guard in front of these paths does it first).
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<SignedIn, Response> {
        let Some(principal) = parts.extensions.get::<Principal>().cloned() else {
            return Err(Redirect::to("/auth/login").into_response());
        };
        let request_id = parts.extensions.get::<RequestInfo>().and_then(|info| info.request_id.clone());
        Ok(SignedIn { principal, request_id })
    }
}

/// A form as posted, read into its type at the edge: a form that cannot be read goes back
/// to its page with the translated "bad request" error.
pub trait Form: DeserializeOwned {
    /// The page the form is on, and comes back to.
    const PAGE: &'static str;
}

/// A posted form of type `T` (repeated names, the checkboxes, read into a `Vec`).
pub struct Posted<T>(pub T);

impl<S: Send + Sync, T: Form> FromRequest<S> for Posted<T> {
    type Rejection = Back;

    async fn from_request(request: Request, state: &S) -> Result<Posted<T>, Back> {
        let bad = || Back::error(T::PAGE, ServiceError::BadRequest.message_id());
        let body = Bytes::from_request(request, state).await.map_err(|_| bad())?;
        serde_html_form::from_bytes(&body).map(Posted).map_err(|_| bad())
    }
}

/// Where a form sends the browser next (303): its page, with `?done=<what>` or
/// `?error=<message id>` (the page says it in the person's language), and an anchor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Back {
    page: &'static str,
    query: Vec<(&'static str, String)>,
    anchor: Option<&'static str>,
}

impl Back {
    pub fn to(page: &'static str) -> Back {
        Back { page, query: Vec::new(), anchor: None }
    }

    pub fn done(page: &'static str, what: &str) -> Back {
        Back::to(page).with("done", what)
    }

    pub fn error(page: &'static str, message_id: &str) -> Back {
        Back::to(page).with("error", message_id)
    }

    /// With one more query parameter (never anything a person typed: it would be in a URL).
    pub fn with(mut self, name: &'static str, value: &str) -> Back {
        self.query.push((name, value.to_owned()));
        self
    }

    /// At an anchor of the page (`#give`).
    pub fn at(mut self, anchor: &'static str) -> Back {
        self.anchor = Some(anchor);
        self
    }

    fn location(&self) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in &self.query {
            query.append_pair(name, value);
        }
        let query = query.finish();
        let mut location = self.page.to_owned();
        if !query.is_empty() {
            location.push('?');
            location.push_str(&query);
        }
        if let Some(anchor) = self.anchor {
            location.push('#');
            location.push_str(anchor);
        }
        location
    }
}

impl IntoResponse for Back {
    fn into_response(self) -> Response {
        Redirect::to(&self.location()).into_response()
    }
}

/// A service's refusal as a way back to the form's page, with its translated error.
pub trait OrBack<T> {
    fn or_back(self, page: &'static str) -> Result<T, Back>;
}

impl<T> OrBack<T> for Result<T, ServiceError> {
    fn or_back(self, page: &'static str) -> Result<T, Back> {
        self.map_err(|error| Back::error(page, error.message_id()))
    }
}

/// The parts of the record a form chose (`part`, repeated): none is the page's own error
/// (`none`), a name that is no part a bad request.
pub fn chosen_parts(
    page: &'static str,
    names: &[String],
    none: &'static str,
) -> Result<Vec<carnet_core::kind::Scope>, Back> {
    if names.is_empty() {
        return Err(Back::error(page, none));
    }
    names
        .iter()
        .map(|name| carnet_core::kind::Scope::from_name(name))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| Back::error(page, ServiceError::BadRequest.message_id()))
}

/// A form's one-time key (what makes a second submit act once).
pub fn form_key(page: &'static str, key: &str) -> Result<FormKey, Back> {
    FormKey::parse(key).ok_or_else(|| Back::error(page, ServiceError::BadRequest.message_id()))
}

/// Makes a change at the sources (consent, care team, exclusions) and goes back to its page
/// with `?done=<key>`: the page shows the change's report (a second submit of the same form
/// lands on the same report).
pub async fn change(
    state: &AppState,
    signed: SignedIn,
    page: &'static str,
    key: &str,
    form: ChangeForm,
) -> Result<Back, Back> {
    let key = form_key(page, key)?;
    state.service.change(&signed.principal, key.clone(), form, signed.request_id).await.or_back(page)?;
    Ok(Back::done(page, key.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_puts_the_query_before_the_anchor_and_escapes_it() {
        assert_eq!(Back::to("/consent").location(), "/consent");
        assert_eq!(Back::done("/support", "issued").location(), "/support?done=issued");
        assert_eq!(Back::error("/mandates", "a b&c").at("give").location(), "/mandates?error=a+b%26c#give");
    }

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Sample {
        #[serde(default)]
        scope: Vec<String>,
        key: String,
    }

    impl Form for Sample {
        const PAGE: &'static str = "/sample";
    }

    #[tokio::test]
    async fn a_form_is_read_into_its_type_or_goes_back_with_an_error() {
        let post = |body: &'static str| {
            let request = Request::builder().method("POST").body(axum::body::Body::from(body)).unwrap_or_default();
            Posted::<Sample>::from_request(request, &())
        };
        let Ok(Posted(form)) = post("scope=documents&scope=medication&key=k1&_csrf=t").await else { panic!("read") };
        assert_eq!(form, Sample { scope: vec!["documents".into(), "medication".into()], key: "k1".into() });
        let Ok(Posted(form)) = post("key=k2").await else { panic!("no checkbox ticked") };
        assert!(form.scope.is_empty());
        let Err(back) = post("scope=documents").await else { panic!("the key is missing") };
        assert_eq!(back.location(), "/sample?error=error-bad-request");
    }
}
