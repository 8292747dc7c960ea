//! Professionals and institutions as the hub messages name them, and their names and
//! roles from the hub's directory (`GetHCParty`).

use std::collections::BTreeMap;

use carnet_core::coding::Coding;
use carnet_core::date::PartialDate;
use carnet_core::party::Party;
use carnet_core::policy::{Act, Authorized};
use futures::StreamExt;
use roxmltree::Node;

use super::soap::{CORE, esc};
use super::{CONCURRENT_GETS, HubClient};
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
