//! Every KMEHR fixture reads: each file under `shared/fixtures/kmehr` (the XML schemas
//! aside), found by walking the tree, so a file added later is covered without touching
//! this test. A `kmehrmessage` goes through `read_message`, a `kmehr-cd` code table through
//! `read_code_list`, the pharmacy data hub's own format (PCDH single message, not KMEHR:
//! `read_message` refuses it) through `read_single_message`. Then: nothing is unreadable,
//! every transaction, line, vaccination and document has what a citizen needs, and a table
//! checks the key values of named files.

use std::collections::BTreeMap;

use carnet_connectors::ConnectorError;
use carnet_connectors::kmehr::codesystem::read_code_list;
use carnet_connectors::kmehr::message::{KmehrMessage, Transaction, TransactionContent, read_message};
use carnet_connectors::pcdh::read_single_message;
use carnet_core::item::Item;
use carnet_core::kind::Kind;
use carnet_core::medication::{MedicationLine, MedicationRecordKind};
use carnet_core::party::Party;
use carnet_core::vaccination::Vaccinations;

use crate::support;

/// Every `.xml` under the KMEHR fixtures, the `xsd` directory aside, by path relative to it.
fn fixtures() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for path in support::fixture_files("kmehr", "xml") {
        let xml = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out.insert(support::relative("kmehr", &path), xml);
    }
    assert!(out.len() >= 30, "the KMEHR fixtures must be there (../shared/fixtures/kmehr): {}", out.len());
    out
}

/// The local name of the root element.
fn root_name(xml: &str) -> String {
    let xml = xml.strip_prefix('\u{feff}').unwrap_or(xml);
    let Ok(doc) = roxmltree::Document::parse(xml) else { panic!("every fixture is XML") };
    doc.root_element().tag_name().name().to_owned()
}

/// The KMEHR messages among the fixtures, read.
fn messages() -> Vec<(String, KmehrMessage)> {
    fixtures()
        .into_iter()
        .filter(|(_, xml)| root_name(xml) == "kmehrmessage")
        .map(|(path, xml)| {
            let message = read_message(&xml).unwrap_or_else(|e| panic!("{path}: {e}"));
            (path, message)
        })
        .collect()
}

/// The PCDH single messages among the fixtures, read: their delivered lines.
fn deliveries() -> Vec<(String, Vec<Item<MedicationLine>>)> {
    fixtures()
        .into_iter()
        .filter(|(_, xml)| root_name(xml) == "single-message")
        .map(|(path, xml)| {
            let lines = read_single_message(&xml).unwrap_or_else(|e| panic!("{path}: {e}"));
            (path, lines)
        })
        .collect()
}

fn read<'a, T>(path: &str, what: &str, item: &'a Item<T>) -> &'a T {
    match item {
        Item::Read(value) => value,
        Item::Unreadable { id, reason } => panic!("{path}: a {what} ({id:?}) was not read: {reason}"),
    }
}

#[test]
fn every_fixture_reads_by_its_kind() {
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for (path, xml) in fixtures() {
        let name = root_name(&xml);
        match name.as_str() {
            "kmehrmessage" => {
                let message = read_message(&xml).unwrap_or_else(|e| panic!("{path}: {e}"));
                assert!(!message.transactions.is_empty(), "{path}: no transaction");
            }
            "kmehr-cd" => {
                let table = read_code_list(&xml).unwrap_or_else(|e| panic!("{path}: {e}"));
                assert!(!table.concepts.is_empty(), "{path}: no code");
                assert!(table.concepts.iter().all(|c| !c.displays.is_empty()), "{path}: a code without a label");
            }
            // The pharmaceutical care data hub's own format (APB SMOA): not KMEHR, read apart.
            "single-message" => {
                assert!(matches!(read_message(&xml), Err(ConnectorError::Malformed(_))), "{path}");
                let lines = read_single_message(&xml).unwrap_or_else(|e| panic!("{path}: {e}"));
                check_deliveries(&path, &lines);
            }
            other => panic!("{path}: a fixture of an unknown kind ({other}): teach this test what to do with it"),
        }
        *kinds.entry(name).or_default() += 1;
    }
    assert!(kinds.get("kmehrmessage").is_some_and(|n| *n >= 25), "{kinds:?}");
}

#[test]
fn nothing_is_unreadable_and_everything_has_what_a_citizen_needs() {
    for (path, message) in messages() {
        for transaction in &message.transactions {
            let t = read(&path, "transaction", transaction);
            assert!(t.kind.code.as_deref().is_some_and(|c| !c.is_empty()), "{path}: a transaction without a kind");
            assert!(t.date.is_some(), "{path}: a transaction without a date");
            for item in &t.other_items {
                read(&path, "item", item);
            }
            check_content(&path, t);
        }
    }
}

/// Every delivered line reads, with a medicine (code or text), a date, a pharmacy.
fn check_deliveries(path: &str, lines: &[Item<MedicationLine>]) {
    assert!(!lines.is_empty(), "{path}: no delivered line");
    for line in lines {
        let line = read(path, "delivered line", line);
        assert_eq!(line.kind, MedicationRecordKind::Delivered, "{path}");
        assert!(!line.medicine.is_empty() || line.medicine_text.is_some(), "{path}: a line without medicine");
        assert!(line.start.is_some(), "{path}: a delivery without date");
        assert!(line.author.is_some(), "{path}: a delivery without pharmacy");
    }
}

fn check_content(path: &str, t: &Transaction) {
    match &t.content {
        TransactionContent::SumEhr(s) => {
            for issue in s.problems.iter().chain(&s.risks).chain(&s.treatments).chain(&s.patient_wills) {
                let issue = read(path, "health issue", issue);
                assert!(!issue.codes.is_empty() || issue.text.is_some(), "{path}: an issue without code or text");
            }
            for allergy in &s.allergies {
                let allergy = read(path, "allergy", allergy);
                assert!(
                    !allergy.substance.is_empty() || allergy.substance_text.is_some(),
                    "{path}: an allergy without substance"
                );
            }
            for line in &s.medication {
                let line = read(path, "medication line", line);
                assert!(!line.medicine.is_empty() || line.medicine_text.is_some(), "{path}: a line without medicine");
            }
            for v in &s.vaccinations {
                let v = read(path, "vaccination", v);
                assert!(
                    !v.vaccine.is_empty() || v.product.is_some() || v.vaccine_text.is_some(),
                    "{path}: a vaccination without vaccine"
                );
            }
        }
        TransactionContent::Medication(lines) => {
            for line in lines {
                let line = read(path, "medication line", line);
                assert!(!line.medicine.is_empty() || line.medicine_text.is_some(), "{path}: a line without medicine");
                assert!(line.start.is_some(), "{path}: a line without start");
            }
        }
        TransactionContent::Items(items) => {
            let vaccinations: Vec<_> = items.iter().cloned().filter_map(Vaccinations::from_any_item).collect();
            assert_eq!(vaccinations.len(), items.len(), "{path}: items of another kind");
            assert!(!vaccinations.is_empty(), "{path}: a vaccination transaction without vaccination");
            for v in &vaccinations {
                let v = read(path, "vaccination", v);
                assert!(
                    !v.vaccine.is_empty() || v.product.is_some() || v.vaccine_text.is_some(),
                    "{path}: a vaccination without vaccine"
                );
                assert!(v.occurrence.date().is_some(), "{path}: a vaccination without date");
            }
        }
        TransactionContent::Document { items, .. } => {
            for item in items {
                read(path, "item", item);
            }
            let entry = t.document_entry();
            assert!(
                !entry.doc_type.is_empty() && entry.date.is_some(),
                "{path}: a document entry without type or date"
            );
            assert!(entry.author.is_some(), "{path}: a document without author");
        }
    }
}

/// The values a citizen would see in a message, as text, to look for in the table below.
fn key_values(message: &KmehrMessage) -> Vec<String> {
    let mut out = Vec::new();
    for t in message.transactions.iter().filter_map(Item::read) {
        out.push(format!("kind:{}", t.kind.code.clone().unwrap_or_default()));
        out.extend(t.date.map(|d| format!("date:{d}")));
        if let Some(Party::Named(name)) = &t.author {
            out.push(format!("author:{name}"));
        }
        out.extend(t.institution.iter().map(|i| format!("institution:{i}")));
        out.extend(t.texts.iter().map(|x| format!("text:{}", x.text)));
        let mut line = |l: &MedicationLine| out.extend(line_values(l));
        match &t.content {
            TransactionContent::Medication(lines) => lines.iter().filter_map(Item::read).for_each(&mut line),
            TransactionContent::SumEhr(s) => {
                s.medication.iter().filter_map(Item::read).for_each(&mut line);
                for issue in s.problems.iter().chain(&s.risks).chain(&s.treatments).filter_map(Item::read) {
                    out.extend(issue.text.iter().map(|x| format!("issue:{x}")));
                }
                for allergy in s.allergies.iter().filter_map(Item::read) {
                    out.extend(allergy.substance_text.iter().map(|x| format!("allergy:{x}")));
                }
                for v in s.vaccinations.iter().filter_map(Item::read) {
                    out.extend(v.product.iter().filter_map(|p| p.display.as_ref()).map(|p| format!("vaccine:{p}")));
                }
                out.extend(s.declared_none.iter().map(|n| format!("none:{n}")));
            }
            TransactionContent::Items(items) => {
                let vaccinations: Vec<_> = items.iter().cloned().filter_map(Vaccinations::from_any_item).collect();
                for v in vaccinations.iter().filter_map(Item::read) {
                    out.extend(v.vaccine.iter().filter_map(|c| c.code.as_ref()).map(|c| format!("vaccine:{c}")));
                    out.extend(v.product.iter().filter_map(|p| p.display.as_ref()).map(|p| format!("vaccine:{p}")));
                    out.extend(v.occurrence.date().map(|d| format!("given:{d}")));
                }
            }
            TransactionContent::Document { attachments, items } => {
                for a in attachments {
                    out.push(format!("attachment:{}:{}", a.media_type, a.bytes.len()));
                }
                for i in items.iter().filter_map(Item::read) {
                    out.extend(i.text.iter().map(|x| format!("item:{x}")));
                    out.extend(i.codes.iter().filter_map(|c| c.code.as_ref()).map(|c| format!("item-code:{c}")));
                }
                out.push(format!("format:{:?}", t.document_entry().format));
            }
        }
    }
    out
}

/// The values a citizen would see in a medication line.
fn line_values(l: &MedicationLine) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(l.medicine_text.iter().map(|m| format!("medicine:{m}")));
    out.extend(l.medicine.iter().filter_map(|c| c.code.as_ref()).map(|c| format!("code:{c}")));
    out.extend(l.dosage.iter().filter_map(|d| d.text.as_ref()).map(|d| format!("posology:{d}")));
    out.extend(
        l.suspensions.iter().map(|s| format!("suspended:{}", s.from.map(|d| d.to_string()).unwrap_or_default())),
    );
    out
}

/// The values a citizen would see in the delivered lines of a PCDH single message.
fn delivery_values(lines: &[Item<MedicationLine>]) -> Vec<String> {
    let mut out = Vec::new();
    for l in lines.iter().filter_map(Item::read) {
        out.extend(line_values(l));
        out.extend(l.start.map(|d| format!("date:{d}")));
        out.extend(l.end.map(|d| format!("end:{d}")));
        out.extend(l.instructions.iter().map(|i| format!("instructions:{i}")));
        if let Some(Party::Nihdi(pharmacy)) = &l.author {
            out.push(format!("pharmacy:{pharmacy}"));
        }
        if let Some(delivery) = &l.delivery {
            if let Some(Party::Named(name)) = &delivery.prescriber {
                out.push(format!("prescriber:{name}"));
            }
            out.extend(delivery.packages.map(|n| format!("packages:{n}")));
            out.extend(delivery.take_from.map(|d| format!("take-from:{d}")));
        }
    }
    out
}

/// (file, number of transactions — of delivered lines for a PCDH single message —, values
/// that must be among its key values).
const EXPECTED: &[(&str, usize, &[&str])] = &[
    (
        "medicationschema/kmehrtests-ms-RIZIV_01.xml",
        1,
        &[
            "kind:medicationscheme",
            "date:2020-06-10",
            "medicine:Pantoprazole EG 40 mg maagsapresist. tabl. 100",
            "code:3303948",
            "medicine:Jardiance 10 mg filmomh. tabl. 100",
        ],
    ),
    (
        "medicationschema/kmehrtests-ms-TS-01-identifiers.xml",
        1,
        &["medicine:simvastatine 40 mg tablet (or.)", "code:30957", "code:1628023", "posology:Free text drug"],
    ),
    ("medicationschema/kmehrtests-ms-TS-02-posologies.xml", 1, &["medicine:Drug n°14", "posology:Take it when needed"]),
    ("medicationschema/kmehrtests-ms-TS-07-BEGIN_END_CONDITIONS.xml", 1, &["medicine:Drug 008"]),
    (
        "medicationschema/kmehrtests-ms-TS-08-THERAPEUTIC_SUSPENSIONS.xml",
        1,
        &["medicine:Drug 026", "suspended:2022-07-04", "suspended:2022-07-03"],
    ),
    ("medicationschema/kmehrtests-ms-TS-15-medicationuse.xml", 1, &["medicine:002", "posology:With medicationuse"]),
    (
        "medicationschema/kmehrtests-ms-Vitalink_Acceptatie_Testdata.xml",
        1,
        &["medicine:Zinnat 500 mg compr. pellic. 20", "code:1557396", "posology:volgens bloedanalyse"],
    ),
    (
        "medicationschema/vitalink-evs-example-kmehrs-2-met-suspensions.xml",
        1,
        &["medicine:Aleve 200 mg (24 tabletten)", "suspended:2019-08-01"],
    ),
    (
        "medicationschema/vitalink-evs-validator-03_valid.xml",
        1,
        &["kind:medicationschemeelement", "author:John Doe", "institution:organisationName", "code:1439561"],
    ),
    (
        "sumehr/ehealth-sumehr-2.0-example.xml",
        1,
        &[
            "kind:sumehr",
            "author:Leonard McCoy",
            "issue:lymfosarcoom",
            "allergy:Intolerance to paracetamol",
            "medicine:ELTHYRONE COMP 100 X 0,025MG",
            "vaccine:HAVRIX 1440 SER INJ IM 1ML",
        ],
    ),
    (
        "sumehr/vitalink-evs-1-sumehr-1dot1-all-parseable.xml",
        1,
        &[
            "date:2006-05-20",
            "medicine:Atenolol, 50mg, oraal",
            "vaccine:ACT HIB VACCIN FL LYOPH+SOLV 0,5ML",
            "allergy:Sociaal-cultureel probleem",
        ],
    ),
    (
        "sumehr/vitalink-evs-3-sumehr-2dot0.xml",
        1,
        &[
            "issue:Hoge bloeddruk",
            "allergy:Penicilline",
            "allergy:Anafylaxie penicilline",
            "issue:Revalidatie kinesitherapie",
        ],
    ),
    (
        "sumehr/vitalink-evs-4-sumehr-2dot0.xml",
        1,
        &[
            "issue:diabetes",
            "allergy:penicillines",
            "medicine:Humira inj. oploss. s.c. [voorgev. pen] 6x 40mg/0,4ml",
            "text:Algemene notitie bij deze sumehr: aangebracht door BP voor test",
        ],
    ),
    (
        "sumehr/vitalink-evs-5-sumehr-2dot0-posology-and-regimen.xml",
        1,
        &["medicine:Durogesic transderm. pleister 10x 50µg/1u", "code:2218253"],
    ),
    (
        "sumehr/vitalink-evs-6-sumehr-vaccine-textItem.xml",
        1,
        &[
            "institution:AZ ZORG EN GEZONDHEID",
            "vaccine:Influvac Tetra 2020-2021 inj. susp. i.m./s.c. [voorgev. spuit] 1x0,5ml",
        ],
    ),
    ("sumehr/vitalink-evs-7-with-nullflavor.xml", 1, &["none:problem", "none:treatment", "issue:depressie"]),
    (
        "vaccination/vitalink-evs-vaccination-no-quantity.xml",
        1,
        &["kind:vaccination", "vaccine:TEDIVAX PRO ADULTO SER INJ 1X 0,5ML"],
    ),
    (
        "vaccination/vitalink-evs-vaccination-with-cdatc-and-batch.xml",
        1,
        &["vaccine:J07BX03", "given:2020-12-15", "author:VLAAMS AGENTSCHAP ZORG EN GEZONDHEID"],
    ),
    (
        "vaccination/vitalink-evs-vaccination-with-encounterlocation.xml",
        1,
        &["vaccine:ALPHARIX TETRA 0,5ML SPUITAMP 2019", "given:2020-08-17"],
    ),
    (
        "vaccination/vitalink-evs-vaccination-with-medicinal-product.xml",
        1,
        &["vaccine:ALPHARIX TETRA 0,5ML SPUITAMP 2019"],
    ),
    ("vaccination/vitalink-evs-vaccination-with-vaccinnetcode.xml", 1, &["vaccine:HBV/AV003"]),
    (
        "other/icure-smf-he.history.xml",
        3,
        &[
            "kind:clinicalsummary",
            "kind:contactreport",
            "item:Hypothermie\ncomcom2",
            "item-code:A88",
            "author:Emmanuelle Berquin",
        ],
    ),
    (
        "other/kmehrtests-pcdh-TS-01-drugs-formats.xml",
        5,
        &[
            "date:2026-08-03",
            "pharmacy:80000551",
            "prescriber:Donald Duck",
            "packages:1",
            "code:1727395",
            "posology:Posology free text",
            "instructions:productCode",
            "medicine:Free text drug",
            "code:0589028",
            "medicine:ERYTHROMYCINE SOL. HYDRO-ALC. 4% FTM2",
            "medicine:ATROVENT MONODOSE 0,25MG/2ML VIALS 20 ad 10 ml; Panadol 1 g comp. 50; GLYCEROL 0.2 gm",
            "medicine:unregisteredProduct",
        ],
    ),
    (
        "other/kmehrtests-pcdh-TS-03-optional-information.xml",
        5,
        &[
            "medicine:administrationInstructions - beginmoment & endmoment",
            "take-from:2023-09-16",
            "end:2024-12-25",
            "instructions:route case",
            "prescriber:Donald Duck",
        ],
    ),
    (
        "other/recipe-sample-prescription.xml",
        1,
        &[
            "kind:pharmaceuticalprescription",
            "medicine:YASMIN DRAG 3 X 21",
            "code:1596915",
            "posology:1 tablet per dag",
            "author:Dr. Duck Donald",
        ],
    ),
    (
        "other/vitalink-evs-childprevention-all-types.xml",
        1,
        &[
            "kind:child-prevention",
            "date:2021-03-17",
            "item-code:pregnancy_duration_in_weeks",
            "item:pass",
            "attachment:image/jpeg:16251",
            "format:Kmehr",
        ],
    ),
    (
        "other/vitalink-evs-diarynote-with-redactor.xml",
        1,
        &[
            "kind:diarynote",
            "date:2019-11-28",
            "author:John Doe",
            "text:Test diarynote BP3. ===EVSREF:g06634===",
            "attachment:image/jpeg:16251",
        ],
    ),
    (
        "other/vitalink-evs-populationbasedscreening-coloncancer-all-fields.xml",
        1,
        &[
            "kind:population-based-screening",
            "date:2001-02-13",
            "author:CVKO",
            "item-code:coloncancer",
            "item:Labo Z",
            "format:Kmehr",
        ],
    ),
];

#[test]
fn named_fixtures_give_their_key_values() {
    let messages: BTreeMap<String, KmehrMessage> = messages().into_iter().collect();
    let deliveries: BTreeMap<String, Vec<Item<MedicationLine>>> = deliveries().into_iter().collect();
    for (path, count, expected) in EXPECTED {
        let (found, values) = match (messages.get(*path), deliveries.get(*path)) {
            (Some(message), _) => (message.transactions.len(), key_values(message)),
            (None, Some(lines)) => (lines.len(), delivery_values(lines)),
            (None, None) => panic!("{path}: not among the fixtures"),
        };
        assert_eq!(found, *count, "{path}: transactions (delivered lines)");
        for value in *expected {
            assert!(values.iter().any(|v| v == value), "{path}: {value:?} not among {values:#?}");
        }
    }
    // At least one row per fixture directory.
    let dirs: std::collections::BTreeSet<&str> = messages.keys().filter_map(|p| p.split('/').next()).collect();
    for dir in dirs {
        assert!(EXPECTED.iter().any(|(p, _, _)| p.starts_with(&format!("{dir}/"))), "no row for {dir}");
    }
}

#[test]
fn a_broken_line_or_transaction_is_unreadable_and_the_rest_still_reads() {
    let files = fixtures();
    let Some(scheme) = files.get("medicationschema/kmehrtests-ms-RIZIV_01.xml") else { panic!("fixture") };
    // One line loses its medicine, another gets a date that does not exist.
    let broken = scheme.replacen("<intendedcd S=\"CD-DRUG-CNK\" SV=\"1.0\">0482554</intendedcd>", "", 1).replacen(
        "<intendedname>Kredex 25 mg tabl. 56</intendedname>",
        "",
        1,
    );
    let Some(at) = broken.find("Trixeo") else { panic!("Trixeo") };
    let (head, tail) = broken.split_at(at);
    let broken = format!("{head}{}", tail.replacen("<date>2020-06-10</date>", "<date>2020-06-31</date>", 1));
    let message = read_message(&broken).unwrap_or_else(|e| panic!("{e}"));
    let [Item::Read(schema)] = message.transactions.as_slice() else { panic!("one schema") };
    let TransactionContent::Medication(lines) = &schema.content else { panic!("medication") };
    assert_eq!(lines.len(), 5);
    assert_eq!(lines.iter().filter(|l| l.is_unreadable()).count(), 2);
    assert!(matches!(lines.get(1), Some(Item::Unreadable { reason, .. }) if reason.contains("medicine")));
    assert!(matches!(lines.get(2), Some(Item::Unreadable { reason, .. }) if reason.contains("date")));
    let read: Vec<&str> = lines.iter().filter_map(Item::read).filter_map(|l| l.medicine_text.as_deref()).collect();
    assert_eq!(
        read,
        vec![
            "Pantoprazole EG 40 mg maagsapresist. tabl. 100",
            "Jardiance 10 mg filmomh. tabl. 100",
            "Tresiba 200 U/ml inj. opl. s.c. voorgev. pen 3 x 3 ml FlexTouch"
        ]
    );

    // In a patient file transfer, one transaction loses its type: it alone is unreadable.
    let Some(history) = files.get("other/icure-smf-he.history.xml") else { panic!("fixture") };
    let broken = history.replacen("<cd S=\"CD-TRANSACTION\" SV=\"1.1\">clinicalsummary</cd>", "", 1);
    let message = read_message(&broken).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(message.transactions.len(), 3);
    assert!(
        matches!(message.transactions.first(), Some(Item::Unreadable { id: Some(id), .. }) if id == "4300670d-cd66-42be-a951-4c81b36b4214")
    );
    assert!(message.transactions.iter().skip(1).all(|t| !t.is_unreadable()));
}
