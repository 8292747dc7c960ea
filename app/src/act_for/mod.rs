//! Whose record to open (`/act-for`): one's own, or that of someone who gave a mandate in
//! force (or, later, a child), each with what one may see there and why. Opening one is a
//! form (it changes the session); every page then says whose record it is.

use carnet_core::portal_service::{ActForBasis, ActForChoice};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{ask, once};
use crate::components::grants::{MinorRule, scope_list};
use crate::components::layout::CsrfField;
use crate::components::problem_notice::ProblemNotice;
use crate::context::{PageContext, use_lang};
use crate::i18n::Lang;

#[component]
pub fn ActForPage() -> impl IntoView {
    let lang = use_lang();
    let page = use_context::<PageContext>();
    let csrf = page.as_ref().and_then(|p| p.csrf_token.clone());
    let acting = page.and_then(|p| p.acting_for);
    let error = use_query_map()
        .get_untracked()
        .get("error")
        .filter(|e| e.starts_with("error-"))
        // Only a message of ours is shown (never the query's own text: it sits next to secrets).
        .and_then(|id| lang.try_t(&id));
    let choices = once(ask(|s, p, _| async move { s.act_for_choices(&p).await }));
    let own_csrf = csrf.clone();
    view! {
        <Title text=lang.t("act-for-title")/>
        <h1>{lang.t("act-for-title")}</h1>
        {error.map(|text| view! { <div class="notice notice--error" role="alert"><p>{text}</p></div> })}
        <p>{lang.t("act-for-what")}</p>
        <ul class="cards">
            <li class="card">
                <h2>{lang.t("act-for-own")}</h2>
                {match acting {
                    Some(_) => view! {
                        <form method="post" action="/act-for/self">
                            <CsrfField token=own_csrf/>
                            <button type="submit" class="button">{lang.t("act-for-open-own")}</button>
                        </form>
                    }.into_any(),
                    None => view! { <p><a class="button" href="/dashboard">{lang.t("act-for-open-own")}</a></p> }.into_any(),
                }}
            </li>
            <Suspense fallback=move || view! { <li class="loading" role="status">{lang.t("page-loading")}</li> }>
                {move || { let choices = choices.clone(); let csrf = csrf.clone(); Suspend::new(async move {
                    match choices.await {
                        Ok(choices) => choices.into_iter().map(|c| choice_view(lang, c, csrf.clone())).collect_view().into_any(),
                        Err(error) => view! { <li><ProblemNotice error/></li> }.into_any(),
                    }
                })}}
            </Suspense>
        </ul>
        <p><a href="/mandates">{lang.t("act-for-mandates-link")}</a></p>
    }
}

fn choice_view(lang: Lang, choice: ActForChoice, csrf: Option<String>) -> AnyView {
    let args = [("name", choice.name.clone().into())];
    let why = match &choice.why {
        ActForBasis::Mandate { scopes, last_day, .. } => {
            let covers = lang.t_args("act-for-mandate-covers", &[("scopes", scope_list(lang, scopes).into())]);
            let until = last_day.map(|d| lang.t_args("mandate-active-until", &[("until", lang.date(d.into()).into())]));
            view! { <p>{lang.t("act-for-under-mandate")}</p><p>{covers}</p>{until.map(|u| view! { <p>{u}</p> })}}
                .into_any()
        }
        ActForBasis::Minor(note) => view! { <MinorRule note=note.clone() name=choice.name.clone()/> }.into_any(),
    };
    // A minor who manages their own record: nothing to open.
    let closed = matches!(&choice.why, ActForBasis::Minor(note) if note.scopes.is_empty());
    if closed {
        return view! { <li class="card"><h2>{choice.name.clone()}</h2>{why}</li> }.into_any();
    }
    view! {
        <li class="card">
            <h2>{choice.name.clone()}</h2>
            {why}
            <form method="post" action="/act-for">
                <CsrfField token=csrf/>
                <input type="hidden" name="person" value=choice.token.clone()/>
                <button type="submit" class="button">{lang.t_args("act-for-open", &args)}</button>
            </form>
        </li>
    }
    .into_any()
}
