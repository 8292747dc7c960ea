//! Return paths (`next` across the login, `back` after a language switch): only a path
//! on this site, rebuilt from its parsed form, never something a browser could resolve to
//! another host (no open redirect).

use url::Url;

/// The origin every return path is resolved against; never sent anywhere.
const BASE: &str = "http://carnet.invalid/";

/// The path to go to, or `fallback` when `candidate` is not a plain path on this site.
///
/// Accepted: a string that starts with one `/`, has no control character, no whitespace and
/// no backslash anywhere, and resolves on this origin. Returned: the path and query as
/// the URL parser rebuilt them (dot segments removed, everything percent-encoded that must
/// be), so what the browser receives is what was checked.
pub fn safe(candidate: Option<&str>, fallback: &str) -> String {
    candidate.and_then(rebuild).unwrap_or_else(|| fallback.to_owned())
}

fn rebuild(candidate: &str) -> Option<String> {
    if !candidate.starts_with('/') || candidate.starts_with("//") {
        return None;
    }
    if candidate.chars().any(|c| c.is_control() || c.is_whitespace() || c == '\\') {
        return None;
    }
    let base = Url::parse(BASE).ok()?;
    let url = base.join(candidate).ok()?;
    if url.origin() != base.origin() || url.path().starts_with("//") {
        return None;
    }
    let mut path = url.path().to_owned();
    if let Some(query) = url.query() {
        path.push('?');
        path.push_str(query);
    }
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::safe;

    /// What a query parameter decodes to: the handlers see the decoded value.
    fn decoded(encoded: &str) -> String {
        url::form_urlencoded::parse(format!("v={encoded}").as_bytes())
            .find(|(k, _)| k == "v")
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    }

    #[test]
    fn paths_on_this_site_are_kept() {
        assert_eq!(safe(Some("/dashboard?order=oldest"), "/x"), "/dashboard?order=oldest");
        assert_eq!(safe(Some("/documents/abc.def"), "/x"), "/documents/abc.def");
        assert_eq!(safe(Some("/"), "/x"), "/");
        assert_eq!(safe(Some("/a/../glossary"), "/x"), "/glossary");
        assert_eq!(safe(None, "/dashboard"), "/dashboard");
    }

    #[test]
    fn nothing_that_leaves_the_site_gets_through() {
        let attacks = [
            "//evil.example/",
            "/\\evil.example",
            "\\\\evil.example",
            "https://evil.example/",
            "https:evil.example",
            "http:/evil.example",
            "javascript:alert(1)",
            "evil.example",
            "",
            " /dashboard",
            "/dashboard ",
            "/%09/evil.example/",
            "/%0A/evil.example/",
            "/%0B/evil.example/",
            "/%0D/evil.example/",
            "/%5Cevil.example",
            "/%5C%5Cevil.example",
            "%2F%2Fevil.example",
            "/%E2%80%A8/evil.example",
            "/%C2%A0/evil.example",
            "/%00/evil.example",
            "/\t/evil.example/",
            "/.//evil.example",
            "/a/..//evil.example",
        ];
        for attack in attacks {
            let value = decoded(attack);
            let result = safe(Some(&value), "/fallback");
            assert_eq!(result, "/fallback", "{attack:?} decoded to {value:?} gave {result:?}");
        }
    }

    #[test]
    fn double_encoding_stays_a_path_on_this_site() {
        // `%2509` decodes once to the text `%09`: the browser keeps it in the path.
        for twice in ["/%2509/evil.example/", "/%252F%252Fevil.example", "/%255Cevil.example"] {
            let value = decoded(twice);
            let result = safe(Some(&value), "/fallback");
            assert!(result.starts_with('/') && !result.starts_with("//"), "{twice:?} gave {result:?}");
            let resolved = url::Url::parse("https://carnet.example/").and_then(|b| b.join(&result));
            assert_eq!(
                resolved.ok().and_then(|u| u.host_str().map(str::to_owned)).as_deref(),
                Some("carnet.example"),
                "{twice:?}"
            );
        }
    }
}
