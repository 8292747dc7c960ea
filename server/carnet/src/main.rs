//! `carnet [serve]` — runs the portal. `carnet migrate` — brings the database schema up
//! to date and exits. `carnet audit verify [--no-checkpoints] [CHECKPOINT_FILE …]` —
//! checks the audit log (exit 0: intact; 1: broken, naming the first bad sequence number;
//! 2: cannot check, or no checkpoint to check against without `--no-checkpoints`).
//! Configuration: `CARNET_*` variables (see docs/configuration.md).

use std::path::PathBuf;
use std::process::ExitCode;

use carnet::Config;
use clap::{Parser, Subcommand};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Carnet, the patient portal. Configuration: `CARNET_*` variables (docs/configuration.md).
#[derive(Parser)]
#[command(name = "carnet", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Runs the portal (the default).
    Serve,
    /// Brings the database schema up to date and exits.
    Migrate,
    /// The audit log.
    #[command(subcommand)]
    Audit(Audit),
}

#[derive(Subcommand)]
enum Audit {
    /// Checks the audit log's chain (exit 0: intact; 1: broken, naming the first bad
    /// sequence number; 2: cannot check, or no checkpoint to check against).
    Verify {
        /// Checks the chain alone, against no checkpoint file.
        #[arg(long)]
        no_checkpoints: bool,
        /// Checkpoint files to check against (default: the configured one).
        files: Vec<PathBuf>,
    },
}

#[tokio::main]
async fn main() -> ExitCode {
    // A wrong command line exits with 2 and says why (before anything else starts).
    let cli = Cli::parse();
    carnet::telemetry::init();
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("carnet: {e}");
            return ExitCode::from(2);
        }
    };
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::Audit(Audit::Verify { no_checkpoints, files }) => {
            let store = match carnet::open_store(&config).await {
                Ok(store) => store,
                Err(e) => {
                    eprintln!("carnet: {e}");
                    return ExitCode::from(2);
                }
            };
            let files = match files {
                more if !more.is_empty() => more,
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
        Command::Migrate => match carnet::open_store(&config).await {
            Ok(_) => {
                println!("carnet: database is up to date");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("carnet: {e}");
                ExitCode::FAILURE
            }
        },
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
