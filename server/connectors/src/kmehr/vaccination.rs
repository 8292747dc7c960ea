//! Reads vaccinations (`item` with `CD-ITEM` = `vaccine`) out of KMEHR messages: vaccination
//! transactions and SumEHR alike.
//!
//! Real messages deviate from the schema (a date where a dateTime is expected, elements
//! in another order), so the reader goes by element names, not by position. An item that
//! lacks what makes it a vaccination becomes [`Item::Unreadable`]; the others still read.
//! XML with a DTD is refused (no entity expansion).

use carnet_core::coding::{CNK, Coding};
use carnet_core::date::PartialDate;
use carnet_core::vaccination::{Item, Occurrence, Performer, Quantity, Vaccination, VaccinationStatus};
use roxmltree::{Document, Node};

use crate::error::ConnectorError;

/// Every vaccination in a KMEHR message.
pub fn read_vaccinations(xml: &str) -> Result<Vec<Item<Vaccination>>, ConnectorError> {
    let document = Document::parse(xml).map_err(|e| ConnectorError::Malformed(format!("KMEHR is not well-formed XML: {e}")))?;
    let root = document.root_element();
    if root.tag_name().name() != "kmehrmessage" {
        return Err(ConnectorError::Malformed("not a kmehrmessage".into()));
    }
    let mut items = Vec::new();
    for transaction in root.descendants().filter(|n| is(n, "transaction")) {
        let performer = author(&transaction);
        let transaction_id = child_text(&transaction, "id");
        for item in transaction.descendants().filter(|n| is(n, "item") && cd_of(n, "CD-ITEM").as_deref() == Some("vaccine")) {
            items.push(read_item(&item, transaction_id.as_deref(), performer.clone()));
        }
    }
    Ok(items)
}

fn read_item(item: &Node, transaction_id: Option<&str>, performer: Option<Performer>) -> Item<Vaccination> {
    let id = match (transaction_id, child_text(item, "id")) {
        (Some(t), Some(i)) => Some(format!("{t}/{i}")),
        (None, Some(i)) => Some(i),
        (t, None) => t.map(str::to_owned),
    };
    let unreadable = |reason: &str| Item::Unreadable { id: id.clone(), reason: reason.to_owned() };

    let mut vaccine = Vec::new();
    let mut product = None;
    let mut texts = Vec::new();
    for content in item.children().filter(|n| is(n, "content")) {
        for cd in content.children().filter(|n| is(n, "cd")) {
            let system = match (cd.attribute("S"), cd.attribute("SL")) {
                (Some("LOCAL"), Some(local)) => Some(format!("LOCAL:{local}")),
                (s, _) => s.map(str::to_owned),
            };
            if let Some(code) = text_of(&cd) {
                vaccine.push(Coding { system, code: Some(code), display: None });
            }
        }
        if let Some(medicinal) = content.children().find(|n| is(n, "medicinalproduct")) {
            let code = medicinal.children().find(|n| is(n, "intendedcd")).and_then(|n| text_of(&n));
            let name = child_text(&medicinal, "intendedname");
            if code.is_some() || name.is_some() {
                product = Some(Coding { system: Some(CNK.to_owned()), code, display: name });
            }
        }
        texts.extend(content.children().filter(|n| is(n, "text")).filter_map(|n| text_of(&n)));
    }
    texts.extend(item.children().filter(|n| is(n, "text")).filter_map(|n| text_of(&n)));
    if vaccine.is_empty() && product.is_none() && texts.is_empty() {
        return unreadable("vaccine item without content");
    }

    let occurrence = match item
        .children()
        .find(|n| is(n, "beginmoment"))
        .and_then(|m| child_text(&m, "date").or_else(|| child_text(&m, "yearmonth")).or_else(|| child_text(&m, "year")))
    {
        Some(text) => match PartialDate::parse(&text) {
            Some(date) => Occurrence::Date(date),
            None => return unreadable("beginmoment is not a date"),
        },
        None => Occurrence::Unknown,
    };

    let status = match cd_of(item, "CD-LIFECYCLE").as_deref() {
        None | Some("administrated") | Some("active") | Some("completed") | Some("inactive") => VaccinationStatus::Completed,
        Some("notadministrated") | Some("refused") | Some("cancelled") | Some("aborted") => VaccinationStatus::NotDone,
        Some(other) => VaccinationStatus::Other(other.to_owned()),
    };
    let dose_quantity = item
        .children()
        .find(|n| is(n, "quantity"))
        .and_then(|q| child_text(&q, "decimal"))
        .and_then(|d| d.replace(',', ".").parse::<f64>().ok())
        .map(|value| Quantity { value, unit: None });

    Item::Read(Vaccination {
        id,
        status,
        vaccine,
        vaccine_text: texts.into_iter().next(),
        product,
        occurrence,
        dose_number: None,
        dose_quantity,
        performer,
        lot_number: child_text(item, "batch"),
        status_reason: None,
        unknown_extensions: Vec::new(),
    })
}

/// Who recorded the transaction: the first author that is not the hub or a software.
fn author(transaction: &Node) -> Option<Performer> {
    let author = transaction.children().find(|n| is(n, "author"))?;
    let parties: Vec<Node> = author.children().filter(|n| is(n, "hcparty")).collect();
    let party = parties
        .iter()
        .find(|p| !matches!(cd_of(p, "CD-HCPARTY").as_deref(), Some("hub") | Some("application") | Some("APPLICATION")))
        .or(parties.first())?;
    if let Some(name) = child_text(party, "name") {
        return Some(Performer::Named(name));
    }
    match (child_text(party, "firstname"), child_text(party, "familyname")) {
        (Some(f), Some(l)) => return Some(Performer::Named(format!("{f} {l}"))),
        (None, Some(l)) => return Some(Performer::Named(l)),
        _ => {}
    }
    party
        .children()
        .find(|n| is(n, "id") && n.attribute("S") == Some("ID-HCPARTY"))
        .and_then(|n| text_of(&n))
        .map(Performer::Nihdi)
}

fn is(node: &Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name
}

fn text_of(node: &Node) -> Option<String> {
    node.text().map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned)
}

fn child_text(node: &Node, name: &str) -> Option<String> {
    node.children().find(|n| is(n, name)).and_then(|n| text_of(&n))
}

/// The text of the first `cd` child with the given `S`.
fn cd_of(node: &Node, system: &str) -> Option<String> {
    node.descendants()
        .filter(|n| is(n, "cd") && n.attribute("S") == Some(system))
        .find(|n| n.parent().is_some_and(|p| p == *node || is(&p, "lifecycle")))
        .and_then(|n| text_of(&n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn fixture(path: &str) -> String {
        let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/kmehr").join(path);
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
    }

    fn files(dir: &str) -> Vec<String> {
        let full = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/fixtures/kmehr").join(dir);
        let mut names: Vec<String> = std::fs::read_dir(&full)
            .unwrap_or_else(|e| panic!("{}: {e}", full.display()))
            .flatten()
            .filter_map(|e| e.file_name().to_str().map(str::to_owned))
            .filter(|n| n.ends_with(".xml"))
            .map(|n| format!("{dir}/{n}"))
            .collect();
        names.sort();
        names
    }

    fn read_ok(path: &str) -> Vec<Vaccination> {
        let items = read_vaccinations(&fixture(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        items
            .into_iter()
            .map(|i| match i {
                Item::Read(v) => v,
                Item::Unreadable { reason, .. } => panic!("{path}: an item was not read: {reason}"),
            })
            .collect()
    }

    /// Every vaccination message in the fixtures gives its vaccinations, with what a
    /// citizen sees: the vaccine (code, product or text), the date, who recorded it.
    #[test]
    fn every_real_kmehr_vaccination_message_reads() {
        let paths = files("vaccination");
        assert!(paths.len() >= 5);
        for path in paths {
            let vaccinations = read_ok(&path);
            assert!(!vaccinations.is_empty(), "{path}: no vaccination found");
            for v in vaccinations {
                assert!(!v.vaccine.is_empty() || v.product.is_some() || v.vaccine_text.is_some(), "{path}: no vaccine");
                assert!(matches!(v.occurrence, Occurrence::Date(_)), "{path}: no date");
                assert!(v.performer.is_some(), "{path}: no author");
            }
        }
    }

    #[test]
    fn sumehr_vaccinations_read_too() {
        let mut found = 0;
        for path in files("sumehr") {
            found += read_ok(&path).len();
        }
        assert!(found >= 6, "the SumEHR fixtures hold vaccine items; read {found}");
    }

    #[test]
    fn atc_code_batch_quantity_and_author_are_kept() {
        let v = read_ok("vaccination/vitalink-evs-vaccination-with-cdatc-and-batch.xml");
        let Some(v) = v.first() else { panic!("one vaccination") };
        assert_eq!(v.vaccine.first().and_then(|c| c.code.as_deref()), Some("J07BX03"));
        assert_eq!(v.vaccine.first().and_then(|c| c.system.as_deref()), Some("CD-ATC"));
        assert_eq!(v.vaccine_text.as_deref(), Some("Covid-19 vaccines"));
        assert_eq!(v.lot_number.as_deref(), Some("12345678"));
        assert_eq!(v.dose_quantity.as_ref().map(|q| q.value), Some(1.0));
        assert_eq!(v.occurrence, Occurrence::Date(PartialDate { year: 2020, month: Some(12), day: Some(15) }));
        assert_eq!(v.performer, Some(Performer::Named("VLAAMS AGENTSCHAP ZORG EN GEZONDHEID".into())));
    }

    #[test]
    fn a_medicinal_product_gives_its_cnk_and_name() {
        let v = read_ok("vaccination/vitalink-evs-vaccination-with-medicinal-product.xml");
        let product = v.first().and_then(|v| v.product.clone());
        assert_eq!(product.as_ref().and_then(|p| p.code.as_deref()), Some("3926664"));
        assert_eq!(product.and_then(|p| p.display).as_deref(), Some("ALPHARIX TETRA 0,5ML SPUITAMP 2019"));
    }

    #[test]
    fn a_local_code_keeps_its_local_system() {
        let v = read_ok("vaccination/vitalink-evs-vaccination-with-vaccinnetcode.xml");
        let coding = v.first().and_then(|v| v.vaccine.first().cloned());
        assert_eq!(coding.as_ref().and_then(|c| c.system.as_deref()), Some("LOCAL:VACCINNETCODE"));
        assert_eq!(coding.and_then(|c| c.code).as_deref(), Some("HBV/AV003"));
    }

    #[test]
    fn broken_items_are_unreadable_and_the_rest_reads() {
        let xml = r#"<kmehrmessage xmlns="http://www.ehealth.fgov.be/standards/kmehr/schema/v1"><folder><transaction>
            <id S="ID-KMEHR">1</id><cd S="CD-TRANSACTION">vaccination</cd>
            <item><id S="ID-KMEHR">1</id><cd S="CD-ITEM">vaccine</cd><content><cd S="CD-ATC">J07BB02</cd></content>
              <beginmoment><date>2021-01-21</date></beginmoment></item>
            <item><id S="ID-KMEHR">2</id><cd S="CD-ITEM">vaccine</cd><beginmoment><date>2021-01-21</date></beginmoment></item>
            <item><id S="ID-KMEHR">3</id><cd S="CD-ITEM">vaccine</cd><content><cd S="CD-ATC">J07BB02</cd></content>
              <beginmoment><date>2021-02-30</date></beginmoment></item>
            </transaction></folder></kmehrmessage>"#;
        let items = read_vaccinations(xml).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(items.len(), 3);
        assert!(matches!(items.first(), Some(Item::Read(_))));
        assert!(matches!(items.get(1), Some(Item::Unreadable { id: Some(id), .. }) if id == "1/2"));
        assert!(matches!(items.get(2), Some(Item::Unreadable { .. })));
    }

    #[test]
    fn not_xml_a_dtd_or_another_document_is_malformed() {
        assert!(read_vaccinations("not xml").is_err());
        assert!(read_vaccinations("<other/>").is_err());
        let xxe = r#"<?xml version="1.0"?><!DOCTYPE k [<!ENTITY x SYSTEM "file:///etc/passwd">]><kmehrmessage>&x;</kmehrmessage>"#;
        assert!(read_vaccinations(xxe).is_err(), "entities are never expanded");
    }
}
