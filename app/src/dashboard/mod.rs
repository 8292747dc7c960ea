//! The dashboard: what matters now, visible without clicking.
//!
//! Every tile reads its own kind of data through the policy, all at once. The page is
//! streamed in order: the heading goes out at once, then every tile that is ready within
//! a short grace time (all of them, when the sources are quick), then each late tile as
//! its sources answer or miss their deadline. Late tiles arrive in the same response as
//! plain HTML, so they show without JavaScript; CSS puts each one in its place in the grid
//! and hides the placeholder that held it.

mod tiles;

use std::time::Duration;

use carnet_core::kind::AnyReading;
use carnet_core::policy::Scope;
use carnet_core::portal_service::ServiceError;
use leptos::prelude::*;
use leptos_meta::Title;

use carnet_core::access_event::AccessEvents;
use carnet_core::access_log::{AccessNews, new_accesses};
use carnet_core::kind::Reading;

use crate::access_log::when;
use crate::api::{Feed, Once, ask, once};
use crate::components::format::party;
use crate::components::layout::CsrfField;
use crate::components::problem_notice::ProblemNotice;
use crate::components::source_states::{SourceStates, combine};
use crate::context::{PageContext, use_lang};
use crate::i18n::Lang;

/// How long the first batch of tiles waits for slower ones before the page shows what
/// it has.
const GRACE: Duration = Duration::from_millis(300);

#[component]
pub fn DashboardPage() -> impl IntoView {
    let lang = use_lang();
    let name = use_context::<PageContext>().and_then(|p| p.user_name).unwrap_or_default();
    let feed = Feed::start(&crate::kinds::dashboard_tiles(), GRACE);
    let seen = once(ask(|s, p, _| async move { s.access_news(&p).await }));
    view! {
        <Title text=lang.t("dashboard-title")/>
        <h1>{lang.t("dashboard-title")}</h1>
        <p class="greeting">{lang.t_args("dashboard-greeting", &[("name", name.into())])}</p>
        <p>{lang.t("dashboard-intro")}</p>
        {match feed {
            Ok(feed) => view! {
                <div class="tiles">
                    <p class="tile-placeholder tile-placeholder--sources" role="status">{lang.t("dashboard-sources-checking")}</p>
                    {chain(lang, feed, 0, seen)}
                </div>
            }.into_any(),
            Err(error) => view! { <ProblemNotice error=error/> }.into_any(),
        }}
    }
}

/// One batch of tiles, then (nested) the rest: each level is its own `Suspense`, which the
/// in-order stream sends as soon as it resolves.
fn chain(lang: Lang, feed: Feed, level: usize, seen: Once<AccessNews>) -> AnyView {
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let feed = feed.clone();
                let seen = seen.clone();
                Suspend::new(async move {
                    match feed.level(level).await {
                        Some(mut batch) => {
                            // In the kinds' order, which is the tiles' (`kinds::dashboard_tiles`).
                            batch.sort_by_key(|(scope, _)| *scope);
                            let waiting: Vec<Scope> = if level == 0 {
                                crate::kinds::dashboard_tiles()
                                    .into_iter()
                                    .filter(|s| !batch.iter().any(|(done, _)| done == s))
                                    .collect()
                            } else {
                                Vec::new()
                            };
                            // The alert of new accesses comes with the access tile's batch,
                            // first in it (and first on the screen: see the stylesheet).
                            let access = batch.iter().find_map(|(_, r)| match r {
                                Ok(AnyReading::AccessEvents(reading)) => Some(reading.clone()),
                                _ => None,
                            });
                            let alert = match access {
                                Some(reading) => Some(new_access_alert(lang, &reading, &seen.clone().await.unwrap_or_default())),
                                None => None,
                            };
                            view! {
                                {alert}
                                {waiting.into_iter().map(|scope| placeholder(lang, scope)).collect_view()}
                                {batch.into_iter().map(|(scope, result)| tile(lang, scope, result)).collect_view()}
                                {chain(lang, feed, level + 1, seen)}
                            }
                            .into_any()
                        }
                        None => sources_summary(lang, &feed).into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// "New since your last visit: Dr. … (UZ Leuven) opened your record on … — through CoZo",
/// with a link to the access log and a form that dismisses it (moves the marker to the
/// newest access shown).
fn new_access_alert(lang: Lang, reading: &Reading<AccessEvents>, news: &AccessNews) -> Option<AnyView> {
    let now_ms = crate::api::now_ms();
    let (new, newest) = new_accesses(reading, news, now_ms);
    let newest = newest?;
    if new.is_empty() {
        return None;
    }
    let csrf = use_context::<PageContext>().and_then(|p| p.csrf_token);
    let more = new.len().saturating_sub(ALERT_ROWS);
    Some(
        view! {
            <section class="tile tile--alert" id="new-access" aria-labelledby="new-access-h">
                <h2 id="new-access-h">{lang.t("access-alert-title")}</h2>
                <ul class="tile-list">
                    {new.into_iter().take(ALERT_ROWS).map(|access| {
                        let who = match &access.institution {
                            Some(place) => format!("{} ({place})", party(lang, &access.who)),
                            None => party(lang, &access.who),
                        };
                        let text = lang.t_args("access-alert-line", &[
                            ("who", who.into()),
                            ("when", when(lang, Some(access.at_ms), None).into()),
                            ("source", access.source_name.into()),
                        ]);
                        view! { <li>{text}</li> }
                    }).collect_view()}
                </ul>
                {(more > 0).then(|| view! { <p>{lang.t_args("access-alert-more", &[("count", more.into())])}</p> })}
                <p>{lang.t("access-alert-unexpected")}</p>
                <div class="alert-actions">
                    <a class="button button--secondary" href="/access-log">{lang.t("access-alert-see")}</a>
                    <form method="post" action="/access-log/seen">
                        <CsrfField token=csrf/>
                        <input type="hidden" name="until" value=newest.to_string()/>
                        <button type="submit" class="button">{lang.t("access-alert-dismiss")}</button>
                    </form>
                </div>
            </section>
        }
        .into_any(),
    )
}

/// Names in the alert (the rest are counted).
const ALERT_ROWS: usize = 3;

/// The stable id and heading message of a tile (`crate::kinds`).
pub fn tile_key(scope: Scope) -> (&'static str, &'static str) {
    // Only the kinds with a tile are asked for (`kinds::dashboard_tiles`).
    crate::kinds::shown(scope).tile.unwrap_or((scope.as_str(), "dashboard-title"))
}

/// Holds a late tile's place: "Still waiting for the sources …". Hidden by CSS once the
/// tile is in the page.
fn placeholder(lang: Lang, scope: Scope) -> impl IntoView {
    let (key, heading) = tile_key(scope);
    view! {
        <section class=format!("tile tile--{key} tile-placeholder") id=format!("tile-{key}-waiting") aria-labelledby=format!("tile-{key}-waiting-h")>
            <h2 id=format!("tile-{key}-waiting-h")>{lang.t(heading)}</h2>
            <p class="loading">{lang.t("dashboard-tile-waiting")}</p>
        </section>
    }
}

fn tile(lang: Lang, scope: Scope, result: Result<AnyReading, ServiceError>) -> impl IntoView {
    let (key, heading) = tile_key(scope);
    let heading_id = format!("tile-{key}-h");
    let body = match result {
        Ok(reading) => {
            let states = reading.states();
            view! {
                <SourceStates states problems_only=true/>
                {tiles::body(lang, reading)}
            }
            .into_any()
        }
        Err(error) => view! { <p class="notice notice--error">{lang.t(error.message_id())}</p> }.into_any(),
    };
    view! {
        <section class=format!("tile tile--{key}") id=format!("tile-{key}") aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{lang.t(heading)}</h2>
            {body}
        </section>
    }
}

/// Every source's state over all tiles, at the top of the grid.
fn sources_summary(lang: Lang, feed: &Feed) -> impl IntoView {
    let states = combine(feed.states());
    view! {
        <section class="tile tile--sources" id="tile-sources" aria-labelledby="tile-sources-h">
            <h2 id="tile-sources-h">{lang.t("tile-sources")}</h2>
            {states.is_empty().then(|| view! { <p>{lang.t("dashboard-sources-none")}</p> })}
            <SourceStates states/>
        </section>
    }
}
