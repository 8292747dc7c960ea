//! Reading the kinds of a record: one kind, or several delivered as they become ready.

use crate::kind::{AnyReading, Kind, Reading, Scope};
use crate::principal::Principal;

use super::error::ServiceError;

/// What a reading of one scope gave: the data, or why the service could not read it.
pub type ScopeReading = (Scope, Result<AnyReading, ServiceError>);

/// Readings of several scopes as they become ready (see [`RecordService::read_in_batches`]).
#[async_trait::async_trait]
pub trait ReadingBatches: Send {
    /// The next batch, or `None` when every scope has been delivered.
    async fn next(&mut self) -> Option<Vec<ScopeReading>>;
}

/// Reading the person's record, kind by kind.
#[async_trait::async_trait]
pub trait RecordService: Send + Sync {
    /// One kind of data of the logged-in person's own record, from every source at once
    /// (typed: [`read`]).
    async fn read_any(
        &self,
        principal: &Principal,
        scope: Scope,
        request_id: Option<String>,
    ) -> Result<AnyReading, ServiceError>;

    /// Several kinds at once, delivered in batches: first every scope that is ready
    /// within `grace` (all of them, when the sources are quick), then each late one as it
    /// comes. A slow source delays only the scopes it serves.
    fn read_in_batches(
        &self,
        principal: Principal,
        scopes: Vec<Scope>,
        grace: std::time::Duration,
        request_id: Option<String>,
    ) -> Box<dyn ReadingBatches>;
}

/// One kind of data of the logged-in person's own record, from every source at once.
pub async fn read<K: Kind>(
    service: &dyn RecordService,
    principal: &Principal,
    request_id: Option<String>,
) -> Result<Reading<K>, ServiceError> {
    let reading = service.read_any(principal, K::SCOPE, request_id).await?;
    K::from_any(reading).ok_or(ServiceError::Internal)
}
