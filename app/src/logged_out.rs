//! Where the identity provider sends the person after logging out.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::context::use_lang;

#[component]
pub fn LoggedOutPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <Title text=lang.t("logged-out-title")/>
        <h1>{lang.t("logged-out-title")}</h1>
        <p role="status">{lang.t("logged-out-text")}</p>
        <p><a class="button" href="/auth/login" rel="external">{lang.t("login-again")}</a></p>
    }
}
