//! What the PDFs of an export say, in the reader's language: the patient summary (every
//! part, each item with its source and date) and the vaccination proof (each vaccination
//! given, and where the person stands against the Belgian basic schedule). Words only: the
//! server lays them out on A4 pages (`server/carnet/src/web/export/pdf.rs`).

use carnet_core::allergy::{Allergies, Allergy};
use carnet_core::date::BelgianTime;
use carnet_core::export::IPS_SECTIONS;
use carnet_core::item::{Item, merge_same};
use carnet_core::kind::Scope;
use carnet_core::medication::{MedicationLine, Medications};
use carnet_core::portal_service::ExportContent;
use carnet_core::source_answer::{Answers, SourceAnswer};
use carnet_core::sumehr::{SumEhr, SumEhrs};
use carnet_core::vaccination::schedule::DoseState;
use carnet_core::vaccination::{Vaccination, VaccinationStatus, Vaccinations};

use crate::components::format::{concept, date_or_unknown, party_opt};
use crate::i18n::Lang;

/// A document for people: a title and its blocks, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Printable {
    /// The language's code (`nl`), for the document's metadata.
    pub lang: &'static str,
    pub title: String,
    pub blocks: Vec<Block>,
    /// Each page's footer, with `{n}` and `{m}` for the page's number and the count.
    pub footer: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document's title (once, first).
    Title(String),
    Heading(String),
    Text(String),
    /// A record: what it is, then its details (dates, who, the source), each a line.
    Item {
        text: String,
        details: Vec<String>,
    },
    /// Something the reader must know about what follows (a source that did not answer).
    Note(String),
}

fn part_name(lang: Lang, scope: Scope) -> String {
    lang.t(&format!("export-part-{}", scope.as_str()))
}

/// "Made on 8 December 2026 at 14:02 with Carnet" (by whom, when someone else made it).
fn made(lang: Lang, content: &ExportContent) -> String {
    let at = BelgianTime::at(content.made_ms);
    let args = |by: Option<&str>| {
        let mut args = vec![
            ("date", lang.date(at.day.into()).into()),
            ("time", format!("{:02}:{:02}", at.hour, at.minute).into()),
        ];
        if let Some(by) = by {
            args.push(("by", by.to_owned().into()));
        }
        args
    };
    match &content.made_by {
        Some(by) => lang.t_args("pdf-made-by", &args(Some(by))),
        None => lang.t_args("pdf-made", &args(None)),
    }
}

fn person(lang: Lang, content: &ExportContent) -> String {
    let born = content.birth_date.map(|d| lang.date(d)).unwrap_or_else(|| lang.t("date-unknown"));
    lang.t_args("pdf-person", &[("name", content.name.clone().into()), ("born", born.into())])
}

fn footer(lang: Lang, title: &str, content: &ExportContent) -> String {
    let page = lang.t_args("pdf-page", &[("n", "{n}".into()), ("m", "{m}".into())]);
    format!("{title} · {} · {page}", content.name)
}

/// What a source's answer means for the items that follow: did not answer, answered
/// before, items it sent that could not be read.
fn source_notes<T>(lang: Lang, answers: &[SourceAnswer<Vec<Item<T>>>]) -> Vec<Block> {
    let mut notes = Vec::new();
    for answer in answers {
        let source = ("source", answer.source_name.clone().into());
        match (&answer.result, &answer.stale) {
            (Err(_), _) => notes.push(Block::Note(lang.t_args("pdf-source-failed", &[source]))),
            (Ok(items), stale) => {
                if let Some(stale) = stale {
                    notes.push(Block::Note(
                        lang.t_args("pdf-source-stale", &[source.clone(), ("minutes", stale.age_minutes.into())]),
                    ));
                }
                let unreadable = items.iter().filter(|i| matches!(i, Item::Unreadable { .. })).count();
                if unreadable > 0 {
                    notes.push(Block::Note(lang.t_args("pdf-unreadable", &[source, ("count", unreadable.into())])));
                }
            }
        }
    }
    notes
}

fn rows<T: Clone>(answers: &Answers<T>) -> Vec<(String, T)> {
    crate::components::items::flatten(answers).0
}

/// "Source: CoZo (also recorded at Vitalink)".
fn source_line(lang: Lang, source: &str, also_at: &[String]) -> String {
    let mut line = lang.t_args("pdf-source", &[("source", source.to_owned().into())]);
    if !also_at.is_empty() {
        line = format!("{line} ({})", lang.t_args("also-recorded-at", &[("sources", also_at.join(", ").into())]));
    }
    line
}

fn joined(parts: impl IntoIterator<Item = String>) -> String {
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect::<Vec<_>>().join(" · ")
}

fn medication(lang: Lang, answers: &Answers<MedicationLine>) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines = rows(answers);
    lines.sort_by_key(|(_, l)| crate::medication::lines::medicine_name(lang, l).to_lowercase());
    for (source, line) in lines {
        // "From … until …", or "Since …" when it has no end.
        let since = date_or_unknown(lang, line.start);
        let when = match (line.end, &line.end_condition) {
            (Some(end), _) => {
                lang.t_args("pdf-since-until", &[("since", since.into()), ("until", lang.date(end).into())])
            }
            (None, Some(condition)) => {
                lang.t_args("pdf-since-until", &[("since", since.into()), ("until", condition.clone().into())])
            }
            (None, None) => lang.t_args("since-date", &[("date", since.into())]),
        };
        let prescriber = line.delivery.as_ref().and_then(|d| d.prescriber.as_ref()).or(line.author.as_ref());
        blocks.push(Block::Item {
            text: crate::medication::lines::medicine_name(lang, &line),
            details: [
                joined([
                    crate::medication::lines::dosage_summary(lang, &line),
                    line.instructions.clone().unwrap_or_default(),
                ]),
                when,
                party_opt(lang, prescriber),
                source_line(lang, &source, &[]),
            ]
            .into_iter()
            .filter(|d| !d.is_empty())
            .collect(),
        });
    }
    blocks
}

fn allergies(lang: Lang, answers: &Answers<Allergy>) -> Vec<Block> {
    let mut blocks = Vec::new();
    for merged in merge_same(rows(answers), Allergy::same_as) {
        let a = &merged.item;
        let what = match &a.no_known {
            Some(_) => lang.t("allergies-none-known"),
            None => concept(lang, &a.substance, a.substance_text.as_deref()),
        };
        let reactions = joined(a.reactions.iter().map(|r| concept(lang, &r.manifestation, r.text.as_deref())));
        let recorded = lang.t_args("pdf-recorded", &[("date", date_or_unknown(lang, a.recorded.or(a.onset)).into())]);
        blocks.push(Block::Item {
            text: what,
            details: [
                joined([
                    crate::summary::allergy_kind(lang, a),
                    crate::summary::criticality(lang, &a.criticality),
                    reactions,
                ]),
                joined([recorded, party_opt(lang, a.recorder.as_ref())]),
                source_line(lang, &merged.source, &merged.also_at),
            ]
            .into_iter()
            .filter(|d| !d.is_empty())
            .collect(),
        });
    }
    blocks
}

fn problems(lang: Lang, answers: &Answers<SumEhr>) -> Vec<Block> {
    let mut blocks = Vec::new();
    for (source, summary) in rows(answers) {
        let from = lang.t_args(
            "pdf-from-summary",
            &[
                ("date", date_or_unknown(lang, summary.date).into()),
                ("by", party_opt(lang, summary.author.as_ref()).into()),
            ],
        );
        for issue in summary.problems.iter().filter_map(Item::read) {
            let since = issue.since.map(|d| lang.t_args("since-date", &[("date", lang.date(d).into())]));
            blocks.push(Block::Item {
                text: concept(lang, &issue.codes, issue.text.as_deref()),
                details: [since.unwrap_or_default(), from.clone(), source_line(lang, &source, &[])]
                    .into_iter()
                    .filter(|d| !d.is_empty())
                    .collect(),
            });
        }
    }
    blocks
}
/// The vaccinations given, the same one at two sources once, oldest first.
fn given(answers: &Answers<Vaccination>) -> Vec<carnet_core::item::Merged<Vaccination>> {
    let mut rows: Vec<(String, Vaccination)> =
        rows(answers).into_iter().filter(|(_, v)| v.status == VaccinationStatus::Completed).collect();
    rows.sort_by_key(|(_, v)| v.occurrence.date());
    merge_same(rows, Vaccination::same_as)
}

fn vaccination_item(lang: Lang, merged: &carnet_core::item::Merged<Vaccination>) -> Block {
    let v = &merged.item;
    let performer = v
        .performer
        .as_ref()
        .map(|p| lang.t_args("pdf-given-by", &[("who", crate::components::format::party(lang, p).into())]));
    Block::Item {
        text: crate::vaccinations::list::vaccine_name(lang, v),
        details: [
            joined([
                crate::vaccinations::list::occurrence_text(lang, &v.occurrence),
                crate::vaccinations::list::dose_text(lang, v),
            ]),
            joined([
                performer.unwrap_or_default(),
                v.lot_number
                    .clone()
                    .map(|lot| lang.t_args("vaccination-lot", &[("lot", lot.into())]))
                    .unwrap_or_default(),
            ]),
            source_line(lang, &merged.source, &merged.also_at),
        ]
        .into_iter()
        .filter(|d| !d.is_empty())
        .collect(),
    }
}

/// The patient summary, for people: every part of the export, each item with its source
/// and date; a source that failed is said where its items would be.
pub fn summary(lang: Lang, content: &ExportContent) -> Printable {
    let title = lang.t("pdf-summary-title");
    let mut blocks = vec![
        Block::Title(title.clone()),
        Block::Text(person(lang, content)),
        Block::Text(made(lang, content)),
        Block::Text(lang.t_args(
            "export-parts",
            &[("parts", content.parts.iter().map(|s| part_name(lang, *s)).collect::<Vec<_>>().join(", ").into())],
        )),
    ];
    for section in IPS_SECTIONS {
        for scope in section.from.iter().filter(|s| content.parts.contains(s)) {
            blocks.push(Block::Heading(part_name(lang, *scope)));
            let (notes, items): (Vec<Block>, Vec<Block>) = match scope {
                Scope::Medication => content
                    .part::<Medications>()
                    .map(|r| (source_notes(lang, &r.answers), medication(lang, &r.answers)))
                    .unwrap_or_default(),
                Scope::Allergies => content
                    .part::<Allergies>()
                    .map(|r| (source_notes(lang, &r.answers), allergies(lang, &r.answers)))
                    .unwrap_or_default(),
                Scope::SumEhr => content
                    .part::<SumEhrs>()
                    .map(|r| (source_notes(lang, &r.answers), problems(lang, &r.answers)))
                    .unwrap_or_default(),
                Scope::Vaccinations => content
                    .part::<Vaccinations>()
                    .map(|r| {
                        let items = given(&r.answers).iter().map(|m| vaccination_item(lang, m)).collect();
                        (source_notes(lang, &r.answers), items)
                    })
                    .unwrap_or_default(),
                _ => Default::default(),
            };
            blocks.extend(notes);
            if items.is_empty() {
                blocks.push(Block::Text(lang.t("pdf-none")));
            }
            blocks.extend(items);
        }
    }
    blocks.push(Block::Text(lang.t("pdf-about")));
    let footer = footer(lang, &title, content);
    Printable { lang: lang.code(), title, blocks, footer }
}

/// The vaccination proof: each vaccination given (vaccine, date, dose, who, source) and the
/// status against the Belgian basic vaccination schedule. `None` when the export does not
/// hold the vaccinations.
pub fn vaccination_proof(lang: Lang, content: &ExportContent) -> Option<Printable> {
    let reading = content.part::<Vaccinations>()?;
    let title = lang.t("pdf-proof-title");
    let mut blocks =
        vec![Block::Title(title.clone()), Block::Text(person(lang, content)), Block::Text(made(lang, content))];
    blocks.push(Block::Heading(lang.t("pdf-proof-given")));
    blocks.extend(source_notes(lang, &reading.answers));
    let given = given(&reading.answers);
    if given.is_empty() {
        blocks.push(Block::Text(lang.t("pdf-none")));
    }
    blocks.extend(given.iter().map(|m| vaccination_item(lang, m)));
    blocks.push(Block::Heading(lang.t("pdf-proof-schedule")));
    match reading.derived.as_deref() {
        Some(status) => {
            let moments = crate::vaccinations::schedule::moments(status);
            let count = |state| moments.iter().filter(|m| m.dose.state == state).count();
            let (overdue, due) = (count(DoseState::Overdue), count(DoseState::Due));
            blocks.push(Block::Text(match (overdue, due) {
                (0, 0) => lang.t("schedule-summary-up-to-date"),
                _ => {
                    let mut said = Vec::new();
                    if overdue > 0 {
                        said.push(lang.t_args("schedule-summary-overdue", &[("count", overdue.into())]));
                    }
                    if due > 0 {
                        said.push(lang.t_args("schedule-summary-due", &[("count", due.into())]));
                    }
                    joined(said)
                }
            }));
            for moment in moments.iter().filter(|m| m.dose.state != DoseState::Later) {
                let diseases =
                    moment.diseases.iter().map(|d| lang.t(&format!("disease-{d}"))).collect::<Vec<_>>().join(", ");
                blocks.push(Block::Item {
                    text: diseases,
                    details: vec![joined([
                        crate::vaccinations::schedule::dose_text(lang, moment),
                        crate::vaccinations::schedule::when_text(lang, moment),
                        lang.t(&format!("schedule-status-{}", moment.dose.state.id())),
                    ])],
                });
            }
        }
        None => blocks.push(Block::Text(lang.t("pdf-proof-no-schedule"))),
    }
    blocks.push(Block::Text(lang.t("pdf-about")));
    let footer = footer(lang, &title, content);
    Some(Printable { lang: lang.code(), title, blocks, footer })
}

/// For the tests: every line of text in the document, in order.
pub fn lines(printable: &Printable) -> Vec<String> {
    printable
        .blocks
        .iter()
        .flat_map(|block| match block {
            Block::Title(t) | Block::Heading(t) | Block::Text(t) | Block::Note(t) => vec![t.clone()],
            Block::Item { text, details } => std::iter::once(text.clone()).chain(details.iter().cloned()).collect(),
        })
        .collect()
}
