//! The pages' only way to the data: [`ask`] gives a page's call the [`PortalService`]
//! (which applies the policy, reads the sources and writes the audit log), the person
//! logged in and the request's id; each capability's page asks for what it shows.

use carnet_core::Principal;
use carnet_core::date::Day;
use carnet_core::kind::Reading;
use carnet_core::kind::{Kind, Scope};
use carnet_core::portal_service::{PortalService, ScopeReading, ServiceError};
use carnet_core::source_answer::SourceState;
use leptos::prelude::*;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

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
pub type SharedService = std::sync::Arc<dyn PortalService>;

#[cfg(feature = "ssr")]
fn request() -> Result<(SharedService, Principal, Option<String>), ApiError> {
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

/// Asks the portal for something on behalf of the person behind the request: `call` gets
/// the service, the person and the request's id (pages render on the server: this is a
/// call, not a request). For example `ask(|s, p, _| async move { s.mandates(&p).await })`.
#[allow(unused_variables)]
pub async fn ask<T, F, Fut>(call: F) -> Result<T, ApiError>
where
    F: FnOnce(SharedService, Principal, Option<String>) -> Fut,
    Fut: std::future::Future<Output = Result<T, ServiceError>>,
{
    #[cfg(feature = "ssr")]
    {
        let (service, principal, request_id) = request()?;
        call(service, principal, request_id).await.map_err(ApiError::Service)
    }
    #[cfg(not(feature = "ssr"))]
    {
        Err(ApiError::Transport)
    }
}

/// Asks the portal for something that needs nobody logged in (a share's page, opened by
/// whoever holds its link): `call` gets the service and the request's id. `None` in the
/// browser (pages render on the server).
#[allow(unused_variables)]
pub async fn ask_anonymous<T, F, Fut>(call: F) -> Option<T>
where
    F: FnOnce(SharedService, Option<String>) -> Fut,
    Fut: std::future::Future<Output = T>,
{
    #[cfg(feature = "ssr")]
    {
        let service = use_context::<SharedService>()?;
        let request_id = crate::context::server_request_info().and_then(|i| i.request_id);
        Some(call(service, request_id).await)
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// A read started once per page, however often the page's `Suspense` renders (and polls)
/// its children: every poller shares the one result. On the server the read runs as its
/// own task (with the page's reactive owner, so it finds the request's context), so it
/// makes progress even while the stream is busy with an earlier part of the page: a read
/// that waited to be polled could hold the database's write lock meanwhile.
pub type Once<T> = Spawned<Result<T, ApiError>>;

pub fn once<T: Clone + Send + Sync + 'static>(
    future: impl std::future::Future<Output = Result<T, ApiError>> + Send + 'static,
) -> Once<T> {
    spawned(leptos::reactive::computed::ScopedFuture::new(future), Err(ApiError::Transport))
}

/// A future run as its own task, its result shared by every poller (`lost` if the task
/// ended without one).
pub type Spawned<T> = futures::future::Shared<futures::future::BoxFuture<'static, T>>;

fn spawned<T: Clone + Send + Sync + 'static>(
    future: impl std::future::Future<Output = T> + Send + 'static,
    lost: T,
) -> Spawned<T> {
    use futures::FutureExt;
    let (sender, receiver) = futures::channel::oneshot::channel();
    leptos::task::spawn(async move {
        let _ = sender.send(future.await);
    });
    receiver.map(move |r| r.unwrap_or(lost)).boxed().shared()
}

/// One kind of data of the logged-in person's record, from every source (pages render on
/// the server: this is a call, not a request).
pub async fn read<K: Kind>() -> Result<Reading<K>, ApiError> {
    ask(|s, p, r| async move { carnet_core::portal_service::read::<K>(&*s, &p, r).await }).await
}

/// How each source that serves a kind did just now (read through the policy and audited
/// like any reading): for a script that refreshes a page's state lines.
#[server(prefix = "/api", endpoint = "read")]
pub async fn source_states(scope: Scope) -> Result<Vec<SourceState>, ApiError> {
    let (service, principal, request_id) = request()?;
    let reading = service.read_any(&principal, scope, request_id).await.map_err(ApiError::Service)?;
    Ok(reading.states().to_vec())
}

/// The sources an export is still waiting for (`None` once it is done, failed or gone):
/// for the export page's list, which updates in place.
#[server(prefix = "/api", endpoint = "export-progress")]
pub async fn export_progress(key: String) -> Result<Option<Vec<String>>, ApiError> {
    use carnet_core::portal_service::ExportState;
    let (service, principal, request_id) = request()?;
    let key = carnet_core::change::FormKey::parse(&key).ok_or(ApiError::Service(ServiceError::BadRequest))?;
    match service.export_job(&principal, &key, request_id).await {
        Ok(job) => Ok(match job.state {
            ExportState::Running { pending } => Some(pending),
            _ => None,
        }),
        Err(ServiceError::NotFound) => Ok(None),
        Err(e) => Err(ApiError::Service(e)),
    }
}

/// Now, in milliseconds since the epoch (pages are rendered on the server).
pub fn now_ms() -> i64 {
    #[cfg(feature = "ssr")]
    if let Some(service) = use_context::<SharedService>() {
        return service.now_ms();
    }
    0
}

/// Today in Belgium (pages are rendered on the server; in the browser this is never asked).
pub fn today() -> Day {
    #[cfg(feature = "ssr")]
    if let Some(service) = use_context::<SharedService>() {
        return service.today();
    }
    Day { year: 1970, month: 1, day: 1 }
}

/// Readings of several scopes as they become ready, for a page that streams its parts
/// (the dashboard): level 0 holds everything ready within `grace`, each further level one
/// or more late scopes as they arrive; a level past the last is `None`. A level is read
/// once (as its own task, see [`once`]), however often the page asks for it.
#[derive(Clone)]
pub struct Feed {
    #[cfg(feature = "ssr")]
    inner: std::sync::Arc<std::sync::Mutex<FeedState>>,
}

#[cfg(feature = "ssr")]
struct FeedState {
    batches: std::sync::Arc<futures::lock::Mutex<Box<dyn carnet_core::portal_service::ReadingBatches>>>,
    levels: Vec<Spawned<Option<Vec<ScopeReading>>>>,
}

impl Feed {
    /// Starts reading every scope at once.
    #[allow(unused_variables)]
    pub fn start(scopes: &[Scope], grace: std::time::Duration) -> Result<Feed, ApiError> {
        #[cfg(feature = "ssr")]
        {
            let (service, principal, request_id) = request()?;
            let batches = service.read_in_batches(principal, scopes.to_vec(), grace, request_id);
            let state =
                FeedState { batches: std::sync::Arc::new(futures::lock::Mutex::new(batches)), levels: Vec::new() };
            Ok(Feed { inner: std::sync::Arc::new(std::sync::Mutex::new(state)) })
        }
        #[cfg(not(feature = "ssr"))]
        {
            Err(ApiError::Transport)
        }
    }

    /// The batch of level `k` (levels are read in order).
    #[allow(unused_variables)]
    pub async fn level(&self, k: usize) -> Option<Vec<ScopeReading>> {
        #[cfg(feature = "ssr")]
        {
            let level = {
                let mut state = self.inner.lock().ok()?;
                while state.levels.len() <= k {
                    let batches = state.batches.clone();
                    let before = state.levels.last().cloned();
                    let next = async move {
                        if let Some(before) = before {
                            before.await?;
                        }
                        batches.lock().await.next().await
                    };
                    state.levels.push(spawned(next, None));
                }
                state.levels.get(k).cloned()
            }?;
            level.await
        }
        #[cfg(not(feature = "ssr"))]
        {
            None
        }
    }

    /// Every source state in the levels delivered so far.
    pub fn states(&self) -> Vec<carnet_core::source_answer::SourceState> {
        #[cfg(feature = "ssr")]
        {
            let Ok(state) = self.inner.lock() else { return Vec::new() };
            state
                .levels
                .iter()
                .filter_map(|level| level.peek().cloned().flatten())
                .flatten()
                .filter_map(|(_, reading)| reading.ok())
                .flat_map(|reading| reading.states().to_vec())
                .collect()
        }
        #[cfg(not(feature = "ssr"))]
        {
            Vec::new()
        }
    }
}

/// A fresh one-time key for a form that changes something (see [`carnet_core::portal_service::ChangeService::form_key`]).
pub fn form_key() -> String {
    #[cfg(feature = "ssr")]
    if let Some(service) = use_context::<SharedService>() {
        return service.form_key().as_str().to_owned();
    }
    String::new()
}

/// The request id of the page being rendered (shown to helpdesk staff).
pub fn request_id() -> Option<String> {
    crate::context::server_request_info().and_then(|i| i.request_id)
}
