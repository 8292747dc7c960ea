//! The glossary: every term the pages use, explained in plain words.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::context::use_lang;

/// The terms, in the order the glossary lists them (`term-<id>`, `-title`, `-text`).
pub const TERMS: [&str; 37] = [
    "sumehr",
    "hub",
    "vault",
    "source",
    "therapeutic-relationship",
    "informed-consent",
    "exclusion",
    "mandate",
    "support-code",
    "access-log",
    "nihdi-number",
    "cnk",
    "atc",
    "snomed-ct",
    "kmehr",
    "fhir",
    "ehealth",
    "allergy",
    "intolerance",
    "criticality",
    "medication-schedule",
    "dosage",
    "as-needed",
    "basic-vaccination-schedule",
    "booster",
    "combined-vaccine",
    "document-type",
    "care-team",
    "health-summary",
    "ssin",
    "gmd",
    "trusted-person",
    "prescription",
    "delivery",
    "suspension",
    "own-data",
    "patient-summary",
];

#[component]
pub fn GlossaryPage() -> impl IntoView {
    let lang = use_lang();
    let mut terms: Vec<(&str, String)> = TERMS.iter().map(|id| (*id, lang.t(&format!("term-{id}-title")))).collect();
    terms.sort_by_key(|(_, title)| title.to_lowercase());
    view! {
        <Title text=lang.t("glossary-title")/>
        <h1>{lang.t("glossary-title")}</h1>
        <p>{lang.t("glossary-intro")}</p>
        <dl class="glossary">
            {terms.into_iter().map(|(id, title)| view! {
                <div class="glossary__entry" id=format!("term-{id}") tabindex="-1">
                    <dt>{title}</dt>
                    <dd>{lang.t(&format!("term-{id}-text"))}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}
