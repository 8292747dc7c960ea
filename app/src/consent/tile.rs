//! The dashboard tile of the consent: each hub's state.

use carnet_core::consent::ConsentState;

use carnet_core::kind::Reading;
use leptos::prelude::*;

use crate::components::term::term;
use crate::i18n::Lang;

pub fn tile(lang: Lang, reading: Reading<carnet_core::consent::Consents>) -> impl IntoView {
    let answers = &reading.answers;
    // One line per source that answered: its current consent state.
    let lines: Vec<(String, String)> = answers
        .iter()
        .filter_map(|answer| {
            let items = answer.result.as_ref().ok()?;
            let latest = carnet_core::consent::current(items);
            let text = match latest {
                Some(c) if c.state == ConsentState::Given => match c.since {
                    Some(since) => lang.t_args("consent-given-since", &[("date", lang.date(since).into())]),
                    None => lang.t("consent-given"),
                },
                Some(c) if c.state == ConsentState::Revoked => lang.t("consent-revoked"),
                _ => lang.t("consent-not-given"),
            };
            Some((answer.source_name.clone(), text))
        })
        .collect();
    view! {
        <p>{lang.t("consent-tile-intro")}" "{term(lang, "informed-consent")}</p>
        <ul class="tile-list">
            {lines.into_iter().map(|(source, text)| view! { <li><strong>{source}</strong>": "{text}</li> }).collect_view()}
        </ul>
        <p class="tile-more"><a href="/consent">{lang.t("consent-tile-manage")}</a></p>
    }
}
