//! The informed consent at a hub: `GetPatientConsent`, `PutPatientConsent`,
//! `RevokePatientConsent`.

use carnet_core::consent::{ConsentChange, ConsentRecord, ConsentState, Consents};
use carnet_core::item::Item;
use carnet_core::policy::{Authorized, Change, Read};
use roxmltree::Node;

use super::HubClient;
use super::parties::{author_of, cd_coding, date_of};
use super::soap::{self, CORE, ack, select_patient, today};
use crate::connector::{Reader, Writer};
use crate::error::ConnectorError;

#[async_trait::async_trait]
impl Reader<Consents> for HubClient {
    async fn read(&self, proof: &Authorized<Read<Consents>>) -> Result<Vec<Item<ConsentRecord>>, ConnectorError> {
        let body = select_patient(proof.subject().expose());
        let read = || self.operation("GetPatientConsent", proof, &body, |response| Ok(vec![read_consent(response)]));
        self.call.read("consent", read).await
    }
}

#[async_trait::async_trait]
impl Writer<Consents> for HubClient {
    async fn change(&self, proof: &Authorized<Change<Consents>>, change: &ConsentChange) -> Result<(), ConnectorError> {
        let (operation, body) = change_request(proof.subject().expose(), change, &today());
        self.call.write("consent", || self.operation(operation, proof, &body, ack)).await
    }
}

/// A `GetPatientConsentResponse`: the consent's state (revoked when it has a revocation
/// date, given when signed, else none), its type, since and until when, and who recorded it.
fn read_consent(response: Node) -> Item<ConsentRecord> {
    let mut record = ConsentRecord {
        id: None,
        state: ConsentState::None,
        category: Vec::new(),
        since: None,
        until: None,
        author: None,
        actors: Vec::new(),
        status: None,
        terms: Vec::new(),
        unknown_extensions: Vec::new(),
    };
    let Some(consent) = CORE.child(&response, "consent") else { return Item::Read(record) };
    record.since = date_of(CORE.child(&consent, "signdate"));
    record.until = date_of(CORE.child(&consent, "revokedate"));
    record.category = CORE.children(&consent, "cd").map(|cd| cd_coding(&cd)).collect();
    record.state = match (record.since, record.until) {
        (_, Some(_)) => ConsentState::Revoked,
        (Some(_), None) => ConsentState::Given,
        (None, None) => ConsentState::None,
    };
    record.author = CORE.child(&consent, "author").and_then(|a| author_of(&a).0);
    Item::Read(record)
}

/// The operation and `<c:consent>` of a consent change, dated `today`.
fn change_request(ssin: &str, change: &ConsentChange, today: &str) -> (&'static str, String) {
    let (operation, date_element) = match change {
        ConsentChange::Give => ("PutPatientConsent", "signdate"),
        ConsentChange::Revoke => ("RevokePatientConsent", "revokedate"),
    };
    let body = format!(
        r#"<c:consent>{}<c:cd S="CD-CONSENTTYPE" SV="1.0">retrospective</c:cd><c:{date_element}>{today}</c:{date_element}></c:consent>"#,
        soap::patient(ssin)
    );
    (operation, body)
}

#[cfg(test)]
mod tests {
    use carnet_core::date::PartialDate;

    use super::super::demo::{self, SOFIE};
    use super::*;

    #[test]
    fn a_signed_consent_reads_as_given_since_its_date() {
        let item = demo::read("cozo", "GetPatientConsent", SOFIE, &select_patient(SOFIE), read_consent);
        let Some(consent) = item.read() else { panic!("{item:?}") };
        assert_eq!(consent.state, ConsentState::Given);
        assert_eq!(consent.since, PartialDate::parse("2019-08-14"));
        assert_eq!(consent.until, None);
    }

    #[test]
    fn revoking_then_giving_again_is_read_back_at_the_hub() {
        let hub = demo::hub("cozo");
        for (change, state) in
            [(ConsentChange::Revoke, ConsentState::Revoked), (ConsentChange::Give, ConsentState::Given)]
        {
            let (operation, body) = change_request(SOFIE, &change, "2026-11-23");
            demo::read_at(&hub, operation, SOFIE, &body, |_| ());
            let item = demo::read_at(&hub, "GetPatientConsent", SOFIE, &select_patient(SOFIE), read_consent);
            assert_eq!(item.read().map(|c| c.state.clone()), Some(state), "after {operation}: {item:?}");
        }
    }

    #[test]
    fn no_consent_element_is_no_consent() {
        let xml = format!(r#"<p:R xmlns:p="{}"/>"#, soap::PROTOCOL_NS);
        let Ok(doc) = roxmltree::Document::parse(&xml) else { panic!("test XML") };
        assert_eq!(read_consent(doc.root_element()).read().map(|c| c.state.clone()), Some(ConsentState::None));
    }
}
