//! What every page needs to know about its request: the language and who is logged in.
//!
//! The server puts a [`RequestInfo`] into each request's extensions; the app reads it while
//! rendering and hands it to the browser inside the page ([`SharedValue`]), so hydration
//! sees exactly what the server rendered.

use leptos::prelude::*;
use leptos::server::SharedValue;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// Set by the server on every request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestInfo {
    pub lang: Lang,
    /// The logged-in person's name, if someone is logged in.
    pub user_name: Option<String>,
    /// The request id, also on every log line of this request.
    pub request_id: Option<String>,
    /// The session's CSRF token, which every form that changes something carries.
    pub csrf_token: Option<String>,
    /// The name of the person whose record the session has open, when it is not the
    /// logged-in person's own (`/act-for`).
    pub acting_for: Option<String>,
    /// When that person is a minor the logged-in person represents: the rule that applies.
    pub acting_minor: Option<carnet_core::principal::MinorNote>,
    /// What a form posted last, kept for the page it comes back to (its errors, or its
    /// confirmation step): JSON, once.
    pub flash: Option<String>,
    /// The directory search the person last made on the exclusions page (kept in the
    /// session: a care provider's name never goes into a URL).
    pub search: Option<String>,
}

/// The page's view of [`RequestInfo`], shared between server and browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageContext {
    pub lang: Lang,
    pub user_name: Option<String>,
    /// The session's CSRF token (see [`RequestInfo::csrf_token`]).
    pub csrf_token: Option<String>,
    /// See [`RequestInfo::acting_for`].
    pub acting_for: Option<String>,
    pub acting_minor: Option<carnet_core::principal::MinorNote>,
}

impl PageContext {
    /// The context provided to the page (an anonymous English one outside a page).
    pub fn current() -> PageContext {
        use_context::<PageContext>().unwrap_or(PageContext {
            lang: Lang::En,
            user_name: None,
            csrf_token: None,
            acting_for: None,
            acting_minor: None,
        })
    }

    /// Builds the context (from the request on the server, from the page in the browser)
    /// and provides it to every component below.
    pub fn provide() -> PageContext {
        let shared = SharedValue::new(|| {
            let info = server_request_info();
            PageContext {
                lang: info.as_ref().map(|i| i.lang).unwrap_or(Lang::En),
                user_name: info.as_ref().and_then(|i| i.user_name.clone()),
                csrf_token: info.as_ref().and_then(|i| i.csrf_token.clone()),
                acting_for: info.as_ref().and_then(|i| i.acting_for.clone()),
                acting_minor: info.and_then(|i| i.acting_minor),
            }
        });
        let page = shared.into_inner();
        provide_context(page.clone());
        page
    }
}

/// The current page's language.
pub fn use_lang() -> Lang {
    use_context::<PageContext>().map(|p| p.lang).unwrap_or(Lang::En)
}

/// What the last form posted kept for this page (server only), read as `T`.
pub fn flash<T: serde::de::DeserializeOwned>() -> Option<T> {
    server_request_info().and_then(|i| i.flash).and_then(|json| serde_json::from_str(&json).ok())
}

/// The [`RequestInfo`] of the request being rendered (server only; `None` in the browser).
pub fn server_request_info() -> Option<RequestInfo> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>().and_then(|parts| parts.extensions.get::<RequestInfo>().cloned())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}
