//! The portal's clock: now, and today in Belgium. Everything the product decides by the
//! time (a support code running out, a mandate's last day, a child's band in the rule
//! table) reads it here.
//!
//! The browser tests move it forward instead of waiting for a support code to run out: with
//! `CARNET_CLOCK_MOVABLE=1` the metrics listener takes `POST /clock/advance?seconds=N`. A
//! server with an https public URL refuses to start with it (see `crate::build`).

use std::sync::atomic::{AtomicI64, Ordering};

use carnet_core::date::Day;

/// How far the clock was moved forward, in milliseconds (0 unless a test moved it).
static AHEAD_MS: AtomicI64 = AtomicI64::new(0);

/// Now, in milliseconds since the epoch.
pub fn now_ms() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp() * 1000 + AHEAD_MS.load(Ordering::Relaxed)
}

/// Today's date in Belgium (see [`Day::in_belgium`]).
pub fn today_in_belgium() -> Day {
    Day::in_belgium(now_ms().div_euclid(1000))
}

/// Moves the clock forward (never back: what ran out stays run out).
pub(crate) fn advance(seconds: u32) {
    AHEAD_MS.fetch_add(i64::from(seconds) * 1000, Ordering::Relaxed);
}

/// `POST /clock/advance?seconds=N` on the metrics listener, when the clock is movable.
pub(crate) async fn advance_route(
    axum::extract::Query(query): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> axum::http::StatusCode {
    match query.get("seconds").and_then(|s| s.parse::<u32>().ok()).filter(|s| *s <= 86_400) {
        Some(seconds) => {
            advance(seconds);
            tracing::info!(seconds, "the clock was moved forward");
            axum::http::StatusCode::NO_CONTENT
        }
        None => axum::http::StatusCode::BAD_REQUEST,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn only_a_number_of_seconds_up_to_a_day_is_taken() {
        let ask = |q: &[(&str, &str)]| {
            let query = q.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
            advance_route(axum::extract::Query(query))
        };
        let before = AHEAD_MS.load(Ordering::Relaxed);
        for refused in
            [&[][..], &[("seconds", "-1")], &[("seconds", "86401")], &[("seconds", "soon")], &[("minutes", "1")]]
        {
            assert_eq!(ask(refused).await, axum::http::StatusCode::BAD_REQUEST, "{refused:?}");
        }
        assert_eq!(AHEAD_MS.load(Ordering::Relaxed), before, "a refused request moves nothing");
        // Moving it is the browser tests' (support-code.spec.ts): here it would move the
        // clock under the other tests of this binary.
    }
}
