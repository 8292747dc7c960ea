//! Login, logout and the session that carries the person between requests.

pub mod oidc;
pub mod routes;
pub mod session;

pub use oidc::RelyingParty;
