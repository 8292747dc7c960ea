//! Parsing XML from a source, bounded: no DTD (so no entity is ever expanded, billion
//! laughs or external), at most [`MAX_NODES`] nodes (a hub's answer is also capped at
//! 16 MiB before it is parsed), elements nested at most [`MAX_DEPTH`] deep (deeper
//! nesting overflowed the parser's stack), a byte order mark skipped. Errors say where, never what
//! (no health data).

use roxmltree::{Document, ParsingOptions};

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
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(offset) = bytes[i..].iter().position(|&b| b == b'<') {
        i += offset + 1;
        match bytes.get(i) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(b'!') | Some(b'?') => {}
            Some(_) => {
                // A start tag: does it close itself?
                let end = bytes[i..].iter().position(|&b| b == b'>').map(|p| i + p);
                let self_closing = end.is_some_and(|e| e > 0 && bytes[e - 1] == b'/');
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
