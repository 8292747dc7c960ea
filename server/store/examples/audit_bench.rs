//! Audit appends per second with one and with two instances on one database (prints
//! figures; no assertion). `CARNET_BENCH_DATABASE_URL=postgres://… cargo run --release -p
//! carnet-store --example audit_bench` (default: a fresh SQLite file). Each instance runs
//! 32 concurrent appenders, each appending one entry at a time, as page views do.

use std::time::{Duration, Instant};

use carnet_core::Ssin;
use carnet_core::audit::{AuditEvent, Outcome};
use carnet_store::{AuditKey, Store, StoreOptions, Verdict};

const APPENDERS: usize = 32;
const RUN: Duration = Duration::from_secs(5);

async fn open(url: &str) -> Store {
    let options =
        StoreOptions { url: url.to_owned(), owner_url: None, portal_role: None, audit_key: AuditKey::new([1; 32]) };
    Store::open(options).await.unwrap_or_else(|e| panic!("{e}"))
}

async fn run(stores: &[Store]) -> f64 {
    let Ok(ssin) = Ssin::parse("85041212468") else { panic!() };
    let event = AuditEvent {
        actor: Some(ssin.clone()),
        subject: Some(ssin),
        action: "read:vaccinations".into(),
        basis: "self".into(),
        outcome: Outcome::Success,
        sources: "vitalink,brusafe".into(),
        request_id: Some("bench".into()),
    };
    let until = Instant::now() + RUN;
    let started = Instant::now();
    let mut tasks = Vec::new();
    for store in stores {
        for _ in 0..APPENDERS {
            let (store, event) = (store.clone(), event.clone());
            tasks.push(tokio::spawn(async move {
                let mut n = 0u64;
                while Instant::now() < until {
                    store.append_audit(&event).await.unwrap_or_else(|e| panic!("{e}"));
                    n += 1;
                }
                n
            }));
        }
    }
    let mut total = 0;
    for task in tasks {
        total += task.await.unwrap_or(0);
    }
    total as f64 / started.elapsed().as_secs_f64()
}

#[tokio::main]
async fn main() {
    let url = std::env::var("CARNET_BENCH_DATABASE_URL").unwrap_or_else(|_| {
        let dir = std::env::temp_dir().join(format!("carnet-audit-bench-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        format!("sqlite://{}", dir.join("bench.db").display())
    });
    let one = open(&url).await;
    let rate_one = run(std::slice::from_ref(&one)).await;
    let two = [open(&url).await, open(&url).await];
    let rate_two = run(&two).await;
    println!("audit appends/s, {APPENDERS} appenders per instance, {} s each:", RUN.as_secs());
    println!("  one instance:  {rate_one:>8.0}");
    println!("  two instances: {rate_two:>8.0}  (ratio {:.2})", rate_two / rate_one);
    match one.verify_audit(&[]).await {
        Ok(Verdict::Intact { chains, entries, .. }) => println!("  verified: {chains} chains, {entries} entries"),
        other => println!("  verification: {other:?}"),
    }
}
