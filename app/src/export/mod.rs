//! Taking the record along (`/export`): the citizen (or someone acting for them, within
//! what they were granted) picks the parts of the record, and Carnet makes a patient
//! summary in the European format (HL7 International Patient Summary) in the background.
//! `/export?job=<key>` follows it: which sources are still answering (the page refreshes
//! itself without JavaScript; with it, the list updates in place), then the download, with
//! every source that failed named. Plain forms and links: no JavaScript needed.

pub mod printable;

use carnet_core::change::FormKey;
use carnet_core::date::BelgianTime;
use carnet_core::export::ExportFile;
use carnet_core::kind::Scope;
use carnet_core::portal_service::{ExportJob, ExportState, ServiceError};
use carnet_core::source_answer::SourceStatus;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{ApiError, ask, form_key, once};
use crate::components::layout::CsrfField;
use crate::components::problem_notice::ProblemNotice;
use crate::components::source_states::{SourceStates, combine};
use crate::components::term::term;
use crate::context::{PageContext, use_lang};
use crate::i18n::Lang;

/// The errors the form can come back with (only these are shown).
const KNOWN_ERRORS: [&str; 6] = [
    "export-error-no-part",
    "error-forbidden",
    "error-not-found",
    "error-bad-request",
    "error-internal",
    "error-source-unavailable",
];

fn part_name(lang: Lang, scope: Scope) -> String {
    lang.t(&format!("export-part-{}", scope.as_str()))
}

fn clock(at_ms: i64) -> String {
    let t = BelgianTime::at(at_ms);
    format!("{:02}:{:02}", t.hour, t.minute)
}

#[component]
pub fn ExportPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map().get_untracked();
    let error = query.get("error").filter(|id| KNOWN_ERRORS.contains(&id.as_str()));
    let job = query.get("job").and_then(|key| FormKey::parse(&key));
    let acting = use_context::<PageContext>().and_then(|p| p.acting_for);
    let title = lang.t("export-title");
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        {error.map(|id| view! {
            <div class="notice notice--error" role="alert" id="export-error" tabindex="-1">
                <p>{lang.t(&id)}</p>
            </div>
        })}
        {match job {
            Some(key) => view! { <JobStatus key/> }.into_any(),
            None => view! {
                <div class="explain">
                    <p>{match &acting {
                        Some(name) => lang.t_args("export-what-for", &[("name", name.clone().into())]),
                        None => lang.t("export-what"),
                    }}" "{term(lang, "patient-summary")}</p>
                    <p>{lang.t("export-who-reads")}</p>
                </div>
                <ChooseParts/>
            }.into_any(),
        }}
    }
}

/// The form: every part the person may export, checked.
#[component]
fn ChooseParts() -> impl IntoView {
    let lang = use_lang();
    let parts = once(ask(|s, p, _| async move { s.exportable_parts(&p).await }));
    let csrf = use_context::<PageContext>().and_then(|p| p.csrf_token);
    let key = form_key();
    view! {
        <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
            {move || { let parts = parts.clone(); let csrf = csrf.clone(); let key = key.clone(); Suspend::new(async move {
                match parts.await {
                    Ok(parts) if parts.is_empty() => view! {
                        <div class="notice"><p>{lang.t("export-nothing-to-export")}</p></div>
                    }.into_any(),
                    Ok(parts) => {
                        let left_out: Vec<Scope> = carnet_core::export::exportable().into_iter().filter(|s| !parts.contains(s)).collect();
                        view! {
                            <form method="post" action="/export" class="form">
                                <CsrfField token=csrf/>
                                <input type="hidden" name="key" value=key/>
                                <fieldset class="field" id="parts">
                                    <legend>{lang.t("export-field-parts")}</legend>
                                    {parts.into_iter().map(|scope| {
                                        let id = format!("part-{}", scope.as_str());
                                        view! {
                                            <div class="choice">
                                                <input type="checkbox" id=id.clone() name="part" value=scope.as_str() checked=true
                                                    aria-describedby=format!("{id}-what")/>
                                                <label for=id.clone()>{part_name(lang, scope)}</label>
                                                <p class="hint" id=format!("{id}-what")>{lang.t(&format!("export-part-{}-what", scope.as_str()))}</p>
                                            </div>
                                        }
                                    }).collect_view()}
                                </fieldset>
                                {(!left_out.is_empty()).then(|| view! {
                                    <p class="hint">{lang.t_args("export-left-out", &[(
                                        "parts",
                                        left_out.iter().map(|s| part_name(lang, *s)).collect::<Vec<_>>().join(", ").into(),
                                    )])}</p>
                                })}
                                <p class="hint">{lang.t("export-audited")}</p>
                                <button type="submit" class="button">{lang.t("export-make")}</button>
                            </form>
                        }.into_any()
                    }
                    Err(error) => view! { <ProblemNotice error/> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

/// Where the export named by `?job=` stands.
#[component]
fn JobStatus(key: FormKey) -> impl IntoView {
    let lang = use_lang();
    let asked = key.clone();
    let job = once(ask(move |s, p, r| async move { s.export_job(&p, &asked, r).await }));
    view! {
        <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
            {move || { let job = job.clone(); let key = key.clone(); Suspend::new(async move {
                match job.await {
                    Ok(job) => job_view(lang, &key, job).into_any(),
                    Err(ApiError::Service(ServiceError::NotFound)) => view! {
                        <div class="notice notice--error" role="alert">
                            <p>{lang.t("export-gone")}</p>
                            <p><a href="/export">{lang.t("export-again")}</a></p>
                        </div>
                    }.into_any(),
                    Err(error) => view! { <ProblemNotice error/> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

fn job_view(lang: Lang, key: &FormKey, job: ExportJob) -> impl IntoView + use<> {
    let parts = job.parts.iter().map(|s| part_name(lang, *s)).collect::<Vec<_>>().join(", ");
    let parts_line = view! { <p>{lang.t_args("export-parts", &[("parts", parts.into())])}</p> };
    match job.state {
        ExportState::Running { pending } => {
            let here = format!("/export?job={}", key.as_str());
            view! {
                {parts_line}
                // Without JavaScript the page asks again every few seconds (a <meta> in
                // <noscript> is only read then); with it, `Watch` updates the list in place.
                <noscript><meta http-equiv="refresh" content="3"/></noscript>
                <Watch
                    key=key.as_str().to_owned()
                    pending
                    working=lang.t("export-working")
                    waiting=lang.t("export-waiting")
                />
                <p><a href=here>{lang.t("export-check-again")}</a></p>
            }
            .into_any()
        }
        ExportState::Ready { states } => {
            let href = |file: ExportFile| format!("/export/{}/{}", key.as_str(), file.name());
            let proof = job.parts.contains(&Scope::Vaccinations);
            let states = combine(states);
            let missing: Vec<String> = states
                .iter()
                .filter(|s| matches!(s.status, SourceStatus::Failed(_)))
                .map(|s| s.source_name.clone())
                .collect();
            let stale = states.iter().any(|s| matches!(s.status, SourceStatus::Stale(_)));
            view! {
                <div class="notice notice--success" role="status" id="export-ready">
                    <p><strong>{lang.t("export-ready")}</strong></p>
                    {parts_line}
                </div>
                <SourceStates states=states.clone() problems_only=true/>
                {(!missing.is_empty()).then(|| view! {
                    <p class="notice notice--warning">{lang.t_args("export-missing", &[("sources", missing.join(", ").into())])}</p>
                })}
                {stale.then(|| view! { <p class="hint">{lang.t("export-stale")}</p> })}
                <ul class="downloads">
                    <li>
                        <a class="button" href=href(ExportFile::SummaryPdf) rel="external" download="">{lang.t("export-download-pdf")}</a>
                    </li>
                    {proof.then(|| view! {
                        <li>
                            <a class="button button--secondary" href=href(ExportFile::VaccinationProof) rel="external" download="">{lang.t("export-download-proof")}</a>
                            <p class="hint">{lang.t("export-download-proof-what")}</p>
                        </li>
                    })}
                    <li>
                        <a class="button button--secondary" href=href(ExportFile::Ips) rel="external" download="">{lang.t("export-download-ips")}</a>
                        <p class="hint">{lang.t("export-download-ips-what")}</p>
                    </li>
                </ul>
                <p class="hint">{lang.t_args("export-kept-until", &[("time", clock(job.expires_ms).into())])}</p>
                <p><a href="/export">{lang.t("export-another")}</a></p>
            }
            .into_any()
        }
        ExportState::Failed | ExportState::Lost => view! {
            <div class="notice notice--error" role="alert">
                <p>{lang.t(if matches!(job.state, ExportState::Lost) { "export-lost" } else { "export-failed" })}</p>
                <p><a href="/export">{lang.t("export-again")}</a></p>
            </div>
        }
        .into_any(),
    }
}

/// The sources still answering. In the browser, it asks every two seconds and reloads
/// the page once the export is done (which then shows the download).
#[island]
fn Watch(key: String, pending: Vec<String>, working: String, waiting: String) -> impl IntoView {
    let pending = RwSignal::new(pending);
    Effect::new(move |_| {
        let key = key.clone();
        let _ = set_interval_with_handle(
            move || {
                let key = key.clone();
                leptos::task::spawn_local(async move {
                    match crate::api::export_progress(key).await {
                        Ok(Some(now)) => pending.set(now),
                        // Done (or gone): the page itself says how it went.
                        Ok(None) => {
                            let _ = window().location().reload();
                        }
                        Err(_) => {}
                    }
                });
            },
            std::time::Duration::from_secs(2),
        );
    });
    view! {
        <div class="notice" role="status" aria-live="polite" id="export-running">
            <p><strong>{working}</strong></p>
            {move || {
                let now = pending.get();
                (!now.is_empty()).then(|| view! { <p>{waiting.clone()}" "{now.join(", ")}</p> })
            }}
        </div>
    }
}
