//! A request id on every request and every log line of it.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use rand::Rng;

#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// Gives the request an id (a new random one: ids sent by clients are not trusted),
/// opens a span with it for everything the request does, and returns it in
/// `x-request-id`.
pub async fn assign(mut request: Request, next: Next) -> Response {
    let id = format!("{:016x}", rand::thread_rng().r#gen::<u64>());
    request.extensions_mut().insert(RequestId(id.clone()));
    let span =
        tracing::info_span!("request", request_id = %id, method = %request.method(), path = %request.uri().path());
    let started = std::time::Instant::now();
    let mut response = {
        use tracing::Instrument;
        next.run(request).instrument(span.clone()).await
    };
    span.in_scope(|| {
        tracing::info!(
            status = response.status().as_u16(),
            latency_ms = started.elapsed().as_millis() as u64,
            "request done"
        );
    });
    if let Ok(value) = http::HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}
