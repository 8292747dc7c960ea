//! Reads `DocumentReference` resources (HL7 Belgium core BeDocumentReference) into entries
//! of a document list.
//!
//! The document itself (attachment data or URL) is never exposed here: Carnet serves it
//! through its own route, by the entry's id. So an entry without an id is unreadable.

use carnet_core::coding::Coding;
use carnet_core::date::PartialDate;
use carnet_core::document::{DocumentEntry, DocumentFormat};
use carnet_core::item::Item;
use serde_json::Value;

use crate::fhir::common::{
    Context, Reason, codings_or_text, concepts_at, date, expect_type, object, objects, party, party_label, period,
    str_at, string, unknown_extensions, unreadable,
};

/// Reads one resource that should be a DocumentReference.
pub fn read_document_reference(resource: &Value) -> Item<DocumentEntry> {
    read_document_reference_in(resource, &Context::none())
}

/// Reads a DocumentReference that came in a Bundle: references to other entries resolve.
pub(crate) fn read_document_reference_in<'a>(resource: &'a Value, ctx: &Context<'a>) -> Item<DocumentEntry> {
    match read(resource, ctx) {
        Ok(entry) => Item::Read(entry),
        Err(reason) => unreadable(resource, reason),
    }
}

fn read<'a>(resource: &'a Value, ctx: &Context<'a>) -> Result<DocumentEntry, Reason> {
    expect_type(resource, &["DocumentReference"])?;
    let Some(id) = string(resource, "id")? else { return Err("no id to fetch the document by".into()) };
    let content = objects(resource, "content")?;
    let attachment = content.iter().find_map(|c| c.get("attachment").filter(|a| a.is_object()));
    Ok(DocumentEntry {
        id,
        doc_type: doc_type(resource)?,
        title: string(resource, "description")?.or_else(|| attachment.and_then(|a| str_at(a, "title"))),
        date: document_date(resource, attachment)?,
        author: objects(resource, "author")?.iter().find_map(|a| party(a, resource, ctx)),
        institution: institution(resource, ctx)?,
        format: format(resource, content, attachment),
        status: string(resource, "status")?,
        unknown_extensions: unknown_extensions(resource, &[])?,
        withheld: false,
    })
}

/// The kind of document: the `type` codings, then the `category` codings (deduplicated;
/// a text-only concept is kept as a display).
fn doc_type(resource: &Value) -> Result<Vec<Coding>, Reason> {
    let mut out = object(resource, "type")?.map(codings_or_text).unwrap_or_default();
    for c in concepts_at(resource, "category")? {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    Ok(out)
}

/// When: `date`, else the start of the clinical period, else the attachment's creation.
fn document_date(resource: &Value, attachment: Option<&Value>) -> Result<Option<PartialDate>, Reason> {
    if let Some(d) = date(resource, "date")? {
        return Ok(Some(d));
    }
    if let Some(context) = object(resource, "context")? {
        let (start, _) = period(context, "period").map_err(|e| format!("context.{e}"))?;
        if start.is_some() {
            return Ok(start);
        }
    }
    Ok(attachment.and_then(|a| a.get("creation")).and_then(Value::as_str).and_then(PartialDate::parse))
}

/// The institution: the custodian, else the authenticator (when it is not a person).
fn institution<'a>(resource: &'a Value, ctx: &Context<'a>) -> Result<Option<String>, Reason> {
    for key in ["custodian", "authenticator"] {
        if let Some(found) = object(resource, key)?.and_then(|r| party(r, resource, ctx)).and_then(party_label) {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// The document's format, from the attachment's media type. XML counts as KMEHR when the
/// entry says so (a `format` or type code, or the title, naming KMEHR); other XML and
/// unknown media types are kept raw. No media type at all is `Other("")`.
fn format(resource: &Value, content: &[Value], attachment: Option<&Value>) -> DocumentFormat {
    let media_type = attachment.and_then(|a| str_at(a, "contentType")).unwrap_or_default();
    let essence = media_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    match essence.as_str() {
        "application/pdf" => DocumentFormat::Pdf,
        "application/fhir+json" | "application/fhir+xml" | "application/json+fhir" | "application/xml+fhir" => {
            DocumentFormat::Fhir
        }
        "text/plain" => DocumentFormat::Text,
        "text/xml" | "application/xml" if mentions_kmehr(resource, content) => DocumentFormat::Kmehr,
        _ => DocumentFormat::Other(media_type),
    }
}

/// Whether the entry names KMEHR in its content format, type codes or title.
fn mentions_kmehr(resource: &Value, content: &[Value]) -> bool {
    let mut hints: Vec<String> = content
        .iter()
        .filter_map(|c| c.get("format"))
        .flat_map(|f| [str_at(f, "system"), str_at(f, "code"), str_at(f, "display")])
        .flatten()
        .collect();
    for key in ["type", "category"] {
        let concepts: Vec<&Value> = match resource.get(key) {
            Some(Value::Array(list)) => list.iter().collect(),
            Some(one) => vec![one],
            None => Vec::new(),
        };
        for c in concepts.into_iter().flat_map(codings_or_text) {
            hints.extend([c.system, c.code, c.display].into_iter().flatten());
        }
    }
    hints.extend(str_at(resource, "description"));
    hints.iter().any(|h| h.to_ascii_lowercase().contains("kmehr"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use carnet_core::party::Party;
    use serde_json::json;

    fn read_fixture(name: &str) -> DocumentEntry {
        let json = crate::fixtures::json(&format!("fhir/documentreference/{name}"));
        match read_document_reference(&json) {
            Item::Read(d) => d,
            Item::Unreadable { reason, .. } => panic!("{name} was not read: {reason}"),
        }
    }

    #[test]
    fn the_belgian_examples_give_type_author_format_and_status() {
        for name in [
            "hl7be-core-DocumentReference-documentreferencebinary.json",
            "hl7be-core-DocumentReference-documentreferenceurl.json",
        ] {
            let d = read_fixture(name);
            assert_eq!(d.doc_type.len(), 1, "{name}");
            assert_eq!(d.doc_type[0].code.as_deref(), Some("34108-1"));
            assert_eq!(d.doc_type[0].display.as_deref(), Some("Outpatient Note"));
            assert_eq!(d.author, Some(Party::Unresolved("PractitionerRole/practitionerrole1".into())));
            assert_eq!(d.format, DocumentFormat::Pdf);
            assert_eq!(d.status.as_deref(), Some("current"));
            // These examples carry no date at all (no date, context.period nor creation).
            assert_eq!(d.date, None);
            assert_eq!(d.institution, None);
        }
        assert_eq!(read_fixture("hl7be-core-DocumentReference-documentreferenceurl.json").id, "documentreferenceurl");
    }

    #[test]
    fn date_title_institution_and_kmehr_format_are_read_when_present() {
        let json = json!({
            "resourceType": "DocumentReference", "id": "d1", "status": "current",
            "type": {"coding": [{"system": "https://www.ehealth.fgov.be/standards/kmehr/cd/v1/CD-TRANSACTION", "code": "contactreport"}]},
            "date": "2023-04-05T10:00:00+02:00",
            "custodian": {"display": "AZ Sint-Jan"},
            "author": [{"identifier": {"system": "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi", "value": "10000000001"}}],
            "content": [{"attachment": {"contentType": "text/xml", "title": "Contact report"}}]
        });
        let Item::Read(d) = read_document_reference(&json) else { panic!("should read") };
        assert_eq!(d.date, PartialDate::parse("2023-04-05"));
        assert_eq!(d.title.as_deref(), Some("Contact report"));
        assert_eq!(d.institution.as_deref(), Some("AZ Sint-Jan"));
        assert_eq!(d.author, Some(Party::Nihdi("10000000001".into())));
        assert_eq!(d.format, DocumentFormat::Kmehr);
    }

    #[test]
    fn media_types_map_to_formats() {
        let with = |media: &str| {
            let json = json!({"resourceType": "DocumentReference", "id": "d", "content": [{"attachment": {"contentType": media}}]});
            read_document_reference(&json).read().map(|d| d.format.clone())
        };
        assert_eq!(with("application/pdf"), Some(DocumentFormat::Pdf));
        assert_eq!(with("application/fhir+json; fhirVersion=4.0"), Some(DocumentFormat::Fhir));
        assert_eq!(with("text/plain"), Some(DocumentFormat::Text));
        assert_eq!(with("text/xml"), Some(DocumentFormat::Other("text/xml".into())));
        assert_eq!(with("image/jpeg"), Some(DocumentFormat::Other("image/jpeg".into())));
    }

    #[test]
    fn broken_entries_become_unreadable() {
        let cases = [
            json!({"resourceType": "DocumentReference", "status": "current"}),
            json!({"resourceType": "DocumentReference", "id": "a", "date": 5}),
            json!({"resourceType": "DocumentReference", "id": "b", "content": "x"}),
            json!({"resourceType": "DocumentReference", "id": "c", "type": ["x"]}),
            json!({"resourceType": "Binary", "id": "d"}),
        ];
        for case in cases {
            assert!(read_document_reference(&case).is_unreadable(), "{case}");
        }
    }
}
