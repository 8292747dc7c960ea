//! SMART Health Links (HL7 SMART Health Cards and Links STU1, v1.0.0): the `shlink:/` link a
//! share is given as, and the files its manifest serves, encrypted as the specification
//! says (JWE compact serialization, `alg: dir`, `enc: A256GCM`, the link's key).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};

/// A SMART Health Link's payload (SHL STU1 §"SMART Health Link Payload").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShlPayload {
    /// The manifest's address (a POST answers with the files).
    pub url: String,
    /// The files' key: 32 random bytes, base64url without padding (43 characters).
    pub key: String,
    /// When it expires, in seconds since the epoch.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exp: Option<i64>,
    /// `P`: a passcode is needed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
    /// A short description for the reader (at most 80 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl ShlPayload {
    /// The link: `shlink:/` and the payload as base64url JSON.
    pub fn shlink(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        format!("shlink:/{}", URL_SAFE_NO_PAD.encode(json))
    }

    /// The payload of a `shlink:/` link (or of a viewer's address ending in `#shlink:/…`).
    pub fn parse(link: &str) -> Option<ShlPayload> {
        let encoded = link.rsplit_once("shlink:/").map(|(_, rest)| rest)?;
        let json = URL_SAFE_NO_PAD.decode(encoded.trim()).ok()?;
        serde_json::from_slice(&json).ok()
    }
}

/// A file of a SMART Health Link: its bytes encrypted with the link's key as JWE compact
/// serialization (`alg: dir`, `enc: A256GCM`, `cty` its media type), with a fresh 96-bit
/// nonce (the caller's random bytes).
pub fn encrypt(key: &[u8; 32], content_type: &str, bytes: &[u8], nonce: [u8; 12]) -> Result<String, String> {
    use biscuit::jwa::{ContentEncryptionAlgorithm, EncryptionOptions, KeyManagementAlgorithm};
    use biscuit::jwe;
    use biscuit::jwk::JWK;
    let jwk: JWK<biscuit::Empty> = JWK::new_octet_key(key, Default::default());
    let header = jwe::RegisteredHeader {
        cek_algorithm: KeyManagementAlgorithm::DirectSymmetricKey,
        enc_algorithm: ContentEncryptionAlgorithm::A256GCM,
        content_type: Some(content_type.to_owned()),
        ..Default::default()
    };
    let plain = jwe::Compact::<Vec<u8>, biscuit::Empty>::new_decrypted(header.into(), bytes.to_vec());
    let options = EncryptionOptions::AES_GCM { nonce: nonce.to_vec() };
    let sealed = plain.encrypt(&jwk, &options).map_err(|e| e.to_string())?;
    Ok(sealed.encrypted().map_err(|e| e.to_string())?.encode())
}

/// A file of a SMART Health Link decrypted with the link's key (what a reader does).
pub fn decrypt(key: &[u8; 32], compact: &str) -> Result<Vec<u8>, String> {
    use biscuit::jwa::{ContentEncryptionAlgorithm, KeyManagementAlgorithm};
    use biscuit::jwe;
    use biscuit::jwk::JWK;
    let jwk: JWK<biscuit::Empty> = JWK::new_octet_key(key, Default::default());
    let sealed = jwe::Compact::<Vec<u8>, biscuit::Empty>::new_encrypted(compact);
    let open = sealed
        .decrypt(&jwk, KeyManagementAlgorithm::DirectSymmetricKey, ContentEncryptionAlgorithm::A256GCM)
        .map_err(|e| e.to_string())?;
    open.payload().cloned().map_err(|e| e.to_string())
}

/// The key in a link's payload: 32 bytes as 43 base64url characters.
pub fn key_text(key: &[u8; 32]) -> String {
    URL_SAFE_NO_PAD.encode(key)
}

#[cfg(test)]
mod tests {
    use carnet_core::share::label;

    use super::*;

    #[test]
    fn a_link_carries_its_payload_and_reads_back() {
        let payload = ShlPayload {
            url: "https://carnet.example/s/abc/manifest".into(),
            key: "A".repeat(43),
            exp: Some(1_800_000_000),
            flag: Some("P".into()),
            label: label("For Dr. Müller\n(Berlin)"),
        };
        let link = payload.shlink();
        assert!(link.starts_with("shlink:/ey"), "base64url JSON: {link}");
        assert!(!link.contains('=') && !link.contains('+') && link.matches('/').count() == 1, "{link}");
        assert_eq!(ShlPayload::parse(&link), Some(payload.clone()));
        assert_eq!(ShlPayload::parse(&format!("https://viewer.example/#{link}")), Some(payload));
        assert_eq!(label("  "), None);
        assert_eq!(label(&"x".repeat(200)).map(|l| l.len()), Some(80));
    }

    /// The specification's own example values (SHL STU1, `ShlPayload`: the manifest's
    /// address and the key), as a payload Carnet writes and reads.
    #[test]
    fn the_specifications_example_values_make_a_link_that_reads_back() {
        let example = ShlPayload {
            url: "https://ehr.example.org/qr/Y9xwkUdtmN9wwoJoN3ffJIhX2UGvCL1JnlPVNL3kDWM/m".into(),
            key: "rxTgYlOaKJPFtcEd0qcceN8wEU4p94SqAwIWQe6uX7Q".into(),
            exp: Some(1_654_545_600),
            flag: Some("P".into()),
            label: label("Back-to-school immunizations"),
        };
        assert_eq!(example.key.len(), 43, "32 bytes, base64url");
        let link = example.shlink();
        let json = r#"{"url":"https://ehr.example.org/qr/Y9xwkUdtmN9wwoJoN3ffJIhX2UGvCL1JnlPVNL3kDWM/m","key":"rxTgYlOaKJPFtcEd0qcceN8wEU4p94SqAwIWQe6uX7Q","exp":1654545600,"flag":"P","label":"Back-to-school immunizations"}"#;
        assert_eq!(link, format!("shlink:/{}", URL_SAFE_NO_PAD.encode(json)));
        assert_eq!(ShlPayload::parse(&link), Some(example));
    }

    #[test]
    fn a_file_is_encrypted_as_the_specification_says_and_opens_with_the_links_key_only() {
        let key = [7u8; 32];
        let compact = encrypt(&key, "application/fhir+json", b"{\"resourceType\":\"Bundle\"}", [1; 12])
            .unwrap_or_else(|e| panic!("{e}"));
        let parts: Vec<&str> = compact.split('.').collect();
        assert_eq!(parts.len(), 5, "JWE compact: header, key (empty for dir), iv, ciphertext, tag");
        assert!(parts[1].is_empty());
        let header: serde_json::Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[0]).unwrap_or_default()).unwrap_or_default();
        assert_eq!(header["alg"], "dir");
        assert_eq!(header["enc"], "A256GCM");
        assert_eq!(header["cty"], "application/fhir+json");
        assert_eq!(decrypt(&key, &compact).ok().as_deref(), Some(&b"{\"resourceType\":\"Bundle\"}"[..]));
        assert!(decrypt(&[8u8; 32], &compact).is_err());
        assert_eq!(key_text(&key).len(), 43);
    }
}
