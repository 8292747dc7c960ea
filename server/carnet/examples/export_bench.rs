//! The export's benchmark: prints figures, asserts nothing (machines are noisy).
//!
//!     cargo run --release -p carnet --example export_bench
//!
//! Carnet's own time to make each file of an export, beyond the sources' answers: the
//! patient summary (FHIR), the summary PDF and the vaccination proof, for the richest demo
//! record (Sofie's, read from the demo sources in-process through the portal's service, as
//! an export reads it) and for a synthetic ten-year record of more than 500 items (hers,
//! each item repeated over the years). Median and slowest of the rounds, the file's size,
//! and the process's peak memory after each.

use std::time::{Duration, Instant};

use carnet::web::export::make;
use carnet_app::i18n::Lang;
use carnet_core::change::FormKey;
use carnet_core::export::ExportFile;
use carnet_core::export::exportable;
use carnet_core::item::Item;
use carnet_core::kind::AnyReading;
use carnet_core::portal_service::{ExportContent, ExportState};
use carnet_core::{Principal, Role, Ssin};

const ROUNDS: usize = 15;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_owned))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<f64>().ok()))
        .map_or(0.0, |kb| kb / 1024.0)
}

/// How many items the export holds (medicines, allergies, problems, vaccinations).
fn items(content: &ExportContent) -> usize {
    fn count<T>(answers: &carnet_core::source_answer::Answers<T>) -> usize {
        answers.iter().filter_map(|a| a.result.as_ref().ok()).map(Vec::len).sum()
    }
    content
        .readings
        .iter()
        .map(|reading| match reading {
            AnyReading::Medication(r) => count(&r.answers),
            AnyReading::Allergies(r) => count(&r.answers),
            AnyReading::Vaccinations(r) => count(&r.answers),
            AnyReading::SumEhr(r) => r
                .answers
                .iter()
                .filter_map(|a| a.result.as_ref().ok())
                .flatten()
                .filter_map(Item::read)
                .map(|s| s.problems.len())
                .sum(),
            _ => 0,
        })
        .sum()
}

/// Each item repeated `times`, as if recorded again every year.
fn over_the_years(content: &ExportContent, times: usize) -> ExportContent {
    fn repeat<T: Clone>(answers: &mut carnet_core::source_answer::Answers<T>, times: usize) {
        for answer in answers.iter_mut() {
            if let Ok(items) = &mut answer.result {
                let once = items.clone();
                for _ in 1..times {
                    items.extend(once.iter().cloned());
                }
            }
        }
    }
    let mut out = content.clone();
    for reading in &mut out.readings {
        match reading {
            AnyReading::Medication(r) => repeat(&mut r.answers, times),
            AnyReading::Allergies(r) => repeat(&mut r.answers, times),
            AnyReading::Vaccinations(r) => repeat(&mut r.answers, times),
            AnyReading::SumEhr(r) => {
                for answer in r.answers.iter_mut() {
                    if let Ok(summaries) = &mut answer.result {
                        for summary in summaries.iter_mut() {
                            if let Item::Read(summary) = summary {
                                let once = summary.problems.clone();
                                for _ in 1..times {
                                    summary.problems.extend(once.iter().cloned());
                                }
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn measure(what: &str, content: &ExportContent) {
    println!("{what}: {} items", items(content));
    println!("  {:<24} {:>10} {:>10} {:>10} {:>12}", "file", "median", "slowest", "size", "peak RSS");
    for file in ExportFile::ALL {
        let mut times = Vec::new();
        let mut size = 0;
        for round in 0..ROUNDS {
            let lang = Lang::ALL.get(round % 4).copied().unwrap_or(Lang::En);
            let started = Instant::now();
            match make(file, lang, content) {
                Ok(bytes) => size = bytes.len(),
                Err(e) => return eprintln!("{file:?}: {e:?}"),
            }
            times.push(started.elapsed());
        }
        times.sort();
        let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
        println!(
            "  {:<24} {:>10} {:>10} {:>8} KB {:>9.0} MB",
            file.name(),
            ms(times.get(ROUNDS / 2).copied().unwrap_or_default()),
            ms(times.last().copied().unwrap_or_default()),
            size / 1024,
            peak_rss_mb()
        );
    }
}

#[tokio::main]
async fn main() {
    // The demo sources, in-process on a loopback port.
    let Ok(listener) = tokio::net::TcpListener::bind("127.0.0.1:0").await else { return eprintln!("cannot listen") };
    let hubs = format!("http://{}", listener.local_addr().map(|a| a.to_string()).unwrap_or_default());
    tokio::spawn(async move {
        let _ = carnet_demo_hubs::serve(listener, carnet_demo_hubs::Faults::default()).await;
    });
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::temp_dir().join(format!("carnet-export-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let vars = std::collections::BTreeMap::from([
        ("CARNET_DATABASE_URL".to_owned(), format!("sqlite://{}", dir.join("carnet.db").display())),
        ("CARNET_DATA_DIR".to_owned(), dir.display().to_string()),
        ("CARNET_OIDC_ISSUER".to_owned(), "http://127.0.0.1:9".to_owned()),
        ("CARNET_DEMO_HUBS_URL".to_owned(), hubs),
        ("CARNET_SOURCES_FILE".to_owned(), root.join("server/carnet/sources.toml").display().to_string()),
    ]);
    let config = match carnet::Config::from_vars(vars) {
        Ok(config) => config,
        Err(e) => return eprintln!("config: {e}"),
    };
    let (_, state) = match carnet::build(config).await {
        Ok(built) => built,
        Err(e) => return eprintln!("build: {e}"),
    };
    let Ok(ssin) = Ssin::parse("85041212468") else { return };
    let sofie = Principal::authenticated(ssin, "Sofie Janssens".into(), vec![Role::Citizen]);
    let key = FormKey::from_random(rand::random());
    let started = Instant::now();
    if let Err(e) = state.service.start_export(&sofie, exportable(), &key, None).await {
        return eprintln!("export: {e:?}");
    }
    loop {
        match state.service.export_job(&sofie, &key, None).await.map(|j| j.state) {
            Ok(ExportState::Running { .. }) => tokio::time::sleep(Duration::from_millis(2)).await,
            Ok(ExportState::Ready { .. }) => break,
            other => return eprintln!("export: {other:?}"),
        }
    }
    println!(
        "Sofie's export read from the five demo sources: {:.0} ms (the sources' time included)",
        started.elapsed().as_secs_f64() * 1000.0
    );
    let content = match state.service.export_content(&sofie, &key, None).await {
        Ok(content) => content,
        Err(e) => return eprintln!("content: {e:?}"),
    };
    measure("the richest demo record (Sofie's)", &content);
    let times = (500 / items(&content).max(1)) + 1;
    measure(&format!("a ten-year record (Sofie's, each item {times} times)"), &over_the_years(&content, times));
    let _ = std::fs::remove_dir_all(&dir);
}
