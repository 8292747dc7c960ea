//! How the sources did: "Vitalink: up to date · CoZo: not answering, showing its data from
//! 10 minutes ago · BruSafe+: not available now".

use carnet_core::source_answer::{SourceState, SourceStatus};
use leptos::prelude::*;

use crate::context::use_lang;
use crate::i18n::Lang;

/// The sentence for one source's state.
pub fn state_text(lang: Lang, state: &SourceState) -> String {
    let source = || ("source", state.source_name.clone().into());
    match state.status {
        SourceStatus::UpToDate => lang.t_args("source-state-ok", &[source()]),
        SourceStatus::Stale(stale) => lang.t_args("source-stale", &[source(), ("minutes", stale.age_minutes.into())]),
        SourceStatus::Failed(failure) => lang.t_args(failure.message_id(), &[source()]),
    }
}

fn class(status: SourceStatus) -> &'static str {
    match status {
        SourceStatus::UpToDate => "source-state source-state--ok",
        SourceStatus::Stale(_) => "source-state source-state--stale",
        SourceStatus::Failed(_) => "source-state source-state--failed",
    }
}

/// Combines the states of several readings: per source, the worst.
pub fn combine(states: impl IntoIterator<Item = SourceState>) -> Vec<SourceState> {
    let mut out: Vec<SourceState> = Vec::new();
    for state in states {
        match out.iter_mut().find(|s| s.source_id == state.source_id) {
            Some(seen) if state.status.severity() > seen.status.severity() => *seen = state,
            Some(_) => {}
            None => out.push(state),
        }
    }
    out
}

/// Every source's state. With `problems_only`, only the sources that did not answer now
/// (a tile names its troubles; the page's summary names everyone).
#[component]
pub fn SourceStates(states: Vec<SourceState>, #[prop(optional)] problems_only: bool) -> impl IntoView {
    let lang = use_lang();
    let shown: Vec<SourceState> =
        states.into_iter().filter(|s| !problems_only || s.status != SourceStatus::UpToDate).collect();
    (!shown.is_empty()).then(|| {
        view! {
            <ul class="source-states">
                {shown
                    .into_iter()
                    .map(|s| view! { <li class=class(s.status)>{state_text(lang, &s)}</li> })
                    .collect_view()}
            </ul>
        }
    })
}
