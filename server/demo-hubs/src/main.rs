//! `carnet-demo-hubs [--port N]`: serves the demo hubs on 127.0.0.1.

use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::new("info")).init();
    let mut port: u16 = std::env::var("DEMO_HUBS_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(3010);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next().and_then(|p| p.parse().ok())) {
            ("--port", Some(p)) => port = p,
            _ => {
                eprintln!("usage: carnet-demo-hubs [--port N]");
                return ExitCode::from(2);
            }
        }
    }
    let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("carnet-demo-hubs: cannot listen on 127.0.0.1:{port}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(port);
    let faults = match carnet_demo_hubs::Faults::from_env() {
        Ok(f) => f,
        Err(e) => {
            eprintln!("carnet-demo-hubs: DEMO_HUBS_FAULTS is not valid: {e}");
            return ExitCode::from(2);
        }
    };
    let hubs = match carnet_demo_hubs::DemoHubs::new(faults) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("carnet-demo-hubs: the demo data is not valid: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Each source also gets a port of its own (main port + 1 + index), which "down" closes.
    let mut own_ports = Vec::new();
    for (index, (id, name, _)) in carnet_demo_hubs::SOURCES.into_iter().enumerate() {
        let own = port.saturating_add(1 + index as u16);
        match tokio::net::TcpListener::bind(("127.0.0.1", own)).await {
            Ok(l) => {
                println!("  {name}: http://127.0.0.1:{own}/{id}");
                let hubs = hubs.clone();
                own_ports.push(tokio::spawn(async move { hubs.serve_source(id, l).await }));
            }
            Err(e) => {
                eprintln!("carnet-demo-hubs: cannot listen on 127.0.0.1:{own} for {id}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!("carnet-demo-hubs listening on http://127.0.0.1:{port}");
    tokio::select! {
        result = hubs.serve(listener) => {
            if let Err(e) = result {
                eprintln!("carnet-demo-hubs: {e}");
                return ExitCode::FAILURE;
            }
        }
        _ = tokio::signal::ctrl_c() => {}
    }
    ExitCode::SUCCESS
}
