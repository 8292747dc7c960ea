//! Small XML helpers for the demo hubs (they share no code with the connectors).

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use roxmltree::Node;

pub const SOAP_NS: &str = "http://schemas.xmlsoap.org/soap/envelope/";
pub const PROTOCOL_NS: &str = "http://www.ehealth.fgov.be/hubservices/protocol/v3";
pub const CORE_NS: &str = "http://www.ehealth.fgov.be/hubservices/core/v3";
pub const KMEHR_NS: &str = "http://www.ehealth.fgov.be/standards/kmehr/schema/v1";

pub fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

pub fn is(node: &Node, ns: &str, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(ns)
}

pub fn child<'a, 'i>(node: &Node<'a, 'i>, ns: &str, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| is(n, ns, name))
}

pub fn kids<'a, 'i: 'a>(node: &Node<'a, 'i>, ns: &'a str, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    node.children().filter(move |n| is(n, ns, name))
}

pub fn text(node: Option<Node>) -> Option<String> {
    node.and_then(|n| n.text()).map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned)
}

/// An element's source text with every namespace in scope declared on it, so it can be
/// copied into another document.
pub fn standalone(node: &Node) -> String {
    let source = &node.document().input_text()[node.range()];
    let Some(name_end) = source.find(|c: char| c.is_whitespace() || c == '>' || c == '/') else {
        return source.to_owned();
    };
    let start_tag = &source[..source.find('>').unwrap_or(source.len())];
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
    format!("{}{}{}", &source[..name_end], declarations, &source[name_end..])
}

/// The element's children (elements only), each standalone, concatenated: to re-wrap
/// content under an element of another name.
pub fn inner(node: &Node) -> String {
    node.children().filter(Node::is_element).map(|c| standalone(&c)).collect()
}

/// `<prefix:name attrs>` copies of `id`/`cd` elements: same attributes and text, another
/// namespace prefix.
pub fn coded(prefix: &str, node: &Node) -> String {
    let name = node.tag_name().name();
    let mut attrs = String::new();
    for a in node.attributes() {
        if a.namespace().is_none() {
            attrs.push_str(&format!(" {}=\"{}\"", a.name(), esc(a.value())));
        }
    }
    format!("<{prefix}:{name}{attrs}>{}</{prefix}:{name}>", esc(node.text().map(str::trim).unwrap_or("")))
}

/// A SOAP 1.1 fault: `Client` (the request is wrong) or `Server` (the hub failed).
pub fn fault_text(code: &str, reason: &str) -> (StatusCode, String) {
    let body = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="{SOAP_NS}"><soapenv:Body><soapenv:Fault><faultcode>soapenv:{code}</faultcode><faultstring>{}</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>"#,
        esc(reason)
    );
    (StatusCode::INTERNAL_SERVER_ERROR, body)
}

/// A SOAP fault as a response (the faults layer sends these).
pub fn fault(code: &str, reason: &str) -> Response {
    let (status, body) = fault_text(code, reason);
    (status, [(header::CONTENT_TYPE, "text/xml; charset=utf-8")], body).into_response()
}
