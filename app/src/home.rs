//! The start page.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::context::PageContext;

#[component]
pub fn HomePage() -> impl IntoView {
    let page = PageContext::current();
    let lang = page.lang;
    view! {
        <Title text=lang.t("home-title")/>
        <section class="hero">
            <h1>{lang.t("home-title")}</h1>
            <p class="lead">{lang.t("home-intro")}</p>
            {if page.user_name.is_some() {
                view! {
                    <p><a class="button" href="/dashboard">{lang.t("nav-dashboard")}</a></p>
                }.into_any()
            } else {
                view! {
                    <p>{lang.t("home-login-explain")}</p>
                    <p><a class="button" href="/auth/login" rel="external">{lang.t("home-login-button")}</a></p>
                }.into_any()
            }}
        </section>
    }
}
