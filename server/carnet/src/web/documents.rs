//! A document's file, served by Carnet: never a raw hub or vault address. The bytes pass
//! through the same policy check and audit as the page that shows the document.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use carnet_core::document::DocumentBody;
use serde::Deserialize;

use super::SignedIn;
use super::declare::routes;
use crate::AppState;

routes! {
    get "/documents/{token}/file" => file,
}

#[derive(Debug, Deserialize)]
pub struct FileQuery {
    /// Set to ask the browser to save the file rather than show it.
    download: Option<String>,
}

/// `GET /documents/{token}/file[?download=1]`
pub async fn file(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(query): Query<FileQuery>,
    signed: SignedIn,
) -> Response {
    let (opened, content) = match state.service.document_file(&signed.principal, &token, signed.request_id).await {
        Ok(found) => found,
        // The document's page says what went wrong, in the person's language.
        Err(_) => {
            let token: String = url::form_urlencoded::byte_serialize(token.as_bytes()).collect();
            return Redirect::to(&format!("/documents/{token}")).into_response();
        }
    };
    // Only types a browser shows safely are served as themselves; anything else is a download.
    let (media_type, showable) = match &opened.body {
        DocumentBody::File { media_type } => (media_type.clone(), true),
        _ => ("application/octet-stream".to_owned(), false),
    };
    let extension = match media_type.as_str() {
        "application/pdf" => "pdf",
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "image/gif" => "gif",
        _ if content.media_type.contains("xml") => "xml",
        _ if content.media_type.contains("json") => "json",
        _ => "bin",
    };
    let name = file_name(opened.entry.title.as_deref().unwrap_or("document"), extension);
    let disposition = if showable && query.download.is_none() { "inline" } else { "attachment" };
    let mut response = content.bytes.into_response();
    let headers = response.headers_mut();
    let set = |headers: &mut axum::http::HeaderMap, name, value: String| {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    };
    set(headers, header::CONTENT_TYPE, media_type.clone());
    set(headers, header::CONTENT_DISPOSITION, format!("{disposition}; filename=\"{name}\""));
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff".into());
    set(headers, header::CACHE_CONTROL, "private, no-store".into());
    set(headers, header::REFERRER_POLICY, "no-referrer".into());
    // Hub-supplied bytes run nothing with this origin's rights: a PDF, an image or a
    // download is shown in a sandbox (a unique origin, no scripts, no forms).
    // (Chromium's own image viewer styles the page inline: allowed, harmless without scripts.)
    set(
        headers,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; img-src 'self'; object-src 'self'; style-src 'unsafe-inline'; sandbox".into(),
    );
    response
}

/// A safe ASCII file name from a document's title.
fn file_name(title: &str, extension: &str) -> String {
    let mut name: String = title
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else if c.is_whitespace() {
                '-'
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    if name.trim_matches(['-', '_']).is_empty() {
        name = "document".into();
    }
    format!("{name}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn file_names_are_plain_ascii() {
        assert_eq!(file_name("Lettre de sortie – Dr. Dupont", "pdf"), "Lettre-de-sortie-_-Dr_-Dupont.pdf");
        assert_eq!(file_name("\"; rm -rf", "pdf"), "__-rm--rf.pdf");
        assert_eq!(file_name("ééé", "pdf"), "document.pdf");
    }
}
