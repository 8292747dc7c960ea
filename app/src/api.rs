//! Server functions: the pages' only way to the data. Each one takes the logged-in
//! principal from the request and asks the [`PortalService`], which applies the policy,
//! reads the sources and writes the audit log.

use carnet_core::service::{Dashboard, ServiceError};
use leptos::prelude::*;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use carnet_core::service::PortalService;

/// What a page is told when a server function fails: a stable code, never internal text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    Service(ServiceError),
    /// The call itself failed (network, encoding).
    #[error("transport")]
    Transport,
}

impl ApiError {
    pub fn message_id(self) -> &'static str {
        match self {
            ApiError::Service(e) => e.message_id(),
            ApiError::Transport => "error-internal",
        }
    }
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        tracing::warn!(error = %error, "server function call failed");
        #[cfg(not(feature = "ssr"))]
        let _ = error;
        ApiError::Transport
    }
}

/// The service the server provides as context.
#[cfg(feature = "ssr")]
pub type SharedService = std::sync::Arc<dyn PortalService>;

#[cfg(feature = "ssr")]
fn request() -> Result<(SharedService, carnet_core::Principal, Option<String>), ApiError> {
    let service = use_context::<SharedService>().ok_or(ApiError::Service(ServiceError::Internal))?;
    let parts = use_context::<http::request::Parts>().ok_or(ApiError::Service(ServiceError::Internal))?;
    let principal = parts
        .extensions
        .get::<carnet_core::Principal>()
        .cloned()
        .ok_or(ApiError::Service(ServiceError::Unauthenticated))?;
    let request_id = parts.extensions.get::<crate::context::RequestInfo>().and_then(|i| i.request_id.clone());
    Ok((service, principal, request_id))
}

/// The logged-in person's dashboard.
#[server(prefix = "/api", endpoint = "dashboard")]
pub async fn get_dashboard() -> Result<Dashboard, ApiError> {
    let (service, principal, request_id) = request()?;
    service.dashboard(&principal, request_id).await.map_err(ApiError::Service)
}
