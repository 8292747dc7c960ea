//! The frame of every page: skip link, header with language switch and logout, footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::context::PageContext;
use crate::i18n::Lang;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let page =
        use_context::<PageContext>().unwrap_or(PageContext { lang: Lang::En, user_name: None, csrf_token: None });
    let lang = page.lang;
    view! {
        // rel="external": the browser, not the client-side router, follows it (and moves focus).
        <a class="skip-link" href="#main" rel="external">{lang.t("skip-to-content")}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href="/">
                    <span class="brand__name">{lang.t("app-name")}</span>
                    <span class="brand__tagline">{lang.t("app-tagline")}</span>
                </a>
                <LanguageSwitch lang=lang/>
                {page.user_name.clone().map(|name| view! {
                    <div class="session">
                        <p class="session__who">{lang.t_args("logged-in-as", &[("name", name.into())])}</p>
                        <form method="post" action="/auth/logout" class="session__logout">
                            <CsrfField token=page.csrf_token.clone()/>
                            <button type="submit" class="button button--secondary">{lang.t("logout")}</button>
                        </form>
                    </div>
                })}
            </div>
        </header>
        <MainNav lang=lang logged_in=page.user_name.is_some()/>
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{lang.t("footer-text")}</p>
        </footer>
    }
}

/// The hidden field that every form which changes something carries: the session's CSRF
/// token (checked by the server; works without JavaScript).
#[component]
pub fn CsrfField(token: Option<String>) -> impl IntoView {
    view! { <input type="hidden" name="csrf" value=token.unwrap_or_default()/> }
}

/// The pages, as plain links; the current one is marked for screen readers.
#[component]
fn MainNav(lang: Lang, logged_in: bool) -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    let mut links: Vec<(&str, &str)> = Vec::new();
    if logged_in {
        links.extend([
            ("/dashboard", "nav-dashboard"),
            ("/documents", "nav-documents"),
            ("/vaccinations", "nav-vaccinations"),
            ("/medication", "nav-medication"),
            ("/summary", "nav-summary"),
        ]);
    }
    links.push(("/glossary", "nav-glossary"));
    view! {
        <nav class="main-nav" aria-label=lang.t("nav-label")>
            <ul>
                {links.into_iter().map(|(href, id)| {
                    let current = path == href || (href != "/" && path.starts_with(&format!("{href}/")));
                    view! { <li><a href=href aria-current=current.then_some("page")>{lang.t(id)}</a></li> }
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// Links to `/lang/<code>?back=<this page>`: a server route that remembers the choice
/// in a cookie and comes back. Works without JavaScript; `rel="external"` keeps the
/// client-side router from intercepting it.
#[component]
fn LanguageSwitch(lang: Lang) -> impl IntoView {
    let location = use_location();
    let back = move || {
        let path = location.pathname.get();
        let search = location.search.get();
        let target = if search.is_empty() { path } else { format!("{path}?{search}") };
        form_urlencoded::byte_serialize(target.as_bytes()).collect::<String>()
    };
    view! {
        <nav class="lang-switch" aria-label=lang.t("language-switch-label")>
            <ul>
                {Lang::ALL.into_iter().map(|option| {
                    let current = option == lang;
                    view! {
                        <li>
                            <a
                                href=move || format!("/lang/{}?back={}", option.code(), back())
                                hreflang=option.code()
                                lang=option.code()
                                rel="external"
                                aria-current=current.then_some("true")
                            >
                                {option.endonym()}
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}
