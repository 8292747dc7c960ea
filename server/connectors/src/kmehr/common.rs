//! What every KMEHR reader needs: finding elements, reading texts, codes, parties, dates
//! and lifecycles the same way everywhere.
//!
//! Elements are matched by local name, in the KMEHR namespace. Two other namespaces are
//! accepted because real messages use them for the same elements: none at all (hand-made
//! messages), and the hub services namespace, in which some hubs serialise the
//! `kmehrmessage` they return (its children then inherit that default namespace).
//!
//! Codes become [`Coding`]s whose `system` is the KMEHR `S` attribute as sent ("CD-ATC",
//! "ICPC", "CD-DAYPERIOD" …), with two exceptions: a local code (`S="LOCAL"`) is named by its
//! local scheme, "LOCAL:<SL>", and a CNK code (`CD-DRUG-CNK`) uses the same CNK system as the
//! FHIR readers ([`CNK`]), so a medicine reads the same from either kind of source. The
//! `display` is the `DN` attribute, the text the source gave for the code; the code table
//! version (`SV`) is not kept.

use carnet_core::coding::{CNK, Coding};
use carnet_core::date::PartialDate;
use carnet_core::party::Party;
use roxmltree::{Document, Node};

use serde::{Deserialize, Serialize};

use super::KMEHR_NS;
use crate::error::ConnectorError;
use crate::xml::Vocabulary;
pub(crate) use crate::xml::{normalise, text_of};

/// The namespace of the hub services (getTransaction …), which some hubs also put on the
/// `kmehrmessage` they return.
const HUBSERVICES_NS: &str = "http://www.ehealth.fgov.be/hubservices/core/v3";

/// KMEHR's elements: in the KMEHR namespace, in none (hand-made messages) or in the hub
/// services' (see the top of this module).
pub(crate) const KMEHR: Vocabulary =
    Vocabulary { namespaces: &[None, Some(KMEHR_NS), Some(HUBSERVICES_NS)], any_case: false };

/// A text with the language the source gave for it (KMEHR `L` attribute).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalizedText {
    /// "nl", "fr", "en" … as sent (sometimes upper case).
    pub lang: Option<String>,
    pub text: String,
}

/// Parses KMEHR XML, bounded (see [`crate::xml`]).
pub(crate) fn parse(xml: &str) -> Result<Document<'_>, ConnectorError> {
    crate::xml::parse(xml, "KMEHR")
}

// ---- texts ----------------------------------------------------------------------------

/// A `text` (or `text-with-layout`, `instructionforpatient` …) element with its language.
pub(crate) fn localized(node: &Node) -> Option<LocalizedText> {
    Some(LocalizedText { lang: node.attribute("L").map(str::to_owned), text: text_of(node)? })
}

/// The `text` and `text-with-layout` children of `node`, in order.
pub(crate) fn texts(node: &Node) -> Vec<LocalizedText> {
    node.children()
        .filter(|n| KMEHR.is(n, "text") || KMEHR.is(n, "text-with-layout"))
        .filter_map(|n| localized(&n))
        .collect()
}

/// The texts of an item's contents, then its own texts, without repeats.
pub(crate) fn item_texts(item: &Node) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    let contents = KMEHR.children(item, "content").flat_map(|c| texts(&c));
    for text in contents.chain(texts(item)).map(|t| t.text) {
        if !all.contains(&text) {
            all.push(text);
        }
    }
    all
}

/// A decimal as KMEHR writes it (a comma is tolerated).
pub(crate) fn decimal(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse::<f64>().ok().filter(|v| v.is_finite())
}

/// `true`/`false` (also `1`/`0`).
pub(crate) fn boolean(text: &str) -> Option<bool> {
    match text.trim() {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

// ---- ids ------------------------------------------------------------------------------

/// The message-local id of a transaction or item: its `ID-KMEHR` id (a sequence number
/// within the message), or else its first id. Used to name items ("2/1").
pub(crate) fn kmehr_id(node: &Node) -> Option<String> {
    let ids: Vec<Node> = KMEHR.children(node, "id").collect();
    ids.iter().find(|n| n.attribute("S") == Some("ID-KMEHR")).or(ids.first()).and_then(text_of)
}

/// Every id value of a transaction, whatever its scheme: what `lnk` elements point at.
pub(crate) fn all_ids(node: &Node) -> Vec<String> {
    KMEHR.children(node, "id").filter_map(|n| text_of(&n)).collect()
}

/// An item's id: "<transaction id>/<item id>".
pub(crate) fn item_id(transaction_id: Option<&str>, item: &Node) -> Option<String> {
    match (transaction_id, kmehr_id(item)) {
        (Some(t), Some(i)) => Some(format!("{t}/{i}")),
        (None, Some(i)) => Some(i),
        (t, None) => t.map(str::to_owned),
    }
}

// ---- codes ----------------------------------------------------------------------------

/// The system of a `cd` (see the module documentation for the naming).
pub(crate) fn system_of(cd: &Node) -> Option<String> {
    match (cd.attribute("S"), cd.attribute("SL")) {
        (Some("LOCAL"), Some(local)) => Some(format!("LOCAL:{local}")),
        (Some("CD-DRUG-CNK"), _) => Some(CNK.to_owned()),
        (s, _) => s.map(str::to_owned),
    }
}

/// A `cd` (or `intendedcd`, `deliveredcd`) as a coding; `None` when it carries no code.
pub(crate) fn coding(cd: &Node) -> Option<Coding> {
    let code = text_of(cd)?;
    Some(Coding { system: system_of(cd), code: Some(code), display: cd.attribute("DN").and_then(normalise) })
}

/// The first `cd` child with the given `S`, as an element.
pub(crate) fn cd_node<'a, 'i>(node: &Node<'a, 'i>, system: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| KMEHR.is(n, "cd") && n.attribute("S") == Some(system))
}

/// The code of the first `cd` child with the given `S`.
pub(crate) fn cd_code(node: &Node, system: &str) -> Option<String> {
    cd_node(node, system).and_then(|n| text_of(&n))
}

/// The code of the `cd` with the given `S` in the child element `wrapper` (`<route><cd …>`).
pub(crate) fn wrapped_cd(node: &Node, wrapper: &str, system: &str) -> Option<Coding> {
    KMEHR.child(node, wrapper).and_then(|w| cd_node(&w, system)).and_then(|n| coding(&n))
}

/// The item type (`CD-ITEM`) or transaction type (`CD-TRANSACTION`) of a node.
pub(crate) fn kind_of(node: &Node, system: &str) -> Option<Coding> {
    cd_node(node, system).and_then(|n| coding(&n))
}

/// The codes in an item's `content` elements, in order.
pub(crate) fn content_codes(item: &Node) -> Vec<Coding> {
    KMEHR
        .children(item, "content")
        .flat_map(|c| KMEHR.children(&c, "cd").filter_map(|n| coding(&n)).collect::<Vec<_>>())
        .collect()
}

/// The lifecycle of an item (`<lifecycle><cd S="CD-LIFECYCLE">`), raw: "active",
/// "inactive", "stopped", "suspended", "administrated" …
pub(crate) fn lifecycle(item: &Node) -> Option<String> {
    KMEHR.child(item, "lifecycle").and_then(|l| cd_code(&l, "CD-LIFECYCLE"))
}

// ---- dates ----------------------------------------------------------------------------

/// A KMEHR date (`xs:date`, possibly with a time zone; or a date-time), as a partial date.
pub(crate) fn date(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    // "2021-01-21+01:00", "2021-01-21Z", "2021-01-21T10:00:00": the date is the first ten characters.
    match (text.get(..10), text.get(10..11)) {
        (Some(day), Some("+" | "-" | "Z" | "T")) => PartialDate::parse(day),
        _ => PartialDate::parse(text),
    }
}

/// A moment element (`beginmoment`, `endmoment`, `content` …): its `date`, `yearmonth` or
/// `year`. `Ok(None)` when it has none; `Err` when it has one that is not a date.
pub(crate) fn moment(node: &Node) -> Result<Option<PartialDate>, String> {
    for name in ["date", "yearmonth", "year"] {
        if let Some(element) = KMEHR.child(node, name) {
            let text = text_of(&element).unwrap_or_default();
            return match date(&text) {
                Some(d) => Ok(Some(d)),
                None => Err(format!("{name} is not a date")),
            };
        }
    }
    Ok(None)
}

/// The moment in the child element `name` of `node` (`beginmoment` …).
pub(crate) fn moment_of(node: &Node, name: &str) -> Result<Option<PartialDate>, String> {
    match KMEHR.child(node, name) {
        Some(m) => moment(&m).map_err(|e| format!("{name}: {e}")),
        None => Ok(None),
    }
}

/// A duration (`<duration><decimal>10</decimal><unit><cd S="CD-TIMEUNIT">d</cd>`) as a
/// number and a KMEHR time unit ("d", "wk", "mo", "a" …).
pub(crate) fn duration(node: &Node) -> Option<(f64, String)> {
    let d = KMEHR.child(node, "duration")?;
    let value = KMEHR.child_text(&d, "decimal").and_then(|t| decimal(&t))?;
    let unit = KMEHR.child(&d, "unit").and_then(|u| cd_code(&u, "CD-TIMEUNIT"))?;
    Some((value, unit))
}

/// The last day of a period that starts on `start` and lasts `amount` `unit`s (KMEHR time
/// units: "d", "wk", "mo", "a"), when `start` is a full date and the amount whole.
pub(crate) fn period_end(start: PartialDate, amount: f64, unit: &str) -> Option<PartialDate> {
    if amount.fract() != 0.0 || !(1.0..=100_000.0).contains(&amount) {
        return None;
    }
    let n = amount as i64;
    let start = start.day()?;
    let end = match unit {
        "d" => start.plus_days(n),
        "wk" => start.plus_days(7 * n),
        "mo" | "a" => start.plus_months(i32::try_from(if unit == "a" { 12 * n } else { n }).ok()?),
        _ => return None,
    };
    Some(end.plus_days(-1).into())
}

// ---- parties --------------------------------------------------------------------------

/// The role of an hcparty (`CD-HCPARTY`: "persphysician", "orghospital", "hub" …).
pub(crate) fn role(hcparty: &Node) -> Option<String> {
    cd_code(hcparty, "CD-HCPARTY")
}

/// A hub or a software: it forwarded the data, it did not write it.
fn is_intermediary(hcparty: &Node) -> bool {
    role(hcparty).is_some_and(|r| matches!(r.to_ascii_lowercase().as_str(), "hub" | "application" | "deptsoftware"))
}

fn person_name(hcparty: &Node) -> Option<String> {
    match (KMEHR.child_text(hcparty, "firstname"), KMEHR.child_text(hcparty, "familyname")) {
        (Some(first), Some(last)) => Some(format!("{first} {last}")),
        (None, Some(last)) => Some(last),
        (Some(first), None) => Some(first),
        (None, None) => None,
    }
}

/// An hcparty (or person) as a [`Party`]: by name when it has one, else by NIHDI number,
/// else as a person identified by a national register number (never shown), else by
/// another id, raw.
pub(crate) fn party(hcparty: &Node) -> Option<Party> {
    if let Some(name) = KMEHR.child_text(hcparty, "name").or_else(|| person_name(hcparty)) {
        return Some(Party::Named(name));
    }
    let id = |scheme: &str| {
        KMEHR.children(hcparty, "id").find(|n| n.attribute("S") == Some(scheme)).and_then(|n| text_of(&n))
    };
    if let Some(nihdi) = id("ID-HCPARTY") {
        return Some(Party::Nihdi(nihdi));
    }
    if id("INSS").is_some() {
        return Some(Party::Person);
    }
    KMEHR.children(hcparty, "id").find_map(|n| text_of(&n)).map(Party::Other)
}

/// Who wrote a transaction (or item): in its `author`, the first care professional (a
/// person), else the first party that is not a hub or a software, else the first party.
pub(crate) fn author(node: &Node) -> Option<Party> {
    let parties: Vec<Node> =
        KMEHR.child(node, "author").map(|a| KMEHR.children(&a, "hcparty").collect()).unwrap_or_default();
    let is_person = |p: &&Node| {
        !is_intermediary(p)
            && (role(p).is_some_and(|r| r.starts_with("pers"))
                || (KMEHR.child(p, "name").is_none() && person_name(p).is_some()))
    };
    parties
        .iter()
        .find(is_person)
        .or_else(|| parties.iter().find(|p| !is_intermediary(p)))
        .or(parties.first())
        .and_then(party)
}

/// The institution a transaction comes from: the name of the first organisation among its
/// authors that is not a hub, when the author is someone else (a professional working there).
pub(crate) fn institution(node: &Node) -> Option<String> {
    let parties: Vec<Node> =
        KMEHR.child(node, "author").map(|a| KMEHR.children(&a, "hcparty").collect()).unwrap_or_default();
    let organisation = parties.iter().find(|p| {
        !is_intermediary(p) && role(p).is_some_and(|r| r.starts_with("org")) && KMEHR.child(p, "name").is_some()
    })?;
    let name = KMEHR.child_text(organisation, "name")?;
    (author(node) != Some(Party::Named(name.clone()))).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(xml: &str) -> Document<'_> {
        let Ok(d) = parse(xml) else { panic!("test XML must parse") };
        d
    }

    #[test]
    fn texts_are_trimmed_and_their_line_breaks_folded() {
        let d = doc(
            "<a xmlns=\"http://www.ehealth.fgov.be/standards/kmehr/schema/v1\"><b>  MEDROL COMP\n\t\t20X32MG\n </b><c> </c></a>",
        );
        let root = d.root_element();
        assert_eq!(KMEHR.child_text(&root, "b").as_deref(), Some("MEDROL COMP 20X32MG"));
        assert_eq!(KMEHR.child_text(&root, "c"), None);
    }

    #[test]
    fn elements_of_other_namespaces_are_not_kmehr() {
        let d = doc(
            "<a xmlns=\"http://www.ehealth.fgov.be/standards/kmehr/schema/v1\" xmlns:x=\"urn:other\"><x:b>1</x:b><b>2</b></a>",
        );
        assert_eq!(KMEHR.child_text(&d.root_element(), "b").as_deref(), Some("2"));
    }

    #[test]
    fn a_bom_is_skipped() {
        assert!(parse("\u{feff}<kmehrmessage/>").is_ok());
    }

    #[test]
    fn codes_keep_their_scheme_with_local_and_cnk_named_as_documented() {
        let d = doc(
            r#"<c><cd S="CD-ATC" SV="1" DN="Covid">J07BX03</cd><cd S="LOCAL" SL="VACCINNETCODE">X</cd><cd S="CD-DRUG-CNK">0895540</cd></c>"#,
        );
        let codes: Vec<Coding> = KMEHR.children(&d.root_element(), "cd").filter_map(|n| coding(&n)).collect();
        assert_eq!(codes.first().and_then(|c| c.system.as_deref()), Some("CD-ATC"));
        assert_eq!(codes.first().and_then(|c| c.display.as_deref()), Some("Covid"));
        assert_eq!(codes.get(1).and_then(|c| c.system.as_deref()), Some("LOCAL:VACCINNETCODE"));
        assert_eq!(codes.get(2).and_then(|c| c.system.as_deref()), Some(CNK));
    }

    #[test]
    fn dates_with_a_time_zone_or_a_time_read() {
        let day = Some(PartialDate { year: 2021, month: Some(1), day: Some(21) });
        assert_eq!(date("2021-01-21"), day);
        assert_eq!(date("2021-01-21+01:00"), day);
        assert_eq!(date("2021-01-21Z"), day);
        assert_eq!(date("2015-12-14T07:03:20+01:00"), Some(PartialDate { year: 2015, month: Some(12), day: Some(14) }));
        assert_eq!(date("2015"), Some(PartialDate { year: 2015, month: None, day: None }));
        assert_eq!(date("EXPIRATION_DATE"), None);
        assert_eq!(date("2021-02-30"), None);
    }

    #[test]
    fn a_moment_with_a_bad_date_is_an_error_and_none_is_none() {
        let d = doc(
            "<i><beginmoment><date>2021-02-30</date></beginmoment><endmoment><yearmonth>2021-03</yearmonth></endmoment></i>",
        );
        let item = d.root_element();
        assert!(moment_of(&item, "beginmoment").is_err());
        assert_eq!(moment_of(&item, "endmoment"), Ok(Some(PartialDate { year: 2021, month: Some(3), day: None })));
        assert_eq!(moment_of(&item, "other"), Ok(None));
    }

    #[test]
    fn period_ends_count_the_first_day() {
        let start = PartialDate { year: 2019, month: Some(3), day: Some(1) };
        let day = |y, m, d| Some(PartialDate { year: y, month: Some(m), day: Some(d) });
        assert_eq!(period_end(start, 10.0, "d"), day(2019, 3, 10));
        assert_eq!(period_end(start, 1.0, "mo"), day(2019, 3, 31));
        assert_eq!(period_end(start, 2.0, "wk"), day(2019, 3, 14));
        assert_eq!(period_end(start, 1.0, "a"), day(2020, 2, 29));
        assert_eq!(period_end(PartialDate { year: 2020, month: Some(1), day: Some(31) }, 1.0, "mo"), day(2020, 2, 28));
        assert_eq!(period_end(start, 0.5, "d"), None);
        assert_eq!(period_end(PartialDate { year: 2019, month: None, day: None }, 1.0, "d"), None);
    }

    #[test]
    fn the_author_is_the_professional_and_the_institution_the_organisation() {
        let d = doc(r#"<transaction><author>
            <hcparty><id S="ID-HCPARTY">1</id><cd S="CD-HCPARTY">hub</cd><name>RSB</name></hcparty>
            <hcparty><id S="ID-HCPARTY">80000551</id><cd S="CD-HCPARTY">orgpharmacy</cd><name>Pharmacie - code 200</name></hcparty>
            <hcparty><id S="ID-HCPARTY">17892144001</id><id S="INSS">00000000097</id><cd S="CD-HCPARTY">perspharmacist</cd><firstname>John</firstname><familyname>Doe</familyname></hcparty>
            </author></transaction>"#);
        let t = d.root_element();
        assert_eq!(author(&t), Some(Party::Named("John Doe".into())));
        assert_eq!(institution(&t).as_deref(), Some("Pharmacie - code 200"));
    }

    #[test]
    fn an_organisation_alone_is_the_author_and_not_also_the_institution() {
        let d = doc(r#"<transaction><author>
            <hcparty><cd S="CD-HCPARTY">hub</cd><name>VITALINK</name></hcparty>
            <hcparty><cd S="CD-HCPARTY">orgpublichealth</cd><name>VLAAMS AGENTSCHAP</name></hcparty></author></transaction>"#);
        let t = d.root_element();
        assert_eq!(author(&t), Some(Party::Named("VLAAMS AGENTSCHAP".into())));
        assert_eq!(institution(&t), None);
    }

    #[test]
    fn a_party_without_a_name_is_named_by_nihdi_or_as_a_person() {
        let d = doc(
            r#"<a><hcparty><id S="ID-HCPARTY">123</id></hcparty><hcparty><id S="INSS">00000000097</id></hcparty></a>"#,
        );
        let parties: Vec<Option<Party>> = KMEHR.children(&d.root_element(), "hcparty").map(|p| party(&p)).collect();
        assert_eq!(parties, vec![Some(Party::Nihdi("123".into())), Some(Party::Person)]);
    }
}
