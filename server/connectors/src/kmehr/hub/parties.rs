//! Professionals and institutions as the hub messages name them, and their names and
//! roles from the hub's directory (`GetHCParty`).

use std::collections::BTreeMap;

use carnet_core::coding::Coding;
use carnet_core::date::PartialDate;
use carnet_core::exclusion::Exclusions;
use carnet_core::party::{DirectoryEntry, DirectoryQuery, Party};
use carnet_core::policy::{Act, Authorized, Read};
use futures::StreamExt;
use roxmltree::Node;

use super::soap::{CORE, esc};
use super::{CONCURRENT_GETS, HubClient};
use crate::connector::Directory;
use crate::error::ConnectorError;
use crate::kmehr::common::KMEHR;
use crate::xml::{Vocabulary, text_of};

impl HubClient {
    /// Names and roles of professionals by NIHDI number (`GetHCParty`); one that cannot be
    /// looked up keeps its number (it is left out of the map).
    pub(super) async fn names<A: Act>(
        &self,
        proof: &Authorized<A>,
        nihdis: &[String],
    ) -> BTreeMap<String, (String, Option<Coding>)> {
        let mut unique: Vec<String> = nihdis.to_vec();
        unique.sort();
        unique.dedup();
        let lookups = futures::stream::iter(unique)
            .map(|nihdi| async move {
                let body = format!(
                    r#"<c:select><c:hcparty><c:id S="ID-HCPARTY" SV="1.0">{}</c:id></c:hcparty></c:select>"#,
                    esc(&nihdi)
                );
                let found = self
                    .call
                    .read("hcparty", || {
                        self.operation("GetHCParty", proof, &body, |response| Ok(read_hcparty(response)))
                    })
                    .await;
                (nihdi, found)
            })
            .buffer_unordered(CONCURRENT_GETS)
            .collect::<Vec<_>>()
            .await;
        lookups.into_iter().filter_map(|(nihdi, found)| Some((nihdi, found.ok()??))).collect()
    }
}

/// The directory: `GetHCParty` by NIHDI number (as the hub services define it) or by name
/// (a `LOCAL` id of the scheme `name`: the demo hubs' stand-in for the eHealth address
/// book, answered with every match).
#[async_trait::async_trait]
impl Directory for HubClient {
    async fn search(
        &self,
        proof: &Authorized<Read<Exclusions>>,
        query: &DirectoryQuery,
    ) -> Result<Vec<DirectoryEntry>, ConnectorError> {
        let body = directory_select(query);
        let source = self.name.clone();
        self.call
            .read("directory", || {
                self.operation("GetHCParty", proof, &body, |response| Ok(read_directory(response, &source)))
            })
            .await
    }
}

/// The select of a directory search.
fn directory_select(query: &DirectoryQuery) -> String {
    let id = match query {
        DirectoryQuery::Nihdi(nihdi) => format!(r#"<c:id S="ID-HCPARTY" SV="1.0">{}</c:id>"#, esc(nihdi)),
        DirectoryQuery::Name(name) => format!(r#"<c:id S="LOCAL" SL="name" SV="1.0">{}</c:id>"#, esc(name)),
    };
    format!("<c:select><c:hcparty>{id}</c:hcparty></c:select>")
}

/// Every `hcparty` of a `GetHCPartyResponse` with a number and a name, as directory
/// entries of `source` (the page's token is made later, by the portal).
fn read_directory(response: Node, source: &str) -> Vec<DirectoryEntry> {
    CORE.children(&response, "hcparty")
        .filter_map(|party| {
            let nihdi = nihdi_of(&party)?;
            let name = hcparty_name(&party, &CORE)?;
            let place = CORE.children(&party, "address").find_map(|a| KMEHR.child_text(&a, "city"));
            Some(DirectoryEntry {
                token: String::new(),
                nihdi,
                name,
                role: CORE.child(&party, "cd").map(|cd| cd_coding(&cd)),
                place,
                sources: vec![source.to_owned()],
            })
        })
        .collect()
}

/// A `GetHCPartyResponse`: the professional's name and role, if the hub knows them.
fn read_hcparty(response: Node) -> Option<(String, Option<Coding>)> {
    let party = CORE.child(&response, "hcparty")?;
    hcparty_name(&party, &CORE).map(|name| (name, CORE.child(&party, "cd").map(|cd| cd_coding(&cd))))
}

/// The person and the institution of a KMEHR author.
pub(super) fn author_of(author: &Node) -> (Option<Party>, Option<String>) {
    let mut person = None;
    let mut institution = None;
    for party in KMEHR.children(author, "hcparty") {
        let role = KMEHR.child_text(&party, "cd").unwrap_or_default();
        let name = hcparty_name(&party, &KMEHR);
        if is_organisation(&role) {
            institution = institution.or(name);
        } else if person.is_none() {
            person = name.map(Party::Named).or_else(|| {
                KMEHR
                    .children(&party, "id")
                    .find(|i| i.attribute("S") == Some("ID-HCPARTY"))
                    .and_then(|i| text_of(&i))
                    .map(Party::Nihdi)
            });
        }
    }
    (person, institution)
}

/// Is this `CD-HCPARTY` role an organisation or a department (not a person)?
pub(super) fn is_organisation(role: &str) -> bool {
    role.starts_with("org") || role.starts_with("dept")
}

/// "name", else "firstname familyname", of an `hcparty` in the vocabulary `of`.
pub(super) fn hcparty_name(party: &Node, of: &Vocabulary) -> Option<String> {
    if let Some(name) = of.child_text(party, "name") {
        return Some(name);
    }
    match (of.child_text(party, "firstname"), of.child_text(party, "familyname")) {
        (Some(f), Some(l)) => Some(format!("{f} {l}")),
        (f, l) => f.or(l),
    }
}

/// The NIHDI number of a hub services `hcparty`.
pub(super) fn nihdi_of(hcparty: &Node) -> Option<String> {
    CORE.children(hcparty, "id").find(|i| i.attribute("S") == Some("ID-HCPARTY")).and_then(|i| text_of(&i))
}

/// A `cd` element as a coding (its `S`, its text, its `DN`).
pub(super) fn cd_coding(cd: &Node) -> Coding {
    Coding {
        system: cd.attribute("S").map(str::to_owned),
        code: text_of(cd),
        display: cd.attribute("DN").map(str::to_owned),
    }
}

/// The date in an element's text.
pub(super) fn date_of(node: Option<Node>) -> Option<PartialDate> {
    node.and_then(|n| text_of(&n)).and_then(|t| PartialDate::parse(&t))
}

#[cfg(test)]
mod tests {
    use super::super::demo::{self, SOFIE};
    use super::*;

    #[test]
    fn the_directory_names_a_professional_and_an_unknown_number_reads_as_nobody() {
        let ask = |nihdi: &str| {
            let body =
                format!(r#"<c:select><c:hcparty><c:id S="ID-HCPARTY" SV="1.0">{nihdi}</c:id></c:hcparty></c:select>"#);
            demo::read("cozo", "GetHCParty", SOFIE, &body, read_hcparty)
        };
        let Some((name, role)) = ask("10829059004") else { panic!("Dr. Peeters is in CoZo's directory") };
        assert_eq!(name, "Dr. Annelies Peeters");
        assert_eq!(role.and_then(|r| r.code).as_deref(), Some("persphysician"));
        assert_eq!(ask("00000000000"), None);
    }

    #[test]
    fn the_directory_is_searched_by_name_or_by_number() {
        let search = |query: &str| {
            let Ok(query) = DirectoryQuery::parse(query) else { panic!("{query}") };
            demo::read("cozo", "GetHCParty", SOFIE, &directory_select(&query), |r| read_directory(r, "CoZo"))
        };
        let found = search("verbiest");
        let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, vec!["Dr. Katrien Verbiest"]);
        let Some(katrien) = found.first() else { panic!("found") };
        assert_eq!(katrien.nihdi, "13302785580");
        assert_eq!(katrien.place.as_deref(), Some("Leuven"));
        assert_eq!(katrien.role.as_ref().and_then(|r| r.code.as_deref()), Some("persphysician"));
        assert_eq!(katrien.sources, vec!["CoZo".to_owned()]);
        assert!(search("peeters").len() >= 2, "two Peeters in the directory");
        assert_eq!(search("13302785580").len(), 1);
        assert!(search("zzzz").is_empty());
        // What was typed reaches the hub as text, never as markup.
        assert!(search("<c:id>x</c:id>").is_empty());
    }

    #[test]
    fn an_organisation_is_an_institution_and_a_person_without_name_keeps_the_number() {
        let xml = format!(
            r#"<author xmlns="{ns}"><hcparty><id S="ID-HCPARTY" SV="1.0">19876543004</id><cd S="CD-HCPARTY" SV="1.1">persphysician</cd></hcparty><hcparty><cd S="CD-HCPARTY" SV="1.1">orghospital</cd><name>UZ  Leuven
  </name></hcparty></author>"#,
            ns = crate::kmehr::KMEHR_NS
        );
        let Ok(doc) = roxmltree::Document::parse(&xml) else { panic!("test XML") };
        let (person, institution) = author_of(&doc.root_element());
        assert_eq!(person, Some(Party::Nihdi("19876543004".into())));
        assert_eq!(institution.as_deref(), Some("UZ Leuven"), "white space normalised");
    }
}
