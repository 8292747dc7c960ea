//! The person's transactions at a hub: the list (`GetTransactionList`), one transaction
//! (`GetTransaction`), and the kinds read from them — documents, the latest SumEHR and its
//! allergies, vaccinations, medication — and a document's content.

use carnet_core::allergy::{Allergies, Allergy};
use carnet_core::coding::Coding;
use carnet_core::date::PartialDate;
use carnet_core::document::{DocumentContent, DocumentEntry, DocumentFormat, Documents};
use carnet_core::item::Item;
use carnet_core::medication::{MedicationLine, Medications};
use carnet_core::party::Party;
use carnet_core::policy::{Act, Authorized, Read};
use carnet_core::sumehr::{SumEhr, SumEhrs};
use futures::StreamExt;
use roxmltree::Node;

use super::parties::{author_of, cd_coding, date_of};
use super::soap::{self, CORE, esc};
use super::{CONCURRENT_GETS, HubClient};
use crate::connector::{DocumentFetcher, Reader};
use crate::error::ConnectorError;
use crate::kmehr::message::{KmehrKind, Transaction, TransactionContent, read_kmehrmessage};

/// One line of a transaction list.
#[derive(Debug, Clone, PartialEq)]
pub struct TransactionSummary {
    /// The hub's id for it: `SL~value` of its LOCAL id (or the ID-KMEHR value).
    pub id: String,
    pub kinds: Vec<Coding>,
    pub date: Option<PartialDate>,
    pub author: Option<Party>,
    pub institution: Option<String>,
}

impl TransactionSummary {
    fn into_entry(self) -> DocumentEntry {
        DocumentEntry {
            id: self.id,
            doc_type: self.kinds,
            title: None,
            date: self.date,
            author: self.author,
            institution: self.institution,
            format: DocumentFormat::Kmehr,
            status: None,
            unknown_extensions: Vec::new(),
            withheld: false,
        }
    }
}

/// A fetched transaction: the message as sent (for rendering) and what was read from it.
#[derive(Debug)]
struct Fetched {
    xml: String,
    transactions: Vec<Item<Transaction>>,
}

impl HubClient {
    /// The person's transactions at this hub, optionally of some types only.
    pub async fn transaction_list<A: Act>(
        &self,
        proof: &Authorized<A>,
        kinds: &[&str],
    ) -> Result<Vec<Item<TransactionSummary>>, ConnectorError> {
        self.operation("GetTransactionList", proof, &list_select(proof.subject().expose(), kinds), |response| {
            Ok(read_transaction_list(response))
        })
        .await
    }

    /// One transaction, as the kmehrmessage the hub returns.
    async fn transaction<A: Act>(&self, proof: &Authorized<A>, id: &str) -> Result<Fetched, ConnectorError> {
        let body = format!(
            "<c:select>{}<c:transaction>{}</c:transaction></c:select>",
            soap::patient(proof.subject().expose()),
            transaction_id(id)?
        );
        self.operation("GetTransaction", proof, &body, read_transaction).await
    }

    /// Fetches these transactions, a few at a time, in list order.
    async fn transactions<A: Act>(
        &self,
        proof: &Authorized<A>,
        list: &[TransactionSummary],
    ) -> Result<Vec<Fetched>, ConnectorError> {
        let ids: Vec<String> = list.iter().map(|summary| summary.id.clone()).collect();
        let fetched: Vec<Result<Fetched, ConnectorError>> = futures::stream::iter(ids)
            .map(|id| async move { self.transaction(proof, &id).await })
            .buffered(CONCURRENT_GETS)
            .collect()
            .await;
        fetched.into_iter().collect()
    }

    /// The latest SumEHR, if the hub has one.
    async fn latest_sumehr<A: Act>(&self, proof: &Authorized<A>) -> Result<Vec<Item<SumEhr>>, ConnectorError> {
        let mut list: Vec<TransactionSummary> =
            self.transaction_list(proof, &["sumehr"]).await?.into_iter().filter_map(|s| s.read().cloned()).collect();
        list.sort_by_key(|s| s.date);
        let Some(latest) = list.pop() else { return Ok(Vec::new()) };
        let fetched = self.transaction(proof, &latest.id).await?;
        Ok(fetched
            .transactions
            .into_iter()
            .map(|t| match t {
                Item::Read(t) => match t.content {
                    TransactionContent::SumEhr(sumehr) => Item::Read(sumehr),
                    _ => Item::Unreadable { id: t.id, reason: "not a SumEHR".into() },
                },
                Item::Unreadable { id, reason } => Item::Unreadable { id, reason },
            })
            .collect())
    }

    /// The items `pick` takes from the person's transactions of these types; an unreadable
    /// summary or transaction becomes an unreadable item.
    async fn items_of<A: Act, T>(
        &self,
        proof: &Authorized<A>,
        kinds: &[&str],
        pick: impl Fn(Transaction) -> Vec<Item<T>>,
    ) -> Result<Vec<Item<T>>, ConnectorError> {
        let (list, mut items) = split_summaries(self.transaction_list(proof, kinds).await?);
        for fetched in self.transactions(proof, &list).await? {
            for t in fetched.transactions {
                match t {
                    Item::Read(t) => items.extend(pick(t)),
                    Item::Unreadable { id, reason } => items.push(Item::Unreadable { id, reason }),
                }
            }
        }
        Ok(items)
    }
}

/// The select of a `GetTransactionList`: the patient, and the transaction types if any.
fn list_select(ssin: &str, kinds: &[&str]) -> String {
    let mut select = soap::patient(ssin);
    if !kinds.is_empty() {
        select.push_str("<c:transaction>");
        for kind in kinds {
            select.push_str(&format!(r#"<c:cd S="CD-TRANSACTION" SV="1.0">{}</c:cd>"#, esc(kind)));
        }
        select.push_str("</c:transaction>");
    }
    format!("<c:select>{select}</c:select>")
}

/// A `GetTransactionListResponse`: one summary per listed transaction, in order.
pub(super) fn read_transaction_list(response: Node) -> Vec<Item<TransactionSummary>> {
    let Some(header) = CORE.child(&response, "kmehrheader") else { return Vec::new() };
    CORE.children(&header, "folder")
        .flat_map(|folder| CORE.children(&folder, "transaction").map(|t| read_summary(&t)).collect::<Vec<_>>())
        .collect()
}

/// A `GetTransactionResponse`: the `kmehrmessage` (declared in the hub services core
/// schema; its content is KMEHR) as a document of its own, and what it holds.
fn read_transaction(response: Node) -> Result<Fetched, ConnectorError> {
    let message = CORE.child(&response, "kmehrmessage").ok_or(ConnectorError::NotFound)?;
    let xml = soap::standalone(&message);
    let transactions = read_kmehrmessage(message).transactions;
    Ok(Fetched { xml, transactions })
}

/// `<c:id …>` for a transaction id as [`TransactionSummary::id`] gives it.
pub(super) fn transaction_id(id: &str) -> Result<String, ConnectorError> {
    if id.is_empty() || id.len() > 128 || !id.chars().all(|c| c.is_ascii_alphanumeric() || "-_.~".contains(c)) {
        return Err(ConnectorError::NotFound);
    }
    Ok(match id.split_once('~') {
        Some((sl, value)) => format!(r#"<c:id S="LOCAL" SL="{}" SV="1.0">{}</c:id>"#, esc(sl), esc(value)),
        None => format!(r#"<c:id S="ID-KMEHR" SV="1.0">{}</c:id>"#, esc(id)),
    })
}

/// A transaction without an id cannot be opened: it is "could not read this item".
fn read_summary(transaction: &Node) -> Item<TransactionSummary> {
    let mut local = None;
    let mut kmehr = None;
    for id in CORE.children(transaction, "id") {
        let value = crate::xml::text_of(&id).unwrap_or_default();
        match (id.attribute("S"), id.attribute("SL")) {
            (Some("LOCAL"), Some(sl)) => local = Some(format!("{sl}~{value}")),
            (Some("ID-KMEHR"), _) => kmehr = Some(value),
            _ => {}
        }
    }
    let kinds = CORE.children(transaction, "cd").map(|cd| cd_coding(&cd)).collect();
    let (author, institution) = CORE.child(transaction, "author").map(|a| author_of(&a)).unwrap_or((None, None));
    let Some(id) = local.or(kmehr).filter(|id| !id.is_empty()) else {
        return Item::Unreadable { id: None, reason: "transaction without an id".into() };
    };
    Item::Read(TransactionSummary { id, kinds, date: date_of(CORE.child(transaction, "date")), author, institution })
}

/// The readable summaries, and an unreadable item for each one that could not be read.
fn split_summaries<T>(list: Vec<Item<TransactionSummary>>) -> (Vec<TransactionSummary>, Vec<Item<T>>) {
    let mut read = Vec::new();
    let mut unreadable = Vec::new();
    for summary in list {
        match summary {
            Item::Read(summary) => read.push(summary),
            Item::Unreadable { id, reason } => unreadable.push(Item::Unreadable { id, reason }),
        }
    }
    (read, unreadable)
}

#[async_trait::async_trait]
impl Reader<Documents> for HubClient {
    async fn read(&self, proof: &Authorized<Read<Documents>>) -> Result<Vec<Item<DocumentEntry>>, ConnectorError> {
        self.call
            .read("documents", || async {
                let list = self.transaction_list(proof, &[]).await?;
                Ok(list
                    .into_iter()
                    .map(|summary| match summary {
                        Item::Read(summary) => Item::Read(summary.into_entry()),
                        Item::Unreadable { id, reason } => Item::Unreadable { id, reason },
                    })
                    .collect())
            })
            .await
    }
}

#[async_trait::async_trait]
impl Reader<SumEhrs> for HubClient {
    async fn read(&self, proof: &Authorized<Read<SumEhrs>>) -> Result<Vec<Item<SumEhr>>, ConnectorError> {
        self.call.read("sumehr", || self.latest_sumehr(proof)).await
    }
}

#[async_trait::async_trait]
impl Reader<Allergies> for HubClient {
    /// The allergies of the latest SumEHR.
    async fn read(&self, proof: &Authorized<Read<Allergies>>) -> Result<Vec<Item<Allergy>>, ConnectorError> {
        let sumehrs = self.call.read("allergies", || self.latest_sumehr(proof)).await?;
        Ok(sumehrs
            .into_iter()
            .flat_map(|s| match s {
                Item::Read(sumehr) => sumehr.allergies,
                Item::Unreadable { id, reason } => vec![Item::Unreadable { id, reason }],
            })
            .collect())
    }
}

#[async_trait::async_trait]
impl<K: KmehrKind> Reader<K> for HubClient {
    /// The items of the kind in every transaction of its types (as `kmehr_kinds!` lists them).
    async fn read(&self, proof: &Authorized<Read<K>>) -> Result<Vec<Item<K::Item>>, ConnectorError> {
        let pick = |t: Transaction| match t.content {
            TransactionContent::Items(items) => items
                .into_iter()
                .map(|item| {
                    K::from_any_item(item)
                        .unwrap_or_else(|| Item::Unreadable { id: None, reason: "an item of another kind".into() })
                })
                .collect(),
            _ => vec![Item::Unreadable { id: t.id, reason: format!("not {}", K::SCOPE.as_str()) }],
        };
        self.call.read(K::SCOPE.as_str(), || self.items_of(proof, K::TRANSACTION_TYPES, pick)).await
    }
}

#[async_trait::async_trait]
impl Reader<Medications> for HubClient {
    async fn read(&self, proof: &Authorized<Read<Medications>>) -> Result<Vec<Item<MedicationLine>>, ConnectorError> {
        let pick = |t: Transaction| match t.content {
            TransactionContent::Medication(lines) => lines,
            _ => Vec::new(),
        };
        let kinds = ["medicationscheme", "pharmaceuticalprescription"];
        self.call.read("medication", || self.items_of(proof, &kinds, pick)).await
    }
}

#[async_trait::async_trait]
impl DocumentFetcher for HubClient {
    async fn document(&self, proof: &Authorized<Read<Documents>>, id: &str) -> Result<DocumentContent, ConnectorError> {
        let fetched = self.call.read("document", || self.transaction(proof, id)).await?;
        Ok(document_content(fetched))
    }
}

/// A PDF travels as an attachment of the transaction; otherwise the structured message
/// itself is the document, rendered by the pages.
fn document_content(fetched: Fetched) -> DocumentContent {
    for transaction in fetched.transactions.iter().filter_map(Item::read) {
        if let TransactionContent::Document { attachments, .. } = &transaction.content
            && let Some(pdf) = attachments.iter().find(|a| a.media_type == "application/pdf" && !a.bytes.is_empty())
        {
            return DocumentContent { media_type: pdf.media_type.clone(), bytes: pdf.bytes.clone() };
        }
    }
    DocumentContent { media_type: "application/kmehr+xml".into(), bytes: fetched.xml.into_bytes() }
}

#[cfg(test)]
mod tests {
    use super::super::demo::{self, SOFIE};
    use super::*;

    fn list(hub: &str, ssin: &str, kinds: &[&str]) -> Vec<Item<TransactionSummary>> {
        demo::read(hub, "GetTransactionList", ssin, &list_select(ssin, kinds), read_transaction_list)
    }

    #[test]
    fn the_list_gives_each_transaction_its_id_type_date_and_author() {
        let all = list("cozo", SOFIE, &[]);
        assert!(all.len() >= 3, "Sofie has several transactions at CoZo: {all:?}");
        let read: Vec<&TransactionSummary> = all.iter().filter_map(Item::read).collect();
        assert_eq!(read.len(), all.len(), "every listed transaction has an id");
        for summary in &read {
            assert!(summary.id.contains('~'), "a LOCAL id with its SL: {}", summary.id);
            assert!(transaction_id(&summary.id).is_ok());
            assert!(summary.kinds.iter().any(|k| k.system.as_deref() == Some("CD-TRANSACTION")), "{summary:?}");
            assert!(summary.date.is_some(), "{summary:?}");
        }
        assert!(read.iter().any(|s| s.author.is_some()), "authors are named: {read:?}");
    }

    #[test]
    fn a_filtered_list_holds_only_that_type() {
        let sumehrs = list("cozo", SOFIE, &["sumehr"]);
        assert!(!sumehrs.is_empty());
        for summary in sumehrs.iter().filter_map(Item::read) {
            assert!(summary.kinds.iter().any(|k| k.code.as_deref() == Some("sumehr")), "{summary:?}");
        }
        assert!(list("cozo", "00000000097", &[]).is_empty(), "a person the hub does not know has no transactions");
    }

    #[test]
    fn a_transaction_reads_as_its_message_and_a_listed_one_can_be_fetched() {
        let Some(first) = list("cozo", SOFIE, &["sumehr"]).into_iter().find_map(|s| s.read().cloned()) else {
            panic!("a SumEHR at CoZo")
        };
        let body = format!(
            "<c:select>{}<c:transaction>{}</c:transaction></c:select>",
            soap::patient(SOFIE),
            transaction_id(&first.id).unwrap_or_default()
        );
        let fetched = demo::read("cozo", "GetTransaction", SOFIE, &body, read_transaction);
        let Ok(fetched) = fetched else { panic!("the transaction is there") };
        assert!(fetched.xml.starts_with("<") && fetched.xml.contains("kmehrmessage"));
        assert!(
            fetched
                .transactions
                .iter()
                .filter_map(Item::read)
                .any(|t| matches!(t.content, TransactionContent::SumEhr(_))),
            "{:?}",
            fetched.transactions
        );
        assert_eq!(document_content(fetched).media_type, "application/kmehr+xml");
    }

    #[test]
    fn a_transaction_without_an_id_is_unreadable_and_ids_are_checked_before_use() {
        let xml = format!(
            r#"<c:transaction xmlns:c="{core}"><c:cd S="CD-TRANSACTION" SV="1.0">sumehr</c:cd><c:date>2026-01-02</c:date></c:transaction>"#,
            core = soap::CORE_NS
        );
        let Ok(doc) = roxmltree::Document::parse(&xml) else { panic!("test XML") };
        assert!(matches!(read_summary(&doc.root_element()), Item::Unreadable { id: None, .. }));
        for bad in ["", "a b", "x\"><c:id>", &"a".repeat(129)] {
            assert!(transaction_id(bad).is_err(), "{bad:?} is refused");
        }
        assert_eq!(transaction_id("cozo~42").ok().as_deref(), Some(r#"<c:id S="LOCAL" SL="cozo" SV="1.0">42</c:id>"#));
    }
}
