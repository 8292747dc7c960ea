//! `carnet [serve]` — runs the portal. `carnet migrate` — brings the database schema up
//! to date and exits. Configuration: `CARNET_*` variables (see the README).

use std::process::ExitCode;

use carnet::Config;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    carnet::telemetry::init();
    let command = std::env::args().nth(1).unwrap_or_else(|| "serve".into());
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("carnet: {e}");
            return ExitCode::from(2);
        }
    };
    match command.as_str() {
        "serve" => serve(config).await,
        "migrate" => match carnet_store::Store::connect(&config.database_url).await {
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
            eprintln!("carnet: unknown command {other:?} (use serve or migrate)");
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
    let (router, _) = match carnet::build(config).await {
        Ok(built) => built,
        Err(e) => {
            eprintln!("carnet: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("carnet listening on {public_url}");
    match carnet::serve(listener, router).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("carnet: {e}");
            ExitCode::FAILURE
        }
    }
}
