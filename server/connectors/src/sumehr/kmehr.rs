//! Reads a SumEHR transaction (the summary a GP keeps: problems, risks, allergies,
//! medication, vaccinations, treatments, wills) into a [`SumEhr`].
//!
//! Items go by their `CD-ITEM` type:
//! - `problem`, `healthcareelement` → problems (active and past alike: `status` says which);
//! - `risk`, `socialrisk`, and any other `…risk` → risks;
//! - `allergy`, `adr` (adverse drug reaction) → allergies;
//! - `medication` → medication lines, `vaccine` → vaccinations (the medication and
//!   vaccination readers);
//! - `treatment` → treatments, `patientwill` → the patient's wills;
//! - anything else (GMD holder, contact persons …) → `other_items`, by type.
//!
//! A type marked `nullFlavor` without content is the author's statement that there is none
//! ("no known problems"): it goes to `declared_none`. With content, the content is read.
//! An item that says nothing (no code, no text) or carries a date that does not read becomes
//! [`Item::Unreadable`]; the others still read.

use carnet_core::allergy::{Allergy, AllergyKind, Criticality};
use carnet_core::coding::{CNK, Coding};
use carnet_core::item::Item;
use carnet_core::medication::MedicationRecordKind;
use carnet_core::party::Party;
use carnet_core::sumehr::{HealthIssue, SumEhr};
use roxmltree::Node;

use crate::kmehr::common::{
    KMEHR, author, cd_code, cd_node, content_codes, date, item_id, item_texts, kmehr_id, lifecycle, moment_of,
};
use crate::medication::kmehr::read_medication_item;
use crate::vaccination::kmehr as vaccination;

/// Substance code systems: an allergy coded with one of these is to a medicine.
const MEDICINE_SYSTEMS: &[&str] = &["CD-ATC", CNK, "CD-INNCLUSTER", "CD-VMPGROUP", "CD-EAN"];

/// A SumEHR transaction.
pub fn read_sumehr(transaction: Node) -> SumEhr {
    let transaction_id = kmehr_id(&transaction);
    let tid = transaction_id.as_deref();
    let author = author(&transaction);
    let mut sumehr = SumEhr {
        date: KMEHR.child_text(&transaction, "date").and_then(|d| date(&d)),
        author: author.clone(),
        ..SumEhr::default()
    };
    for item in KMEHR.descendants(&transaction, "item") {
        let Some(kind) = cd_node(&item, "CD-ITEM") else {
            sumehr.other_items.push(String::new());
            continue;
        };
        let code = crate::kmehr::common::text_of(&kind).unwrap_or_default();
        if kind.attribute("nullFlavor").is_some() && is_empty(&item) {
            sumehr.declared_none.push(code);
            continue;
        }
        match code.as_str() {
            "problem" | "healthcareelement" => sumehr.problems.push(read_health_issue(&item, tid)),
            risk if risk.ends_with("risk") => sumehr.risks.push(read_health_issue(&item, tid)),
            "allergy" | "adr" => sumehr.allergies.push(read_allergy(&item, tid, &code, author.clone())),
            "medication" => {
                sumehr.medication.push(read_medication_item(item, tid, MedicationRecordKind::Taken, author.clone()))
            }
            "vaccine" => sumehr.vaccinations.push(vaccination::read_item(&item, tid, author.clone())),
            "treatment" => sumehr.treatments.push(read_health_issue(&item, tid)),
            "patientwill" => sumehr.patient_wills.push(read_health_issue(&item, tid)),
            _ => sumehr.other_items.push(code),
        }
    }
    sumehr
}

/// An item with no content and no text.
fn is_empty(item: &Node) -> bool {
    KMEHR.child(item, "content").is_none() && item_texts(item).is_empty()
}

/// A problem, risk, treatment or will: its codes, its texts (joined), when, its lifecycle.
fn read_health_issue(item: &Node, transaction_id: Option<&str>) -> Item<HealthIssue> {
    let id = item_id(transaction_id, item);
    let read = || -> Result<HealthIssue, String> {
        let codes = content_codes(item);
        let texts = item_texts(item);
        if codes.is_empty() && texts.is_empty() {
            return Err("item without code or text".into());
        }
        Ok(HealthIssue {
            id: id.clone(),
            codes,
            text: (!texts.is_empty()).then(|| texts.join("; ")),
            since: moment_of(item, "beginmoment")?,
            until: moment_of(item, "endmoment")?,
            status: lifecycle(item),
        })
    };
    match read() {
        Ok(issue) => Item::Read(issue),
        Err(reason) => Item::Unreadable { id, reason },
    }
}

/// An `allergy` or `adr` item. KMEHR codes the allergen and the diagnosis alike in the
/// item's contents; all its codes are kept as the substance, the first text as the
/// substance's name, the other texts as a note.
fn read_allergy(item: &Node, transaction_id: Option<&str>, kind: &str, recorder: Option<Party>) -> Item<Allergy> {
    let id = item_id(transaction_id, item);
    let read = || -> Result<Allergy, String> {
        let substance: Vec<Coding> = content_codes(item);
        let mut texts = item_texts(item).into_iter();
        let substance_text = texts.next();
        if substance.is_empty() && substance_text.is_none() {
            return Err("allergy without substance".into());
        }
        let note: Vec<String> = texts.collect();
        let is_medicine = kind == "adr"
            || substance.iter().any(|c| c.system.as_deref().is_some_and(|s| MEDICINE_SYSTEMS.contains(&s)));
        let recorded = match KMEHR.child_text(item, "recorddatetime") {
            Some(text) => Some(date(&text).ok_or("recorddatetime is not a date")?),
            None => None,
        };
        Ok(Allergy {
            id: id.clone(),
            substance,
            substance_text,
            kind: if kind == "adr" { AllergyKind::Intolerance } else { AllergyKind::Allergy },
            categories: if is_medicine { vec!["medication".to_owned()] } else { Vec::new() },
            criticality: Criticality::Unknown,
            clinical_status: lifecycle(item),
            verification: KMEHR.child(item, "certainty").and_then(|c| cd_code(&c, "CD-CERTAINTY")),
            reactions: Vec::new(),
            onset: moment_of(item, "beginmoment")?,
            recorded,
            recorder,
            note: (!note.is_empty()).then(|| note.join("\n")),
            unknown_extensions: Vec::new(),
            no_known: None,
        })
    };
    match read() {
        Ok(allergy) => Item::Read(allergy),
        Err(reason) => Item::Unreadable { id, reason },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kmehr::common::parse;
    use carnet_core::date::PartialDate;
    use carnet_core::medication::{Frequency, MedicationLine};
    use carnet_core::vaccination::{Occurrence, Vaccination};

    fn read(path: &str) -> SumEhr {
        let xml = crate::fixtures::text(&format!("kmehr/sumehr/{path}"));
        let Ok(doc) = parse(&xml) else { panic!("{path} parses") };
        let Some(transaction) = KMEHR.descendants(&doc.root_element(), "transaction").next() else {
            panic!("{path}: a transaction")
        };
        read_sumehr(transaction)
    }

    fn all<T: Clone>(items: &[Item<T>]) -> Vec<T> {
        items
            .iter()
            .map(|i| match i {
                Item::Read(v) => v.clone(),
                Item::Unreadable { reason, .. } => panic!("an item was not read: {reason}"),
            })
            .collect()
    }

    fn day(y: i32, m: u8, d: u8) -> Option<PartialDate> {
        Some(PartialDate { year: y, month: Some(m), day: Some(d) })
    }

    fn codes(codes: &[Coding]) -> Vec<(&str, &str)> {
        codes.iter().map(|c| (c.system.as_deref().unwrap_or(""), c.code.as_deref().unwrap_or(""))).collect()
    }

    fn names(lines: &[MedicationLine]) -> Vec<&str> {
        lines.iter().filter_map(|l| l.medicine_text.as_deref()).collect()
    }

    fn products(vaccinations: &[Vaccination]) -> Vec<&str> {
        vaccinations.iter().filter_map(|v| v.product.as_ref().and_then(|p| p.display.as_deref())).collect()
    }

    #[test]
    fn the_ehealth_example_gives_problems_risks_allergies_medication_and_vaccines() {
        let s = read("ehealth-sumehr-2.0-example.xml");
        assert_eq!(s.date, day(2016, 5, 20));
        assert_eq!(s.author, Some(Party::Named("Leonard McCoy".into())));
        let problems = all(&s.problems);
        assert_eq!(problems.len(), 6);
        let hodgkin = &problems[0];
        assert_eq!(hodgkin.text.as_deref(), Some("Brill-Symmers"));
        assert_eq!(codes(&hodgkin.codes), vec![("CD-CLINICAL", "10015202"), ("ICPC", "B72"), ("ICD", "C82.9")]);
        assert_eq!((hodgkin.since, hodgkin.until), (day(1980, 5, 12), day(1985, 12, 31)));
        assert_eq!(hodgkin.status.as_deref(), Some("inactive"));
        assert_eq!(problems[5].text.as_deref(), Some("hypothyroïdie"));
        let risks = all(&s.risks);
        assert_eq!(risks.len(), 3);
        assert_eq!(
            risks[0].text.as_deref(),
            Some("Sociaal-cultureel probleem; Ouderlijke woning in overwegend allochtone omgeving")
        );
        assert_eq!(risks[1].codes.first().and_then(|c| c.code.as_deref()), Some("Z08"));
        let allergies = all(&s.allergies);
        assert_eq!(allergies.len(), 2);
        assert_eq!(allergies[0].substance_text.as_deref(), Some("Intolerance to paracetamol"));
        assert_eq!(allergies[0].kind, AllergyKind::Intolerance);
        assert_eq!(allergies[0].onset, day(2018, 4, 28));
        assert_eq!(allergies[1].kind, AllergyKind::Allergy);
        assert_eq!(allergies[1].recorded, day(2018, 10, 1));
        let medication = all(&s.medication);
        assert_eq!(
            names(&medication),
            vec![
                "MEDROL COMP 20X32MG",
                "COVERSYL AKTUAPH COMP 30X4MG PIP",
                "CAMPRAL COMP 168 X 333 MG",
                "ELTHYRONE COMP 100 X 0,025MG"
            ]
        );
        let medrol = &medication[0];
        assert_eq!(medrol.medicine.first().and_then(|c| c.code.as_deref()), Some("0895540"));
        let dose = medrol.dosage.first();
        assert_eq!(dose.and_then(|d| d.text.as_deref()), Some("0.5 tab"));
        assert_eq!(
            dose.map(|d| d.moments.iter().filter_map(|m| m.code.as_deref()).collect::<Vec<_>>()),
            Some(vec!["afterbreakfast"])
        );
        let vaccines = all(&s.vaccinations);
        assert_eq!(
            products(&vaccines),
            vec![
                "TEDIVAX PRO ADULTO SER INJ 0,5ML",
                "TEDIVAX PRO ADULTO SER INJ 0,5ML",
                "HAVRIX 1440 SER INJ IM 1ML",
                "HAVRIX 1440 SER INJ IM 1ML",
                "HAVRIX 1440 SER INJ IM 1ML"
            ]
        );
        assert_eq!(vaccines[2].vaccine_text.as_deref(), Some("First injection"));
        assert_eq!(s.other_items, vec!["gmdmanager", "contactperson"]);
    }

    #[test]
    fn sumehr_1_1_reads_healthcare_elements_substances_regimens_and_wills() {
        let s = read("vitalink-evs-1-sumehr-1dot1-all-parseable.xml");
        assert_eq!(s.author, Some(Party::Named("John Doe".into())));
        assert_eq!(all(&s.problems).len(), 6);
        assert_eq!(all(&s.risks).len(), 3);
        let medication = all(&s.medication);
        // Ten items, some sent twice.
        assert_eq!(medication.len(), 10);
        let atenolol = medication.iter().find(|l| l.medicine_text.as_deref() == Some("Atenolol, 50mg, oraal"));
        assert_eq!(atenolol.and_then(|l| l.medicine.first()).and_then(|c| c.system.as_deref()), Some("CD-INNCLUSTER"));
        let campral = medication.iter().find(|l| l.medicine_text.as_deref() == Some("CAMPRAL COMP 168 X 333 MG"));
        let Some(campral) = campral else { panic!("campral") };
        assert_eq!(campral.dosage.len(), 4);
        assert_eq!(campral.dosage[1].amount.as_ref().map(|a| a.value), Some(0.75));
        assert_eq!(campral.dosage[3].weekdays, vec!["tue"]);
        assert_eq!(campral.dosage[3].times, vec!["00:00"]);
        assert_eq!(campral.dosage[0].route.as_ref().and_then(|r| r.code.as_deref()), Some("00060"));
        // The EAN-coded line has only codes and a daily frequency.
        let ean = medication.iter().find(|l| l.medicine.iter().any(|c| c.system.as_deref() == Some("CD-EAN")));
        assert_eq!(
            ean.and_then(|l| l.dosage.first()).and_then(|d| d.frequency.clone()),
            Some(Frequency { count: 1, period: 1.0, unit: "d".into() })
        );
        // Four days from 1992-01-27.
        let medrol = medication.iter().find(|l| l.medicine_text.as_deref() == Some("MEDROL COMP 20X32MG"));
        assert_eq!(medrol.and_then(|l| l.end), day(1992, 1, 30));
        assert_eq!(all(&s.vaccinations).len(), 6);
        let wills = all(&s.patient_wills);
        assert_eq!(
            wills.first().and_then(|w| w.codes.first()).and_then(|c| c.code.as_deref()),
            Some("bloodtransfusionrefusal")
        );
        assert_eq!(all(&s.allergies).len(), 2);
    }

    #[test]
    fn sumehr_2_0_reads_allergy_texts_atc_treatments_and_heredity() {
        let s = read("vitalink-evs-4-sumehr-2dot0.xml");
        let allergies = all(&s.allergies);
        assert_eq!(allergies[0].substance_text.as_deref(), Some("penicillines"));
        assert_eq!(allergies[0].clinical_status.as_deref(), Some("active"));
        assert_eq!(
            allergies[1].substance_text.as_deref(),
            Some("Dafalgan (Impexeco) bruistabl. (deelb.) Forte 20x 1g")
        );
        assert_eq!(codes(&allergies[1].substance), vec![("CD-ATC", "N02BE01")]);
        assert_eq!(allergies[1].categories, vec!["medication"]);
        let problems = all(&s.problems);
        assert_eq!(
            problems.iter().map(|p| (p.text.as_deref(), p.status.as_deref())).collect::<Vec<_>>(),
            vec![(Some("diabetes"), Some("active")), (Some("depressie"), Some("inactive"))]
        );
        let risks = all(&s.risks);
        assert!(risks.iter().any(|r| r.text.as_deref() == Some("colo-rectale kanker; father")));
        let treatments = all(&s.treatments);
        assert_eq!(
            treatments.iter().filter_map(|t| t.text.as_deref()).collect::<Vec<_>>(),
            vec!["kinesitherapie", "appendectomie; test"]
        );
        let wills: Vec<String> =
            all(&s.patient_wills).iter().flat_map(|w| w.codes.iter().filter_map(|c| c.code.clone())).collect();
        assert_eq!(wills, vec!["hos2", "dnr2", "intubationrefusal", "euthanasiarequest"]);
        let medication = all(&s.medication);
        assert_eq!(medication.len(), 9);
        let marcoumar = medication.iter().find(|l| l.medicine.iter().any(|c| c.code.as_deref() == Some("0119065")));
        let Some(marcoumar) = marcoumar else { panic!("marcoumar") };
        assert_eq!(marcoumar.temporality.as_deref(), Some("chronic"));
        assert_eq!(
            marcoumar.dosage.iter().flat_map(|d| d.weekdays.clone()).collect::<Vec<_>>(),
            vec!["mon", "thu", "sat"]
        );
        let vaccines = all(&s.vaccinations);
        assert_eq!(
            codes(&vaccines[0].vaccine),
            vec![("CD-VACCINEINDICATION", "seasonalinfluenza"), ("CD-ATC", "J07BB02")]
        );
        assert_eq!(vaccines[0].occurrence, Occurrence::Date(PartialDate { year: 2021, month: Some(1), day: Some(21) }));
        assert!(s.declared_none.is_empty());
    }

    #[test]
    fn posology_with_an_amount_and_a_number_of_intakes_reads() {
        let s = read("vitalink-evs-5-sumehr-2dot0-posology-and-regimen.xml");
        let medication = all(&s.medication);
        let [durogesic] = medication.as_slice() else { panic!("one line") };
        assert_eq!(durogesic.medicine_text.as_deref(), Some("Durogesic transderm. pleister 10x 50µg/1u"));
        assert_eq!(durogesic.dosage.len(), 4);
        let posology = &durogesic.dosage[0];
        assert_eq!(posology.amount.as_ref().map(|a| (a.value, a.unit.clone())), Some((1.0, Some("00004".into()))));
        assert_eq!(posology.frequency, Some(Frequency { count: 1, period: 1.0, unit: "d".into() }));
        let regimen: Vec<Option<u32>> = durogesic.dosage[1..].iter().map(|d| d.day_number).collect();
        assert_eq!(regimen, vec![Some(1), Some(4), Some(6)]);
        assert_eq!(durogesic.dosage[1].moments.first().and_then(|m| m.code.as_deref()), Some("thehourofsleep"));
    }

    #[test]
    fn a_vaccine_with_only_a_product_and_a_text_reads() {
        let s = read("vitalink-evs-6-sumehr-vaccine-textItem.xml");
        let vaccines = all(&s.vaccinations);
        assert_eq!(vaccines[0].vaccine_text.as_deref(), Some("First injection"));
        assert_eq!(products(&vaccines), vec!["Influvac Tetra 2020-2021 inj. susp. i.m./s.c. [voorgev. spuit] 1x0,5ml"]);
        assert_eq!(s.author, Some(Party::Named("John Doe".into())));
    }

    #[test]
    fn a_null_flavoured_type_without_content_declares_none_and_with_content_reads() {
        let s = read("vitalink-evs-7-with-nullflavor.xml");
        assert_eq!(s.declared_none, vec!["problem", "treatment"]);
        let problems = all(&s.problems);
        assert_eq!(problems.iter().filter_map(|p| p.text.as_deref()).collect::<Vec<_>>(), vec!["depressie"]);
        let treatments = all(&s.treatments);
        assert_eq!(
            treatments.last().and_then(|t| t.text.as_deref()),
            Some("kinesitherapie - edge case: zowel contentals nullflavor")
        );
    }

    #[test]
    fn a_broken_item_is_unreadable_and_the_rest_reads() {
        let Ok(doc) = parse(
            r#"<transaction><id S="ID-KMEHR">1</id><cd S="CD-TRANSACTION">sumehr</cd>
            <item><id S="ID-KMEHR">1</id><cd S="CD-ITEM">problem</cd><content><text>asthma</text></content><beginmoment><date>2021-02-30</date></beginmoment></item>
            <item><id S="ID-KMEHR">2</id><cd S="CD-ITEM">problem</cd></item>
            <item><id S="ID-KMEHR">3</id><cd S="CD-ITEM">problem</cd><content><text>diabetes</text></content></item>
            <item><id S="ID-KMEHR">4</id><cd S="CD-ITEM">allergy</cd></item>
            </transaction>"#,
        ) else {
            panic!("parses")
        };
        let s = read_sumehr(doc.root_element());
        assert!(matches!(s.problems.first(), Some(Item::Unreadable { id: Some(id), .. }) if id == "1/1"));
        assert!(matches!(s.problems.get(1), Some(Item::Unreadable { .. })));
        assert!(matches!(s.problems.get(2), Some(Item::Read(p)) if p.text.as_deref() == Some("diabetes")));
        assert!(matches!(s.allergies.first(), Some(Item::Unreadable { .. })));
    }
}
