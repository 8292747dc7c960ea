//! A word from the glossary, explained where it appears: without JavaScript it is a link
//! to its glossary entry; with it, a button that opens the explanation in place.

use leptos::prelude::*;

use crate::i18n::Lang;

/// The term `id` (`term-<id>` in the locales), in running text.
pub fn term(lang: Lang, id: &'static str) -> impl IntoView {
    view! {
        <Term
            id=id.to_owned()
            label=lang.t(&format!("term-{id}"))
            explanation=lang.t(&format!("term-{id}-text"))
            more=lang.t("glossary-more")
            button_label=lang.t_args("glossary-explain", &[("term", lang.t(&format!("term-{id}")).into())])
        />
    }
}

/// The term with its title ("SumEHR (Summarised Electronic Health Record)"), for headings.
pub fn term_title(lang: Lang, id: &'static str) -> String {
    lang.t(&format!("term-{id}-title"))
}

#[island]
fn Term(id: String, label: String, explanation: String, more: String, button_label: String) -> impl IntoView {
    // Rendered as a link on the server; after hydration a disclosure button takes its place.
    let enhanced = RwSignal::new(false);
    let open = RwSignal::new(false);
    Effect::new(move |_| enhanced.set(true));
    let href = format!("/glossary#term-{id}");
    let link_label = label.clone();
    let link_href = href.clone();
    view! {
        <span class="term">
            {move || {
                if enhanced.get() {
                    view! {
                        <button
                            type="button"
                            class="term__button"
                            aria-expanded=move || if open.get() { "true" } else { "false" }
                            title=button_label.clone()
                            on:click=move |_| open.update(|o| *o = !*o)
                        >
                            {label.clone()}
                        </button>
                    }
                    .into_any()
                } else {
                    view! { <a class="term__link" href=link_href.clone()>{link_label.clone()}</a> }.into_any()
                }
            }}
            <span class="term__explanation" hidden=move || !open.get()>
                {explanation}
                " "
                <a href=href>{more}</a>
            </span>
        </span>
    }
}
