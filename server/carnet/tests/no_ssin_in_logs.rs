//! Privacy: the logs of a full login, dashboard and logout never contain a national
//! register number. Everything is logged at debug level, from every crate.

#[path = "api/common.rs"]
mod common;

use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock};

use common::*;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut b) = self.0.lock() {
            b.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn capture() -> Captured {
    static CAPTURED: OnceLock<Captured> = OnceLock::new();
    CAPTURED
        .get_or_init(|| {
            let captured = Captured::default();
            let writer = captured.clone();
            tracing_subscriber::fmt()
                .with_env_filter(tracing_subscriber::EnvFilter::new("debug"))
                .with_writer(move || writer.clone())
                .with_ansi(false)
                .init();
            captured
        })
        .clone()
}

#[tokio::test]
async fn the_logs_of_login_dashboard_and_logout_never_show_an_ssin() {
    let captured = capture();
    let stack = stack(Options::default()).await;
    let portal = &stack.portal.url;
    for user in ["sofie", "marc", "maria", "lotte", "hostile", "broken"] {
        let (client, _) = browser();
        login(&client, portal, user).await;
        let _ = get(&client, &format!("{portal}/dashboard")).await;
        let _ = get(&client, &format!("{portal}/api/dashboard")).await;
        let _ = client.post(format!("{portal}/api/dashboard")).send().await;
        let _ = client.post(format!("{portal}/auth/logout")).send().await;
        if user != "broken" {
            let _ = logout(&client, portal).await;
        }
    }
    let logs = String::from_utf8(captured.0.lock().map(|b| b.clone()).unwrap_or_default()).unwrap_or_default();
    assert!(logs.contains("request_id="), "logs were captured, with request ids");
    assert!(logs.contains("source answered"), "the connector logged its calls");
    for ssin in DEMO_SSINS.iter().chain(["85041212469"].iter()) {
        assert!(!logs.contains(ssin), "an SSIN appears in the logs");
        // Nor in the dotted form.
        let dotted = format!("{}.{}.{}-{}.{}", &ssin[0..2], &ssin[2..4], &ssin[4..6], &ssin[6..9], &ssin[9..11]);
        assert!(!logs.contains(&dotted), "a formatted SSIN appears in the logs");
    }
}
