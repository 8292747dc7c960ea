//! What an opened document is, for a page: a file the browser shows (PDF, image), or a
//! structured KMEHR transaction or FHIR document turned into sections and lines.

use carnet_core::coding::Coding;
use carnet_core::document::{DocumentBody, DocumentContent, NoteLine};
use carnet_core::item::Item;
use carnet_core::kind::{Kind, RESOURCE_TYPES};
use carnet_core::vaccination::Vaccinations;
use serde_json::Value;

use crate::kmehr::message::{self, KmehrKind, TransactionContent};

/// Reads a document's bytes into what a page shows. Never fails: what cannot be read is
/// [`DocumentBody::Unreadable`], and offered as a download.
pub fn interpret(content: &DocumentContent) -> DocumentBody {
    let media_type = content.media_type.to_ascii_lowercase();
    let essence = media_type.split(';').next().unwrap_or_default().trim().to_owned();
    if essence == "application/pdf" || matches!(essence.as_str(), "image/jpeg" | "image/png" | "image/gif") {
        return DocumentBody::File { media_type: essence };
    }
    let unreadable = || DocumentBody::Unreadable { media_type: essence.clone() };
    let Ok(text) = std::str::from_utf8(&content.bytes) else { return unreadable() };
    if essence.ends_with("xml") {
        return kmehr(text).unwrap_or_else(unreadable);
    }
    if essence.ends_with("json") {
        return fhir(text).unwrap_or_else(unreadable);
    }
    if essence == "text/plain" {
        return DocumentBody::Note { texts: vec![text.trim().to_owned()], lines: Vec::new(), codes: Vec::new() };
    }
    unreadable()
}

/// The first transaction of a KMEHR message (a note says what every transaction in it is:
/// the file holds them all).
fn kmehr(xml: &str) -> Option<DocumentBody> {
    let message = message::read_message(xml).ok()?;
    let codes: Vec<Coding> = message.transactions.iter().filter_map(Item::read).map(|t| t.kind.clone()).collect();
    let transaction = message.transactions.into_iter().find_map(|t| match t {
        Item::Read(t) => Some(t),
        Item::Unreadable { .. } => None,
    })?;
    let texts: Vec<String> = transaction.texts.iter().map(|t| t.text.clone()).collect();
    let other = |items: Vec<Item<message::GenericItem>>| -> Vec<Item<NoteLine>> {
        items
            .into_iter()
            .map(|item| match item {
                Item::Read(g) => {
                    Item::Read(NoteLine { kind: g.kind, codes: g.codes, text: g.text, value: g.value, date: g.date })
                }
                Item::Unreadable { id, reason } => Item::Unreadable { id, reason },
            })
            .collect()
    };
    Some(match transaction.content {
        TransactionContent::SumEhr(sumehr) => DocumentBody::SumEhr(sumehr),
        TransactionContent::Medication(lines) => DocumentBody::Medication(lines),
        TransactionContent::Items(items) => {
            // Vaccinations have a body of their own (their transaction's other items, where a
            // vaccine was given, are not shown in it). Another kind's items have none yet:
            // each is a line that could not be read, never left out in silence, beside the
            // transaction's other items.
            if transaction.kind.code.as_deref().is_some_and(|code| Vaccinations::TRANSACTION_TYPES.contains(&code)) {
                DocumentBody::Vaccinations(
                    items
                        .into_iter()
                        .map(|item| Vaccinations::from_any_item(item).unwrap_or_else(another_kind))
                        .collect(),
                )
            } else {
                let mut lines: Vec<Item<NoteLine>> = items.iter().map(|_| another_kind()).collect();
                lines.extend(other(transaction.other_items));
                DocumentBody::Note { texts, lines, codes }
            }
        }
        TransactionContent::Document { items, .. } => {
            let mut lines = other(items);
            lines.extend(other(transaction.other_items));
            DocumentBody::Note { texts, lines, codes }
        }
    })
}

fn another_kind<T>() -> Item<T> {
    Item::Unreadable { id: None, reason: "an item Carnet cannot show in a document yet".into() }
}

/// A FHIR document Bundle or Composition: each section's title and narrative as text.
fn fhir(json: &str) -> Option<DocumentBody> {
    let value: Value = serde_json::from_str(json).ok()?;
    let composition = match value.get("resourceType").and_then(Value::as_str)? {
        "Composition" => value.clone(),
        "Bundle" => value
            .get("entry")?
            .as_array()?
            .iter()
            .filter_map(|e| e.get("resource"))
            .find(|r| r.get("resourceType").and_then(Value::as_str) == Some("Composition"))?
            .clone(),
        _ => return None,
    };
    // What the document says it holds: the Composition's type, its sections' codes, and
    // the types of the resources the Bundle carries.
    let mut codes: Vec<Coding> = Vec::new();
    let codings = |concept: Option<&Value>| -> Vec<Coding> {
        concept
            .and_then(|c| c.get("coding"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|c| Coding {
                system: c.get("system").and_then(Value::as_str).map(str::to_owned),
                code: c.get("code").and_then(Value::as_str).map(str::to_owned),
                display: None,
            })
            .collect()
    };
    codes.extend(codings(composition.get("type")));
    for section in composition.get("section").and_then(Value::as_array).into_iter().flatten() {
        codes.extend(codings(section.get("code")));
    }
    for resource in value.get("entry").and_then(Value::as_array).into_iter().flatten().filter_map(|e| e.get("resource"))
    {
        if let Some(kind) = resource.get("resourceType").and_then(Value::as_str) {
            codes.push(Coding { system: Some(RESOURCE_TYPES.to_owned()), code: Some(kind.to_owned()), display: None });
        }
    }
    let mut texts = Vec::new();
    if let Some(title) = composition.get("title").and_then(Value::as_str) {
        texts.push(title.to_owned());
    }
    for section in composition.get("section").and_then(Value::as_array).into_iter().flatten() {
        let title = section.get("title").and_then(Value::as_str).unwrap_or_default();
        let body = section.pointer("/text/div").and_then(Value::as_str).map(narrative_text).unwrap_or_default();
        let text = [title, body.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join("\n");
        if !text.is_empty() {
            texts.push(text);
        }
    }
    Some(DocumentBody::Note { texts, lines: Vec::new(), codes })
}

/// The text of an XHTML narrative: tags dropped, block ends become line breaks, the five
/// XML entities decoded. Never rendered as HTML.
fn narrative_text(div: &str) -> String {
    let mut out = String::with_capacity(div.len());
    let mut rest = div;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else { break };
        let tag = rest[start + 1..start + end].trim_start_matches('/').to_ascii_lowercase();
        if ["p", "br", "li", "tr", "div", "h1", "h2", "h3", "h4"]
            .iter()
            .any(|t| tag == *t || tag.starts_with(&format!("{t} ")) || tag.starts_with(&format!("{t}/")))
        {
            out.push('\n');
        }
        rest = &rest[start + end + 1..];
    }
    if !rest.contains('<') {
        out.push_str(rest);
    }
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    decoded.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(media_type: &str, bytes: &[u8]) -> DocumentContent {
        DocumentContent { media_type: media_type.into(), bytes: bytes.to_vec() }
    }

    #[test]
    fn pdfs_and_images_are_files_and_unknown_bytes_are_offered_as_downloads() {
        assert_eq!(
            interpret(&content("application/pdf", b"%PDF-1.4")),
            DocumentBody::File { media_type: "application/pdf".into() }
        );
        assert_eq!(interpret(&content("Image/PNG", b"x")), DocumentBody::File { media_type: "image/png".into() });
        assert_eq!(
            interpret(&content("application/msword", b"x")),
            DocumentBody::Unreadable { media_type: "application/msword".into() }
        );
        assert_eq!(
            interpret(&content("application/kmehr+xml", b"<not-kmehr/>")),
            DocumentBody::Unreadable { media_type: "application/kmehr+xml".into() }
        );
        assert_eq!(
            interpret(&content("text/plain", &[0xff, 0xfe])),
            DocumentBody::Unreadable { media_type: "text/plain".into() }
        );
    }

    #[test]
    fn a_fhir_composition_gives_its_sections_as_plain_text() {
        let json = r#"{"resourceType":"Bundle","type":"document","entry":[{"resource":{"resourceType":"Composition","title":"Discharge letter",
            "section":[{"title":"Findings","text":{"div":"<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Blood pressure &lt; 140</p><p>No <b>fever</b></p></div>"}}]}}]}"#;
        let DocumentBody::Note { texts, lines, .. } = interpret(&content("application/fhir+json", json.as_bytes()))
        else {
            panic!("a note")
        };
        assert!(lines.is_empty());
        assert_eq!(texts, vec!["Discharge letter".to_owned(), "Findings\nBlood pressure < 140\nNo fever".to_owned()]);
    }
}
