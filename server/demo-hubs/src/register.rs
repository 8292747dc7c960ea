//! A demo "national register": who represents which minor (parents, legal
//! representatives), with the minor's name and birth date — the links Carnet's rule table
//! for minors needs, which Carnet reads here on every request and never stores.
//!
//! `POST /register/links` with `{"parent": "<ssin>"}` (the minors someone represents) or
//! `{"child": "<ssin>"}` (who represents a minor): a JSON array of links
//! (`data/register/links.json`). The number goes in the body, never in the address.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::Value;

/// The register's links, as loaded.
pub struct Register {
    links: Vec<Value>,
}

impl Register {
    pub fn load() -> Result<Register, String> {
        let path = "register/links.json";
        let text = crate::data::FILES.iter().find(|(p, _)| *p == path).map(|(_, t)| *t).ok_or(path)?;
        let links: Vec<Value> = serde_json::from_str(text).map_err(|e| format!("{path}: {e}"))?;
        Ok(Register { links })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Query {
    parent: Option<String>,
    child: Option<String>,
}

pub fn routes(register: Register) -> Router {
    Router::new().route("/register/links", post(links)).with_state(Arc::new(register))
}

async fn links(State(register): State<Arc<Register>>, query: Option<Json<Query>>) -> Response {
    let Some(Json(query)) = query else {
        return (StatusCode::BAD_REQUEST, "a JSON body with parent or child").into_response();
    };
    let (field, ssin) = match (query.parent, query.child) {
        (Some(parent), None) => ("parent", parent),
        (None, Some(child)) => ("child", child),
        _ => return (StatusCode::BAD_REQUEST, "exactly one of parent or child").into_response(),
    };
    let found: Vec<&Value> =
        register.links.iter().filter(|l| l.get(field).and_then(Value::as_str) == Some(ssin.as_str())).collect();
    Json(found).into_response()
}
