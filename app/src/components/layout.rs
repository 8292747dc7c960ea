//! The frame of every page: skip link, header with language switch and logout, footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use carnet_core::principal::MinorNote;

use crate::components::grants::MinorRule;
use crate::context::PageContext;
use crate::i18n::Lang;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let page = PageContext::current();
    let lang = page.lang;
    let logged_in = page.user_name.is_some();
    let session = move |page: &PageContext| {
        page.user_name.clone().map(|name| {
            view! {
                <div class="session">
                    <p class="session__who">{lang.t_args("logged-in-as", &[("name", name.into())])}</p>
                    <a class="session__switch" href="/act-for">{lang.t("nav-act-for")}</a>
                    <form method="post" action="/auth/logout" class="session__logout">
                        <CsrfField token=page.csrf_token.clone()/>
                        <button type="submit" class="button button--secondary">{lang.t("logout")}</button>
                    </form>
                </div>
            }
        })
    };
    view! {
        // rel="external": the browser, not the client-side router, follows it (and moves focus).
        <a class="skip-link" href="#main" rel="external">{lang.t("skip-to-content")}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="brand" href="/">
                    <span class="brand__name">{lang.t("app-name")}</span>
                    <span class="brand__tagline">{lang.t("app-tagline")}</span>
                </a>
                // Wide screens: the languages and the session in the header, the menu below.
                <div class="header-tools wide-only">
                    <LanguageSwitch lang=lang/>
                    {session(&page)}
                </div>
                // Phones: the languages and the menu fold into disclosures (no JavaScript:
                // <details>), so the page's content starts on the first screen.
                <div class="header-menus narrow-only">
                    <details class="disclosure">
                        // On a phone's width the language shows as its code ("NL"); a
                        // screen reader hears "Language: Nederlands".
                        <summary class="disclosure__summary">
                            <span class="visually-hidden">{lang.t("language-switch-label")}": "<span lang=lang.code()>{lang.endonym()}</span></span>
                            <span aria-hidden="true">{lang.code().to_uppercase()}</span>
                        </summary>
                        <div class="disclosure__panel">
                            <LanguageSwitch lang=lang/>
                        </div>
                    </details>
                    <details class="disclosure">
                        <summary class="disclosure__summary">{lang.t("menu")}</summary>
                        <div class="disclosure__panel">
                            {session(&page)}
                            <MainNav lang=lang logged_in=logged_in/>
                        </div>
                    </details>
                </div>
            </div>
        </header>
        <div class="main-nav-bar wide-only">
            <MainNav lang=lang logged_in=logged_in/>
        </div>
        {page.acting_for.clone().map(|name| view! {
            <ActingBanner lang=lang name=name minor=page.acting_minor.clone() csrf=page.csrf_token.clone()/>
        })}
        <main id="main" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <p>{lang.t("footer-text")}</p>
        </footer>
    }
}

/// On every page of a session that has someone else's record open: whose, and the way
/// back to one's own (a form: it changes the session).
#[component]
fn ActingBanner(lang: Lang, name: String, minor: Option<MinorNote>, csrf: Option<String>) -> impl IntoView {
    let rule = minor.map(|note| view! { <MinorRule note=note name=name.clone()/> });
    view! {
        <section class="acting-banner" aria-labelledby="acting-banner-text">
            <p id="acting-banner-text"><strong>{lang.t_args("acting-for-banner", &[("name", name.clone().into())])}</strong></p>
            {rule}
            <form method="post" action="/act-for/self">
                <CsrfField token=csrf/>
                <button type="submit" class="button button--secondary">{lang.t("acting-for-back")}</button>
            </form>
        </section>
    }
}

/// The hidden field that every form which changes something carries: the session's CSRF
/// token (checked by the server; works without JavaScript).
#[component]
pub fn CsrfField(token: Option<String>) -> impl IntoView {
    view! { <input type="hidden" name="csrf" value=token.unwrap_or_default()/> }
}

/// The citizen's control pages, in the order of [`ControlsNav`].
pub const CONTROLS: [(&str, &str); 7] = [
    ("/who-can-see", "nav-who-can-see"),
    ("/consent", "nav-consent"),
    ("/care-team", "nav-care-team"),
    ("/exclusions", "nav-exclusions"),
    ("/access-log", "nav-access-log"),
    ("/mandates", "nav-mandates"),
    ("/support", "nav-support"),
];

/// The links between the control pages (at the top of each).
#[component]
pub fn ControlsNav() -> impl IntoView {
    let lang = crate::context::use_lang();
    let path = use_location().pathname.get_untracked();
    view! {
        <nav class="controls-nav" aria-label=lang.t("nav-controls-label")>
            <ul>
                {CONTROLS.into_iter().map(|(href, id)| view! {
                    <li><a href=href aria-current=(path == href).then_some("page")>{lang.t(id)}</a></li>
                }).collect_view()}
            </ul>
        </nav>
    }
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
            ("/export", "nav-export"),
            ("/share", "nav-share"),
            // The citizen's controls start here (the page links to the others).
            ("/who-can-see", "nav-privacy"),
        ]);
    }
    links.push(("/glossary", "nav-glossary"));
    view! {
        <nav class="main-nav" aria-label=lang.t("nav-label")>
            <ul>
                {links.into_iter().map(|(href, id)| {
                    let current = path == href
                        || (href != "/" && path.starts_with(&format!("{href}/")))
                        || (href == "/who-can-see" && CONTROLS.iter().any(|(p, _)| *p == path));
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
