//! Exclusions at a hub: a professional forbidden to see the record. The hub services know
//! access rights per transaction: `GetAccessRight` over the person's transactions (a
//! `disallow` for a professional on every one is an exclusion from the record),
//! `PutAccessRight` / `RevokeAccessRight` on each transaction to add or lift one. The
//! protocol carries no date for them.

use std::collections::BTreeMap;

use carnet_core::coding::Coding;
use carnet_core::exclusion::{Exclusion, ExclusionChange, Exclusions};
use carnet_core::item::Item;
use carnet_core::party::Party;
use carnet_core::policy::{Authorized, Change, Read};
use roxmltree::Node;

use super::HubClient;
use super::parties::{cd_coding, nihdi_of};
use super::soap::{CORE, ack, esc};
use super::transactions::transaction_id;
use crate::connector::{Reader, Writer};
use crate::error::ConnectorError;

impl HubClient {
    async fn exclusions(&self, proof: &Authorized<Read<Exclusions>>) -> Result<Vec<Item<Exclusion>>, ConnectorError> {
        let list = self.transaction_list(proof, &[]).await?;
        let ids: Vec<&str> = list.iter().filter_map(Item::read).map(|s| s.id.as_str()).collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let select = rights_select(&ids)?;
        let disallowed =
            self.operation("GetAccessRight", proof, &select, |response| Ok(read_disallowed(response))).await?;
        let nihdis: Vec<String> = disallowed.keys().cloned().collect();
        let names = self.names(proof, &nihdis).await;
        Ok(disallowed
            .into_iter()
            .map(|(nihdi, role)| {
                let (professional, role) = match names.get(&nihdi) {
                    Some((name, found_role)) => (Party::Named(name.clone()), found_role.clone().or(role)),
                    None => (Party::Nihdi(nihdi.clone()), role),
                };
                Item::Read(Exclusion {
                    id: Some(nihdi),
                    professional,
                    role,
                    institution: None,
                    since: None,
                    until: None,
                })
            })
            .collect())
    }
}

#[async_trait::async_trait]
impl Reader<Exclusions> for HubClient {
    async fn read(&self, proof: &Authorized<Read<Exclusions>>) -> Result<Vec<Item<Exclusion>>, ConnectorError> {
        self.call.read("exclusions", || self.exclusions(proof)).await
    }
}

#[async_trait::async_trait]
impl Writer<Exclusions> for HubClient {
    /// One access right per transaction; putting or revoking one twice is harmless, so a
    /// partial failure can simply be tried again by the citizen.
    async fn change(
        &self,
        proof: &Authorized<Change<Exclusions>>,
        change: &ExclusionChange,
    ) -> Result<(), ConnectorError> {
        let list = self.call.read("documents", || self.transaction_list(proof, &[])).await?;
        for summary in list.iter().filter_map(Item::read) {
            let (operation, body) = change_request(&summary.id, change)?;
            self.call.write("exclusions", || self.operation(operation, proof, &body, ack)).await?;
        }
        Ok(())
    }
}

/// The select of a `GetAccessRight` over these transactions.
fn rights_select(ids: &[&str]) -> Result<String, ConnectorError> {
    let mut select = String::from("<c:select><c:transaction>");
    for id in ids {
        select.push_str(&transaction_id(id)?);
    }
    select.push_str("</c:transaction></c:select>");
    Ok(select)
}

/// A `GetAccessRightResponse`: each professional with a `disallow`, by NIHDI number, with
/// the role the hub gave.
fn read_disallowed(response: Node) -> BTreeMap<String, Option<Coding>> {
    let mut out = BTreeMap::new();
    let Some(rights) = CORE.child(&response, "accessrightlist") else { return out };
    for right in CORE.children(&rights, "accessright") {
        if CORE.child_text(&right, "cd").as_deref() != Some("disallow") {
            continue;
        }
        let Some(party) = CORE.child(&right, "hcparty") else { continue };
        let Some(nihdi) = nihdi_of(&party) else { continue };
        out.entry(nihdi).or_insert_with(|| CORE.child(&party, "cd").map(|cd| cd_coding(&cd)));
    }
    out
}

/// The operation and `<c:accessright>` of a change on one transaction.
fn change_request(transaction: &str, change: &ExclusionChange) -> Result<(&'static str, String), ConnectorError> {
    let (nihdi, add) = match change {
        ExclusionChange::Add { nihdi } => (nihdi, true),
        ExclusionChange::Lift { nihdi } => (nihdi, false),
    };
    let party = format!(
        r#"<c:hcparty><c:id S="ID-HCPARTY" SV="1.0">{}</c:id><c:cd S="CD-HCPARTY" SV="1.1">persphysician</c:cd></c:hcparty>"#,
        esc(nihdi)
    );
    let transaction = format!("<c:transaction>{}</c:transaction>", transaction_id(transaction)?);
    Ok(if add {
        (
            "PutAccessRight",
            format!(
                r#"<c:accessright>{transaction}{party}<c:cd S="CD-ACCESSRIGHT" SV="1.0">disallow</c:cd></c:accessright>"#
            ),
        )
    } else {
        ("RevokeAccessRight", format!("<c:accessright>{transaction}{party}</c:accessright>"))
    })
}

#[cfg(test)]
mod tests {
    use super::super::demo::{self, SOFIE};
    use super::super::transactions::read_transaction_list;
    use super::*;

    fn sofies_transactions(hub: &carnet_demo_hubs::hub::Hub) -> Vec<String> {
        let select = format!("<c:select>{}</c:select>", super::super::soap::patient(SOFIE));
        let list = demo::read_at(hub, "GetTransactionList", SOFIE, &select, read_transaction_list);
        list.into_iter().filter_map(|i| i.read().map(|s| s.id.clone())).collect()
    }

    fn disallowed_at(hub: &carnet_demo_hubs::hub::Hub, ids: &[String]) -> BTreeMap<String, Option<Coding>> {
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        let Ok(select) = rights_select(&ids) else { panic!("ids from the hub are valid") };
        demo::read_at(hub, "GetAccessRight", SOFIE, &select, read_disallowed)
    }

    #[test]
    fn an_added_exclusion_is_read_back_then_lifted() {
        let hub = demo::hub("cozo");
        let ids = sofies_transactions(&hub);
        assert!(!ids.is_empty());
        assert!(disallowed_at(&hub, &ids).is_empty(), "Sofie excludes nobody at CoZo: {:?}", disallowed_at(&hub, &ids));
        let nihdi = "19876543004".to_owned();
        for id in &ids {
            let Ok((operation, body)) = change_request(id, &ExclusionChange::Add { nihdi: nihdi.clone() }) else {
                panic!("{id}")
            };
            demo::read_at(&hub, operation, SOFIE, &body, |_| ());
        }
        let excluded = disallowed_at(&hub, &ids);
        assert_eq!(excluded.keys().collect::<Vec<_>>(), vec![&nihdi]);
        assert_eq!(excluded.get(&nihdi).cloned().flatten().and_then(|c| c.code).as_deref(), Some("persphysician"));
        for id in &ids {
            let Ok((operation, body)) = change_request(id, &ExclusionChange::Lift { nihdi: nihdi.clone() }) else {
                panic!("{id}")
            };
            demo::read_at(&hub, operation, SOFIE, &body, |_| ());
        }
        assert!(disallowed_at(&hub, &ids).is_empty(), "lifted");
    }

    #[test]
    fn a_bad_transaction_id_is_refused_before_anything_is_sent() {
        assert!(change_request("x\"/><c:id>", &ExclusionChange::Add { nihdi: "1".into() }).is_err());
        assert!(rights_select(&["ok~1", ""]).is_err());
    }
}
