//! Reads a whole KMEHR message: every transaction, typed by its `CD-TRANSACTION`.
//!
//! - `sumehr` → [`TransactionContent::SumEhr`];
//! - the Vitalink medication schema (a folder with one `medicationscheme` transaction, its
//!   `medicationschemeelement`s and the `treatmentsuspension`s that point at them) → one
//!   [`TransactionContent::Medication`] transaction with every line, suspensions attached to
//!   their line; an element or a suspension on its own (no schema in the folder) reads as a
//!   medication transaction of its own;
//! - `pharmaceuticalprescription` → [`TransactionContent::Medication`], lines prescribed;
//! - `vaccination` (and each transaction type `kmehr_kinds!` lists) →
//!   [`TransactionContent::Items`], its items of that kind;
//! - anything else (notes, reports, results, child prevention, screening, diary notes …) →
//!   [`TransactionContent::Document`]: its attachments and its items, generically.
//!
//! A transaction without a type, with a date that does not read or with an attachment that
//! does not decode becomes [`Item::Unreadable`]; an item likewise, inside its transaction.
//! The others still read. Nothing here logs.

use carnet_core::coding::{Coding, Quantity};
use carnet_core::date::PartialDate;
use carnet_core::document::{DocumentEntry, DocumentFormat};
use carnet_core::item::Item;
use carnet_core::kind::{AnyItem, Kind};
use carnet_core::medication::{MedicationLine, MedicationRecordKind};
use carnet_core::party::Party;
use carnet_core::sumehr::SumEhr;
use roxmltree::Node;
use serde::{Deserialize, Serialize};

use super::common::{
    KMEHR, all_ids, author, boolean, cd_node, coding, content_codes, date, decimal, institution, item_id, item_texts,
    kind_of, kmehr_id, lifecycle, moment, moment_of, parse, text_of, texts,
};
use crate::error::ConnectorError;
use crate::medication::kmehr::{apply_suspension, read_medication_lines, read_suspension_lines};
use crate::sumehr::kmehr::read_sumehr;

/// A KMEHR message: its transactions, in order (the medication schema gathered into one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KmehrMessage {
    pub transactions: Vec<Item<Transaction>>,
}

pub use super::common::LocalizedText;

/// One transaction: a document, a SumEHR, a medication schema, a vaccination …
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transaction {
    /// The id to ask the hub for this transaction with: its hub id (`S="LOCAL"`, with its
    /// `SL` when it has one), else its `ID-KMEHR` id. A Vitalink URI id contains the
    /// patient's national register number: never log it.
    pub id: Option<String>,
    /// What kind of transaction (`CD-TRANSACTION`: "sumehr", "contactreport" …).
    pub kind: Coding,
    /// Its other codes (`CD-TRANSACTION-TYPE`, diary topics `CD-DIARY` …).
    pub codes: Vec<Coding>,
    pub date: Option<PartialDate>,
    /// As sent ("10:56:39").
    pub time: Option<String>,
    /// Who wrote it (the professional rather than the hub or the software).
    pub author: Option<Party>,
    /// The organisation it comes from, when the author works there.
    pub institution: Option<String>,
    /// A title, when the source gives one (the `DN` of its type code).
    pub title: Option<String>,
    pub iscomplete: Option<bool>,
    pub isvalidated: Option<bool>,
    /// Its own texts (`text`, `text-with-layout`): a note's body, a SumEHR's general remark.
    pub texts: Vec<LocalizedText>,
    pub content: TransactionContent,
    /// Items the typed content does not hold (where a vaccine was given …), kept generically.
    pub other_items: Vec<Item<GenericItem>>,
}

/// What a transaction holds, by kind. (A SumEHR is much larger than the other variants; a
/// transaction is read once and moved, so it is not boxed.)
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum TransactionContent {
    SumEhr(SumEhr),
    /// Medication schema lines (suspensions applied), prescription lines, or the lines of a
    /// lone schema element or suspension.
    Medication(Vec<Item<MedicationLine>>),
    /// The items of a kind `kmehr_kinds!` lists (vaccinations …), read by its reader.
    Items(Vec<AnyItem>),
    /// Any other transaction: its attachments (`lnk TYPE="multimedia"`) and its items.
    Document {
        attachments: Vec<Attachment>,
        items: Vec<Item<GenericItem>>,
    },
}

/// A file carried in a transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// What the bytes are: PDF, JPEG, PNG and GIF are recognised by their first bytes (a
    /// source may label a JPEG as a PDF); otherwise the type the source declared.
    pub media_type: String,
    pub title: Option<String>,
    /// The decoded content; empty when the source only gives a URL.
    pub bytes: Vec<u8>,
    /// Where the source says the file is (`lnk URL`); never shown as a link.
    pub url: Option<String>,
}

/// An item Carnet has no typed reader for, kept as its parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GenericItem {
    pub id: Option<String>,
    /// Its type (`CD-ITEM`: "healthcareelement", "encountertype" …).
    pub kind: Coding,
    /// The codes of its contents (and the country where it happened, if it says).
    pub codes: Vec<Coding>,
    /// Its texts, joined by line breaks.
    pub text: Option<String>,
    /// A value in its contents: a number with a unit, a yes/no, a date, a person.
    pub value: Option<ItemValue>,
    /// Its `beginmoment`, else when it was recorded.
    pub date: Option<PartialDate>,
    pub end: Option<PartialDate>,
    /// Its lifecycle, raw.
    pub status: Option<String>,
}

pub use carnet_core::document::ItemValue;

impl Transaction {
    /// The transaction as an entry of a document list.
    pub fn document_entry(&self) -> DocumentEntry {
        let pdf = match &self.content {
            TransactionContent::Document { attachments, .. } => {
                attachments.iter().any(|a| a.media_type == "application/pdf")
            }
            _ => false,
        };
        DocumentEntry {
            id: self.id.clone().unwrap_or_default(),
            doc_type: vec![self.kind.clone()],
            title: self.title.clone(),
            date: self.date,
            author: self.author.clone(),
            institution: self.institution.clone(),
            format: if pdf { DocumentFormat::Pdf } else { DocumentFormat::Kmehr },
            status: None,
            unknown_extensions: Vec::new(),
            withheld: false,
        }
    }
}

// ---- entry points ---------------------------------------------------------------------

/// A KMEHR message as text. Not XML, XML with a DTD, or not a `kmehrmessage` →
/// [`ConnectorError::Malformed`].
pub fn read_message(xml: &str) -> Result<KmehrMessage, ConnectorError> {
    let document = parse(xml)?;
    let root = document.root_element();
    if !KMEHR.is(&root, "kmehrmessage") {
        return Err(ConnectorError::Malformed("not a kmehrmessage".into()));
    }
    Ok(read_kmehrmessage(root))
}

/// The `kmehrmessage` element (as found in a hub's answer).
pub fn read_kmehrmessage(node: Node) -> KmehrMessage {
    let mut transactions = Vec::new();
    let folders: Vec<Node> = KMEHR.children(&node, "folder").collect();
    if folders.is_empty() {
        transactions.extend(read_folder(KMEHR.children(&node, "transaction").collect()));
    }
    for folder in folders {
        transactions.extend(read_folder(KMEHR.children(&folder, "transaction").collect()));
    }
    KmehrMessage { transactions }
}

/// One `transaction` element, on its own (a medication schema element is not joined to its
/// schema here: see [`read_kmehrmessage`]).
pub fn read_transaction(node: Node) -> Item<Transaction> {
    match read(&node) {
        Ok(transaction) => Item::Read(transaction),
        Err(reason) => Item::Unreadable { id: preferred_id(&node), reason },
    }
}

// ---- the kinds read item by item (`kmehr_kinds!`) ---------------------------------------

/// A kind of data read item by item from the transactions that hold it.
pub trait KmehrKind: Kind {
    /// The transaction types (`CD-TRANSACTION`) that hold it.
    const TRANSACTION_TYPES: &'static [&'static str];
}

/// A transaction's items of one kind, and which items those were.
struct KindItems {
    items: Vec<AnyItem>,
    takes: fn(&Node) -> bool,
}

impl KindItems {
    fn takes(&self, item: &Node) -> bool {
        (self.takes)(item)
    }
}

macro_rules! kinds_read {
    ($($variant:ident = $kind:ty: [$($type:literal),+] => items $takes:path, read $read:path;)+) => {
        $(impl KmehrKind for $kind {
            const TRANSACTION_TYPES: &'static [&'static str] = &[$($type),+];
        })+

        /// The items of the kind a transaction of type `code` holds, if it is one of theirs.
        fn read_kind(code: &str, transaction: &Node, tid: Option<&str>) -> Option<KindItems> {
            let items = || KMEHR.descendants(transaction, "item");
            match code {
                $($($type)|+ => {
                    let performer = author(transaction);
                    Some(KindItems {
                        items: items()
                            .filter($takes)
                            .map(|i| <$kind as Kind>::into_any_item($read(&i, tid, performer.clone())))
                            .collect(),
                        takes: $takes,
                    })
                })+
                _ => None,
            }
        }
    };
}

kmehr_kinds!(kinds_read);

// ---- transactions ---------------------------------------------------------------------

fn read(node: &Node) -> Result<Transaction, String> {
    let kind = kind_of(node, "CD-TRANSACTION").ok_or("transaction without CD-TRANSACTION")?;
    let transaction_date = match KMEHR.child_text(node, "date") {
        Some(text) => Some(date(&text).ok_or("transaction date is not a date")?),
        None => None,
    };
    let codes: Vec<Coding> = KMEHR
        .children(node, "cd")
        .filter(|n| n.attribute("S") != Some("CD-TRANSACTION"))
        .filter_map(|n| coding(&n))
        .collect();
    let title = kind.display.clone();
    let transaction_id = kmehr_id(node);
    let tid = transaction_id.as_deref();
    let items = || KMEHR.descendants(node, "item");
    let mut other_items = Vec::new();
    let content = match read_kind(kind.code.as_deref().unwrap_or_default(), node, tid) {
        Some(read) => {
            other_items = items().filter(|i| !read.takes(i)).map(|i| read_generic_item(&i, tid)).collect();
            TransactionContent::Items(read.items)
        }
        None => match kind.code.as_deref() {
            Some("sumehr") => TransactionContent::SumEhr(read_sumehr(*node)),
            Some("medicationscheme") => TransactionContent::Medication(Vec::new()),
            Some("medicationschemeelement") => {
                TransactionContent::Medication(read_medication_lines(*node, MedicationRecordKind::Taken))
            }
            Some("treatmentsuspension") => {
                TransactionContent::Medication(read_suspension_lines(node).into_iter().map(|s| s.line).collect())
            }
            Some("pharmaceuticalprescription") => {
                TransactionContent::Medication(read_medication_lines(*node, MedicationRecordKind::Prescribed))
            }
            _ => TransactionContent::Document {
                attachments: attachments(node)?,
                items: items().map(|i| read_generic_item(&i, tid)).collect(),
            },
        },
    };
    Ok(Transaction {
        id: preferred_id(node),
        kind,
        codes,
        date: transaction_date,
        time: KMEHR.child_text(node, "time"),
        author: author(node),
        institution: institution(node),
        title,
        iscomplete: KMEHR.child_text(node, "iscomplete").and_then(|t| boolean(&t)),
        isvalidated: KMEHR.child_text(node, "isvalidated").and_then(|t| boolean(&t)),
        texts: texts(node),
        content,
        other_items,
    })
}

/// The hub's id for a transaction (`LOCAL` with `SL`, else `LOCAL`), else its `ID-KMEHR`.
fn preferred_id(node: &Node) -> Option<String> {
    let ids: Vec<Node> = KMEHR.children(node, "id").collect();
    let local = |with_sl: bool| {
        ids.iter().find(|n| n.attribute("S") == Some("LOCAL") && n.attribute("SL").is_some() == with_sl)
    };
    local(true).or_else(|| local(false)).and_then(text_of).or_else(|| kmehr_id(node))
}

// ---- the medication schema ------------------------------------------------------------

/// A transaction of a folder, read, with what the schema needs to join it.
struct Entry<'a, 'input> {
    node: Node<'a, 'input>,
    kind: Option<String>,
    transaction: Item<Transaction>,
}

/// The transactions of a folder. Treatment suspensions are applied to the schema element they
/// point at (and dropped once applied); the elements and any suspension left are gathered into
/// the folder's `medicationscheme` transaction, when it has one.
fn read_folder(nodes: Vec<Node>) -> Vec<Item<Transaction>> {
    let mut entries: Vec<Entry> = nodes
        .into_iter()
        .map(|node| Entry {
            node,
            kind: super::common::cd_code(&node, "CD-TRANSACTION"),
            transaction: read_transaction(node),
        })
        .collect();
    apply_suspensions(&mut entries);
    gather_schema(entries)
}

fn is_kind(entry: &Entry, kind: &str) -> bool {
    entry.kind.as_deref() == Some(kind)
}

/// Applies each suspension line to the element it points at. A suspension whose lines were
/// all applied is removed; its other lines stay in it.
fn apply_suspensions(entries: &mut Vec<Entry>) {
    let mut applied_all = Vec::new();
    for index in 0..entries.len() {
        let Some(entry) = entries.get(index) else { continue };
        if !is_kind(entry, "treatmentsuspension") || entry.transaction.is_unreadable() {
            continue;
        }
        let mut left = Vec::new();
        for suspension in read_suspension_lines(&entry.node) {
            let target = suspension.target.as_deref().and_then(|t| {
                entries
                    .iter()
                    .position(|e| is_kind(e, "medicationschemeelement") && all_ids(&e.node).iter().any(|id| id == t))
            });
            match (target.and_then(|t| entries.get_mut(t)), &suspension.line) {
                (Some(Entry { transaction: Item::Read(element), .. }), Item::Read(line)) => {
                    if let TransactionContent::Medication(lines) = &mut element.content {
                        lines
                            .iter_mut()
                            .filter_map(|l| match l {
                                Item::Read(l) => Some(l),
                                Item::Unreadable { .. } => None,
                            })
                            .for_each(|l| apply_suspension(l, line));
                    }
                }
                _ => left.push(suspension.line),
            }
        }
        if let Some(Entry { transaction: Item::Read(t), .. }) = entries.get_mut(index) {
            if left.is_empty() {
                applied_all.push(index);
            }
            t.content = TransactionContent::Medication(left);
        }
    }
    for index in applied_all.into_iter().rev() {
        if index < entries.len() {
            entries.remove(index);
        }
    }
}

/// Moves the lines of the elements and suspensions into the folder's schema transaction.
fn gather_schema(entries: Vec<Entry>) -> Vec<Item<Transaction>> {
    let schema = entries.iter().position(|e| is_kind(e, "medicationscheme") && !e.transaction.is_unreadable());
    let Some(schema) = schema else { return entries.into_iter().map(|e| e.transaction).collect() };
    let mut gathered = Vec::new();
    let mut out = Vec::new();
    let mut schema_at = 0;
    for (index, entry) in entries.into_iter().enumerate() {
        let part_of_schema = is_kind(&entry, "medicationschemeelement") || is_kind(&entry, "treatmentsuspension");
        match (part_of_schema, entry.transaction) {
            (true, Item::Read(t)) => {
                if let TransactionContent::Medication(lines) = t.content {
                    gathered.extend(lines);
                }
            }
            (true, Item::Unreadable { id, reason }) => gathered.push(Item::Unreadable { id, reason }),
            (false, transaction) => {
                if index == schema {
                    schema_at = out.len();
                }
                out.push(transaction);
            }
        }
    }
    if let Some(Item::Read(t)) = out.get_mut(schema_at)
        && let TransactionContent::Medication(lines) = &mut t.content
    {
        lines.extend(gathered);
    }
    out
}

// ---- generic items --------------------------------------------------------------------

fn read_generic_item(item: &Node, transaction_id: Option<&str>) -> Item<GenericItem> {
    let id = item_id(transaction_id, item);
    let read = || -> Result<GenericItem, String> {
        let kind = kind_of(item, "CD-ITEM").ok_or("item without CD-ITEM")?;
        let mut codes = content_codes(item);
        // Where it happened (a vaccination abroad): the country of the item's author.
        codes.extend(
            KMEHR.descendants(item, "country").filter_map(|c| cd_node(&c, "CD-FED-COUNTRY")).filter_map(|n| coding(&n)),
        );
        let texts = item_texts(item);
        let recorded = match KMEHR.child_text(item, "recorddatetime") {
            Some(text) => Some(date(&text).ok_or("recorddatetime is not a date")?),
            None => None,
        };
        Ok(GenericItem {
            id: id.clone(),
            kind,
            codes,
            text: (!texts.is_empty()).then(|| texts.join("\n")),
            value: item_value(item)?,
            date: moment_of(item, "beginmoment")?.or(recorded),
            end: moment_of(item, "endmoment")?,
            status: lifecycle(item),
        })
    };
    match read() {
        Ok(generic) => Item::Read(generic),
        Err(reason) => Item::Unreadable { id, reason },
    }
}

/// The first value in an item's contents: a number (with its unit), a yes/no, a date, a
/// party.
fn item_value(item: &Node) -> Result<Option<ItemValue>, String> {
    for content in KMEHR.children(item, "content") {
        for name in ["decimal", "unsignedInt", "integer"] {
            if let Some(number) = KMEHR.child(&content, name) {
                let value = text_of(&number).and_then(|t| decimal(&t)).ok_or(format!("{name} is not a number"))?;
                let unit =
                    KMEHR.child(&content, "unit").and_then(|u| KMEHR.children(&u, "cd").find_map(|n| text_of(&n)));
                return Ok(Some(ItemValue::Quantity(Quantity { value, unit })));
            }
        }
        if let Some(flag) = KMEHR.child(&content, "boolean") {
            let value = text_of(&flag).and_then(|t| boolean(&t)).ok_or("boolean is not true or false")?;
            return Ok(Some(ItemValue::Boolean(value)));
        }
        if let Some(day) = moment(&content)? {
            return Ok(Some(ItemValue::Date(day)));
        }
        if let Some(party) = content
            .children()
            .find(|n| KMEHR.is(n, "hcparty") || KMEHR.is(n, "person"))
            .and_then(|p| super::common::party(&p))
        {
            return Ok(Some(ItemValue::Party(party)));
        }
    }
    Ok(None)
}

// ---- attachments ----------------------------------------------------------------------

/// The files of a transaction and of its items (`lnk TYPE="multimedia"`).
fn attachments(node: &Node) -> Result<Vec<Attachment>, String> {
    let mut out = Vec::new();
    for lnk in KMEHR.descendants(node, "lnk").filter(|l| l.attribute("TYPE") == Some("multimedia")) {
        let data = lnk.attribute("VALUE").map(str::to_owned).or_else(|| text_of(&lnk)).unwrap_or_default();
        let bytes = crate::base64::decode(&data).ok_or("attachment is not base64")?;
        let declared = lnk.attribute("MEDIATYPE").unwrap_or("application/octet-stream");
        out.push(Attachment {
            media_type: sniff(&bytes).unwrap_or(declared).to_owned(),
            title: None,
            bytes,
            url: lnk.attribute("URL").map(str::to_owned),
        });
    }
    Ok(out)
}

/// The media type of a few formats, by their first bytes.
fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"GIF8") {
        Some("image/gif")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! codes_agree {
        ($($variant:ident = $kind:ty: [$($type:literal),+] => items $takes:path, read $read:path;)+) => {
            /// A transaction a kind is read from holds that kind: the core's content codes must
            /// say so, or a reader with the documents' grant alone could open it as a document.
            #[test]
            fn every_transaction_type_a_kind_is_read_from_names_that_kind_as_content() {
                $($(
                    let coding = Coding { system: Some("CD-TRANSACTION".into()), code: Some($type.into()), display: None };
                    assert_eq!(carnet_core::kind::scope_of_code(&coding), Some(<$kind as Kind>::SCOPE), "{}", $type);
                )+)+
            }
        };
    }

    kmehr_kinds!(codes_agree);
    use carnet_core::medication::LineStatus;

    fn fixture(path: &str) -> KmehrMessage {
        let xml = crate::fixtures::text(&format!("kmehr/{path}"));
        read_message(&xml).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn transactions(message: &KmehrMessage) -> Vec<&Transaction> {
        message
            .transactions
            .iter()
            .map(|t| match t {
                Item::Read(t) => t,
                Item::Unreadable { reason, .. } => panic!("a transaction was not read: {reason}"),
            })
            .collect()
    }

    fn lines(transaction: &Transaction) -> Vec<&MedicationLine> {
        let TransactionContent::Medication(lines) = &transaction.content else { panic!("not medication") };
        lines.iter().filter_map(Item::read).collect()
    }

    fn day(y: i32, m: u8, d: u8) -> Option<PartialDate> {
        Some(PartialDate { year: y, month: Some(m), day: Some(d) })
    }

    #[test]
    fn the_medication_schema_is_one_transaction_with_its_lines() {
        let message = fixture("medicationschema/kmehrtests-ms-RIZIV_01.xml");
        let all = transactions(&message);
        let [schema] = all.as_slice() else { panic!("one transaction, the schema") };
        assert_eq!(schema.kind.code.as_deref(), Some("medicationscheme"));
        assert_eq!(schema.date, day(2020, 6, 10));
        assert_eq!(lines(schema).len(), 5);
        assert_eq!(schema.id.as_deref(), Some("/subject/XXXXXXXXXXX/medication-scheme"));
    }

    #[test]
    fn suspensions_are_attached_to_the_line_they_point_at() {
        let message = fixture("medicationschema/kmehrtests-ms-TS-08-THERAPEUTIC_SUSPENSIONS.xml");
        let all = transactions(&message);
        let [schema] = all.as_slice() else { panic!("one transaction, the schema: {}", all.len()) };
        let lines = lines(schema);
        assert_eq!(lines.len(), 26);
        let drug = |name: &str| {
            *lines.iter().find(|l| l.medicine_text.as_deref() == Some(name)).unwrap_or_else(|| panic!("{name}"))
        };
        let first = drug("Drug 001");
        assert_eq!(first.suspensions.len(), 3);
        assert_eq!(first.status, LineStatus::Active);
        assert!(first.suspensions.iter().all(|s| s.reason.as_deref() == Some("Temporary suspension")));
        let seventh = drug("Drug 007");
        assert_eq!(seventh.status, LineStatus::Stopped);
        assert_eq!(seventh.end, day(2022, 7, 5));
        let eighth = drug("Drug 008");
        assert_eq!(eighth.suspensions.first().map(|s| (s.from, s.until)), Some((day(2022, 7, 2), day(2022, 7, 3))));
        assert_eq!(
            eighth.reason.as_deref(),
            Some("1 temporary suspension and afterwards 1 definitive suspension directly")
        );
        assert!(lines.iter().filter(|l| !l.suspensions.is_empty()).count() >= 20);
    }

    #[test]
    fn suspensions_before_their_line_and_with_a_duration_are_applied() {
        let message = fixture("medicationschema/vitalink-evs-example-kmehrs-2-met-suspensions.xml");
        let all = transactions(&message);
        let [schema] = all.as_slice() else { panic!("one transaction, the schema: {}", all.len()) };
        let lines = lines(schema);
        let mometasone =
            lines.iter().find(|l| l.suspensions.len() == 5).unwrap_or_else(|| panic!("a line with 5 suspensions"));
        let periods: Vec<_> = mometasone.suspensions.iter().map(|s| (s.from, s.until)).collect();
        assert_eq!(periods[1], (day(2019, 3, 1), day(2019, 3, 10)));
        assert_eq!(periods[3], (day(2019, 6, 1), day(2019, 6, 30)));
        assert_eq!(mometasone.suspensions[0].reason.as_deref(), Some("KT84 TS1"));
        assert_eq!(mometasone.medicine.first().and_then(|c| c.code.as_deref()), Some("0119065"));
    }

    #[test]
    fn a_lone_schema_element_is_its_own_medication_transaction() {
        let message = fixture("medicationschema/vitalink-evs-validator-03_valid.xml");
        let all = transactions(&message);
        let [element] = all.as_slice() else { panic!("one transaction") };
        assert_eq!(element.kind.code.as_deref(), Some("medicationschemeelement"));
        assert_eq!(element.institution.as_deref(), Some("organisationName"));
        assert_eq!(lines(element).len(), 1);
    }

    #[test]
    fn a_sumehr_transaction_reads_with_its_general_note() {
        let message = fixture("sumehr/vitalink-evs-4-sumehr-2dot0.xml");
        let all = transactions(&message);
        let [sumehr] = all.as_slice() else { panic!("one transaction") };
        assert!(matches!(sumehr.content, TransactionContent::SumEhr(_)));
        assert_eq!(sumehr.id.as_deref(), Some("/subject/90010100101/sumehr/83517/1"));
        assert_eq!(sumehr.iscomplete, Some(true));
        assert_eq!(
            sumehr.texts.first().map(|t| (t.lang.as_deref(), t.text.as_str())),
            Some((Some("NL"), "Algemene notitie bij deze sumehr: aangebracht door BP voor test"))
        );
    }

    #[test]
    fn a_vaccination_keeps_where_it_was_given() {
        let message = fixture("vaccination/vitalink-evs-vaccination-with-encounterlocation.xml");
        let all = transactions(&message);
        let [vaccination] = all.as_slice() else { panic!("one transaction") };
        let TransactionContent::Items(items) = &vaccination.content else { panic!("vaccinations") };
        assert!(matches!(items.as_slice(), [AnyItem::Vaccinations(Item::Read(_))]), "{items:?}");
        let location = vaccination.other_items.first().and_then(Item::read);
        assert_eq!(location.map(|l| l.kind.code.as_deref()), Some(Some("encounterlocation")));
        assert_eq!(location.and_then(|l| l.codes.first()).and_then(|c| c.code.as_deref()), Some("AU"));
        assert_eq!(vaccination.author, Some(Party::Named("VLAAMS AGENTSCHAP ZORG EN GEZONDHEID".into())));
    }

    #[test]
    fn a_diary_note_is_a_document_with_its_text_images_and_author() {
        let message = fixture("other/vitalink-evs-diarynote-with-redactor.xml");
        let all = transactions(&message);
        let [note] = all.as_slice() else { panic!("one transaction") };
        assert_eq!(note.kind.code.as_deref(), Some("diarynote"));
        assert_eq!(
            note.codes.iter().filter_map(|c| c.code.as_deref()).collect::<Vec<_>>(),
            vec!["medication", "movement", "woundcare"]
        );
        assert_eq!(note.date, day(2019, 11, 28));
        assert_eq!(note.author, Some(Party::Named("John Doe".into())));
        assert_eq!(note.texts.first().map(|t| t.text.as_str()), Some("Test diarynote BP3. ===EVSREF:g06634==="));
        let TransactionContent::Document { attachments, .. } = &note.content else { panic!("document") };
        assert!(!attachments.is_empty());
        assert!(attachments.iter().all(|a| a.media_type == "image/jpeg" && a.bytes.starts_with(&[0xFF, 0xD8])));
        let entry = note.document_entry();
        assert_eq!(entry.format, DocumentFormat::Kmehr);
        assert_eq!(entry.doc_type.first().and_then(|c| c.code.as_deref()), Some("diarynote"));
    }

    #[test]
    fn child_prevention_items_keep_their_values_and_a_mislabelled_image_is_not_a_pdf() {
        let message = fixture("other/vitalink-evs-childprevention-all-types.xml");
        let all = transactions(&message);
        let [record] = all.as_slice() else { panic!("one transaction") };
        assert_eq!(record.author, Some(Party::Named("VLAAMS AGENTSCHAP ZORG EN GEZONDHEID".into())));
        let TransactionContent::Document { attachments, items } = &record.content else { panic!("document") };
        let items: Vec<&GenericItem> = items.iter().filter_map(Item::read).collect();
        assert_eq!(items.len(), 7);
        assert_eq!(
            items[0].codes.first().map(|c| (c.system.as_deref(), c.code.as_deref())),
            Some((Some("LOCAL:CD-ITEM-CR"), Some("pregnancy_duration_in_weeks")))
        );
        assert_eq!(items[0].value, Some(ItemValue::Quantity(Quantity { value: 38.0, unit: Some("week".into()) })));
        assert_eq!(items[1].text.as_deref(), Some("pass"));
        assert_eq!(items[3].value, Some(ItemValue::Boolean(true)));
        // Declared application/pdf, but the bytes are a JPEG.
        assert_eq!(attachments.first().map(|a| a.media_type.as_str()), Some("image/jpeg"));
        assert_eq!(record.document_entry().format, DocumentFormat::Kmehr);
    }

    #[test]
    fn a_screening_result_gives_its_dates_texts_and_flags() {
        let message = fixture("other/vitalink-evs-populationbasedscreening-coloncancer-all-fields.xml");
        let all = transactions(&message);
        let [screening] = all.as_slice() else { panic!("one transaction") };
        assert_eq!(screening.author, Some(Party::Named("CVKO".into())));
        let TransactionContent::Document { items, .. } = &screening.content else { panic!("document") };
        let items: Vec<&GenericItem> = items.iter().filter_map(Item::read).collect();
        let by_code = |code: &str| {
            *items
                .iter()
                .find(|i| i.codes.first().and_then(|c| c.code.as_deref()) == Some(code))
                .unwrap_or_else(|| panic!("{code}"))
        };
        assert_eq!(by_code("screening_type").codes.get(1).and_then(|c| c.code.as_deref()), Some("coloncancer"));
        assert_eq!(
            by_code("screening_year").value,
            Some(ItemValue::Date(PartialDate { year: 2015, month: None, day: None }))
        );
        assert_eq!(by_code("invitation_date").value, day(2015, 11, 10).map(ItemValue::Date));
        assert_eq!(
            by_code("participation_result").text.as_deref(),
            Some("Het resultaat van het bevolkingsonderzoek: Afwijkend")
        );
        assert_eq!(by_code("followup_needed").value, Some(ItemValue::Boolean(true)));
    }

    #[test]
    fn a_patient_file_transfer_gives_its_summary_and_contacts() {
        let message = fixture("other/icure-smf-he.history.xml");
        let all = transactions(&message);
        assert_eq!(
            all.iter().map(|t| t.kind.code.as_deref()).collect::<Vec<_>>(),
            vec![Some("clinicalsummary"), Some("contactreport"), Some("contactreport")]
        );
        let report = all[1];
        assert_eq!(report.date, day(2019, 5, 28));
        assert_eq!(report.author, Some(Party::Named("Emmanuelle Berquin".into())));
        assert_eq!(report.id.as_deref(), Some("c45c13b5-8f6f-4485-9552-04c535896386"));
        let TransactionContent::Document { items, .. } = &report.content else { panic!("document") };
        let items: Vec<&GenericItem> = items.iter().filter_map(Item::read).collect();
        let hypothermia = items.iter().find(|i| i.kind.code.as_deref() == Some("healthcareelement"));
        assert_eq!(hypothermia.and_then(|i| i.text.as_deref()), Some("Hypothermie\ncomcom"));
        assert_eq!(hypothermia.and_then(|i| i.date), day(2019, 5, 28));
        assert_eq!(items.first().and_then(|i| i.value.clone()), day(2019, 5, 28).map(ItemValue::Date));
        let TransactionContent::Document { items, .. } = &all[0].content else { panic!("document") };
        let gmd = items.first().and_then(Item::read);
        assert_eq!(gmd.and_then(|g| g.value.clone()), Some(ItemValue::Party(Party::Named("figac MM".into()))));
    }

    #[test]
    fn a_pdf_attachment_makes_a_pdf_document() {
        let xml = r#"<kmehrmessage xmlns="http://www.ehealth.fgov.be/standards/kmehr/schema/v1"><folder>
            <transaction><id S="ID-KMEHR">1</id><id S="LOCAL" SL="RSW">abc</id><cd S="CD-TRANSACTION" DN="Verslag">contactreport</cd><date>2024-03-01</date>
            <author><hcparty><cd S="CD-HCPARTY">persphysician</cd><firstname>Ann</firstname><familyname>Peeters</familyname></hcparty>
              <hcparty><cd S="CD-HCPARTY">orghospital</cd><name>AZ Sint-Jan</name></hcparty></author>
            <lnk TYPE="multimedia" MEDIATYPE="application/pdf">JVBERi0xLjQK</lnk></transaction></folder></kmehrmessage>"#;
        let Ok(message) = read_message(xml) else { panic!("reads") };
        let all = transactions(&message);
        let [report] = all.as_slice() else { panic!("one") };
        let entry = report.document_entry();
        assert_eq!(entry.id, "abc");
        assert_eq!(entry.format, DocumentFormat::Pdf);
        assert_eq!(entry.title.as_deref(), Some("Verslag"));
        assert_eq!(entry.author, Some(Party::Named("Ann Peeters".into())));
        assert_eq!(entry.institution.as_deref(), Some("AZ Sint-Jan"));
        let TransactionContent::Document { attachments, .. } = &report.content else { panic!("document") };
        assert_eq!(attachments.first().map(|a| a.bytes.as_slice()), Some(b"%PDF-1.4\n".as_slice()));
    }

    #[test]
    fn broken_transactions_and_items_are_unreadable_and_the_rest_reads() {
        let xml = r#"<kmehrmessage xmlns="http://www.ehealth.fgov.be/standards/kmehr/schema/v1"><folder>
            <transaction><id S="ID-KMEHR">1</id><cd S="CD-TRANSACTION">note</cd><date>2024-02-30</date></transaction>
            <transaction><id S="ID-KMEHR">2</id><date>2024-02-01</date></transaction>
            <transaction><id S="ID-KMEHR">3</id><cd S="CD-TRANSACTION">note</cd><date>2024-02-01</date><lnk TYPE="multimedia" MEDIATYPE="application/pdf">**</lnk></transaction>
            <transaction><id S="ID-KMEHR">4</id><cd S="CD-TRANSACTION">note</cd><date>2024-02-01</date>
              <item><id S="ID-KMEHR">1</id><cd S="CD-ITEM">healthcareelement</cd><beginmoment><date>2024-13-01</date></beginmoment></item>
              <item><id S="ID-KMEHR">2</id><content><text>no type</text></content></item>
              <item><id S="ID-KMEHR">3</id><cd S="CD-ITEM">healthcareelement</cd><content><text>fine</text></content></item></transaction>
            </folder></kmehrmessage>"#;
        let Ok(message) = read_message(xml) else { panic!("reads") };
        let t = &message.transactions;
        assert_eq!(t.len(), 4);
        assert!(matches!(t.first(), Some(Item::Unreadable { id: Some(id), .. }) if id == "1"));
        assert!(matches!(t.get(1), Some(Item::Unreadable { .. })));
        assert!(matches!(t.get(2), Some(Item::Unreadable { .. })));
        let Some(Item::Read(Transaction { content: TransactionContent::Document { items, .. }, .. })) = t.get(3) else {
            panic!("read")
        };
        assert!(matches!(items.first(), Some(Item::Unreadable { id: Some(id), .. }) if id == "4/1"));
        assert!(matches!(items.get(1), Some(Item::Unreadable { .. })));
        assert!(matches!(items.get(2), Some(Item::Read(i)) if i.text.as_deref() == Some("fine")));
    }

    #[test]
    fn not_xml_a_dtd_or_another_document_is_malformed() {
        assert!(matches!(read_message("not xml"), Err(ConnectorError::Malformed(_))));
        assert!(matches!(read_message("<other/>"), Err(ConnectorError::Malformed(_))));
        let xxe = r#"<?xml version="1.0"?><!DOCTYPE k [<!ENTITY x SYSTEM "file:///etc/passwd">]><kmehrmessage>&x;</kmehrmessage>"#;
        assert!(read_message(xxe).is_err());
        assert!(matches!(read_message("<kmehrmessage xmlns=\"urn:other\"/>"), Err(ConnectorError::Malformed(_))));
    }
}
