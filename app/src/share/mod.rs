//! Sharing a summary: `/share` is the citizen's page (make a share: which parts, for how
//! long, with or without a passcode told separately, a label; their shares with the link,
//! its QR code, how often each was opened, and revoking one at once); `/s/<link>` is what
//! whoever holds a link sees, without logging in, in the language they pick: the parts
//! shared as the sources hold them now, and the files to download. Plain forms and links:
//! no JavaScript needed.

use carnet_core::date::BelgianTime;
use carnet_core::export::{ExportFile, exportable};
use carnet_core::kind::Scope;
use carnet_core::portal_service::{OpenError, OpenedShare, ShareAccess, ShareView};
use carnet_core::share::{DURATIONS_HOURS, ShareState};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{ApiError, ask, ask_anonymous, form_key, once};
use crate::components::layout::CsrfField;
use crate::components::problem_notice::ProblemNotice;
use crate::components::term::term;
use crate::context::{PageContext, use_lang};
use crate::export::printable::{Block, summary};
use crate::i18n::Lang;

fn part_name(lang: Lang, scope: Scope) -> String {
    lang.t(&format!("export-part-{}", scope.as_str()))
}

fn parts_text(lang: Lang, parts: &[Scope]) -> String {
    parts.iter().map(|s| part_name(lang, *s)).collect::<Vec<_>>().join(", ")
}

/// "8 December 2026 at 14:02".
fn moment(lang: Lang, at_ms: i64) -> String {
    let at = BelgianTime::at(at_ms);
    lang.t_args(
        "share-moment",
        &[("date", lang.date(at.day.into()).into()), ("time", format!("{:02}:{:02}", at.hour, at.minute).into())],
    )
}

const KNOWN_ERRORS: [&str; 6] = [
    "share-error-no-part",
    "share-error-passcode",
    "error-forbidden",
    "error-not-found",
    "error-bad-request",
    "error-internal",
];

#[component]
pub fn SharePage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map().get_untracked();
    let error = query.get("error").filter(|id| KNOWN_ERRORS.contains(&id.as_str()));
    let done = query.get("done").filter(|d| d == "made" || d == "revoked");
    let acting = use_context::<PageContext>().and_then(|p| p.acting_for);
    let title = lang.t("share-title");
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        {error.map(|id| view! {
            <div class="notice notice--error" role="alert" id="share-error" tabindex="-1"><p>{lang.t(&id)}</p></div>
        })}
        {done.map(|done| view! {
            <div class="notice notice--success" role="status" id="share-done"><p>{lang.t(&format!("share-done-{done}"))}</p></div>
        })}
        {match acting {
            Some(name) => view! {
                <div class="notice"><p>{lang.t_args("share-only-own", &[("name", name.into())])}</p></div>
            }.into_any(),
            None => view! {
                <div class="explain">
                    <p>{lang.t("share-what")}" "{term(lang, "patient-summary")}</p>
                    <p>{lang.t("share-how")}</p>
                </div>
                <ShareForm/>
                <Shares/>
            }.into_any(),
        }}
    }
}

/// What the form offers checked: what a care provider abroad needs first.
fn default_part(scope: Scope) -> bool {
    matches!(scope, Scope::Medication | Scope::Allergies | Scope::Vaccinations)
}

fn default_hours(hours: i64) -> bool {
    hours == 24
}

#[component]
fn ShareForm() -> impl IntoView {
    let lang = use_lang();
    let csrf = use_context::<PageContext>().and_then(|p| p.csrf_token);
    let key = form_key();
    view! {
        <section aria-labelledby="share-make">
            <h2 id="share-make">{lang.t("share-make-title")}</h2>
            <form method="post" action="/share" class="form">
                <CsrfField token=csrf/>
                <input type="hidden" name="key" value=key/>
                <fieldset class="field">
                    <legend>{lang.t("share-field-parts")}</legend>
                    {exportable().into_iter().map(|scope| {
                        let id = format!("share-part-{}", scope.as_str());
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=id.clone() name="part" value=scope.as_str()
                                    checked=default_part(scope)/>
                                <label for=id>{part_name(lang, scope)}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="share-hours">{lang.t("share-field-hours")}</label>
                    <select id="share-hours" name="hours">
                        {DURATIONS_HOURS.iter().map(|hours| view! {
                            <option value=hours.to_string() selected=default_hours(*hours)>{lang.t(&format!("share-hours-{hours}"))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="share-passcode">{lang.t("share-field-passcode")}</label>
                    <p class="hint" id="share-passcode-hint">{lang.t("share-field-passcode-hint")}</p>
                    <input id="share-passcode" name="passcode" type="text" autocomplete="off" maxlength="40"
                        aria-describedby="share-passcode-hint"/>
                </div>
                <div class="field">
                    <label for="share-label">{lang.t("share-field-label")}</label>
                    <p class="hint" id="share-label-hint">{lang.t("share-field-label-hint")}</p>
                    <input id="share-label" name="label" type="text" autocomplete="off" maxlength="80"
                        aria-describedby="share-label-hint"/>
                </div>
                <button type="submit" class="button">{lang.t("share-make")}</button>
            </form>
        </section>
    }
}

fn state_text(lang: Lang, share: &ShareView) -> String {
    match share.state {
        ShareState::Open => lang.t_args("share-state-open", &[("until", moment(lang, share.expires_ms).into())]),
        ShareState::Locked(until) => lang.t_args("share-state-locked", &[("until", moment(lang, until).into())]),
        ShareState::Expired => lang.t_args("share-state-expired", &[("at", moment(lang, share.expires_ms).into())]),
        ShareState::Revoked => lang.t("share-state-revoked"),
        ShareState::ClosedForTries => lang.t("share-state-closed"),
    }
}

#[component]
fn Shares() -> impl IntoView {
    let lang = use_lang();
    let shares = once(ask(|s, p, _| async move { s.shares(&p).await }));
    let csrf = use_context::<PageContext>().and_then(|p| p.csrf_token);
    view! {
        <section aria-labelledby="share-list">
            <h2 id="share-list">{lang.t("share-list-title")}</h2>
            <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
                {move || { let shares = shares.clone(); let csrf = csrf.clone(); Suspend::new(async move {
                    match shares.await {
                        Ok(shares) if shares.is_empty() => view! { <p>{lang.t("share-none")}</p> }.into_any(),
                        Ok(shares) => view! {
                            <ul class="shares">
                                {shares.into_iter().map(|share| {
                                    let name = share.label.clone().unwrap_or_else(|| lang.t_args("share-of", &[("date", moment(lang, share.made_ms).into())]));
                                    let opened = lang.t_args("share-openings", &[("count", share.openings.into())]);
                                    let passcode = lang.t(if share.passcode { "share-with-passcode" } else { "share-without-passcode" });
                                    let open = matches!(share.state, ShareState::Open | ShareState::Locked(_));
                                    let link_id = format!("share-link-{}", share.id);
                                    view! {
                                        <li class="share" id=format!("share-{}", share.id)>
                                            <h3>{name}</h3>
                                            <p>{lang.t_args("share-contains", &[("parts", parts_text(lang, &share.parts).into())])}</p>
                                            <p class="meta">{state_text(lang, &share)}" · "{opened}" · "{passcode}</p>
                                            {share.link.clone().map(|link| view! {
                                                <div class="field">
                                                    <label for=link_id.clone()>{lang.t("share-link")}</label>
                                                    <input id=link_id.clone() type="text" readonly value=link.clone() class="share__link"/>
                                                </div>
                                            })}
                                            {share.qr.clone().map(|qr| view! {
                                                <figure class="share__qr">
                                                    <svg xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {0} {0}", qr.size)
                                                        role="img" aria-label=lang.t("share-qr") shape-rendering="crispEdges">
                                                        <rect width=qr.size.to_string() height=qr.size.to_string() fill="#fff"/>
                                                        <path d=qr.path fill="#000"/>
                                                    </svg>
                                                    <figcaption>{lang.t("share-qr-caption")}</figcaption>
                                                </figure>
                                            })}
                                            {open.then(|| view! {
                                                <form method="post" action="/share/revoke">
                                                    <CsrfField token=csrf.clone()/>
                                                    <input type="hidden" name="id" value=share.id.to_string()/>
                                                    <button type="submit" class="button button--secondary">{lang.t("share-revoke")}</button>
                                                </form>
                                            })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any(),
                        Err(error) => view! { <ProblemNotice error/> }.into_any(),
                    }
                })}}
            </Suspense>
        </section>
    }
}

/// What whoever holds a link sees.
#[component]
pub fn SharedPage() -> impl IntoView {
    let lang = use_lang();
    let link = use_params_map().get_untracked().get("link").unwrap_or_default();
    let query = use_query_map().get_untracked();
    let ticket = query.get("t");
    let error = query.get("error");
    let left = query.get("left").and_then(|l| l.parse::<i64>().ok());
    let access = ticket.clone().map_or(ShareAccess::None, ShareAccess::Ticket);
    let asked = link.clone();
    let opened = once(async move {
        ask_anonymous(move |s, r| async move { s.open_share(&asked, access, r).await }).await.ok_or(ApiError::Transport)
    });
    let title = lang.t("shared-title");
    view! {
        <Title text=title.clone()/>
        <Meta name="robots" content="noindex"/>
        <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
            {move || { let opened = opened.clone(); let link = link.clone(); let error = error.clone(); let title = title.clone(); Suspend::new(async move {
                match opened.await {
                    Ok(Ok(opened)) => shared_view(lang, &link, opened).into_any(),
                    Ok(Err(OpenError::NeedsPasscode | OpenError::WrongPasscode { .. })) => passcode_view(lang, &title, &link, error.as_deref(), left).into_any(),
                    Ok(Err(problem)) => {
                        let id = match problem {
                            OpenError::Locked { .. } => "share-locked",
                            OpenError::Refused => "share-refused",
                            OpenError::Unavailable => "share-unavailable",
                            _ => "share-gone",
                        };
                        view! {
                            <h1>{title}</h1>
                            <div class="notice notice--error" role="alert" id="shared-problem"><p>{lang.t(id)}</p></div>
                        }.into_any()
                    }
                    Err(_) => view! { <h1>{title}</h1><div class="notice notice--error" role="alert"><p>{lang.t("share-unavailable")}</p></div> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

fn passcode_view(lang: Lang, title: &str, link: &str, error: Option<&str>, left: Option<i64>) -> impl IntoView + use<> {
    let csrf = use_context::<PageContext>().and_then(|p| p.csrf_token);
    let message = match (error, left) {
        (Some("share-wrong"), Some(left)) => Some(lang.t_args("share-wrong", &[("left", left.into())])),
        (Some("share-locked"), _) => Some(lang.t("share-locked")),
        _ => None,
    };
    view! {
        <h1>{title.to_owned()}</h1>
        <p>{lang.t("shared-needs-passcode")}</p>
        {message.map(|m| view! { <div class="notice notice--error" role="alert" id="shared-error"><p>{m}</p></div> })}
        <form method="post" action=format!("/s/{link}") class="form">
            <CsrfField token=csrf/>
            <div class="field">
                <label for="shared-passcode">{lang.t("shared-passcode")}</label>
                <input id="shared-passcode" name="passcode" type="password" autocomplete="off" required/>
            </div>
            <button type="submit" class="button">{lang.t("shared-open")}</button>
        </form>
    }
}

fn shared_view(lang: Lang, link: &str, opened: OpenedShare) -> impl IntoView + use<> {
    let content = opened.content();
    let printable = summary(lang, &content);
    let ticket: String =
        opened.ticket.clone().map(|t| form_urlencoded::byte_serialize(t.as_bytes()).collect()).unwrap_or_default();
    let href = |file: ExportFile| format!("/s/{link}/{}?t={ticket}", file.name());
    let proof = opened.parts.contains(&Scope::Vaccinations);
    // The printable's title and the person's line come first; the page has its own.
    let blocks: Vec<Block> = printable.blocks.into_iter().filter(|b| !matches!(b, Block::Title(_))).collect();
    view! {
        <h1>{lang.t("shared-title")}</h1>
        <div class="notice" id="shared-about">
            {opened.label.clone().map(|label| view! { <p><strong>{label}</strong></p> })}
            <p>{lang.t_args("shared-until", &[("until", moment(lang, opened.expires_ms).into())])}</p>
            <p>{lang.t("shared-now")}" "{term(lang, "source")}</p>
        </div>
        <ul class="downloads">
            <li><a class="button" href=href(ExportFile::SummaryPdf) rel="external" download="">{lang.t("export-download-pdf")}</a></li>
            {proof.then(|| view! { <li><a class="button button--secondary" href=href(ExportFile::VaccinationProof) rel="external" download="">{lang.t("export-download-proof")}</a></li> })}
            <li><a class="button button--secondary" href=href(ExportFile::Ips) rel="external" download="">{lang.t("export-download-ips")}</a></li>
        </ul>
        <div class="shared-summary">
            {blocks.into_iter().map(|block| match block {
                Block::Title(text) | Block::Heading(text) => view! { <h2>{text}</h2> }.into_any(),
                Block::Text(text) => view! { <p>{text}</p> }.into_any(),
                Block::Note(text) => view! { <p class="notice notice--warning">{text}</p> }.into_any(),
                Block::Item { text, details } => view! {
                    <div class="shared-item">
                        <p><strong>{text}</strong></p>
                        {details.into_iter().map(|d| view! { <p class="meta">{d}</p> }).collect_view()}
                    </div>
                }.into_any(),
            }).collect_view()}
        </div>
    }
}
