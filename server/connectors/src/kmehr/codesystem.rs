//! Reads a KMEHR code table in the `kmehr-cd` XML form (as distributed with iCure and the
//! eHealth KMEHR tables): a `NAME`, a `VERSION`, and `VALUE`s, each a `CODE` with a
//! `DESCRIPTION` per language (`L` = "nl", "fr", "de", "en").
//!
//! The file does not name its KMEHR scheme (`CD-DAYPERIOD` …): the caller knows which table it
//! loaded, so `url` stays empty and `name` is the table's own name ("Dayperiod").

use carnet_core::terminology::{CodeSystem, Concept};
use roxmltree::Node;

use super::common::{KMEHR, parse, text_of};
use crate::error::ConnectorError;

/// A `kmehr-cd` code table. Not XML, or not a `kmehr-cd` → [`ConnectorError::Malformed`].
/// A value without a code is skipped (there is nothing to look up by).
pub fn read_code_list(xml: &str) -> Result<CodeSystem, ConnectorError> {
    let document = parse(xml)?;
    let root = document.root_element();
    if root.tag_name().name() != "kmehr-cd" {
        return Err(ConnectorError::Malformed("not a kmehr-cd code table".into()));
    }
    let concepts = KMEHR.children(&root, "VALUE").filter_map(|value| concept(&value)).collect();
    Ok(CodeSystem { url: None, name: KMEHR.children(&root, "NAME").find_map(|n| text_of(&n)), concepts })
}

fn concept(value: &Node) -> Option<Concept> {
    let code = KMEHR.children(value, "CODE").find_map(|n| text_of(&n))?;
    let displays = KMEHR
        .children(value, "DESCRIPTION")
        .filter_map(|d| Some((d.attribute("L").unwrap_or_default().to_ascii_lowercase(), text_of(&d)?)))
        .collect();
    Some(Concept { code, displays })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dayperiod_table_gives_every_code_in_four_languages() {
        let xml = crate::fixtures::text("kmehr/other/icure-kmehr-cd-CD-DAYPERIOD.xml");
        let Ok(table) = read_code_list(&xml) else { panic!("reads") };
        assert_eq!(table.name.as_deref(), Some("Dayperiod"));
        assert!(table.concepts.len() >= 19, "{}", table.concepts.len());
        let Some(morning) = table.concepts.iter().find(|c| c.code == "morning") else { panic!("morning") };
        let label = |lang: &str| morning.displays.iter().find(|(l, _)| l == lang).map(|(_, t)| t.as_str());
        assert_eq!(
            (label("nl"), label("fr"), label("de"), label("en")),
            (Some("smorgens"), Some("matin"), Some("Vormittag"), Some("morning"))
        );
        let Some(before) = table.concepts.iter().find(|c| c.code == "beforelunch") else { panic!("beforelunch") };
        assert!(
            before.displays.iter().any(|(l, t)| l == "de" && t == "vor dem Mittagessen"),
            "trailing spaces trimmed"
        );
        for concept in &table.concepts {
            assert_eq!(concept.displays.len(), 4, "{}", concept.code);
        }
    }

    #[test]
    fn another_document_is_malformed() {
        assert!(read_code_list("<kmehrmessage/>").is_err());
        assert!(read_code_list("nope").is_err());
        assert!(
            matches!(read_code_list("<kmehr-cd><VALUE><CODE/></VALUE></kmehr-cd>"), Ok(t) if t.concepts.is_empty())
        );
    }
}
