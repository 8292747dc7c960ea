//! Per-source counters and latency histograms, rendered in the Prometheus text format
//! at `/metrics`. Labels are source ids, kinds and outcomes only: nothing personal.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Duration;

const BUCKETS_MS: [u64; 10] = [10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

#[derive(Debug, Default)]
pub struct Metrics {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    /// (source, kind, outcome) → requests made to the source.
    requests: BTreeMap<(String, &'static str, &'static str), u64>,
    /// (source, kind) → answers served from the cache without asking the source.
    cache_hits: BTreeMap<(String, &'static str), u64>,
    /// (source, kind) → stale answers served because the source failed.
    stale_served: BTreeMap<(String, &'static str), u64>,
    /// (source, kind) → (bucket counts, count, sum in ms).
    latency: BTreeMap<(String, &'static str), ([u64; BUCKETS_MS.len()], u64, u64)>,
}

impl Metrics {
    pub fn request(&self, source: &str, kind: &'static str, outcome: &'static str, latency: Duration) {
        let Ok(mut m) = self.inner.lock() else { return };
        *m.requests.entry((source.to_owned(), kind, outcome)).or_default() += 1;
        let ms = latency.as_millis() as u64;
        let entry = m.latency.entry((source.to_owned(), kind)).or_default();
        for (bucket, limit) in entry.0.iter_mut().zip(BUCKETS_MS) {
            if ms <= limit {
                *bucket += 1;
            }
        }
        entry.1 += 1;
        entry.2 += ms;
    }

    pub fn cache_hit(&self, source: &str, kind: &'static str) {
        if let Ok(mut m) = self.inner.lock() {
            *m.cache_hits.entry((source.to_owned(), kind)).or_default() += 1;
        }
    }

    pub fn stale_served(&self, source: &str, kind: &'static str) {
        if let Ok(mut m) = self.inner.lock() {
            *m.stale_served.entry((source.to_owned(), kind)).or_default() += 1;
        }
    }

    /// The Prometheus text exposition.
    pub fn render(&self) -> String {
        let Ok(m) = self.inner.lock() else { return String::new() };
        let mut out = String::new();
        let _ = writeln!(out, "# HELP carnet_source_requests_total Requests to data sources, by outcome.");
        let _ = writeln!(out, "# TYPE carnet_source_requests_total counter");
        for ((source, kind, outcome), n) in &m.requests {
            let _ = writeln!(
                out,
                "carnet_source_requests_total{{source=\"{source}\",kind=\"{kind}\",outcome=\"{outcome}\"}} {n}"
            );
        }
        let _ = writeln!(
            out,
            "# HELP carnet_source_cache_hits_total Answers served from the cache without asking the source."
        );
        let _ = writeln!(out, "# TYPE carnet_source_cache_hits_total counter");
        for ((source, kind), n) in &m.cache_hits {
            let _ = writeln!(out, "carnet_source_cache_hits_total{{source=\"{source}\",kind=\"{kind}\"}} {n}");
        }
        let _ =
            writeln!(out, "# HELP carnet_source_stale_served_total Earlier answers served because the source failed.");
        let _ = writeln!(out, "# TYPE carnet_source_stale_served_total counter");
        for ((source, kind), n) in &m.stale_served {
            let _ = writeln!(out, "carnet_source_stale_served_total{{source=\"{source}\",kind=\"{kind}\"}} {n}");
        }
        let _ = writeln!(out, "# HELP carnet_source_latency_seconds Latency of source requests.");
        let _ = writeln!(out, "# TYPE carnet_source_latency_seconds histogram");
        for ((source, kind), (buckets, count, sum)) in &m.latency {
            for (n, limit) in buckets.iter().zip(BUCKETS_MS) {
                let le = limit as f64 / 1000.0;
                let _ = writeln!(
                    out,
                    "carnet_source_latency_seconds_bucket{{source=\"{source}\",kind=\"{kind}\",le=\"{le}\"}} {n}"
                );
            }
            let _ = writeln!(
                out,
                "carnet_source_latency_seconds_bucket{{source=\"{source}\",kind=\"{kind}\",le=\"+Inf\"}} {count}"
            );
            let _ = writeln!(
                out,
                "carnet_source_latency_seconds_sum{{source=\"{source}\",kind=\"{kind}\"}} {}",
                *sum as f64 / 1000.0
            );
            let _ = writeln!(out, "carnet_source_latency_seconds_count{{source=\"{source}\",kind=\"{kind}\"}} {count}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters_and_histograms_render() {
        let m = Metrics::default();
        m.request("vitalink", "vaccinations", "ok", Duration::from_millis(30));
        m.request("vitalink", "vaccinations", "timeout", Duration::from_millis(3000));
        m.cache_hit("vitalink", "vaccinations");
        let text = m.render();
        assert!(
            text.contains("carnet_source_requests_total{source=\"vitalink\",kind=\"vaccinations\",outcome=\"ok\"} 1")
        );
        assert!(
            text.contains(
                "carnet_source_latency_seconds_bucket{source=\"vitalink\",kind=\"vaccinations\",le=\"0.05\"} 1"
            )
        );
        assert!(
            text.contains("carnet_source_latency_seconds_bucket{source=\"vitalink\",kind=\"vaccinations\",le=\"5\"} 2")
        );
        assert!(text.contains("carnet_source_latency_seconds_count{source=\"vitalink\",kind=\"vaccinations\"} 2"));
        assert!(text.contains("carnet_source_cache_hits_total{source=\"vitalink\",kind=\"vaccinations\"} 1"));
    }
}
