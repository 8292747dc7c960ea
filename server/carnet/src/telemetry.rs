//! Logging: `tracing` to stderr, filtered by `CARNET_LOG` (default `info`). Every line of
//! a request carries its `request_id` (see [`crate::request_id`]). Nothing logs an SSIN
//! or health data: the SSIN type cannot print itself, connectors log source, kind,
//! latency and outcome only, and SQL statements are not logged with their values.

use tracing_subscriber::EnvFilter;

pub fn init() {
    let filter = std::env::var("CARNET_LOG").unwrap_or_else(|_| "info".into());
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info")))
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
}
