//! Informed consent, hub by hub: its state and since when, what it means, and giving or
//! revoking it after a confirmation step (plain links and a form: no JavaScript needed).

mod tile;
pub use tile::tile;

use carnet_core::consent::{ConsentRecord, ConsentState, Consents};
use carnet_core::item::Item;
use carnet_core::kind::Reading;
use carnet_core::kind::Scope;
use carnet_core::source_answer::SourceAnswer;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{once, read};
use crate::components::change::{ChangeNotice, Confirm};
use crate::components::layout::ControlsNav;
use crate::components::problem_notice::ProblemNotice;
use crate::components::source_states::SourceStates;
use crate::components::table::column_heads;
use crate::components::term::term;
use crate::context::use_lang;
use crate::i18n::Lang;

/// One hub's consent as the page shows it.
struct HubConsent {
    source_id: String,
    source_name: String,
    /// `None`: the hub did not answer.
    record: Option<Option<ConsentRecord>>,
}

fn hubs(answers: &[SourceAnswer<Vec<Item<ConsentRecord>>>]) -> Vec<HubConsent> {
    answers
        .iter()
        .map(|a| HubConsent {
            source_id: a.source_id.clone(),
            source_name: a.source_name.clone(),
            record: a.result.as_ref().ok().map(|items| carnet_core::consent::current(items).cloned()),
        })
        .collect()
}

fn is_given(record: &Option<ConsentRecord>) -> bool {
    record.as_ref().is_some_and(ConsentRecord::is_given)
}

fn state_text(lang: Lang, record: &Option<ConsentRecord>) -> String {
    match record {
        Some(c) if c.state == ConsentState::Given => match c.since {
            Some(since) => lang.t_args("consent-given-since", &[("date", lang.date(since).into())]),
            None => lang.t("consent-given"),
        },
        Some(c) if c.state == ConsentState::Revoked => match c.until {
            Some(until) => lang.t_args("consent-revoked-on", &[("date", lang.date(until).into())]),
            None => lang.t("consent-revoked"),
        },
        _ => lang.t("consent-not-given"),
    }
}

#[component]
pub fn ConsentPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map().get_untracked();
    // `?confirm=give|revoke&source=<hub>`: the confirmation step.
    let confirm = query.get("confirm").zip(query.get("source")).filter(|(what, _)| what == "give" || what == "revoke");
    let consents = once(read::<Consents>());
    view! {
        <Title text=lang.t("consent-title")/>
        <h1>{lang.t("consent-title")}</h1>
        <ControlsNav/>
        <ChangeNotice scope=Scope::Consent/>
        <div class="explain">
            <p>{lang.t("consent-what")}" "{term(lang, "informed-consent")}</p>
            <ul>
                <li>{lang.t("consent-effect-given")}</li>
                <li>{lang.t("consent-effect-revoked")}</li>
            </ul>
            <p>{lang.t("consent-per-hub")}</p>
        </div>
        <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
            {move || { let consents = consents.clone(); let confirm = confirm.clone(); Suspend::new(async move {
                match consents.await {
                    Ok(Reading { answers, .. }) => {
                        let states = answers.iter().map(|a| a.state()).collect::<Vec<_>>();
                        let hubs = hubs(&answers);
                        let confirmation = confirm.and_then(|(what, source)| {
                            let hub = hubs.iter().find(|h| h.source_id == source && h.record.is_some())?;
                            Some(confirm_view(lang, hub, what == "give"))
                        });
                        view! {
                            {confirmation}
                            <SourceStates states problems_only=true/>
                            {consent_table(lang, hubs)}
                        }.into_any()
                    }
                    Err(error) => view! { <ProblemNotice error/> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

fn confirm_view(lang: Lang, hub: &HubConsent, give: bool) -> impl IntoView + use<> {
    let source = hub.source_name.clone();
    let args = [("source", source.clone().into())];
    let (title, effects, submit) = if give {
        (
            lang.t_args("consent-confirm-give-title", &args),
            vec![lang.t("consent-effect-given"), lang.t_args("consent-confirm-only-this-hub", &args)],
            lang.t_args("consent-confirm-give", &args),
        )
    } else {
        (
            lang.t_args("consent-confirm-revoke-title", &args),
            vec![
                lang.t("consent-effect-revoked"),
                lang.t("consent-confirm-revoke-emergency"),
                lang.t_args("consent-confirm-only-this-hub", &args),
            ],
            lang.t_args("consent-confirm-revoke", &args),
        )
    };
    view! {
        <Confirm
            title
            effects
            action="/consent/change"
            fields=vec![("source", hub.source_id.clone()), ("give", if give { "1" } else { "0" }.to_owned())]
            submit
            cancel="/consent".to_owned()
            warning=!give
        />
    }
}

fn consent_table(lang: Lang, hubs: Vec<HubConsent>) -> impl IntoView {
    let columns = column_heads(lang, &["consent-col-hub", "consent-col-state", "consent-col-action"]);
    view! {
        <div class="table-wrap">
            <table class="stack">
                <caption class="visually-hidden">{lang.t("consent-title")}</caption>
                {columns.head()}
                <tbody>
                    {hubs.into_iter().map(|hub| {
                        let (state, action) = match &hub.record {
                            None => (lang.t("consent-unknown"), ().into_any()),
                            Some(record) => {
                                let given = is_given(record);
                                let (what, label) = if given { ("revoke", "consent-action-revoke") } else { ("give", "consent-action-give") };
                                let href = format!("/consent?confirm={what}&source={}", form_urlencoded::byte_serialize(hub.source_id.as_bytes()).collect::<String>());
                                let label = lang.t_args(label, &[("source", hub.source_name.clone().into())]);
                                (state_text(lang, record), view! { <a class="button button--secondary" href=href>{label}</a> }.into_any())
                            }
                        };
                        view! {
                            <tr>
                                <td data-label=columns.label(0)><strong>{hub.source_name.clone()}</strong></td>
                                <td data-label=columns.label(1)>{state}</td>
                                <td data-label=columns.label(2)>{action}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
