//! What every call to a source shares, whatever its protocol: one deadline for the whole
//! call, bounded retries with jittered exponential backoff (`backon`) for idempotent reads
//! (never for writes), a tracing span (source, kind, latency, outcome — no SSIN, no health
//! data) and metrics.

use std::sync::Arc;
use std::time::{Duration, Instant};

use backon::{ExponentialBuilder, Retryable};

use crate::error::ConnectorError;
use crate::metrics::Metrics;

/// How one source is called.
#[derive(Debug, Clone)]
pub struct CallPolicy {
    /// The source id, for spans and metrics.
    pub source: String,
    /// Bounds a whole call: paging and retries included.
    pub timeout: Duration,
    /// Further attempts after a transient failure (reads only).
    pub retries: u32,
    pub metrics: Arc<Metrics>,
}

impl CallPolicy {
    /// Runs an idempotent read, retrying transient failures with jittered exponential
    /// backoff while the call's deadline allows. Every attempt is counted.
    pub async fn read<T, F, Fut>(&self, kind: &'static str, attempt: F) -> Result<T, ConnectorError>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, ConnectorError>>,
    {
        self.traced(kind, "read", self.retries, attempt).await
    }

    /// Runs a write once: a write is never retried blindly (the first attempt may have
    /// reached the source even if its answer did not reach us).
    pub async fn write<T, F, Fut>(&self, kind: &'static str, attempt: F) -> Result<T, ConnectorError>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, ConnectorError>>,
    {
        self.traced(kind, "write", 0, attempt).await
    }

    async fn traced<T, F, Fut>(
        &self,
        kind: &'static str,
        mode: &'static str,
        retries: u32,
        attempt: F,
    ) -> Result<T, ConnectorError>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, ConnectorError>>,
    {
        let span = tracing::info_span!("source.call", source = %self.source, kind, mode, outcome = tracing::field::Empty, latency_ms = tracing::field::Empty);
        let started = Instant::now();
        let result = tracing::Instrument::instrument(self.with_retries(kind, retries, attempt), span.clone()).await;
        span.record("latency_ms", started.elapsed().as_millis() as u64);
        let _entered = span.enter();
        match &result {
            Ok(_) => {
                span.record("outcome", "ok");
                tracing::info!("source answered");
            }
            Err(error) => {
                span.record("outcome", error.outcome());
                tracing::warn!(error = %error, "source failed");
            }
        }
        result
    }

    async fn with_retries<T, F, Fut>(&self, kind: &'static str, retries: u32, attempt: F) -> Result<T, ConnectorError>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, ConnectorError>>,
    {
        let deadline = Instant::now() + self.timeout;
        let (attempt, call) = (&attempt, self);
        // One attempt: within what is left of the deadline, counted whatever its outcome.
        let once = move || async move {
            let started = Instant::now();
            let remaining = deadline.saturating_duration_since(started);
            let result = tokio::time::timeout(remaining, attempt()).await.unwrap_or(Err(ConnectorError::Timeout));
            let outcome = match &result {
                Ok(_) => "ok",
                Err(e) => e.outcome(),
            };
            call.metrics.request(&call.source, kind, outcome, started.elapsed());
            result
        };
        // 100 ms, 200 ms, 400 ms … each with up to as much again at random.
        let backoff = ExponentialBuilder::default()
            .with_min_delay(Duration::from_millis(100))
            .with_factor(2.0)
            .with_jitter()
            .with_max_times(retries as usize);
        let mut retried = 0u32;
        once.retry(backoff)
            .sleep(tokio::time::sleep)
            .when(ConnectorError::is_transient)
            // A retry that could not be done before the call's deadline is not made.
            .adjust(|_, delay| delay.filter(|d| Instant::now() + *d + Duration::from_millis(50) < deadline))
            .notify(|error, _| {
                retried += 1;
                tracing::info!(attempt = retried, error = %error, "retrying a transient failure");
            })
            .await
    }
}

/// Reads an HTTP answer's body as it streams in, refusing one larger than `max` bytes as
/// soon as it is (a declared length, or the running total): memory stays bounded by `max`
/// whatever the source sends.
pub(crate) async fn body(mut response: reqwest::Response, max: usize) -> Result<Vec<u8>, ConnectorError> {
    let too_large = || ConnectorError::Malformed("answer too large".into());
    if response.content_length().is_some_and(|length| length > max as u64) {
        return Err(too_large());
    }
    let expected = response.content_length().map(|n| n as usize).unwrap_or(64 * 1024);
    let mut out = Vec::with_capacity(expected.min(max));
    while let Some(chunk) = response.chunk().await.map_err(ConnectorError::from_reqwest)? {
        if out.len() + chunk.len() > max {
            return Err(too_large());
        }
        out.extend_from_slice(&chunk);
    }
    Ok(out)
}

/// The HTTP client of one source: no redirects followed (a source that redirects is
/// misconfigured, and a redirect could lead the SSIN elsewhere), its connect timeout.
pub(crate) fn http_client(timeout: Duration) -> Result<reqwest::Client, ConnectorError> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(timeout)
        .build()
        .map_err(|_| ConnectorError::Config("HTTP client could not be built".into()))
}
