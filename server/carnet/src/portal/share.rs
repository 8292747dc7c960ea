//! Shares (see `carnet_core::share`): made by the citizen for their own record, opened by
//! whoever holds the link. The link's id (128 random bits) is kept only as a keyed hash,
//! the link itself sealed for the citizen's page; a passcode only as a keyed hash bound to
//! its link. An opening reads each part the share names through the policy
//! (`policy::decide_shared`: as the share's maker, now) and is audited as one entry,
//! `share:open:<parts>`, with the share as its basis, in the citizen's access log.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use carnet_connectors::shl::{ShlPayload, key_text};
use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::change::FormKey;
use carnet_core::kind::{AnyReading, Kind, KindVisitor, Scope};
use carnet_core::policy::{self, Read};
use carnet_core::portal_service::{
    OpenError, OpenedShare, QrImage, ServiceError, ShareAccess, ShareRequest, ShareService, ShareView,
};
use carnet_core::principal::{Principal, Role};
use carnet_core::share::{DURATIONS_HOURS, ShareGrant, ShareState, TRIES_IN_A_ROW, label, passcode_ok};
use carnet_store::shares::{NewShare, ShareRow};
use futures::FutureExt;
use futures::future::BoxFuture;
use serde::{Deserialize, Serialize};

use super::export::names;
use super::{Inner, Portal, internal};
use crate::clock::now_ms;
use crate::secrets::{mac, same};

/// The audit log's actions of shares: made, revoked, opened (each followed by the parts).
pub const MADE: &str = "share:make:";
pub const REVOKED: &str = "share:revoke";
pub const OPENED: &str = "share:open:";

/// How long a ticket (the passcode given on the share's page) lets its downloads through.
const TICKET_MS: i64 = 30 * 60 * 1000;

/// The shares a citizen's page lists: made in the last 90 days.
const LISTED_MS: i64 = 90 * 24 * 60 * 60 * 1000;

/// What the sealed link holds: the link's id and its files' key.
#[derive(Serialize, Deserialize)]
struct Link {
    id: String,
    key: [u8; 32],
}

/// What a ticket holds: the link's hash and until when.
#[derive(Serialize, Deserialize)]
struct Ticket {
    link: String,
    until_ms: i64,
}

impl Inner {
    /// A link's keyed hash (an id that is not 22 base64url characters is no link).
    fn link_hash(&self, link: &str) -> Option<String> {
        let ok = link.len() == 22 && link.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| hex::encode(mac(&self.sealer.subkey("share-link"), &[link.as_bytes()])))
    }

    fn passcode_hash(&self, link_hash: &str, passcode: &str) -> String {
        hex::encode(mac(&self.sealer.subkey("share-passcode"), &[link_hash.as_bytes(), passcode.as_bytes()]))
    }

    /// The address to give: the share's page, with its SMART Health Link after `#` (a
    /// browser never sends what follows `#`; an app that reads SMART Health Links finds it).
    fn share_link(&self, row: &ShareRow) -> Option<(String, Option<QrImage>)> {
        let sealed = row.link_sealed.as_deref()?;
        let link: Link = serde_json::from_slice(&self.sealer.open("share-link", sealed)?).ok()?;
        let base = self.public_url.trim_end_matches('/');
        let payload = ShlPayload {
            url: format!("{base}/s/{}/manifest", link.id),
            key: key_text(&link.key),
            exp: Some(row.grant.expires_ms / 1000),
            flag: row.passcode_hash.as_ref().map(|_| "P".to_owned()),
            label: row.label.clone(),
        };
        let address = format!("{base}/s/{}#{}", link.id, payload.shlink());
        let qr = qrcode::QrCode::with_error_correction_level(address.as_bytes(), qrcode::EcLevel::L)
            .ok()
            .map(|code| qr_image(&code));
        Some((address, qr))
    }
}

/// The dark modules of a QR code as one SVG path (`M x y h1 v1 h-1 z` each), inside a quiet
/// zone of four modules: data for the page to draw, never markup.
fn qr_image(code: &qrcode::QrCode) -> QrImage {
    const QUIET: usize = 4;
    let width = code.width();
    let mut path = String::new();
    for (at, color) in code.to_colors().iter().enumerate() {
        if *color == qrcode::Color::Dark {
            let (x, y) = (at % width + QUIET, at / width + QUIET);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    QrImage { size: width + 2 * QUIET, path }
}

/// Reads one part of a share, decided as its maker (a refusal is audited).
struct ReadShared<'a> {
    inner: &'a Inner,
    maker: &'a Principal,
    share: &'a ShareGrant,
    request_id: &'a Option<String>,
}

impl<'a> KindVisitor for ReadShared<'a> {
    type Out = BoxFuture<'a, Result<(AnyReading, Option<AuditEvent>), OpenError>>;
    fn visit<K: Kind>(self) -> Self::Out {
        async move {
            let facts = self.inner.facts(self.maker, &self.share.subject).await.map_err(|_| OpenError::Unavailable)?;
            let decided = policy::decide_shared::<Read<K>>(self.maker, self.share, &facts.grants(self.inner));
            let proof = match decided {
                Ok(proof) => proof,
                Err(denied) => {
                    let action = carnet_core::action::Action::Read(K::SCOPE);
                    self.inner.audit_refusal(self.maker, &self.share.subject, action, denied, self.request_id).await;
                    return Err(OpenError::Refused);
                }
            };
            let (reading, event) = self.inner.fetch::<K>(&proof, self.request_id).await;
            Ok((K::into_any(reading), event))
        }
        .boxed()
    }
}

impl Inner {
    /// The share a link names, if it is open and the access given gets in (a wrong
    /// passcode counts towards the lock), with a ticket for its page and files.
    async fn check_access(&self, link: &str, access: ShareAccess) -> Result<(ShareRow, Option<String>), OpenError> {
        let hash = self.link_hash(link).ok_or(OpenError::Gone)?;
        let row = self.store.share_by_link(&hash).await.map_err(|_| OpenError::Unavailable)?.ok_or(OpenError::Gone)?;
        let now = now_ms();
        match row.state(now) {
            ShareState::Open => {}
            ShareState::Locked(until_ms) => return Err(OpenError::Locked { until_ms }),
            ShareState::Expired | ShareState::Revoked | ShareState::ClosedForTries => return Err(OpenError::Gone),
        }
        let ticket_for = |until_ms: i64| {
            serde_json::to_vec(&Ticket { link: hash.clone(), until_ms })
                .ok()
                .map(|t| self.sealer.seal("share-ticket", &t))
        };
        let ticket = match (&row.passcode_hash, access) {
            (None, _) => ticket_for(now + TICKET_MS),
            (Some(expected), ShareAccess::Passcode(passcode)) => {
                if !same(self.passcode_hash(&hash, &passcode).as_bytes(), expected.as_bytes()) {
                    let after =
                        self.store.note_wrong_passcode(row.grant.id, now).await.map_err(|_| OpenError::Unavailable)?;
                    return Err(match after.as_ref().map(|r| r.state(now)) {
                        Some(ShareState::Locked(until_ms)) => OpenError::Locked { until_ms },
                        Some(ShareState::Open) => OpenError::WrongPasscode {
                            left: TRIES_IN_A_ROW - after.as_ref().map_or(0, |r| r.wrong_in_row),
                        },
                        _ => OpenError::Gone,
                    });
                }
                ticket_for(now + TICKET_MS)
            }
            (Some(_), ShareAccess::Ticket(ticket)) => {
                let held: Option<Ticket> =
                    self.sealer.open("share-ticket", &ticket).and_then(|t| serde_json::from_slice(&t).ok());
                match held {
                    Some(held) if held.link == hash && now < held.until_ms => Some(ticket),
                    _ => return Err(OpenError::NeedsPasscode),
                }
            }
            (Some(_), ShareAccess::None) => return Err(OpenError::NeedsPasscode),
        };
        Ok((row, ticket))
    }
}

#[async_trait::async_trait]
impl ShareService for Portal {
    async fn shares(&self, principal: &Principal) -> Result<Vec<ShareView>, ServiceError> {
        let proof = self.own_grants(principal)?;
        let now = now_ms();
        let rows = self.store.shares_of(&proof, now - LISTED_MS).await.map_err(internal("shares"))?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let state = row.state(now);
                let (link, qr) = match state {
                    ShareState::Open | ShareState::Locked(_) => {
                        self.share_link(&row).map_or((None, None), |(link, qr)| (Some(link), qr))
                    }
                    _ => (None, None),
                };
                ShareView {
                    id: row.grant.id.0,
                    parts: row.grant.parts.clone(),
                    label: row.label.clone(),
                    made_ms: row.made_ms,
                    expires_ms: row.grant.expires_ms,
                    state,
                    openings: row.openings,
                    passcode: row.passcode_hash.is_some(),
                    link,
                    qr,
                }
            })
            .collect())
    }

    async fn make_share(
        &self,
        principal: &Principal,
        request: ShareRequest,
        key: &FormKey,
        request_id: Option<String>,
    ) -> Result<i64, ServiceError> {
        // A share is the citizen's own: made on their own record only.
        if principal.acting().is_some() {
            return Err(ServiceError::Forbidden);
        }
        let proof = self.own_grants(principal)?;
        let parts: Vec<Scope> =
            carnet_core::export::exportable().into_iter().filter(|s| request.parts.contains(s)).collect();
        let passcode = request.passcode.filter(|p| !p.trim().is_empty());
        if parts.is_empty()
            || parts.len() != request.parts.len()
            || !DURATIONS_HOURS.contains(&request.hours)
            || passcode.as_deref().is_some_and(|p| !passcode_ok(p))
        {
            return Err(ServiceError::BadRequest);
        }
        let id: [u8; 16] = rand::random();
        let id = URL_SAFE_NO_PAD.encode(id);
        let link_hash = self.link_hash(&id).ok_or(ServiceError::Internal)?;
        let sealed = serde_json::to_vec(&Link { id, key: rand::random() }).map_err(|_| ServiceError::Internal)?;
        let sealed = self.sealer.seal("share-link", &sealed);
        let passcode_hash = passcode.map(|p| self.passcode_hash(&link_hash, &p));
        let label = request.label.as_deref().and_then(label);
        let made = now_ms();
        let mut event = AuditEvent::allowed(&proof, Outcome::Success, &[], request_id);
        event.action = format!("{MADE}{}", names(&parts));
        let share = NewShare {
            key,
            link_hash: &link_hash,
            link_sealed: &sealed,
            parts: &parts,
            label: label.as_deref(),
            passcode_hash: passcode_hash.as_deref(),
            made_ms: made,
            expires_ms: made + request.hours * 60 * 60 * 1000,
        };
        let made = self.store.make_share(&proof, share, &event).await;
        made.map(|id| id.0).map_err(|e| match e {
            carnet_store::StoreError::Corrupt(_) => ServiceError::BadRequest,
            e => internal("a share")(e),
        })
    }

    async fn revoke_share(
        &self,
        principal: &Principal,
        id: i64,
        request_id: Option<String>,
    ) -> Result<(), ServiceError> {
        let proof = self.own_grants(principal)?;
        let mut event = AuditEvent::allowed(&proof, Outcome::Success, &[], request_id);
        event.action = REVOKED.to_owned();
        event.basis = format!("share:{id}");
        let share = carnet_core::share::ShareId(id);
        if self.store.revoke_share(&proof, share, &event).await.map_err(internal("a share"))? {
            return Ok(());
        }
        // Nothing changed: their own share ended already (a second submit), or someone
        // else's, refused and written in that person's log.
        match self.store.share_subject(share).await.map_err(internal("a share"))? {
            Some(owner) if &owner == principal.ssin() => Ok(()),
            Some(owner) => {
                let refused = AuditEvent::refused_named(
                    principal.ssin(),
                    &owner,
                    REVOKED,
                    policy::Denied::NoBasis.code(),
                    event.request_id,
                );
                self.write_audit(std::slice::from_ref(&refused)).await?;
                Err(ServiceError::Forbidden)
            }
            // No such share: refused like someone else's (the answer does not tell which exist).
            None => Err(ServiceError::Forbidden),
        }
    }

    async fn unlock_share(&self, link: &str, passcode: Option<&str>) -> Result<String, OpenError> {
        let access = passcode.map_or(ShareAccess::None, |p| ShareAccess::Passcode(p.to_owned()));
        let (_, ticket) = self.inner.check_access(link, access).await?;
        ticket.ok_or(OpenError::Unavailable)
    }

    #[tracing::instrument(name = "portal.open_share", skip_all)]
    async fn open_share(
        &self,
        link: &str,
        access: ShareAccess,
        request_id: Option<String>,
    ) -> Result<OpenedShare, OpenError> {
        let (row, ticket) = self.inner.check_access(link, access).await?;
        let now = now_ms();
        let hash = self.link_hash(link).ok_or(OpenError::Gone)?;
        let link_data: Link = row
            .link_sealed
            .as_deref()
            .and_then(|sealed| self.sealer.open("share-link", sealed))
            .and_then(|json| serde_json::from_slice(&json).ok())
            .ok_or(OpenError::Gone)?;
        // Read as its maker, now: each part decided by the policy.
        let name = self.store.account_name(&row.grant.maker).await.ok().flatten().unwrap_or_default();
        let maker = Principal::authenticated(row.grant.maker.clone(), name, vec![Role::Citizen]);
        // Every part at once: a slow source delays only the opening, by its own deadline.
        let reads = row.grant.parts.iter().map(|scope| {
            scope.visit(ReadShared { inner: &self.inner, maker: &maker, share: &row.grant, request_id: &request_id })
        });
        let mut readings = Vec::new();
        let mut events = Vec::new();
        for read in futures::future::join_all(reads).await {
            let (reading, event) = read?;
            readings.push(reading);
            events.extend(event);
        }
        // One entry for the opening: what was read, from which sources, as the share.
        let mut events = AuditEvent::combine_reads(events);
        for event in &mut events {
            if let Some(parts) = event.action.strip_prefix(carnet_core::audit::READ_PREFIX) {
                event.action = format!("{OPENED}{parts}");
            }
        }
        if events.is_empty() {
            return Err(OpenError::Unavailable);
        }
        let opening = self
            .store
            .note_share_opened(row.grant.id, &row.grant.subject, &events)
            .await
            .map_err(|_| OpenError::Unavailable)?;
        let subject_name = self.store.account_name(&row.grant.subject).await.ok().flatten().unwrap_or_default();
        let seed = mac(&self.sealer.subkey("share-seed"), &[hash.as_bytes()]);
        let seed16: [u8; 16] = seed.first_chunk::<16>().copied().unwrap_or_default();
        Ok(OpenedShare {
            parts: row.grant.parts.clone(),
            readings,
            name: subject_name,
            birth_date: Some(row.grant.subject.birth_date()),
            ssin: row.grant.subject.expose().to_owned(),
            label: row.label.clone(),
            made_ms: row.made_ms,
            expires_ms: row.grant.expires_ms,
            opening,
            opened_ms: now,
            ticket,
            seed: seed16,
            file_key: link_data.key,
        })
    }
}
