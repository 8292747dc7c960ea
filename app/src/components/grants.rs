//! What grants cover, in words: the policy's grant scopes by name and in plain words, and
//! the rule table for minors' answer for one child (with its legal reference).

use carnet_core::grant::GrantScope;
use carnet_core::principal::MinorNote;
use leptos::prelude::*;

use crate::context::use_lang;
use crate::i18n::Lang;

/// A grant scope's name (`grant-<name>`) and its plain-words explanation (`grant-<name>-what`).
pub fn scope_name(lang: Lang, scope: GrantScope) -> String {
    lang.t(&format!("grant-{}", scope.as_str()))
}

pub fn scope_what(lang: Lang, scope: GrantScope) -> String {
    lang.t(&format!("grant-{}-what", scope.as_str()))
}

/// The scopes as one line of names.
pub fn scope_list(lang: Lang, scopes: &[GrantScope]) -> String {
    scopes.iter().map(|s| scope_name(lang, *s)).collect::<Vec<_>>().join(", ")
}

/// Why a part of the record shown to someone acting for another person is left out: it is
/// not shared under the mandate or support code that person gave, or under the rule for
/// minors at the child's age. (A person's own record withholds nothing.)
pub fn not_shared(lang: Lang) -> String {
    let page = crate::context::PageContext::current();
    let name = page.acting_for.unwrap_or_default();
    let id = if page.acting_minor.is_some() { "withheld-part-minor" } else { "withheld-part" };
    lang.t_args(id, &[("name", name.into())])
}

/// What the rule table for minors lets a parent do at the child's age, in plain words,
/// with the rule's legal reference.
#[component]
pub fn MinorRule(note: MinorNote, name: String) -> impl IntoView {
    let lang = use_lang();
    let args = [("name", name.into()), ("age", (note.age as i64).into())];
    // The shipped table's bands have sentences of their own; a band of another table
    // (`CARNET_MINOR_RULES`) is said from what it gives.
    let rule = lang.try_t_args(&format!("minor-band-{}", note.band), &args).unwrap_or_else(|| {
        let id = if note.own_consent {
            "minor-band-any-own-record"
        } else if note.scopes.is_empty() {
            "minor-band-any-nothing"
        } else {
            "minor-band-any-some"
        };
        lang.t_args(id, &args)
    });
    let covers = (!note.scopes.is_empty())
        .then(|| lang.t_args("act-for-mandate-covers", &[("scopes", scope_list(lang, &note.scopes).into())]));
    view! {
        <p>{rule}</p>
        {covers.map(|c| view! { <p>{c}</p> })}
        <p class="hint">{lang.t_args("minor-rule-reference", &[("reference", note.reference.in_language(lang.code()).to_owned().into())])}</p>
    }
}
