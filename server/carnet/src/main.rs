//! `carnet [serve]` — runs the portal. `carnet migrate` — brings the database schema up
//! to date and exits. `carnet audit verify [--no-checkpoints] [CHECKPOINT_FILE …]` —
//! checks the audit log (exit 0: intact; 1: broken, naming the first bad sequence number;
//! 2: cannot check, or no checkpoint to check against without `--no-checkpoints`).
//! Configuration: `CARNET_*` variables (see docs/configuration.md).

use std::process::ExitCode;

use carnet::Config;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    carnet::telemetry::init();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = args.first().cloned().unwrap_or_else(|| "serve".into());
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("carnet: {e}");
            return ExitCode::from(2);
        }
    };
    match command.as_str() {
        "serve" => serve(config).await,
        "audit" if args.get(1).map(String::as_str) == Some("verify") => {
            let store = match carnet::open_store(&config).await {
                Ok(store) => store,
                Err(e) => {
                    eprintln!("carnet: {e}");
                    return ExitCode::from(2);
                }
            };
            let rest: Vec<&String> = args.get(2..).unwrap_or_default().iter().collect();
            let no_checkpoints = rest.iter().any(|a| *a == "--no-checkpoints");
            let files: Vec<std::path::PathBuf> =
                match rest.iter().filter(|a| **a != "--no-checkpoints").collect::<Vec<_>>() {
                    more if !more.is_empty() => more.into_iter().map(Into::into).collect(),
                    _ if no_checkpoints => Vec::new(),
                    _ => vec![config.audit.checkpoint_file.clone()],
                };
            let (code, message) = carnet::audit::verify(&store, &files, no_checkpoints).await;
            if code == 0 {
                println!("carnet: {message}")
            } else {
                eprintln!("carnet: {message}")
            }
            ExitCode::from(code)
        }
        "migrate" => match carnet::open_store(&config).await {
            Ok(_) => {
                println!("carnet: database is up to date");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("carnet: {e}");
                ExitCode::FAILURE
            }
        },
        other => {
            eprintln!("carnet: unknown command {other:?} (use serve, migrate or audit verify)");
            ExitCode::from(2)
        }
    }
}

async fn serve(config: Config) -> ExitCode {
    let bind = config.bind;
    let public_url = config.public_url.clone();
    let listener = match tokio::net::TcpListener::bind(bind).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("carnet: cannot listen on {bind}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let metrics_bind = config.metrics_bind;
    let (router, state) = match carnet::build(config).await {
        Ok(built) => built,
        Err(e) => {
            eprintln!("carnet: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(bind) = metrics_bind {
        match tokio::net::TcpListener::bind(bind).await {
            Ok(metrics) => {
                let router = carnet::metrics_router(&state);
                tokio::spawn(async move { axum::serve(metrics, router).await });
                println!("carnet metrics on http://{bind}/metrics");
            }
            Err(e) => {
                eprintln!("carnet: cannot listen on {bind} for metrics: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!("carnet listening on {public_url}");
    let served = carnet::serve(listener, router).await;
    // The last entries get their checkpoint before the process ends.
    carnet::audit::checkpoint_now(
        &state.store,
        &carnet_store::CheckpointLog::new(state.config.audit.checkpoint_file.clone()),
    )
    .await;
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("carnet: {e}");
            ExitCode::FAILURE
        }
    }
}
