//! The portal's own cookies (the login in progress, the language; the session cookie is
//! tower-sessions'), read and written by the `cookie` crate: read by name, left out of a
//! request made anew, and set for the whole site.

use axum::http::{HeaderMap, HeaderValue, header};
use tower_sessions::cookie::{Cookie, SameSite, time::Duration};

/// Every cookie of the request's `Cookie` headers (a malformed pair is skipped).
fn cookies(headers: &HeaderMap) -> impl Iterator<Item = Cookie<'_>> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
}

/// The value of the cookie `name` in the request's `Cookie` headers (quotes taken off, as
/// RFC 6265 says).
pub fn get(headers: &HeaderMap, name: &str) -> Option<String> {
    cookies(headers).find(|cookie| cookie.name() == name).map(|cookie| cookie.value().to_owned())
}

/// A `Set-Cookie` value for one of the portal's own cookies: the whole site, not for
/// scripts, sent on top-level navigations from elsewhere (`Lax`), `Secure` behind https;
/// `max_age` 0 clears it.
pub fn set(name: &str, value: &str, max_age_secs: i64, secure: bool) -> Option<HeaderValue> {
    let cookie = Cookie::build((name, value))
        .path("/")
        .max_age(Duration::seconds(max_age_secs))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .build();
    HeaderValue::from_str(&cookie.to_string()).ok()
}

/// Leaves the cookie `name` out of the request's `Cookie` headers (the others stay).
pub fn remove(headers: &mut HeaderMap, name: &str) {
    let kept: Vec<String> =
        cookies(headers).filter(|cookie| cookie.name() != name).map(|cookie| cookie.stripped().to_string()).collect();
    let value = (!kept.is_empty()).then(|| HeaderValue::from_str(&kept.join("; ")).ok()).flatten();
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
        assert_eq!(get(&headers, "carnet_lang").as_deref(), Some("fr"));
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
        assert_eq!(get(&headers, "carnet_lang").as_deref(), Some("fr"));
        assert_eq!(get(&headers, "xcarnet_session").as_deref(), Some("1"));
        remove(&mut headers, "carnet_lang");
        remove(&mut headers, "xcarnet_session");
        assert!(headers.get(header::COOKIE).is_none());
    }

    #[test]
    fn a_cookie_is_set_for_the_site_and_secure_only_behind_https() {
        let plain = set("carnet_lang", "nl", 60, false).map(|v| v.to_str().map(str::to_owned).unwrap_or_default());
        let plain = plain.unwrap_or_default();
        assert!(plain.starts_with("carnet_lang=nl"), "{plain}");
        for part in ["Path=/", "Max-Age=60", "HttpOnly", "SameSite=Lax"] {
            assert!(plain.contains(part), "{plain} has {part}");
        }
        assert!(!plain.contains("Secure"), "{plain}");
        let secure = set("carnet_login", "", 0, true).map(|v| v.to_str().map(str::to_owned).unwrap_or_default());
        let secure = secure.unwrap_or_default();
        assert!(secure.contains("Secure") && secure.contains("Max-Age=0"), "{secure}");
    }
}
