//! Mandates (`/mandates`): the trusted persons a citizen lets act for them, and the
//! mandates others gave them. Giving one is a form (who, by national register number and
//! name; which parts of the record, each explained in plain words; from when, until
//! when), then a confirmation step that says what each part lets the trusted person do;
//! the trusted person accepts or declines; either side ends it at once. Everything is a
//! plain form: no JavaScript needed.

use carnet_core::grant::GrantScope;
use carnet_core::mandate::{Mandate, MandateAnswer, MandateError, MandateForm, MandateStatus};
use carnet_core::portal_service::Mandates;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::api::{ask, form_key, once};
use crate::components::change::Confirm;
use crate::components::grants::{scope_list, scope_name, scope_what};
use crate::components::layout::{ControlsNav, CsrfField};
use crate::components::problem_notice::ProblemNotice;
use crate::context::{PageContext, flash, use_lang};
use crate::i18n::Lang;

/// What the give form left for the page it comes back to: what was typed, and either the
/// errors to fix or (none) the confirmation step.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GiveFlash {
    pub form: MandateForm,
    pub errors: Vec<MandateError>,
}

/// The done notices `?done=` can name.
const DONE: [&str; 5] = ["given", "accept", "decline", "revoke", "give-back"];

fn status_text(lang: Lang, m: &Mandate, status: MandateStatus) -> String {
    let from = lang.date(m.first_day.into());
    match (status, m.last_day) {
        (MandateStatus::Active, Some(last)) => {
            lang.t_args("mandate-active-until", &[("until", lang.date(last.into()).into())])
        }
        (MandateStatus::NotYetStarted, _) => lang.t_args("mandate-starts", &[("from", from.into())]),
        _ => lang.t(status.message_id()),
    }
}

#[component]
pub fn MandatesPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map().get_untracked();
    let done = query.get("done").filter(|d| DONE.contains(&d.as_str()));
    let error = query
        .get("error")
        .filter(|e| e.starts_with("error-"))
        // Only a message of ours is shown (never the query's own text: it sits next to secrets).
        .and_then(|id| lang.try_t(&id));
    let revoke = query.get("revoke").and_then(|id| id.parse::<i64>().ok());
    let confirm_give = query.get("confirm").is_some_and(|c| c == "give");
    let give_flash: Option<GiveFlash> = flash();
    let acting = use_context::<PageContext>().and_then(|p| p.acting_for);
    let data = once(ask(|s, p, _| async move { s.mandates(&p).await }));
    view! {
        <Title text=lang.t("mandates-title")/>
        <h1>{lang.t("mandates-title")}</h1>
        <ControlsNav/>
        {done.map(|d| view! {
            <div class="notice notice--success" role="status" id="change-result">
                <p>{lang.t(&format!("mandate-done-{d}"))}</p>
            </div>
        })}
        {error.map(|text| view! {
            <div class="notice notice--error" role="alert" id="change-result"><p>{text}</p></div>
        })}
        {acting.map(|name| view! { <p class="notice">{lang.t_args("mandates-own-while-acting", &[("name", name.into())])}</p> })}
        <div class="explain">
            <p>{lang.t("mandates-what")}</p>
        </div>
        <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
            {move || { let data = data.clone(); let give_flash = give_flash.clone(); Suspend::new(async move {
                match data.await {
                    Ok(m) => view! {
                        {revoke.and_then(|id| m.given.iter().find(|g| g.id.0 == id && g.status_on(m.today).is_open()).map(|g| revoke_confirm(lang, g)))}
                        {held_section(lang, &m)}
                        {given_section(lang, &m)}
                        {match give_flash {
                            Some(f) if confirm_give && f.errors.is_empty() => give_confirm(lang, &f.form).into_any(),
                            other => give_form(lang, other.unwrap_or_default()).into_any(),
                        }}
                    }.into_any(),
                    Err(error) => view! { <ProblemNotice error/> }.into_any(),
                }
            })}}
        </Suspense>
    }
}

/// A small form that answers a mandate (accept, decline, give back) at once.
fn answer_form(lang: Lang, id: i64, answer: MandateAnswer, label: String, secondary: bool) -> impl IntoView + use<> {
    let csrf = use_context::<PageContext>().and_then(|p| p.csrf_token);
    let _ = lang;
    view! {
        <form method="post" action="/mandates/answer" class="inline-form">
            <CsrfField token=csrf/>
            <input type="hidden" name="id" value=id.to_string()/>
            <input type="hidden" name="answer" value=answer.code()/>
            <button type="submit" class=if secondary { "button button--secondary" } else { "button" }>{label}</button>
        </form>
    }
}

fn held_section(lang: Lang, m: &Mandates) -> impl IntoView + use<> {
    let cards = m
        .held
        .iter()
        .map(|held| {
            let status = held.status_on(m.today);
            let who = held.giver_name.clone();
            let args = [("who", who.clone().into())];
            let actions = match status {
                MandateStatus::Pending if m.name_matches.contains(&held.id) => view! {
                    <div class="actions">
                        {answer_form(lang, held.id.0, MandateAnswer::Accept, lang.t_args("mandate-accept", &args), false)}
                        {answer_form(lang, held.id.0, MandateAnswer::Decline, lang.t_args("mandate-decline", &args), true)}
                    </div>
                }
                .into_any(),
                MandateStatus::Pending => view! {
                    <p class="notice notice--warning">{lang.t_args("mandate-name-mismatch", &[("who", who.clone().into()), ("name", held.holder_name.clone().into())])}</p>
                }
                .into_any(),
                MandateStatus::Active | MandateStatus::NotYetStarted => view! {
                    <div class="actions">
                        {(status == MandateStatus::Active).then(|| view! { <a class="button" href="/act-for">{lang.t_args("mandate-open-record", &args)}</a> })}
                        {answer_form(lang, held.id.0, MandateAnswer::GiveBack, lang.t_args("mandate-give-back", &args), true)}
                    </div>
                }
                .into_any(),
                _ => ().into_any(),
            };
            view! {
                <li class="card mandate">
                    <h3>{lang.t_args("mandate-from", &args)}</h3>
                    <p class="mandate__status">{status_text(lang, held, status)}</p>
                    <p>{lang.t_args("mandate-covers", &[("scopes", scope_list(lang, &held.scopes).into())])}</p>
                    {actions}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="mandates-held">
            <h2 id="mandates-held">{lang.t("mandates-held")}</h2>
            {if m.held.is_empty() {
                view! { <p>{lang.t("mandates-held-none")}</p> }.into_any()
            } else {
                view! { <ul class="cards">{cards}</ul> }.into_any()
            }}
        </section>
    }
}

fn given_section(lang: Lang, m: &Mandates) -> impl IntoView + use<> {
    let cards = m
        .given
        .iter()
        .map(|given| {
            let status = given.status_on(m.today);
            let args = [("who", given.holder_name.clone().into())];
            view! {
                <li class="card mandate">
                    <h3>{lang.t_args("mandate-to", &args)}</h3>
                    <p class="mandate__status">{status_text(lang, given, status)}</p>
                    <p>{lang.t_args("mandate-covers", &[("scopes", scope_list(lang, &given.scopes).into())])}</p>
                    {status.is_open().then(|| view! {
                        <a class="button button--secondary" href={format!("/mandates?revoke={}", given.id.0)}>{lang.t_args("mandate-revoke", &args)}</a>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="mandates-given">
            <h2 id="mandates-given">{lang.t("mandates-given")}</h2>
            {if m.given.is_empty() {
                view! { <p>{lang.t("mandates-given-none")}</p> }.into_any()
            } else {
                view! { <ul class="cards">{cards}</ul> }.into_any()
            }}
        </section>
    }
}

fn revoke_confirm(lang: Lang, m: &Mandate) -> impl IntoView + use<> {
    let args = [("who", m.holder_name.clone().into())];
    view! {
        <Confirm
            title=lang.t_args("mandate-revoke-title", &args)
            effects=vec![lang.t_args("mandate-revoke-effect", &args), lang.t("mandate-revoke-kept")]
            action="/mandates/answer"
            fields=vec![("id", m.id.0.to_string()), ("answer", MandateAnswer::Revoke.code().to_owned())]
            submit=lang.t_args("mandate-revoke-submit", &args)
            cancel="/mandates".to_owned()
            warning=true
        />
    }
}

/// The error of one field, linked to it (`aria-describedby`).
fn field_error(lang: Lang, errors: &[MandateError], field: &'static str) -> Option<impl IntoView + use<>> {
    let messages: Vec<String> = errors.iter().filter(|e| e.field() == field).map(|e| lang.t(e.message_id())).collect();
    (!messages.is_empty()).then(|| {
        view! { <p class="field-error" id={format!("{field}-error")}>{messages.join(" ")}</p> }
    })
}

fn give_form(lang: Lang, flash: GiveFlash) -> impl IntoView + use<> {
    let csrf = use_context::<PageContext>().and_then(|p| p.csrf_token);
    let GiveFlash { form, errors } = flash;
    let invalid = |field: &str| errors.iter().any(|e| e.field() == field).then_some("true");
    let described = |field: &str| errors.iter().any(|e| e.field() == field).then(|| format!("{field}-error"));
    let summary = (!errors.is_empty()).then(|| {
        view! {
            <div class="notice notice--error" role="alert" id="give-errors" tabindex="-1">
                <p><strong>{lang.t("mandate-form-errors")}</strong></p>
                <ul>{errors.iter().map(|e| view! { <li><a href={format!("#{}", e.field())}>{lang.t(e.message_id())}</a></li> }).collect_view()}</ul>
            </div>
        }
    });
    view! {
        <section aria-labelledby="give-heading" id="give">
            <h2 id="give-heading">{lang.t("mandate-give-title")}</h2>
            {summary}
            <form method="post" action="/mandates/give" class="form" novalidate>
                <CsrfField token=csrf/>
                <div class="field">
                    <label for="holder_ssin">{lang.t("mandate-field-ssin")}</label>
                    <p class="hint" id="holder_ssin-hint">{lang.t("mandate-field-ssin-hint")}</p>
                    <input id="holder_ssin" name="holder_ssin" type="text" inputmode="numeric" autocomplete="off"
                        value=form.holder_ssin.clone() aria-invalid=invalid("holder_ssin")
                        aria-describedby=described("holder_ssin").unwrap_or_else(|| "holder_ssin-hint".into())/>
                    {field_error(lang, &errors, "holder_ssin")}
                </div>
                <div class="field">
                    <label for="holder_name">{lang.t("mandate-field-name")}</label>
                    <p class="hint" id="holder_name-hint">{lang.t("mandate-field-name-hint")}</p>
                    <input id="holder_name" name="holder_name" type="text" autocomplete="off"
                        value=form.holder_name.clone() aria-invalid=invalid("holder_name")
                        aria-describedby=described("holder_name").unwrap_or_else(|| "holder_name-hint".into())/>
                    {field_error(lang, &errors, "holder_name")}
                </div>
                <fieldset class="field" id="scopes" aria-invalid=invalid("scopes")>
                    <legend>{lang.t("mandate-field-scopes")}</legend>
                    {field_error(lang, &errors, "scopes")}
                    {GrantScope::ALL.iter().map(|scope| {
                        let id = format!("scope-{}", scope.as_str());
                        let checked = form.scopes.iter().any(|s| s == scope.as_str());
                        view! {
                            <div class="choice">
                                <input type="checkbox" id=id.clone() name="scope" value=scope.as_str() checked=checked
                                    aria-describedby={format!("{id}-what")}/>
                                <label for=id.clone()>{scope_name(lang, *scope)}</label>
                                <p class="hint" id={format!("{id}-what")}>{scope_what(lang, *scope)}</p>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
                <div class="field">
                    <label for="first_day">{lang.t("mandate-field-first-day")}</label>
                    <p class="hint" id="first_day-hint">{lang.t("mandate-field-first-day-hint")}</p>
                    <input id="first_day" name="first_day" type="date" value=form.first_day.clone()
                        aria-invalid=invalid("first_day")
                        aria-describedby=described("first_day").unwrap_or_else(|| "first_day-hint".into())/>
                    {field_error(lang, &errors, "first_day")}
                </div>
                <div class="field">
                    <label for="last_day">{lang.t("mandate-field-last-day")}</label>
                    <p class="hint" id="last_day-hint">{lang.t("mandate-field-last-day-hint")}</p>
                    <input id="last_day" name="last_day" type="date" value=form.last_day.clone()
                        aria-invalid=invalid("last_day")
                        aria-describedby=described("last_day").unwrap_or_else(|| "last_day-hint".into())/>
                    {field_error(lang, &errors, "last_day")}
                </div>
                <button type="submit" class="button">{lang.t("mandate-give-next")}</button>
            </form>
        </section>
    }
}

/// The confirmation step of giving a mandate: who, what each chosen part lets them do,
/// from when until when; then the form that gives it (with what was typed, hidden).
fn give_confirm(lang: Lang, form: &MandateForm) -> impl IntoView + use<> {
    let csrf = use_context::<PageContext>().and_then(|p| p.csrf_token);
    let key = form_key();
    let scopes: Vec<GrantScope> = form.scopes.iter().filter_map(|s| GrantScope::from_name(s)).collect();
    let who = form.holder_name.split_whitespace().collect::<Vec<_>>().join(" ");
    let args = [("who", who.clone().into())];
    let period = match (form.first_day.trim(), form.last_day.trim()) {
        (_, "") => lang.t_args("mandate-confirm-from", &[("from", day_words(lang, &form.first_day).into())]),
        (_, last) => lang.t_args(
            "mandate-confirm-from-until",
            &[("from", day_words(lang, &form.first_day).into()), ("until", day_words(lang, last).into())],
        ),
    };
    view! {
        <section class="confirm" aria-labelledby="confirm-heading" id="give">
            <h2 id="confirm-heading">{lang.t_args("mandate-confirm-title", &args)}</h2>
            <p>{lang.t_args("mandate-confirm-intro", &args)}</p>
            <ul>
                {scopes.iter().map(|s| view! { <li><strong>{scope_name(lang, *s)}</strong>": "{scope_what(lang, *s)}</li> }).collect_view()}
            </ul>
            {(!scopes.contains(&GrantScope::ConsentsManage)).then(|| view! { <p>{lang.t_args("mandate-confirm-no-changes", &args)}</p> })}
            <p>{period}</p>
            <p>{lang.t_args("mandate-confirm-accept-first", &args)}</p>
            <p>{lang.t("mandate-confirm-revoke-any-time")}</p>
            <form method="post" action="/mandates/give" class="confirm__form">
                <CsrfField token=csrf/>
                <input type="hidden" name="key" value=key/>
                <input type="hidden" name="confirmed" value="1"/>
                <input type="hidden" name="holder_ssin" value=form.holder_ssin.clone()/>
                <input type="hidden" name="holder_name" value=form.holder_name.clone()/>
                {scopes.iter().map(|s| view! { <input type="hidden" name="scope" value=s.as_str()/> }).collect_view()}
                <input type="hidden" name="first_day" value=form.first_day.clone()/>
                <input type="hidden" name="last_day" value=form.last_day.clone()/>
                <button type="submit" class="button">{lang.t_args("mandate-confirm-submit", &args)}</button>
                <button type="submit" class="button button--secondary" name="edit" value="1">{lang.t("mandate-confirm-edit")}</button>
            </form>
        </section>
    }
}

/// A form's `YYYY-MM-DD` in words ("today" when empty).
fn day_words(lang: Lang, text: &str) -> String {
    match carnet_core::date::Day::parse(text.trim()) {
        Some(day) => lang.date(day.into()),
        None => lang.t("mandate-today"),
    }
}
