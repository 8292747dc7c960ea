//! XML from a source: parsing it, bounded, and finding elements and texts in it the same
//! way in every format (KMEHR, the hub services' SOAP, PCDH).
//!
//! Parsing is bounded: no DTD (so no entity is ever expanded, billion
//! laughs or external), at most [`MAX_NODES`] nodes (a hub's answer is also capped at
//! 16 MiB before it is parsed), elements nested at most [`MAX_DEPTH`] deep (deeper
//! nesting overflowed the parser's stack), a byte order mark skipped. Errors say where, never what
//! (no health data).

use roxmltree::{Document, Node, ParsingOptions};

use crate::error::ConnectorError;

/// The most nodes one answer may have. The largest real KMEHR message in the fixtures has
/// a few thousand; a hub answer with hundreds of transactions stays far below this. Each
/// node costs roxmltree some 60–100 bytes: the limit bounds the tree to tens of MB.
pub const MAX_NODES: u32 = 500_000;

/// The deepest nesting of elements accepted. KMEHR messages nest some 15 levels deep.
pub const MAX_DEPTH: usize = 256;

/// Parses `text` (`what` names the format in the error).
pub(crate) fn parse<'a>(text: &'a str, what: &str) -> Result<Document<'a>, ConnectorError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if nesting_exceeds(text, MAX_DEPTH) {
        return Err(ConnectorError::Malformed(format!("{what} nests elements more than {MAX_DEPTH} deep")));
    }
    let options = ParsingOptions { allow_dtd: false, nodes_limit: MAX_NODES };
    Document::parse_with_options(text, options)
        .map_err(|e| ConnectorError::Malformed(format!("{what} is not well-formed or too large XML: {e}")))
}

/// Does any element nest deeper than `max`? A scan of the tags before parsing (start tags
/// count up, end tags and `/>` down; comments, CDATA, declarations and processing
/// instructions are skipped). Not a validator: it only has to see deep nesting.
fn nesting_exceeds(text: &str, max: usize) -> bool {
    let bytes = text.as_bytes();
    let after = |i: usize| bytes.get(i..).unwrap_or_default();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(offset) = after(i).iter().position(|&b| b == b'<') {
        i += offset + 1;
        match bytes.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b'!') | Some(b'?') => {}
            Some(_) => {
                // A start tag: does it close itself?
                let end = after(i).iter().position(|&b| b == b'>').map(|p| i + p);
                let self_closing = end.is_some_and(|e| e > 0 && bytes.get(e - 1) == Some(&b'/'));
                if !self_closing {
                    depth += 1;
                    if depth > max {
                        return true;
                    }
                }
            }
            None => break,
        }
    }
    false
}

/// The elements of one vocabulary: which namespaces count as its own (`None`: no
/// namespace at all) and whether its element names are matched regardless of case (the
/// pharmacy format's writers differ on case). Every format's readers find elements through
/// one of these, so the matching rules live here once.
pub(crate) struct Vocabulary {
    pub namespaces: &'static [Option<&'static str>],
    pub any_case: bool,
}

impl Vocabulary {
    /// Is `node` this vocabulary's element `name`?
    pub(crate) fn is(&self, node: &Node, name: &str) -> bool {
        if !node.is_element() {
            return false;
        }
        let tag = node.tag_name();
        let named = if self.any_case { tag.name().eq_ignore_ascii_case(name) } else { tag.name() == name };
        named && self.namespaces.contains(&tag.namespace())
    }

    /// The first child element `name`.
    pub(crate) fn child<'a, 'i>(&self, node: &Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
        node.children().find(|n| self.is(n, name))
    }

    /// Every child element `name`, in document order.
    pub(crate) fn children<'a, 'i: 'a, 's: 'a>(
        &'s self,
        node: &Node<'a, 'i>,
        name: &'s str,
    ) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
        node.children().filter(move |n| self.is(n, name))
    }

    /// Every descendant element `name` (not `node` itself), in document order.
    pub(crate) fn descendants<'a, 'i: 'a, 's: 'a>(
        &'s self,
        node: &Node<'a, 'i>,
        name: &'s str,
    ) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
        node.descendants().skip(1).filter(move |n| self.is(n, name))
    }

    /// The first descendant element `name` (not `node` itself).
    pub(crate) fn descendant<'a, 'i>(&self, node: &Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
        node.descendants().skip(1).find(|n| self.is(n, name))
    }

    /// The text of the first child element `name` (see [`text_of`]).
    pub(crate) fn child_text(&self, node: &Node, name: &str) -> Option<String> {
        self.child(node, name).and_then(|n| text_of(&n))
    }
}

/// Runs of white space (line breaks and indentation inside a value) become one space;
/// `None` when nothing is left.
pub(crate) fn normalise(text: &str) -> Option<String> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// The text of an element: all its text, nested markup included, white space normalised;
/// `None` when empty. The one rule for every format.
pub(crate) fn text_of(node: &Node) -> Option<String> {
    let mut all = String::new();
    for piece in node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()) {
        all.push(' ');
        all.push_str(piece);
    }
    normalise(&all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dtd_is_refused_and_no_entity_expanded() {
        let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><kmehrmessage>&lol2;</kmehrmessage>"#;
        assert!(parse(laughs, "KMEHR").is_err());
        let external = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>"#;
        assert!(parse(external, "KMEHR").is_err());
    }

    #[test]
    fn too_many_nodes_are_refused_and_a_bom_is_skipped() {
        let many = format!("<a>{}</a>", "<b/>".repeat(MAX_NODES as usize + 1));
        let error = parse(&many, "KMEHR").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.contains("too large") || error.contains("limit"), "{error}");
        let few = format!("<a>{}</a>", "<b/>".repeat(1000));
        assert!(parse(&few, "KMEHR").is_ok());
        assert!(parse("\u{feff}<a/>", "KMEHR").is_ok());
    }

    #[test]
    fn deep_nesting_is_refused_before_it_reaches_the_parser() {
        let deep = |n: usize| {
            format!("<?xml version=\"1.0\"?><!-- c --><r>{}<b/>{}</r>", "<a x=\"1\">".repeat(n), "</a>".repeat(n))
        };
        assert!(parse(&deep(100_000), "KMEHR").is_err(), "100 000 levels: refused, no stack overflow");
        assert!(parse(&deep(MAX_DEPTH), "KMEHR").is_err());
        assert!(parse(&deep(MAX_DEPTH - 2), "KMEHR").is_ok(), "nesting up to the limit parses");
        // Far more siblings than depth is fine.
        let wide = format!("<r>{}</r>", "<a><b/></a>".repeat(10_000));
        assert!(parse(&wide, "KMEHR").is_ok());
    }
}
