//! The four languages: Fluent messages from `locales/{en,nl,fr,de}/*.ftl`, compiled into
//! both the server and the WASM bundle.
//!
//! Language choice, strongest first: the user's choice (cookie `carnet_lang`, set by the
//! language switch), then the browser's `Accept-Language`, then English; see
//! [`Lang::negotiate`].

use std::borrow::Cow;
use std::collections::HashMap;

use carnet_core::date::PartialDate;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};
use serde::{Deserialize, Serialize};

static_loader! {
    static LOCALES = {
        locales: "../locales",
        fallback_language: "en",
        // Isolation marks (U+2068/U+2069) only matter for mixed-direction text; all four
        // languages are left-to-right.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "carnet_lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    Nl,
    Fr,
    De,
    En,
}

thread_local! {
    /// Messages without arguments as resolved, by language (in [`Lang`]'s order).
    static RESOLVED: std::cell::RefCell<[HashMap<Box<str>, Box<str>>; 4]> = Default::default();
}

static EN: LanguageIdentifier = langid!("en");
static NL: LanguageIdentifier = langid!("nl");
static FR: LanguageIdentifier = langid!("fr");
static DE: LanguageIdentifier = langid!("de");

impl Lang {
    /// In the order the switch shows them.
    pub const ALL: [Lang; 4] = [Lang::Nl, Lang::Fr, Lang::De, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::Fr => "fr",
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, for the switch.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Nl => "Nederlands",
            Lang::Fr => "Français",
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    /// `nl`, `nl-BE`, `NL` … → Dutch; unknown → `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "nl" => Some(Lang::Nl),
            "fr" => Some(Lang::Fr),
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the language from a remembered choice, else from `Accept-Language` (by
    /// q-value), else English (the one language no Belgian community is favoured by).
    pub fn negotiate(cookie: Option<&str>, accept_language: Option<&str>) -> Lang {
        if let Some(lang) = cookie.and_then(Lang::parse) {
            return lang;
        }
        let mut best: Option<(f32, Lang)> = None;
        for part in accept_language.unwrap_or("").split(',') {
            let mut pieces = part.split(';');
            let Some(lang) = pieces.next().and_then(Lang::parse) else { continue };
            let q = pieces.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse::<f32>().ok()).unwrap_or(1.0);
            if q > 0.0 && best.is_none_or(|(best_q, _)| q > best_q) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, lang)| lang).unwrap_or(Lang::En)
    }

    fn id(self) -> &'static LanguageIdentifier {
        match self {
            Lang::Nl => &NL,
            Lang::Fr => &FR,
            Lang::De => &DE,
            Lang::En => &EN,
        }
    }

    /// A message without arguments.
    pub fn t(self, id: &str) -> String {
        self.try_t(id).unwrap_or_else(|| LOCALES.lookup(self.id(), id))
    }

    /// A message with arguments.
    pub fn t_args(self, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> =
            args.iter().map(|(k, v)| (Cow::Borrowed(*k), v.clone())).collect();
        LOCALES.lookup_with_args(self.id(), id, &map)
    }

    /// A message with arguments that may not exist.
    pub fn try_t_args(self, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> Option<String> {
        let map: HashMap<Cow<'static, str>, FluentValue> =
            args.iter().map(|(k, v)| (Cow::Borrowed(*k), v.clone())).collect();
        LOCALES.try_lookup_with_args(self.id(), id, &map)
    }

    /// A message that may not exist (codes from sources: `vaccine-snomed-<code>`).
    pub fn try_t(self, id: &str) -> Option<String> {
        // A message without arguments always resolves the same: each thread resolves it
        // once (only messages that exist are kept, so the locale files bound the memory).
        RESOLVED.with_borrow_mut(|languages| {
            let resolved = languages.get_mut(self as usize)?;
            if let Some(text) = resolved.get(id) {
                return Some(String::from(&**text));
            }
            let text = LOCALES.try_lookup(self.id(), id)?;
            resolved.insert(id.into(), text.as_str().into());
            Some(text)
        })
    }

    /// A (partial) date in this language: "5 January 2024", "5. Januar 2024", "janvier 2024".
    pub fn date(self, date: PartialDate) -> String {
        let year = FluentValue::from(date.year.to_string());
        match (date.month, date.day) {
            (Some(m), Some(d)) => self.t_args(
                "date-full",
                &[("day", FluentValue::from(i64::from(d))), ("month", self.month(m).into()), ("year", year)],
            ),
            (Some(m), None) => self.t_args("date-month", &[("month", self.month(m).into()), ("year", year)]),
            _ => date.year.to_string(),
        }
    }

    fn month(self, month: u8) -> String {
        self.t(&format!("month-{month}"))
    }

    /// A decimal number with this language's decimal separator ("0.5" / "0,5").
    pub fn decimal(self, value: f64) -> String {
        let text = if value.fract() == 0.0 { format!("{value:.0}") } else { format!("{value}") };
        match self {
            Lang::En => text,
            _ => text.replace('.', ","),
        }
    }
}

/// Every message id in a locale's files (for the parity test and the id check).
#[cfg(test)]
pub(crate) fn message_ids(lang: &str) -> std::collections::BTreeSet<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales").join(lang);
    let mut ids = std::collections::BTreeSet::new();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
        if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        for line in text.lines() {
            let Some((id, _)) = line.split_once('=') else { continue };
            let id = id.trim_end();
            if !id.is_empty()
                && id.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                ids.insert(id.to_owned());
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_id_exists_in_all_four_languages() {
        let en = message_ids("en");
        assert!(en.len() > 20, "English messages not found");
        for lang in ["nl", "fr", "de"] {
            let other = message_ids(lang);
            let missing: Vec<_> = en.difference(&other).collect();
            let extra: Vec<_> = other.difference(&en).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang} has ids English lacks: {extra:?}");
        }
    }

    #[test]
    fn a_message_with_arguments_that_may_not_exist() {
        for lang in [Lang::En, Lang::Nl, Lang::Fr, Lang::De] {
            let args = [("name", "Nora".into()), ("age", 17.into())];
            let shipped = lang.try_t_args("minor-band-from-16", &args);
            assert!(shipped.is_some_and(|t| t.contains("Nora") && t.contains("16")), "{lang:?}");
            assert_eq!(lang.try_t_args("minor-band-from-17-in-another-table", &args), None, "{lang:?}");
        }
    }

    /// Every id the code asks for (`.t("…")`, `.t_args("…"`, `message_id` strings, column heads) exists.
    #[test]
    fn every_message_id_the_code_uses_exists() {
        let en = message_ids("en");
        let prefixes: std::collections::BTreeSet<&str> = en.iter().filter_map(|id| id.split('-').next()).collect();
        let mut used = std::collections::BTreeSet::new();
        let roots = [
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../server/core/src"),
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../server/carnet/src"),
        ];
        let mut files = Vec::new();
        for root in &roots {
            collect_rs(root, &mut files);
        }
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
            let mut found: Vec<&str> = Vec::new();
            for pattern in [".t(\"", ".t_args(\"", "=> \"", "msg(\""] {
                for (i, _) in text.match_indices(pattern) {
                    let rest = &text[i + pattern.len()..];
                    if let Some(end) = rest.find('"') {
                        found.push(&rest[..end]);
                    }
                }
            }
            // Column heads: a list of ids.
            for (i, _) in text.match_indices("column_heads(lang, &[") {
                let rest = &text[i..];
                let list = &rest[..rest.find(']').unwrap_or(0)];
                found.extend(list.split('"').skip(1).step_by(2));
            }
            for id in found {
                // An id-like string whose first word starts some message id.
                let looks_like_id = id.contains('-')
                    && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !id.starts_with('-')
                    && id.split('-').next().is_some_and(|p| prefixes.contains(p));
                // Strings that look like ids but are not messages: the policy's scope and
                // grant scope names.
                let not_a_message = ["access-events", "access-log", "consents-manage"].contains(&id);
                if looks_like_id && !not_a_message {
                    used.insert(id.to_owned());
                }
            }
        }
        assert!(used.len() > 20, "the scan found too few ids: {used:?}");
        let missing: Vec<_> = used.difference(&en).collect();
        assert!(missing.is_empty(), "used in code but not in locales/en: {missing:?}");
    }

    fn collect_rs(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect_rs(&path, out);
            } else if path.extension().and_then(|e| e.to_str()) == Some("rs") {
                out.push(path);
            }
        }
    }

    #[test]
    fn the_remembered_choice_wins_then_accept_language() {
        assert_eq!(Lang::negotiate(Some("de"), Some("fr-BE,fr;q=0.9")), Lang::De);
        assert_eq!(Lang::negotiate(None, Some("fr-BE,fr;q=0.9,nl;q=0.8")), Lang::Fr);
        assert_eq!(Lang::negotiate(None, Some("es;q=1.0, nl;q=0.5, en;q=0.7")), Lang::En);
        assert_eq!(Lang::negotiate(Some("xx"), Some("nl-BE")), Lang::Nl);
        assert_eq!(Lang::negotiate(None, None), Lang::En);
        assert_eq!(Lang::negotiate(None, Some("nl;q=0")), Lang::En);
    }

    #[test]
    fn dates_and_numbers_follow_the_language() {
        let date = PartialDate { year: 2024, month: Some(1), day: Some(5) };
        assert_eq!(Lang::En.date(date), "5 January 2024");
        assert_eq!(Lang::Nl.date(date), "5 januari 2024");
        assert_eq!(Lang::Fr.date(date), "5 janvier 2024");
        assert_eq!(Lang::De.date(date), "5. Januar 2024");
        assert_eq!(Lang::Fr.date(PartialDate { year: 2024, month: Some(2), day: None }), "février 2024");
        assert_eq!(Lang::De.decimal(0.5), "0,5");
        assert_eq!(Lang::En.decimal(0.5), "0.5");
        assert_eq!(Lang::Nl.decimal(2.0), "2");
    }

    #[test]
    fn plurals_come_from_fluent() {
        assert_eq!(Lang::En.t_args("vaccinations-count", &[("count", 1.into())]), "1 vaccination");
        assert_eq!(Lang::En.t_args("vaccinations-count", &[("count", 3.into())]), "3 vaccinations");
        assert_eq!(Lang::Fr.t_args("vaccinations-count", &[("count", 1.into())]), "1 vaccination");
        assert_eq!(Lang::Nl.t_args("vaccinations-count", &[("count", 2.into())]), "2 vaccinaties");
        let stale = |lang: Lang, minutes: u64| {
            lang.t_args("source-stale", &[("source", "CoZo".into()), ("minutes", minutes.into())])
        };
        assert_eq!(stale(Lang::En, 10), "CoZo is not answering right now. Showing its data from 10 minutes ago.");
        assert_eq!(stale(Lang::En, 1), "CoZo is not answering right now. Showing its data from 1 minute ago.");
        assert!(stale(Lang::Fr, 0).ends_with("moins d’une minute."));
        assert!(stale(Lang::De, 3).ends_with("vor 3 Minuten."));
    }
}
