//! The browser bundle and the stylesheet under `/pkg`: named by their content when the
//! site is built (`carnet.<hash>.css`, `.js`, `_bg.wasm`; see `build_site` in
//! `server/scripts/lib.sh`), compressed then (brotli and gzip beside each file), and kept
//! by browsers for a year without asking again (`immutable`): a new build has new names.
//! Anything else public (the icon) is kept an hour.

use std::path::Path;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use tower_http::services::{ServeDir, ServeFile};

/// The file that names the built bundle (`carnet.<hash>`), written by `build_site`.
pub const NAME_FILE: &str = "pkg/name.txt";

/// The bundle's name as built: `carnet.<hash>`, or `carnet` for a site built without
/// names by content (then nothing is marked immutable).
pub fn output_name(site_root: &Path) -> String {
    std::fs::read_to_string(site_root.join(NAME_FILE))
        .ok()
        .map(|name| name.trim().to_owned())
        .filter(|name| {
            name.strip_prefix("carnet.")
                .is_some_and(|hash| !hash.is_empty() && hash.chars().all(|c| c.is_ascii_hexdigit()))
        })
        .unwrap_or_else(|| "carnet".to_owned())
}

/// `/pkg/*`, from the site's `pkg` folder, and the icon, with the compressed copies made
/// at build time.
pub fn router<S: Clone + Send + Sync + 'static>(site_root: &Path, output_name: &str) -> Router<S> {
    let files = ServeDir::new(site_root.join("pkg")).precompressed_br().precompressed_gzip();
    let icon = ServeFile::new(site_root.join("favicon.svg")).precompressed_br().precompressed_gzip();
    let hashed = format!("/pkg/{output_name}.");
    let hashed_wasm = format!("/pkg/{output_name}_bg.");
    let named_by_content = output_name != "carnet";
    Router::new().nest_service("/pkg", files).route_service("/favicon.svg", icon).layer(middleware::from_fn(
        move |request: Request, next: Next| {
            let path = request.uri().path();
            let immutable = named_by_content && (path.starts_with(&hashed) || path.starts_with(&hashed_wasm));
            async move {
                let mut response: Response = next.run(request).await;
                if response.status().is_success() {
                    let policy = if immutable { "public, max-age=31536000, immutable" } else { "public, max-age=3600" };
                    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
                }
                response
            }
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_the_built_one_or_the_plain_one() {
        let dir = std::env::temp_dir().join(format!("carnet-static-{}", std::process::id()));
        let _ = std::fs::create_dir_all(dir.join("pkg"));
        assert_eq!(output_name(&dir), "carnet", "no name file");
        std::fs::write(dir.join(NAME_FILE), "carnet.0123abcd\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(output_name(&dir), "carnet.0123abcd");
        std::fs::write(dir.join(NAME_FILE), "../etc/passwd").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(output_name(&dir), "carnet", "only a hash is taken");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
