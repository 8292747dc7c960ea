//! The SOAP 1.1 envelope and the common parts of the eHealth hub services v3 messages
//! (`hubservices_core-3_5.xsd`): the request header every call carries, and the
//! response's SOAP fault or negative acknowledgement.

use roxmltree::{Document, Node};

use crate::error::ConnectorError;

pub const SOAP_NS: &str = "http://schemas.xmlsoap.org/soap/envelope/";
pub const PROTOCOL_NS: &str = "http://www.ehealth.fgov.be/hubservices/protocol/v3";
pub const CORE_NS: &str = "http://www.ehealth.fgov.be/hubservices/core/v3";
pub use super::KMEHR_NS;

/// Escapes text for an XML element or attribute.
pub fn esc(text: &str) -> String {
    carnet_core::markup::escape(text)
}

/// Who sends a request: the application (Carnet, by its NIHDI-style id) on behalf of the
/// patient.
#[derive(Debug, Clone)]
pub struct Sender {
    pub application_id: String,
    pub application_name: String,
}

/// A hub services request: `<p:{operation}Request>` with the common `request` header and
/// the operation's own elements (`body`, in the core namespace, prefix `c`).
pub fn request(
    operation: &str,
    sender: &Sender,
    message_id: &str,
    patient_ssin: &str,
    now: (&str, &str),
    body: &str,
) -> String {
    let (date, time) = now;
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8"?>"#,
            r#"<soapenv:Envelope xmlns:soapenv="{soap}"><soapenv:Body>"#,
            r#"<p:{op}Request xmlns:p="{protocol}" xmlns:c="{core}" xmlns:k="{kmehr}">"#,
            r#"<c:request><c:id S="ID-KMEHR" SV="1.0">{id}</c:id><c:author>"#,
            r#"<k:hcparty><k:id S="ID-HCPARTY" SV="1.0">{app_id}</k:id><k:cd S="CD-HCPARTY" SV="1.1">application</k:cd><k:name>{app_name}</k:name></k:hcparty>"#,
            r#"<k:hcparty><k:id S="INSS" SV="1.0">{ssin}</k:id><k:cd S="CD-HCPARTY" SV="1.1">patient</k:cd></k:hcparty>"#,
            r#"</c:author><c:date>{date}</c:date><c:time>{time}</c:time></c:request>"#,
            "{body}</p:{op}Request></soapenv:Body></soapenv:Envelope>"
        ),
        soap = SOAP_NS,
        protocol = PROTOCOL_NS,
        core = CORE_NS,
        kmehr = KMEHR_NS,
        op = operation,
        id = esc(message_id),
        app_id = esc(&sender.application_id),
        app_name = esc(&sender.application_name),
        ssin = esc(patient_ssin),
        date = esc(date),
        time = esc(time),
        body = body,
    )
}

/// `<c:patient><c:id S="INSS" …>` as every select carries it.
pub fn patient(ssin: &str) -> String {
    format!(r#"<c:patient><c:id S="INSS" SV="1.0">{}</c:id></c:patient>"#, esc(ssin))
}

/// Finds the operation's response element in a SOAP answer, after checking for a SOAP
/// fault and for a negative acknowledgement.
pub fn response_body<'a>(document: &'a Document<'a>, operation: &str) -> Result<Node<'a, 'a>, ConnectorError> {
    let envelope = document.root_element();
    if !is(&envelope, SOAP_NS, "Envelope") {
        return Err(ConnectorError::Malformed("not a SOAP envelope".into()));
    }
    let body = child(&envelope, SOAP_NS, "Body")
        .ok_or_else(|| ConnectorError::Malformed("SOAP envelope without Body".into()))?;
    let Some(content) = body.children().find(Node::is_element) else {
        return Err(ConnectorError::Malformed("empty SOAP Body".into()));
    };
    if is(&content, SOAP_NS, "Fault") {
        let code = content.children().find(|n| n.has_tag_name("faultcode")).and_then(|n| n.text()).unwrap_or("").trim();
        // Server faults are worth another try; client faults are not.
        return if code.ends_with("Client") {
            Err(ConnectorError::Rejected(format!("SOAP fault {code}")))
        } else {
            Err(ConnectorError::Status { status: 500, summary: format!("SOAP fault {code}") })
        };
    }
    let expected = format!("{operation}Response");
    if !is(&content, PROTOCOL_NS, &expected) {
        return Err(ConnectorError::Malformed(format!("expected {expected}")));
    }
    if let Some(ack) = child(&content, CORE_NS, "acknowledge") {
        let complete = child(&ack, CORE_NS, "iscomplete").and_then(|n| n.text()).map(str::trim);
        if complete != Some("true") {
            let codes: Vec<String> = ack
                .children()
                .filter(|n| is(n, CORE_NS, "error"))
                .filter_map(|e| {
                    e.children().find(|c| c.has_tag_name((KMEHR_NS, "cd"))).and_then(|c| c.text()).map(str::to_owned)
                })
                .collect();
            return Err(ConnectorError::Rejected(format!("hub acknowledged incomplete [{}]", codes.join(", "))));
        }
    } else {
        return Err(ConnectorError::Malformed("response without acknowledge".into()));
    }
    Ok(content)
}

/// An element as a document of its own: its text with every namespace in scope declared
/// on it (so it can be parsed, stored or shown without its SOAP envelope).
pub fn standalone(node: &Node) -> String {
    let text = &node.document().input_text()[node.range()];
    let Some(end_of_name) = text.find(|c: char| c.is_whitespace() || c == '>' || c == '/') else {
        return text.to_owned();
    };
    let start_tag_end = text.find('>').unwrap_or(text.len());
    let start_tag = &text[..start_tag_end];
    let mut declarations = String::new();
    for ns in node.namespaces() {
        let attribute = match ns.name() {
            Some(prefix) => format!("xmlns:{prefix}="),
            None => "xmlns=".to_owned(),
        };
        if !start_tag.contains(&attribute) {
            declarations.push_str(&format!(" {attribute}\"{}\"", esc(ns.uri())));
        }
    }
    format!("{}{}{}", &text[..end_of_name], declarations, &text[end_of_name..])
}

pub fn is(node: &Node, ns: &str, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(ns)
}

pub fn child<'a, 'input>(node: &Node<'a, 'input>, ns: &str, name: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|n| is(n, ns, name))
}

pub fn children<'a, 'input: 'a>(
    node: &Node<'a, 'input>,
    ns: &'a str,
    name: &'a str,
) -> impl Iterator<Item = Node<'a, 'input>> + 'a {
    node.children().filter(move |n| is(n, ns, name))
}

pub fn text_of(node: Option<Node>) -> Option<String> {
    node.and_then(|n| n.text()).map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sender() -> Sender {
        Sender { application_id: "00000000001".into(), application_name: "Carnet & co".into() }
    }

    #[test]
    fn a_request_is_well_formed_and_escapes_text() {
        let xml = request(
            "GetPatientConsent",
            &sender(),
            "1.2",
            "85041212468",
            ("2026-11-23", "10:00:00"),
            &patient("85041212468"),
        );
        let Ok(doc) = Document::parse(&xml) else { panic!("request must be well-formed XML") };
        assert!(xml.contains("Carnet &amp; co"));
        let body = doc.descendants().find(|n| is(n, PROTOCOL_NS, "GetPatientConsentRequest"));
        assert!(body.is_some());
    }

    #[test]
    fn an_element_taken_out_of_its_envelope_keeps_its_namespaces() {
        let xml = format!(
            r#"<s:Envelope xmlns:s="{SOAP_NS}" xmlns:c="{CORE_NS}"><s:Body><c:kmehrmessage xmlns="{KMEHR_NS}"><header/></c:kmehrmessage></s:Body></s:Envelope>"#
        );
        let Ok(doc) = Document::parse(&xml) else { panic!("test XML") };
        let Some(message) = doc.descendants().find(|n| is(n, CORE_NS, "kmehrmessage")) else { panic!("element") };
        let alone = standalone(&message);
        let Ok(again) = Document::parse(&alone) else { panic!("standalone must parse: {alone}") };
        assert!(is(&again.root_element(), CORE_NS, "kmehrmessage"));
        assert!(again.root_element().children().any(|n| is(&n, KMEHR_NS, "header")));
    }

    #[test]
    fn faults_and_negative_acknowledgements_are_typed() {
        let fault = format!(
            r#"<s:Envelope xmlns:s="{SOAP_NS}"><s:Body><s:Fault><faultcode>s:Server</faultcode><faultstring>busy</faultstring></s:Fault></s:Body></s:Envelope>"#
        );
        let Ok(doc) = Document::parse(&fault) else { panic!("test XML") };
        assert!(matches!(response_body(&doc, "GetTransactionList"), Err(ConnectorError::Status { status: 500, .. })));
        let client = fault.replace("s:Server", "s:Client");
        let Ok(doc) = Document::parse(&client) else { panic!("test XML") };
        assert!(matches!(response_body(&doc, "GetTransactionList"), Err(ConnectorError::Rejected(_))));
        let nack = format!(
            r#"<s:Envelope xmlns:s="{SOAP_NS}"><s:Body><p:GetTransactionListResponse xmlns:p="{PROTOCOL_NS}" xmlns:c="{CORE_NS}" xmlns:k="{KMEHR_NS}"><c:acknowledge><c:iscomplete>false</c:iscomplete><c:error><k:cd S="CD-ERROR" SV="1.0">NO_CONSENT</k:cd></c:error></c:acknowledge></p:GetTransactionListResponse></s:Body></s:Envelope>"#
        );
        let Ok(doc) = Document::parse(&nack) else { panic!("test XML") };
        match response_body(&doc, "GetTransactionList") {
            Err(ConnectorError::Rejected(text)) => assert!(text.contains("NO_CONSENT"), "{text}"),
            other => panic!("expected a rejection, got {other:?}"),
        }
        let wrong = format!(r#"<s:Envelope xmlns:s="{SOAP_NS}"><s:Body><x/></s:Body></s:Envelope>"#);
        let Ok(doc) = Document::parse(&wrong) else { panic!("test XML") };
        assert!(matches!(response_body(&doc, "GetTransactionList"), Err(ConnectorError::Malformed(_))));
    }
}
