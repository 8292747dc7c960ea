//! Documents from every hub and vault: a list with filters, search and pages (all in the
//! query string, so it works without JavaScript), and one document shown as readable HTML
//! or as its PDF, always through Carnet.

mod tile;
pub use tile::{document_link, tile};

use carnet_core::document::{DocumentBody, DocumentEntry, Documents, NoteLine};
use carnet_core::item::Item;
use carnet_core::kind::Reading;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use carnet_core::portal_service::OpenedDocument;

use crate::api::{ApiError, once, read};
use crate::components::format::{concept, date_or_unknown, document_title, machine_date, party, party_opt};
use crate::components::grants::not_shared;
use crate::components::items::{flatten, unreadable_note};
use crate::components::problem_notice::ProblemNotice;
use crate::components::source_states::SourceStates;
use crate::components::table::column_heads;
use crate::components::term::term;
use crate::context::use_lang;
use crate::i18n::Lang;
use crate::summary::sections::SumEhrSections;

/// Rows per page.
const PAGE_SIZE: usize = 20;

fn type_key(d: &DocumentEntry) -> String {
    d.doc_type.iter().find_map(|c| c.code.clone()).unwrap_or_else(|| "other".into())
}

/// The list's filters, as the query string gives them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub text: String,
    pub kind: String,
    pub institution: String,
    pub source: String,
    /// `YYYY-MM-DD` (from a date field).
    pub from: String,
    pub to: String,
    pub page: usize,
    // Parsed once, for matching every row.
    from_day: Option<carnet_core::date::Day>,
    to_day: Option<carnet_core::date::Day>,
    text_lower: String,
}

impl Filter {
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Filter {
        let field = |k: &str| get(k).map(|v| v.trim().chars().take(200).collect::<String>()).unwrap_or_default();
        let (text, from, to) = (field("q"), field("from"), field("to"));
        Filter {
            from_day: carnet_core::date::Day::parse(&from),
            to_day: carnet_core::date::Day::parse(&to),
            text_lower: text.to_lowercase(),
            text,
            kind: field("type"),
            institution: field("institution"),
            source: field("source"),
            from,
            to,
            page: field("page").parse::<usize>().ok().filter(|p| *p >= 1).unwrap_or(1),
        }
    }

    fn is_empty(&self) -> bool {
        Filter { page: 1, ..self.clone() } == Filter { page: 1, ..Filter::default() }
    }

    fn matches(&self, lang: Lang, source_id: &str, d: &DocumentEntry) -> bool {
        let (from, to) = (self.from_day, self.to_day);
        let needle = &self.text_lower;
        let haystack = || {
            [
                Some(document_title(lang, d)),
                Some(concept(lang, &d.doc_type, None)),
                d.institution.clone(),
                d.author.as_ref().map(|a| party(lang, a)),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
        };
        (self.kind.is_empty() || type_key(d) == self.kind)
            && (self.institution.is_empty() || d.institution.as_deref() == Some(self.institution.as_str()))
            && (self.source.is_empty() || source_id == self.source)
            && from.is_none_or(|from| d.date.is_some_and(|date| date.latest() >= from))
            && to.is_none_or(|to| d.date.is_some_and(|date| date.earliest() <= to))
            && (needle.is_empty() || haystack().contains(needle.as_str()))
    }

    /// The query string for another page of the same selection.
    fn query_for_page(&self, page: usize) -> String {
        let mut parts = Vec::new();
        for (key, value) in [
            ("q", &self.text),
            ("type", &self.kind),
            ("institution", &self.institution),
            ("source", &self.source),
            ("from", &self.from),
            ("to", &self.to),
        ] {
            if !value.is_empty() {
                parts.push(format!("{key}={}", form_urlencoded::byte_serialize(value.as_bytes()).collect::<String>()));
            }
        }
        parts.push(format!("page={page}"));
        format!("?{}", parts.join("&"))
    }
}

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map().get_untracked();
    let filter = Filter::from_query(|k| query.get(k));
    let documents = once(read::<Documents>());
    view! {
        <Title text=lang.t("documents-title")/>
        <h1>{lang.t("documents-title")}</h1>
        <p>{lang.t("documents-intro")}" "{term(lang, "hub")}" · "{term(lang, "vault")}" · "{term(lang, "document-type")}</p>
        <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
            {
                let filter = filter.clone();
                move || {
                    let filter = filter.clone();
                    let documents = documents.clone();
                    Suspend::new(async move {
                        match documents.await {
                            Ok(Reading { answers, .. }) => list(lang, answers, filter).into_any(),
                            Err(error) => view! { <ProblemNotice error/> }.into_any(),
                        }
                    })
                }
            }
        </Suspense>
    }
}

fn list(lang: Lang, answers: carnet_core::source_answer::Answers<DocumentEntry>, filter: Filter) -> impl IntoView {
    let states: Vec<_> = answers.iter().map(|a| a.state()).collect();
    let sources: Vec<(String, String)> = answers.iter().map(|a| (a.source_id.clone(), a.source_name.clone())).collect();
    // Rows keep their source's id for the filter.
    let mut rows: Vec<(String, String, DocumentEntry)> = Vec::new();
    for answer in &answers {
        if let Ok(items) = &answer.result {
            rows.extend(
                items
                    .iter()
                    .filter_map(Item::read)
                    .map(|d| (answer.source_id.clone(), answer.source_name.clone(), d.clone())),
            );
        }
    }
    let (_, unreadable) = flatten(&answers);
    rows.sort_by_key(|r| std::cmp::Reverse(r.2.date));

    let mut kinds: Vec<(String, String)> =
        rows.iter().map(|(_, _, d)| (type_key(d), concept(lang, &d.doc_type, None))).collect();
    kinds.sort_by_key(|k| k.1.to_lowercase());
    kinds.dedup_by(|a, b| a.0 == b.0);
    let mut institutions: Vec<String> = rows.iter().filter_map(|(_, _, d)| d.institution.clone()).collect();
    institutions.sort();
    institutions.dedup();

    let total = rows.len();
    let selected: Vec<_> = rows.into_iter().filter(|(source, _, d)| filter.matches(lang, source, d)).collect();
    let count = selected.len();
    let pages = count.div_ceil(PAGE_SIZE).max(1);
    let page = filter.page.min(pages);
    let shown: Vec<_> = selected.into_iter().skip((page - 1) * PAGE_SIZE).take(PAGE_SIZE).collect();
    let any_withheld = shown.iter().any(|(_, _, d)| d.withheld);
    let columns = column_heads(
        lang,
        &[
            "documents-col-date",
            "documents-col-document",
            "documents-col-author",
            "documents-col-institution",
            "documents-col-source",
        ],
    );
    let option = |value: String, label: String, current: &str| {
        let selected = value == current;
        view! { <option value=value selected=selected>{label}</option> }
    };

    view! {
        <SourceStates states problems_only=true/>
        <form method="get" action="/documents" class="filters" role="search" aria-label=lang.t("documents-filter-label")>
            <div class="field">
                <label for="documents-q">{lang.t("documents-search")}</label>
                <input id="documents-q" name="q" type="search" value=filter.text.clone()/>
            </div>
            <div class="field">
                <label for="documents-type">{lang.t("documents-type")}</label>
                <select id="documents-type" name="type">
                    {option(String::new(), lang.t("documents-any"), &filter.kind)}
                    {kinds.into_iter().map(|(key, label)| option(key, label, &filter.kind)).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="documents-institution">{lang.t("documents-institution")}</label>
                <select id="documents-institution" name="institution">
                    {option(String::new(), lang.t("documents-any"), &filter.institution)}
                    {institutions.into_iter().map(|i| option(i.clone(), i, &filter.institution)).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="documents-source">{lang.t("documents-source")}</label>
                <select id="documents-source" name="source">
                    {option(String::new(), lang.t("documents-any"), &filter.source)}
                    {sources.into_iter().map(|(id, name)| option(id, name, &filter.source)).collect_view()}
                </select>
            </div>
            <fieldset class="field field--period">
                <legend>{lang.t("documents-period")}</legend>
                <label for="documents-from">{lang.t("documents-from")}</label>
                <input id="documents-from" name="from" type="date" value=filter.from.clone()/>
                <label for="documents-to">{lang.t("documents-to")}</label>
                <input id="documents-to" name="to" type="date" value=filter.to.clone()/>
            </fieldset>
            <div class="actions">
                <button type="submit" class="button">{lang.t("documents-apply")}</button>
                {(!filter.is_empty()).then(|| view! { <a href="/documents" class="button button--secondary">{lang.t("documents-clear")}</a> })}
            </div>
        </form>
        <p class="count" role="status">{
            if filter.is_empty() {
                lang.t_args("documents-count", &[("count", total.into())])
            } else {
                lang.t_args("documents-count-filtered", &[("count", count.into()), ("total", total.into())])
            }
        }</p>
        {unreadable_note(lang, unreadable)}
        {any_withheld.then(|| view! { <p class="hint">{lang.t("documents-not-shared-why")}" "{not_shared(lang)}</p> })}
        {(count > 0).then(|| view! {
            <div class="table-wrap">
                <table class="documents stack">
                    <caption class="visually-hidden">{lang.t("documents-title")}</caption>
                    {columns.head()}
                    <tbody>
                        {shown.into_iter().map(|(_, source_name, d)| view! {
                            <tr>
                                <td data-label=columns.label(0)>{match d.date {
                                    Some(date) => view! { <time datetime=machine_date(date)>{lang.date(date)}</time> }.into_any(),
                                    None => lang.t("date-unknown").into_any(),
                                }}</td>
                                <td data-label=columns.label(1)>
                                    {document_link(lang, &d)}
                                    {(d.title.is_some()).then(|| view! { <span class="detail">{concept(lang, &d.doc_type, None)}</span> })}
                                    {(d.format == carnet_core::document::DocumentFormat::Pdf).then(|| view! { " " <span class="badge">"PDF"</span> })}
                                </td>
                                <td data-label=columns.label(2)>{party_opt(lang, d.author.as_ref())}</td>
                                <td data-label=columns.label(3)>{d.institution.clone().unwrap_or_default()}</td>
                                <td data-label=columns.label(4)>{source_name}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
        {(pages > 1).then(|| view! {
            <nav class="pager" aria-label=lang.t("documents-pages")>
                {(page > 1).then(|| view! { <a rel="prev" href=filter.query_for_page(page - 1)>{lang.t("documents-previous")}</a> })}
                <span>{lang.t_args("documents-page-of", &[("page", page.into()), ("pages", pages.into())])}</span>
                {(page < pages).then(|| view! { <a rel="next" href=filter.query_for_page(page + 1)>{lang.t("documents-next")}</a> })}
            </nav>
        })}
    }
}

#[component]
pub fn DocumentPage() -> impl IntoView {
    let lang = use_lang();
    let token = use_params_map().get_untracked().get("token").unwrap_or_default();
    let opened = once(open_document(token));
    view! {
        <p class="back"><a href="/documents">{lang.t("documents-back")}</a></p>
        <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
            {move || {
                let opened = opened.clone();
                Suspend::new(async move {
                    match opened.await {
                        Ok(opened) => document(lang, opened).into_any(),
                        Err(error) => view! {
                            <Title text=lang.t("document-title")/>
                            <h1>{lang.t("document-title")}</h1>
                            <ProblemNotice error/>
                        }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

fn document(lang: Lang, opened: OpenedDocument) -> impl IntoView {
    let entry = opened.entry;
    let title = document_title(lang, &entry);
    let file_url = format!("/documents/{}/file", entry.id);
    let body = match opened.body {
        DocumentBody::File { media_type } => {
            let is_pdf = media_type == "application/pdf";
            view! {
                <p class="document-file">
                    <a class="button" href=file_url.clone()>{if is_pdf { lang.t("document-open-pdf") } else { lang.t("document-open-file") }}</a>
                    " "
                    <a class="button button--secondary" href=format!("{file_url}?download=1")>{lang.t("document-download")}</a>
                </p>
                {(!is_pdf).then(|| view! { <img class="document-image" src=file_url.clone() alt=title.clone()/> })}
            }
            .into_any()
        }
        DocumentBody::SumEhr(sumehr) => view! { <SumEhrSections sumehr/> }.into_any(),
        DocumentBody::Medication(lines) => {
            let (rows, unreadable): (Vec<_>, Vec<_>) = lines.into_iter().partition(|l| !l.is_unreadable());
            view! {
                <ul class="plain-list">
                    {rows.into_iter().filter_map(|l| l.read().cloned()).map(|line| view! {
                        <li><strong>{crate::medication::lines::medicine_name(lang, &line)}</strong>" "
                        <span class="meta">{crate::medication::lines::dosage_summary(lang, &line)}</span></li>
                    }).collect_view()}
                </ul>
                {unreadable_note(lang, unreadable.len())}
            }
            .into_any()
        }
        DocumentBody::Vaccinations(items) => {
            let (rows, unreadable): (Vec<_>, Vec<_>) = items.into_iter().partition(|l| !l.is_unreadable());
            view! {
                <ul class="plain-list">
                    {rows.into_iter().filter_map(|v| v.read().cloned()).map(|v| view! {
                        <li><strong>{crate::vaccinations::list::vaccine_name(lang, &v)}</strong>" "
                        <span class="meta">{date_or_unknown(lang, v.occurrence.date())}</span></li>
                    }).collect_view()}
                </ul>
                {unreadable_note(lang, unreadable.len())}
            }
            .into_any()
        }
        DocumentBody::Note { texts, lines, .. } => {
            let unreadable = lines.iter().filter(|l| l.is_unreadable()).count();
            let lines: Vec<NoteLine> = lines.into_iter().filter_map(|l| l.read().cloned()).collect();
            view! {
                {texts.into_iter().map(|t| view! { <p class="document-text">{t}</p> }).collect_view()}
                {(!lines.is_empty()).then(|| view! {
                    <dl class="note-lines">
                        {lines.into_iter().map(|l| note_line(lang, l)).collect_view()}
                    </dl>
                })}
                {unreadable_note(lang, unreadable)}
            }
            .into_any()
        }
        DocumentBody::Unreadable { .. } => view! {
            <p class="notice">{lang.t("document-cannot-show")}</p>
            <p><a class="button" href=format!("{file_url}?download=1")>{lang.t("document-download")}</a></p>
        }
        .into_any(),
    };
    view! {
        <Title text=title.clone()/>
        <h1>{title}</h1>
        <dl class="document-meta">
            <dt>{lang.t("documents-col-date")}</dt><dd>{date_or_unknown(lang, entry.date)}</dd>
            <dt>{lang.t("documents-type")}</dt><dd>{concept(lang, &entry.doc_type, None)}</dd>
            {entry.author.as_ref().map(|a| view! { <dt>{lang.t("documents-col-author")}</dt><dd>{party(lang, a)}</dd> })}
            {entry.institution.clone().map(|i| view! { <dt>{lang.t("documents-col-institution")}</dt><dd>{i}</dd> })}
            <dt>{lang.t("documents-col-source")}</dt><dd>{opened.source_name}</dd>
        </dl>
        {(!opened.withheld.is_empty()).then(|| view! { <p class="notice">{lang.t("document-parts-not-shared")}" "{not_shared(lang)}</p> })}
        <div class="document-body">{body}</div>
    }
}

fn note_line(lang: Lang, line: NoteLine) -> impl IntoView {
    let label = concept(lang, std::slice::from_ref(&line.kind), None);
    let mut parts: Vec<String> = Vec::new();
    let coded = concept(lang, &line.codes, None);
    if !coded.is_empty() {
        parts.push(coded);
    }
    if let Some(text) = line.text {
        parts.push(text);
    }
    if let Some(value) = line.value {
        parts.push(match value {
            carnet_core::document::ItemValue::Quantity(q) => {
                format!("{} {}", lang.decimal(q.value), q.unit.unwrap_or_default()).trim().to_owned()
            }
            carnet_core::document::ItemValue::Boolean(true) => lang.t("value-yes"),
            carnet_core::document::ItemValue::Boolean(false) => lang.t("value-no"),
            carnet_core::document::ItemValue::Date(d) => lang.date(d),
            carnet_core::document::ItemValue::Party(p) => party(lang, &p),
        });
    }
    if let Some(date) = line.date {
        parts.push(lang.date(date));
    }
    view! { <dt>{label}</dt><dd>{parts.join(" · ")}</dd> }
}

/// One document, by the token of its list entry.
#[server(prefix = "/api", endpoint = "document")]
pub async fn open_document(token: String) -> Result<OpenedDocument, ApiError> {
    crate::api::ask(|s, p, r| async move { s.document(&p, &token, r).await }).await
}
