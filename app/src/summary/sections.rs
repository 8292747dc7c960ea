//! A SumEHR shown as sections, each with a short explanation in plain words.

use carnet_core::item::Item;
use carnet_core::sumehr::{HealthIssue, SumEhr, SumEhrSection};
use leptos::prelude::*;

use crate::components::format::{concept, date_or_unknown, party_opt};
use crate::components::grants::not_shared;
use crate::components::items::unreadable_note;
use crate::components::term::term;
use crate::context::use_lang;
use crate::i18n::Lang;
use crate::medication::lines::{dosage_summary, medicine_name};
use crate::summary::allergy_kind;
use crate::vaccinations::list::vaccine_name;

#[component]
pub fn SumEhrSections(sumehr: SumEhr) -> impl IntoView {
    let lang = use_lang();
    let declared_none = sumehr.declared_none.clone();
    let none_text = move |kind: &str| {
        if declared_none.iter().any(|k| k == kind) { lang.t("sumehr-declared-none") } else { lang.t("sumehr-empty") }
    };
    // A section of a kind the reader's grant does not cover came without its items: say so.
    let sections_withheld = sumehr.withheld.clone();
    let is_withheld = |section: SumEhrSection| sections_withheld.contains(&section);
    let withheld =
        |section: SumEhrSection| is_withheld(section).then(|| view! { <p class="notice">{not_shared(lang)}</p> });
    let allergies_unreadable = sumehr.allergies.iter().filter(|i| i.is_unreadable()).count();
    let medication_unreadable = sumehr.medication.iter().filter(|i| i.is_unreadable()).count();
    let vaccinations_unreadable = sumehr.vaccinations.iter().filter(|i| i.is_unreadable()).count();
    let allergies: Vec<_> = sumehr.allergies.iter().filter_map(Item::read).cloned().collect();
    let medication: Vec<_> = sumehr.medication.iter().filter_map(Item::read).cloned().collect();
    let vaccinations: Vec<_> = sumehr.vaccinations.iter().filter_map(Item::read).cloned().collect();
    view! {
        <p class="sumehr-about">
            {lang.t_args("sumehr-about", &[("date", date_or_unknown(lang, sumehr.date).into()), ("author", party_opt(lang, sumehr.author.as_ref()).into())])}
            " "{term(lang, "sumehr")}
        </p>
        {issues(lang, "problems", "sumehr-problems", "sumehr-problems-help", sumehr.problems, none_text("problem"))}
        <section class="sumehr-section" aria-labelledby="sumehr-allergies">
            <h2 id="sumehr-allergies">{lang.t("sumehr-allergies")}</h2>
            <p class="help">{lang.t("sumehr-allergies-help")}</p>
            {withheld(SumEhrSection::Allergies)}
            {(allergies.is_empty() && !is_withheld(SumEhrSection::Allergies)).then(|| view! { <p>{none_text("allergy")}</p> })}
            <ul class="plain-list">
                {allergies.into_iter().map(|a| view! {
                    <li><strong>{concept(lang, &a.substance, a.substance_text.as_deref())}</strong>" "<span class="meta">{allergy_kind(lang, &a)}</span></li>
                }).collect_view()}
            </ul>
            {unreadable_note(lang, allergies_unreadable)}
        </section>
        <section class="sumehr-section" aria-labelledby="sumehr-medication">
            <h2 id="sumehr-medication">{lang.t("sumehr-medication")}</h2>
            <p class="help">{lang.t("sumehr-medication-help")}</p>
            {withheld(SumEhrSection::Medication)}
            {(medication.is_empty() && !is_withheld(SumEhrSection::Medication)).then(|| view! { <p>{none_text("medication")}</p> })}
            <ul class="plain-list">
                {medication.into_iter().map(|m| view! {
                    <li><strong>{medicine_name(lang, &m)}</strong>" "<span class="meta">{dosage_summary(lang, &m)}</span></li>
                }).collect_view()}
            </ul>
            {unreadable_note(lang, medication_unreadable)}
        </section>
        <section class="sumehr-section" aria-labelledby="sumehr-vaccinations">
            <h2 id="sumehr-vaccinations">{lang.t("sumehr-vaccinations")}</h2>
            <p class="help">{lang.t("sumehr-vaccinations-help")}</p>
            {withheld(SumEhrSection::Vaccinations)}
            {(vaccinations.is_empty() && !is_withheld(SumEhrSection::Vaccinations)).then(|| view! { <p>{none_text("vaccine")}</p> })}
            <ul class="plain-list">
                {vaccinations.into_iter().map(|v| view! {
                    <li><strong>{vaccine_name(lang, &v)}</strong>" "<span class="meta">{date_or_unknown(lang, v.occurrence.date())}</span></li>
                }).collect_view()}
            </ul>
            {unreadable_note(lang, vaccinations_unreadable)}
        </section>
        {issues(lang, "risks", "sumehr-risks", "sumehr-risks-help", sumehr.risks, none_text("risk"))}
        {(!sumehr.treatments.is_empty()).then(|| issues(lang, "treatments", "sumehr-treatments", "sumehr-treatments-help", sumehr.treatments.clone(), String::new()))}
        {(!sumehr.patient_wills.is_empty()).then(|| issues(lang, "wills", "sumehr-wills", "sumehr-wills-help", sumehr.patient_wills.clone(), String::new()))}
    }
}

fn issues(
    lang: Lang,
    key: &'static str,
    heading: &'static str,
    help: &'static str,
    items: Vec<Item<HealthIssue>>,
    none: String,
) -> impl IntoView {
    let unreadable = items.iter().filter(|i| i.is_unreadable()).count();
    let read: Vec<HealthIssue> = items.into_iter().filter_map(|i| i.read().cloned()).collect();
    let id = format!("sumehr-{key}");
    view! {
        <section class="sumehr-section" aria-labelledby=id.clone()>
            <h2 id=id.clone()>{lang.t(heading)}</h2>
            <p class="help">{lang.t(help)}</p>
            {read.is_empty().then(|| view! { <p>{none.clone()}</p> })}
            <ul class="plain-list">
                {read.into_iter().map(|issue| {
                    let since = issue.since.map(|d| lang.t_args("since-date", &[("date", lang.date(d).into())]));
                    view! { <li><strong>{concept(lang, &issue.codes, issue.text.as_deref())}</strong>" "<span class="meta">{since}</span></li> }
                }).collect_view()}
            </ul>
            {unreadable_note(lang, unreadable)}
        </section>
    }
}
