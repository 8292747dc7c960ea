//! The national register's links between minors and those who represent them (parents,
//! legal representatives): the facts the policy's rule table for minors needs. Read on
//! every request that needs them, never stored by Carnet. JSON over HTTP
//! (`POST <base>/links` with `{"parent": …}` or `{"child": …}`: the number in the body,
//! never in the address); a link the register sends that cannot be read is left out (and
//! logged without its content): it gives no access.

use std::sync::Arc;
use std::time::Duration;

use carnet_core::Ssin;
use carnet_core::date::Day;
use carnet_core::minor::{LinkKind, ParentLink};
use secrecy::{ExposeSecret, SecretString};
use serde_json::Value;

use crate::call::CallPolicy;
use crate::error::ConnectorError;
use crate::metrics::Metrics;

/// The largest answer read (a person has few links).
const MAX_ANSWER: usize = 256 * 1024;

#[derive(Debug, Clone)]
pub struct RegisterSettings {
    pub id: String,
    pub base_url: String,
    pub timeout: Duration,
    pub retries: u32,
    pub bearer_token: Option<SecretString>,
}

#[derive(Clone)]
pub struct RegisterClient {
    links_url: url::Url,
    http: reqwest::Client,
    call: CallPolicy,
    bearer_token: Option<SecretString>,
}

impl std::fmt::Debug for RegisterClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RegisterClient").field("links", &self.links_url.as_str()).finish_non_exhaustive()
    }
}

impl RegisterClient {
    pub fn new(settings: RegisterSettings, metrics: Arc<Metrics>) -> Result<RegisterClient, ConnectorError> {
        let RegisterSettings { id, base_url, timeout, retries, bearer_token } = settings;
        let base = format!("{}/", base_url.trim_end_matches('/'));
        let links_url = url::Url::parse(&base)
            .and_then(|b| b.join("links"))
            .map_err(|e| ConnectorError::Config(format!("base URL: {e}")))?;
        let http = crate::call::http_client(timeout)?;
        Ok(RegisterClient { links_url, http, call: CallPolicy { source: id, timeout, retries, metrics }, bearer_token })
    }

    /// The minors `person` represents.
    pub async fn children_of(&self, person: &Ssin) -> Result<Vec<ParentLink>, ConnectorError> {
        self.links("parent", person).await
    }

    /// Who represents the minor `child`.
    pub async fn representatives_of(&self, child: &Ssin) -> Result<Vec<ParentLink>, ConnectorError> {
        self.links("child", child).await
    }

    async fn links(&self, field: &'static str, ssin: &Ssin) -> Result<Vec<ParentLink>, ConnectorError> {
        let body = serde_json::json!({ field: ssin.expose() }).to_string();
        let answer = self
            .call
            .read("register-links", || async {
                let mut request = self
                    .http
                    .post(self.links_url.clone())
                    .header(reqwest::header::CONTENT_TYPE, "application/json")
                    .header(reqwest::header::ACCEPT, "application/json")
                    .body(body.clone());
                if let Some(token) = &self.bearer_token {
                    request = request.bearer_auth(token.expose_secret());
                }
                let response = request.send().await.map_err(ConnectorError::from_reqwest)?;
                let status = response.status();
                if !status.is_success() {
                    return Err(ConnectorError::Status { status: status.as_u16(), summary: "register".into() });
                }
                crate::call::body(response, MAX_ANSWER).await
            })
            .await?;
        let value: Value = serde_json::from_slice(&answer).map_err(|_| ConnectorError::Malformed("not JSON".into()))?;
        let Value::Array(items) = value else { return Err(ConnectorError::Malformed("not a list of links".into())) };
        let links: Vec<ParentLink> = items.iter().filter_map(link).collect();
        if links.len() < items.len() {
            tracing::warn!(
                unreadable = items.len() - links.len(),
                "the register sent links that cannot be read: left out"
            );
        }
        // Only links about the person asked for: anything else gives nothing.
        Ok(links.into_iter().filter(|l| if field == "parent" { &l.parent == ssin } else { &l.child == ssin }).collect())
    }
}

/// One link, if every part of it reads.
fn link(item: &Value) -> Option<ParentLink> {
    let text = |name: &str| item.get(name).and_then(Value::as_str);
    let name = |name: &str| {
        let n: String = text(name)?.chars().filter(|c| !c.is_control()).take(200).collect();
        (!n.trim().is_empty()).then(|| n.trim().to_owned())
    };
    Some(ParentLink {
        parent: Ssin::parse(text("parent")?).ok()?,
        parent_name: name("parent_name")?,
        child: Ssin::parse(text("child")?).ok()?,
        child_name: name("child_name")?,
        child_birth: Day::parse(text("child_birth")?)?,
        kind: LinkKind::from_code(text("kind")?)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_reads_only_when_every_part_does() {
        let good = serde_json::json!({
            "parent": "80090315741", "parent_name": "Marc Dubois", "child": "21061521244",
            "child_name": "Emma Dubois", "child_birth": "2021-06-15", "kind": "parent"
        });
        let Some(link) = link(&good) else { panic!("reads") };
        assert_eq!(link.child_birth, Day { year: 2021, month: 6, day: 15 });
        assert_eq!(link.kind, LinkKind::Parent);
        for (field, bad) in
            [("parent", "80090315742"), ("child_birth", "2021-02-30"), ("kind", "uncle"), ("child_name", "   ")]
        {
            let mut broken = good.clone();
            broken[field] = Value::String(bad.into());
            assert!(super::link(&broken).is_none(), "{field}");
        }
        let mut missing = good.clone();
        if let Some(map) = missing.as_object_mut() {
            map.remove("child");
        }
        assert!(super::link(&missing).is_none());
    }
}
