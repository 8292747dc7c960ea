//! The OpenID Connect relying party: authorization code flow with PKCE, `state` and
//! `nonce`; a confidential client; the ID token verified (signature via the provider's
//! JWKS, issuer, audience, expiry, nonce); RP-initiated logout.
//!
//! Works with any standard provider by configuration: the local demo provider, the
//! federal authentication service, Keycloak, an itsme broker.

use std::collections::HashMap;

use carnet_core::{Principal, Role, Ssin, SsinError};
use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreErrorResponseType, CoreGenderClaim, CoreJsonWebKey,
    CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm, CoreResponseType, CoreRevocableToken,
    CoreRevocationErrorResponse, CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AdditionalClaims, AuthenticationFlow, AuthorizationCode, Client, ClientId, ClientSecret, CsrfToken,
    EmptyExtraTokenFields, EndpointMaybeSet, EndpointNotSet, EndpointSet, IdTokenFields, IssuerUrl, LanguageTag,
    LogoutRequest, Nonce, PkceCodeChallenge, PkceCodeVerifier, PostLogoutRedirectUrl, ProviderMetadataWithLogout,
    RedirectUrl, Scope, StandardErrorResponse, StandardTokenResponse,
};
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};

use crate::config::{Config, OidcConfig};

/// Claims beyond the standard ones, kept by name so the SSIN and roles claims are
/// configurable.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExtraClaims {
    #[serde(flatten)]
    claims: HashMap<String, serde_json::Value>,
}
impl AdditionalClaims for ExtraClaims {}

type TokenFields = IdTokenFields<
    ExtraClaims,
    EmptyExtraTokenFields,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;
type TokenResponse = StandardTokenResponse<TokenFields, CoreTokenType>;
type OidcClient = Client<
    ExtraClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    TokenResponse,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// A login in progress, kept in the (pre-login) session between redirect and callback.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingLogin {
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    /// Where to go after login (a path on this site).
    pub next: String,
}

/// The outcome of a successful callback. The ID token itself is not kept: it holds the
/// SSIN, and logout names the client instead (`client_id`).
#[derive(Debug, Clone)]
pub struct LoggedIn {
    pub principal: Principal,
}

/// Why a login failed; each maps to a translated problem page.
#[derive(Debug, thiserror::Error)]
pub enum LoginError {
    #[error("the identity provider cannot be reached: {0}")]
    ProviderUnavailable(String),
    #[error("state does not match")]
    StateMismatch,
    #[error("the provider refused the code: {0}")]
    CodeRejected(String),
    #[error("the ID token is not valid: {0}")]
    InvalidIdToken(String),
    #[error("the national register number claim is not usable: {0}")]
    Ssin(SsinError),
    #[error("the client is misconfigured: {0}")]
    Config(String),
}

impl LoginError {
    /// The translated message for the person.
    pub fn message_id(&self) -> &'static str {
        match self {
            LoginError::ProviderUnavailable(_) => "error-login-unavailable",
            LoginError::StateMismatch | LoginError::InvalidIdToken(_) | LoginError::Config(_) => "error-login-failed",
            LoginError::CodeRejected(_) => "error-login-expired",
            LoginError::Ssin(e) => e.code(),
        }
    }
}

/// The relying party for one configured provider. Discovery happens on first use (so
/// the portal starts even while the provider is still starting) and is cached.
pub struct RelyingParty {
    config: OidcConfig,
    redirect_url: RedirectUrl,
    post_logout_url: PostLogoutRedirectUrl,
    http: openidconnect::reqwest::Client,
    discovered: tokio::sync::RwLock<Option<(OidcClient, ProviderMetadataWithLogout)>>,
}

impl RelyingParty {
    pub fn new(config: &Config) -> Result<RelyingParty, LoginError> {
        let http = openidconnect::reqwest::Client::builder()
            // Following redirects would open the client to SSRF.
            .redirect(openidconnect::reqwest::redirect::Policy::none())
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .map_err(|e| LoginError::Config(e.to_string()))?;
        Ok(RelyingParty {
            config: config.oidc.clone(),
            redirect_url: RedirectUrl::new(config.redirect_url()).map_err(|e| LoginError::Config(e.to_string()))?,
            post_logout_url: PostLogoutRedirectUrl::new(config.post_logout_url())
                .map_err(|e| LoginError::Config(e.to_string()))?,
            http,
            discovered: tokio::sync::RwLock::new(None),
        })
    }

    /// Fetches the provider's discovery document (for `/readyz`).
    pub async fn check_provider(&self) -> bool {
        let issuer = match IssuerUrl::new(self.config.issuer.clone()) {
            Ok(i) => i,
            Err(_) => return false,
        };
        ProviderMetadataWithLogout::discover_async(issuer, &self.http).await.is_ok()
    }

    async fn client(&self) -> Result<(OidcClient, ProviderMetadataWithLogout), LoginError> {
        if let Some(found) = self.discovered.read().await.as_ref() {
            return Ok(found.clone());
        }
        let issuer = IssuerUrl::new(self.config.issuer.clone()).map_err(|e| LoginError::Config(e.to_string()))?;
        let metadata = ProviderMetadataWithLogout::discover_async(issuer, &self.http)
            .await
            .map_err(|e| LoginError::ProviderUnavailable(e.to_string()))?;
        let client = OidcClient::from_provider_metadata(
            metadata.clone(),
            ClientId::new(self.config.client_id.clone()),
            Some(ClientSecret::new(self.config.client_secret.expose_secret().to_owned())),
        )
        .set_redirect_uri(self.redirect_url.clone());
        *self.discovered.write().await = Some((client.clone(), metadata.clone()));
        Ok((client, metadata))
    }

    /// Starts a login: the URL to send the browser to, and what to keep until the callback.
    pub async fn begin(&self, next: String, ui_locale: &str) -> Result<(String, PendingLogin), LoginError> {
        let (client, _) = self.client().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge)
            .add_extra_param("ui_locales", ui_locale);
        for scope in self.config.scopes.iter().filter(|s| s.as_str() != "openid") {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        let (url, state, nonce) = request.url();
        let pending = PendingLogin {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            next,
        };
        Ok((url.to_string(), pending))
    }

    /// Completes a login: checks `state`, redeems the code with the PKCE verifier,
    /// verifies the ID token and its nonce, and reads the person from its claims.
    pub async fn complete(&self, pending: PendingLogin, code: &str, state: &str) -> Result<LoggedIn, LoginError> {
        if !crate::secrets::same(pending.state.as_bytes(), state.as_bytes()) {
            return Err(LoginError::StateMismatch);
        }
        let (client, _) = self.client().await?;
        let token: TokenResponse = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| LoginError::Config(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier))
            .request_async(&self.http)
            .await
            // The error names its code (invalid_grant …), never the code or verifier themselves.
            .map_err(|e| LoginError::CodeRejected(e.to_string()))?;
        let id_token = token
            .extra_fields()
            .id_token()
            .ok_or_else(|| LoginError::InvalidIdToken("no ID token in the response".into()))?;
        let claims = id_token
            .claims(&client.id_token_verifier(), &Nonce::new(pending.nonce))
            .map_err(|e| LoginError::InvalidIdToken(e.to_string()))?;
        let extra = &claims.additional_claims().claims;

        let ssin_text = extra.get(&self.config.ssin_claim).and_then(|v| match v {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        });
        let ssin = Ssin::parse(ssin_text.as_deref().unwrap_or("")).map_err(LoginError::Ssin)?;

        let standard_name = claims.name().and_then(|n| n.get(None)).map(|n| n.as_str().to_owned());
        let given = claims.given_name().and_then(|n| n.get(None)).map(|n| n.as_str().to_owned());
        let family = claims.family_name().and_then(|n| n.get(None)).map(|n| n.as_str().to_owned());
        let display_name = if self.config.name_claim == "name" {
            standard_name
        } else {
            extra.get(&self.config.name_claim).and_then(|v| v.as_str()).map(str::to_owned)
        }
        .or_else(|| match (given, family) {
            (Some(g), Some(f)) => Some(format!("{g} {f}")),
            (g, f) => g.or(f),
        })
        .unwrap_or_default();

        let roles = match extra.get(&self.config.roles_claim) {
            Some(serde_json::Value::Array(values)) => {
                values.iter().filter_map(|v| v.as_str()).filter_map(Role::parse).collect()
            }
            Some(serde_json::Value::String(s)) => s.split_whitespace().filter_map(Role::parse).collect(),
            _ => vec![Role::Citizen],
        };
        Ok(LoggedIn { principal: Principal::authenticated(ssin, display_name, roles) })
    }

    /// The provider's end-session URL for RP-initiated logout, if it has one: the client
    /// id, the way back and the language — no `id_token_hint`, whose token holds the SSIN,
    /// name and birth date and would land in browser history and the provider's logs.
    pub async fn logout_url(&self, ui_locale: &str) -> Option<String> {
        let (_, metadata) = self.client().await.ok()?;
        let endpoint = metadata.additional_metadata().end_session_endpoint.clone()?;
        let request = LogoutRequest::from(endpoint)
            .set_post_logout_redirect_uri(self.post_logout_url.clone())
            .set_client_id(ClientId::new(self.config.client_id.clone()))
            .add_ui_locale(LanguageTag::new(ui_locale.to_owned()));
        Some(request.http_get_url().to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_comparison_is_exact() {
        assert!(crate::secrets::same(b"abc", b"abc"));
        assert!(!crate::secrets::same(b"abc", b"abd"));
        assert!(!crate::secrets::same(b"abc", b"abcd"));
    }

    #[test]
    fn ssin_errors_have_their_own_messages() {
        assert_eq!(LoginError::Ssin(SsinError::Missing).message_id(), "error-ssin-missing");
        assert_eq!(LoginError::Ssin(SsinError::Checksum).message_id(), "error-ssin-invalid");
        assert_eq!(LoginError::StateMismatch.message_id(), "error-login-failed");
    }
}
