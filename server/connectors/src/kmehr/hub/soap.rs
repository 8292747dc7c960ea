//! The SOAP 1.1 envelope and the common parts of the eHealth hub services v3 messages
//! (`hubservices_core-3_5.xsd`): the request header every call carries, and the
//! response's SOAP fault or negative acknowledgement; and the HTTP call that carries them.

use carnet_core::policy::{Act, Authorized};
use roxmltree::{Document, Node};
use secrecy::ExposeSecret;

use super::HubClient;
use crate::call::body as read_body;
use crate::error::ConnectorError;
use crate::kmehr::common::KMEHR;
use crate::xml::{Vocabulary, text_of};

pub const SOAP_NS: &str = "http://schemas.xmlsoap.org/soap/envelope/";
pub const PROTOCOL_NS: &str = "http://www.ehealth.fgov.be/hubservices/protocol/v3";
pub const CORE_NS: &str = "http://www.ehealth.fgov.be/hubservices/core/v3";
pub use crate::kmehr::KMEHR_NS;

/// The SOAP envelope's elements.
pub(crate) const SOAP: Vocabulary = Vocabulary { namespaces: &[Some(SOAP_NS)], any_case: false };
/// The hub services' operations (`GetTransactionListRequest` …).
pub(crate) const PROTOCOL: Vocabulary = Vocabulary { namespaces: &[Some(PROTOCOL_NS)], any_case: false };
/// The hub services' common elements (`select`, `acknowledge`, `transaction` …).
pub(crate) const CORE: Vocabulary = Vocabulary { namespaces: &[Some(CORE_NS)], any_case: false };

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
    if !SOAP.is(&envelope, "Envelope") {
        return Err(ConnectorError::Malformed("not a SOAP envelope".into()));
    }
    let body =
        SOAP.child(&envelope, "Body").ok_or_else(|| ConnectorError::Malformed("SOAP envelope without Body".into()))?;
    let Some(content) = body.children().find(Node::is_element) else {
        return Err(ConnectorError::Malformed("empty SOAP Body".into()));
    };
    if SOAP.is(&content, "Fault") {
        // `faultcode` is unqualified (SOAP 1.1).
        let code =
            content.children().find(|n| n.has_tag_name("faultcode")).and_then(|n| text_of(&n)).unwrap_or_default();
        // Server faults are worth another try; client faults are not.
        return if code.ends_with("Client") {
            Err(ConnectorError::Rejected(format!("SOAP fault {code}")))
        } else {
            Err(ConnectorError::Status { status: 500, summary: format!("SOAP fault {code}") })
        };
    }
    let expected = format!("{operation}Response");
    if !PROTOCOL.is(&content, &expected) {
        return Err(ConnectorError::Malformed(format!("expected {expected}")));
    }
    if let Some(ack) = CORE.child(&content, "acknowledge") {
        let complete = CORE.child_text(&ack, "iscomplete");
        if complete.as_deref() != Some("true") {
            let codes: Vec<String> =
                ack.children().filter(|n| CORE.is(n, "error")).filter_map(|e| KMEHR.child_text(&e, "cd")).collect();
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

// ---- the call -------------------------------------------------------------------------

/// The largest answer read from a hub (before it is parsed).
const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

impl HubClient {
    /// Builds a request (exposed for the XSD validation tests).
    pub fn request_xml(&self, operation: &str, ssin: &str, body: &str) -> String {
        let now = time::OffsetDateTime::now_utc();
        let time = format!("{:02}:{:02}:{:02}", now.hour(), now.minute(), now.second());
        let message_id = format!("{}.{}", self.sender.application_id, now.unix_timestamp_nanos());
        request(operation, &self.sender, &message_id, ssin, (&today(), &time), body)
    }

    /// One SOAP call; the answer's text.
    async fn post<A: Act>(&self, operation: &str, proof: &Authorized<A>, body: &str) -> Result<String, ConnectorError> {
        let xml = self.request_xml(operation, proof.subject().expose(), body);
        let mut request = self
            .http
            .post(self.endpoint.clone())
            .header(reqwest::header::CONTENT_TYPE, "text/xml; charset=utf-8")
            .header("SOAPAction", format!("\"urn:be:fgov:ehealth:hubservices:protocol:v3:{operation}\""))
            .body(xml);
        if let Some(token) = &self.bearer_token {
            request = request.bearer_auth(token.expose_secret());
        }
        let response = request.send().await.map_err(ConnectorError::from_reqwest)?;
        let status = response.status();
        let bytes = read_body(response, MAX_BODY_BYTES).await?;
        let text = String::from_utf8(bytes).map_err(|_| ConnectorError::Malformed("answer is not UTF-8".into()))?;
        // A SOAP fault comes with HTTP 500: read it, it says more than the status.
        if !status.is_success() && !text.contains("Fault>") {
            return Err(ConnectorError::Status { status: status.as_u16(), summary: "no SOAP fault".into() });
        }
        Ok(text)
    }

    /// Calls an operation and reads its response element with `read`.
    pub(super) async fn operation<A: Act, T>(
        &self,
        operation: &str,
        proof: &Authorized<A>,
        body: &str,
        read: impl Fn(Node) -> Result<T, ConnectorError>,
    ) -> Result<T, ConnectorError> {
        let text = self.post(operation, proof, body).await?;
        let document = crate::xml::parse(&text, "the hub's answer")?;
        let response = response_body(&document, operation)?;
        read(response)
    }
}

/// The reading of an answer that carries nothing but its acknowledgement (a write's).
pub(super) fn ack(_: Node) -> Result<(), ConnectorError> {
    Ok(())
}

/// `<c:select><c:patient>…</c:patient></c:select>`, the select of the person's own lists.
pub(super) fn select_patient(ssin: &str) -> String {
    format!("<c:select>{}</c:select>", patient(ssin))
}

/// Today (UTC), as the hub messages carry it (`YYYY-MM-DD`).
pub(super) fn today() -> String {
    let now = time::OffsetDateTime::now_utc();
    format!("{:04}-{:02}-{:02}", now.year(), u8::from(now.month()), now.day())
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
        let body = doc.descendants().find(|n| PROTOCOL.is(n, "GetPatientConsentRequest"));
        assert!(body.is_some());
    }

    #[test]
    fn an_element_taken_out_of_its_envelope_keeps_its_namespaces() {
        let xml = format!(
            r#"<s:Envelope xmlns:s="{SOAP_NS}" xmlns:c="{CORE_NS}"><s:Body><c:kmehrmessage xmlns="{KMEHR_NS}"><header/></c:kmehrmessage></s:Body></s:Envelope>"#
        );
        let Ok(doc) = Document::parse(&xml) else { panic!("test XML") };
        let Some(message) = doc.descendants().find(|n| CORE.is(n, "kmehrmessage")) else { panic!("element") };
        let alone = standalone(&message);
        let Ok(again) = Document::parse(&alone) else { panic!("standalone must parse: {alone}") };
        assert!(CORE.is(&again.root_element(), "kmehrmessage"));
        assert!(again.root_element().children().any(|n| KMEHR.is(&n, "header")));
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
