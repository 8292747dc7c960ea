//! Reading a request's cookies by name (the session and login cookies are set by their
//! own code; this only reads).

use axum::http::{HeaderMap, header};

/// The value of the cookie `name` in the request's `Cookie` headers.
pub fn get<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| pair.trim().strip_prefix(name)?.strip_prefix('='))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cookie_is_found_among_others_by_its_whole_name() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, header::HeaderValue::from_static("a=1; carnet_lang=fr; b=2"));
        assert_eq!(get(&headers, "carnet_lang"), Some("fr"));
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, header::HeaderValue::from_static("xcarnet_lang=de; carnet_langx=nl"));
        assert_eq!(get(&headers, "carnet_lang"), None);
    }
}
