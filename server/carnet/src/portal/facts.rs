//! The facts the policy decides on when someone acts for another person: mandates,
//! parent links from the register, support codes (read fresh for every request: a
//! revocation holds at the very next one, on any instance).

use carnet_core::mandate::Mandate;
use carnet_core::minor::ParentLink;
use carnet_core::policy::{self, Authorized, Grants, ManageGrants};
use carnet_core::portal_service::ServiceError;
use carnet_core::principal::MinorNote;
use carnet_core::support_code::SupportGrant;
use carnet_core::{Principal, Ssin};

use super::{Inner, internal};
use crate::clock::{now_ms, today_in_belgium};

/// What the policy needs to know when `principal` acts on `subject`'s record.
#[derive(Default)]
pub(super) struct Facts {
    pub(super) mandates: Vec<Mandate>,
    pub(super) links: Vec<ParentLink>,
    support: Vec<SupportGrant>,
    /// The register was asked and did not answer.
    pub(super) register_unavailable: bool,
}

impl Facts {
    pub(super) fn grants<'a>(&'a self, inner: &'a Inner) -> Grants<'a> {
        Grants {
            today: today_in_belgium(),
            now_ms: now_ms(),
            mandates: &self.mandates,
            links: &self.links,
            rules: inner.rules.as_ref(),
            support: &self.support,
        }
    }
}

impl Inner {
    /// The facts for `principal` acting on `subject` (none for their own record).
    pub(super) async fn facts(&self, principal: &Principal, subject: &Ssin) -> Result<Facts, ServiceError> {
        if principal.ssin() == subject {
            return Ok(Facts::default());
        }
        let mandates = self.store.mandates_between(principal.ssin(), subject).await.map_err(internal("mandates"))?;
        let (links, register_unavailable) = match self.children(principal).await {
            Ok(links) => (links.into_iter().filter(|l| &l.child == subject).collect(), false),
            Err(()) => (Vec::new(), true),
        };
        // Helpdesk staff act only under the codes they hold.
        let support = if principal.is_helpdesk() {
            self.store.support_held(principal.ssin(), subject).await.map_err(internal("support codes"))?
        } else {
            Vec::new()
        };
        Ok(Facts { mandates, links, support, register_unavailable })
    }

    /// The minors the national register says `principal` represents (none without a register).
    pub(super) async fn children(&self, principal: &Principal) -> Result<Vec<ParentLink>, ()> {
        let Some(register) = &self.register else { return Ok(Vec::new()) };
        register.children_of(principal.ssin()).await.map_err(|e| {
            tracing::warn!(error = %e, "the national register did not answer");
        })
    }

    /// What the rule table says for a minor born on `birth`, today.
    pub(super) fn minor_note(&self, birth: carnet_core::date::Day) -> Option<MinorNote> {
        let band = self.rules.as_ref()?.band_on(birth, today_in_belgium())?;
        Some(MinorNote {
            band: band.id.clone(),
            age: carnet_core::minor::age_on(birth, today_in_belgium())?,
            scopes: band.scopes.clone(),
            own_consent: band.own_consent,
            reference: band.reference.clone(),
        })
    }

    /// The proof for managing one's own grants (the policy allows it on one's own record only).
    pub(super) fn own_grants(&self, principal: &Principal) -> Result<Authorized<ManageGrants>, ServiceError> {
        let none = Grants::none(today_in_belgium(), now_ms());
        policy::decide::<ManageGrants>(principal, principal.ssin(), &none).map_err(|_| ServiceError::Forbidden)
    }
}
