//! Who accessed the person's data at a hub: `GetPatientAuditTrail`.

use carnet_core::access_event::{AccessEvent, AccessEvents};
use carnet_core::coding::Coding;
use carnet_core::date::PartialDate;
use carnet_core::item::Item;
use carnet_core::party::Party;
use carnet_core::policy::{Authorized, Read};
use roxmltree::Node;

use super::HubClient;
use super::parties::{cd_coding, hcparty_name, is_organisation};
use super::soap::{CORE, select_patient};
use crate::connector::Reader;
use crate::error::ConnectorError;
use crate::kmehr::common::KMEHR;

#[async_trait::async_trait]
impl Reader<AccessEvents> for HubClient {
    async fn read(&self, proof: &Authorized<Read<AccessEvents>>) -> Result<Vec<Item<AccessEvent>>, ConnectorError> {
        let body = select_patient(proof.subject().expose());
        let read = || self.operation("GetPatientAuditTrail", proof, &body, |response| Ok(read_audit_trail(response)));
        self.call.read("access-events", read).await
    }
}

/// A `GetPatientAuditTrailResponse`: one event per access, with who (a person by name,
/// else by NIHDI number), their institution, when and which transaction type. An access
/// without a time cannot be read.
fn read_audit_trail(response: Node) -> Vec<Item<AccessEvent>> {
    let Some(list) = CORE.child(&response, "transactionaccesslist") else { return Vec::new() };
    CORE.children(&list, "transactionaccess").map(|access| read_access(&access)).collect()
}

fn read_access(access: &Node) -> Item<AccessEvent> {
    let Some(at) = CORE.child_text(access, "accessdatetime") else {
        return Item::Unreadable { id: None, reason: "access without a time".into() };
    };
    let mut who = Vec::new();
    let mut institution = None;
    let mut role = None;
    for party in CORE.children(access, "hcparty") {
        let organisation = KMEHR.child_text(&party, "cd").is_some_and(|role| is_organisation(&role));
        if !organisation && role.is_none() {
            role = KMEHR.child(&party, "cd").map(|cd| cd_coding(&cd));
        }
        match (organisation, hcparty_name(&party, &KMEHR)) {
            (true, Some(name)) => institution = Some(name),
            (false, Some(name)) => who.push(Party::Named(name)),
            (_, None) => {
                if let Some(nihdi) = KMEHR.child_text(&party, "id") {
                    who.push(Party::Nihdi(nihdi));
                }
            }
        }
    }
    let event: Vec<Coding> = CORE
        .child(access, "transaction")
        .map(|t| CORE.children(&t, "cd").map(|cd| cd_coding(&cd)).collect())
        .unwrap_or_default();
    let what = event.iter().filter_map(|c| c.code.clone()).collect();
    Item::Read(AccessEvent {
        id: None,
        date: PartialDate::parse(&at),
        at: Some(at),
        who,
        role,
        institution,
        event,
        action: Some("R".into()),
        what,
        outcome: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::demo::{self, SOFIE};
    use super::*;

    #[test]
    fn each_access_names_who_where_and_when() {
        let events = demo::read("cozo", "GetPatientAuditTrail", SOFIE, &select_patient(SOFIE), read_audit_trail);
        assert_eq!(events.len(), 5, "{events:?}");
        let read: Vec<&AccessEvent> = events.iter().filter_map(Item::read).collect();
        assert_eq!(read.len(), 5, "the demo's recent access too");
        let Some(katrien) = read.iter().find(|e| e.at.as_deref() == Some("2026-10-21T08:57:30")) else {
            panic!("{read:?}")
        };
        assert_eq!(katrien.who, vec![Party::Named("Dr. Katrien Verbiest".into())]);
        assert_eq!(katrien.institution.as_deref(), Some("UZ Leuven"));
        assert_eq!(katrien.date, PartialDate::parse("2026-10-21"));
    }

    #[test]
    fn an_access_without_a_time_is_unreadable() {
        let xml = format!(
            r#"<p:R xmlns:p="{p}" xmlns:c="{c}"><c:transactionaccesslist><c:transactionaccess/></c:transactionaccesslist></p:R>"#,
            p = super::super::soap::PROTOCOL_NS,
            c = super::super::soap::CORE_NS
        );
        let Ok(doc) = roxmltree::Document::parse(&xml) else { panic!("test XML") };
        assert!(matches!(read_audit_trail(doc.root_element()).as_slice(), [Item::Unreadable { .. }]));
    }
}
