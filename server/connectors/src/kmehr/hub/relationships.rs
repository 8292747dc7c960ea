//! Therapeutic relationships at a hub: `GetTherapeuticLink` (the professionals named
//! through the directory, see `parties.rs`) and `RevokeTherapeuticLink`.

use carnet_core::item::Item;
use carnet_core::party::Party;
use carnet_core::policy::{Act, Authorized, Change, Read};
use carnet_core::relationship::{RelationshipChange, Relationships, TherapeuticLink};
use roxmltree::Node;

use super::HubClient;
use super::parties::{date_of, nihdi_of};
use super::soap::{self, CORE, ack, esc, select_patient, today};
use crate::connector::{Reader, Writer};
use crate::error::ConnectorError;

impl HubClient {
    /// The person's links, each professional named where the directory knows them.
    async fn relationships<A: Act>(&self, proof: &Authorized<A>) -> Result<Vec<Item<TherapeuticLink>>, ConnectorError> {
        let body = select_patient(proof.subject().expose());
        let links = self.operation("GetTherapeuticLink", proof, &body, |response| Ok(read_links(response))).await?;
        let nihdis: Vec<String> = links.iter().filter_map(|l| l.read().and_then(|l| l.id.clone())).collect();
        let names = self.names(proof, &nihdis).await;
        Ok(links
            .into_iter()
            .map(|item| match item {
                Item::Read(mut link) => {
                    if let Some((name, role)) = link.id.as_ref().and_then(|n| names.get(n)) {
                        link.professional = Party::Named(name.clone());
                        link.role = role.clone();
                    }
                    Item::Read(link)
                }
                other => other,
            })
            .collect())
    }
}

#[async_trait::async_trait]
impl Reader<Relationships> for HubClient {
    async fn read(
        &self,
        proof: &Authorized<Read<Relationships>>,
    ) -> Result<Vec<Item<TherapeuticLink>>, ConnectorError> {
        self.call.read("relationships", || self.relationships(proof)).await
    }
}

#[async_trait::async_trait]
impl Writer<Relationships> for HubClient {
    /// Ends the running link with that professional (not found: [`ConnectorError::NotFound`]).
    async fn change(
        &self,
        proof: &Authorized<Change<Relationships>>,
        change: &RelationshipChange,
    ) -> Result<(), ConnectorError> {
        let RelationshipChange::End { nihdi } = change;
        let links = self.call.read("relationships", || self.relationships(proof)).await?;
        let link = links
            .iter()
            .filter_map(Item::read)
            .find(|l| l.id.as_deref() == Some(nihdi.as_str()) && l.end.is_none())
            .ok_or(ConnectorError::NotFound)?;
        let body = end_request(proof.subject().expose(), link, &today());
        self.call.write("relationships", || self.operation("RevokeTherapeuticLink", proof, &body, ack)).await
    }
}

/// A `GetTherapeuticLinkResponse`: one link per professional, by NIHDI number (a link
/// without one cannot be read).
fn read_links(response: Node) -> Vec<Item<TherapeuticLink>> {
    let Some(list) = CORE.child(&response, "therapeuticlinklist") else { return Vec::new() };
    CORE.children(&list, "therapeuticlink")
        .map(|link| {
            let Some(nihdi) = CORE.child(&link, "hcparty").and_then(|h| nihdi_of(&h)) else {
                return Item::Unreadable { id: None, reason: "link without NIHDI number".into() };
            };
            Item::Read(TherapeuticLink {
                id: Some(nihdi.clone()),
                professional: Party::Nihdi(nihdi),
                role: None,
                institution: None,
                kind: CORE.child_text(&link, "cd"),
                start: date_of(CORE.child(&link, "startdate")),
                end: date_of(CORE.child(&link, "enddate")),
            })
        })
        .collect()
}

/// The `<c:therapeuticlink>` that ends `link` on `today`.
fn end_request(ssin: &str, link: &TherapeuticLink, today: &str) -> String {
    format!(
        r#"<c:therapeuticlink>{}<c:hcparty><c:id S="ID-HCPARTY" SV="1.0">{}</c:id></c:hcparty><c:cd S="CD-THERAPEUTICLINKTYPE" SV="1.0">{}</c:cd><c:enddate>{}</c:enddate></c:therapeuticlink>"#,
        soap::patient(ssin),
        esc(link.id.as_deref().unwrap_or_default()),
        esc(link.kind.as_deref().unwrap_or("gpconsultation")),
        esc(today)
    )
}

#[cfg(test)]
mod tests {
    use carnet_core::date::PartialDate;

    use super::super::demo::{self, SOFIE};
    use super::*;

    fn links_at(hub: &carnet_demo_hubs::hub::Hub) -> Vec<TherapeuticLink> {
        let items = demo::read_at(hub, "GetTherapeuticLink", SOFIE, &select_patient(SOFIE), read_links);
        items.into_iter().filter_map(|i| i.read().cloned()).collect()
    }

    #[test]
    fn each_link_has_its_professional_type_and_period() {
        let links = links_at(&demo::hub("cozo"));
        assert_eq!(links.len(), 3, "{links:?}");
        let Some(gp) = links.iter().find(|l| l.id.as_deref() == Some("10829059004")) else { panic!("{links:?}") };
        assert_eq!(gp.professional, Party::Nihdi("10829059004".into()), "named later, through the directory");
        assert_eq!(gp.kind.as_deref(), Some("gpconsultation"));
        assert_eq!(gp.start, PartialDate::parse("2012-01-16"));
        assert_eq!(gp.end, None);
    }

    #[test]
    fn ending_a_link_dates_its_end_at_the_hub() {
        let hub = demo::hub("cozo");
        let Some(gp) = links_at(&hub).into_iter().find(|l| l.id.as_deref() == Some("10829059004")) else {
            panic!("the GP's link")
        };
        demo::read_at(&hub, "RevokeTherapeuticLink", SOFIE, &end_request(SOFIE, &gp, "2026-11-23"), |_| ());
        let after = links_at(&hub);
        let Some(ended) = after.iter().find(|l| l.id.as_deref() == Some("10829059004")) else { panic!("{after:?}") };
        assert_eq!(ended.end, PartialDate::parse("2026-11-23"));
        assert!(after.iter().filter(|l| l.end.is_none()).count() == 2, "the others still run: {after:?}");
    }
}
