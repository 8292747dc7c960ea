//! Reads vaccinations (`item` with `CD-ITEM` = `vaccine`) out of KMEHR messages: vaccination
//! transactions and SumEHR alike.
//!
//! Real messages deviate from the schema (a date where a dateTime is expected, elements
//! in another order), so the reader goes by element names, not by position. An item that
//! lacks what makes it a vaccination becomes [`Item::Unreadable`]; the others still read.
//! XML with a DTD is refused (no entity expansion).

use carnet_core::coding::{CNK, Coding};
use carnet_core::vaccination::{Item, Occurrence, Performer, Quantity, Vaccination, VaccinationStatus};
use roxmltree::Node;

use crate::error::ConnectorError;
use crate::kmehr::common::{
    KMEHR, author, cd_code, coding, decimal, item_id, kmehr_id, lifecycle, moment_of, parse, texts,
};

/// Every vaccination in a KMEHR message.
pub fn read_vaccinations(xml: &str) -> Result<Vec<Item<Vaccination>>, ConnectorError> {
    let document = parse(xml)?;
    let root = document.root_element();
    if !KMEHR.is(&root, "kmehrmessage") {
        return Err(ConnectorError::Malformed("not a kmehrmessage".into()));
    }
    let mut items = Vec::new();
    for transaction in KMEHR.descendants(&root, "transaction") {
        let performer = author(&transaction);
        let transaction_id = kmehr_id(&transaction);
        for item in KMEHR.descendants(&transaction, "item").filter(is_vaccine) {
            items.push(read_item(&item, transaction_id.as_deref(), performer.clone()));
        }
    }
    Ok(items)
}

/// Is this item a vaccination (`CD-ITEM` = `vaccine`)?
pub(crate) fn is_vaccine(item: &Node) -> bool {
    cd_code(item, "CD-ITEM").as_deref() == Some("vaccine")
}

/// One `vaccine` item; `performer` is who recorded its transaction.
pub(crate) fn read_item(item: &Node, transaction_id: Option<&str>, performer: Option<Performer>) -> Item<Vaccination> {
    let id = item_id(transaction_id, item);
    let unreadable = |reason: &str| Item::Unreadable { id: id.clone(), reason: reason.to_owned() };

    let mut vaccine = Vec::new();
    let mut product = None;
    let mut free_texts = Vec::new();
    for content in KMEHR.children(item, "content") {
        vaccine.extend(KMEHR.children(&content, "cd").filter_map(|cd| coding(&cd)));
        if let Some(medicinal) = KMEHR.child(&content, "medicinalproduct") {
            let code = KMEHR.child(&medicinal, "intendedcd").and_then(|n| crate::kmehr::common::text_of(&n));
            let name = KMEHR.child_text(&medicinal, "intendedname");
            if code.is_some() || name.is_some() {
                product = Some(Coding { system: Some(CNK.to_owned()), code, display: name });
            }
        }
        free_texts.extend(texts(&content).into_iter().map(|t| t.text));
    }
    free_texts.extend(texts(item).into_iter().map(|t| t.text));
    if vaccine.is_empty() && product.is_none() && free_texts.is_empty() {
        return unreadable("vaccine item without content");
    }

    let occurrence = match moment_of(item, "beginmoment") {
        Ok(Some(date)) => Occurrence::Date(date),
        Ok(None) => Occurrence::Unknown,
        Err(_) => return unreadable("beginmoment is not a date"),
    };

    let status = match lifecycle(item).as_deref() {
        None | Some("administrated") | Some("active") | Some("completed") | Some("inactive") => {
            VaccinationStatus::Completed
        }
        Some("notadministrated") | Some("refused") | Some("cancelled") | Some("aborted") => VaccinationStatus::NotDone,
        Some(other) => VaccinationStatus::Other(other.to_owned()),
    };
    let dose_quantity = KMEHR
        .child(item, "quantity")
        .and_then(|q| KMEHR.child_text(&q, "decimal"))
        .and_then(|d| decimal(&d))
        .map(|value| Quantity { value, unit: None });

    Item::Read(Vaccination {
        id,
        status,
        vaccine,
        vaccine_text: free_texts.into_iter().next(),
        product,
        occurrence,
        dose_number: None,
        dose_quantity,
        performer,
        lot_number: KMEHR.child_text(item, "batch"),
        status_reason: None,
        unknown_extensions: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_core::date::PartialDate;

    fn fixture(path: &str) -> String {
        crate::fixtures::text(&format!("kmehr/{path}"))
    }

    fn files(dir: &str) -> Vec<String> {
        crate::fixtures::names(&format!("kmehr/{dir}"), "xml").into_iter().map(|n| format!("{dir}/{n}")).collect()
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
