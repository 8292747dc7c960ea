//! Text placed in markup (HTML or XML) by hand: one escaper for both.

/// `text` made safe between tags and inside quoted attributes, in HTML and in XML (`&`,
/// `<`, `>`, both quotes).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_cannot_be_closed_or_opened_from_text() {
        assert_eq!(
            super::escape("Note </title><script>x</script> & \"q\" 'a'"),
            "Note &lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39;"
        );
    }
}
