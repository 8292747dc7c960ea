//! Reading a request's cookies by name (the session and login cookies are set by their
//! own code; this only reads, or leaves one out of a request made anew).

use axum::http::{HeaderMap, header};

/// Every `name=value` pair of the request's `Cookie` headers.
fn pairs(headers: &HeaderMap) -> impl Iterator<Item = &str> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).map(str::trim)
}

/// The value of the cookie `name` in the request's `Cookie` headers.
pub fn get<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    pairs(headers).find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
}

/// Leaves the cookie `name` out of the request's `Cookie` headers (the others stay).
pub fn remove(headers: &mut HeaderMap, name: &str) {
    let kept: Vec<&str> =
        pairs(headers).filter(|pair| !pair.is_empty() && pair.split_once('=').is_none_or(|(n, _)| n != name)).collect();
    let value = (!kept.is_empty()).then(|| header::HeaderValue::from_str(&kept.join("; ")).ok()).flatten();
    headers.remove(header::COOKIE);
    if let Some(value) = value {
        headers.insert(header::COOKIE, value);
    }
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

    #[test]
    fn removing_a_cookie_keeps_the_others() {
        let mut headers = HeaderMap::new();
        headers.append(header::COOKIE, header::HeaderValue::from_static("carnet_session=abc; carnet_lang=fr"));
        headers.append(header::COOKIE, header::HeaderValue::from_static("xcarnet_session=1"));
        remove(&mut headers, "carnet_session");
        assert_eq!(get(&headers, "carnet_session"), None);
        assert_eq!(get(&headers, "carnet_lang"), Some("fr"));
        assert_eq!(get(&headers, "xcarnet_session"), Some("1"));
        remove(&mut headers, "carnet_lang");
        remove(&mut headers, "xcarnet_session");
        assert!(headers.get(header::COOKIE).is_none());
    }
}
