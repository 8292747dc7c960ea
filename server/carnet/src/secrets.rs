//! The portal's keys, kept outside the database, and what is sealed with them.
//!
//! - The **secret key** (`CARNET_SECRET_KEY_FILE`): every instance behind one public URL
//!   must share it. Subkeys derived from it seal the login in progress (a cookie), the
//!   logged-in person in the session row, and the document tokens in URLs.
//! - The **audit key** (`CARNET_AUDIT_KEY_FILE`): the MACs of the audit chain and its
//!   checkpoints. `carnet audit verify` needs it; the database never holds it.
//!
//! A key file holds 64 hex digits (32 random bytes). When a file is missing it is generated
//! (mode 0600) and a warning is logged: right for a local run; in production, provide the
//! files (a lost audit key makes the whole log unverifiable — which is detected, not hidden).

use std::io::Write;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("{0} must hold 64 hex digits (32 bytes)")]
    Format(String),
}

/// Reads a key file, creating it with a fresh random key if it does not exist.
pub fn load_or_generate(path: &Path) -> Result<[u8; 32], KeyError> {
    let name = path.display().to_string();
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text).ok_or(KeyError::Format(name)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| KeyError::Io(name.clone(), e))?;
            }
            let key: [u8; 32] = rand::random();
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            match options.open(path) {
                Ok(mut file) => {
                    file.write_all(hex::encode(key).as_bytes()).map_err(|e| KeyError::Io(name.clone(), e))?;
                    file.sync_all().map_err(|e| KeyError::Io(name.clone(), e))?;
                    tracing::warn!(file = %name, "generated a new key (fine for a local run; in production provide it)");
                    Ok(key)
                }
                // Another process created it meanwhile: use theirs.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let text = std::fs::read_to_string(path).map_err(|e| KeyError::Io(name.clone(), e))?;
                    parse(&text).ok_or(KeyError::Format(name))
                }
                Err(e) => Err(KeyError::Io(name, e)),
            }
        }
        Err(e) => Err(KeyError::Io(name, e)),
    }
}

fn parse(text: &str) -> Option<[u8; 32]> {
    let bytes = hex::decode(text.trim()).ok()?;
    bytes.try_into().ok()
}

/// HMAC-SHA-256 of `parts` (each length-prefixed) under `key`.
pub fn mac(key: &[u8; 32], parts: &[&[u8]]) -> [u8; 32] {
    // A 32-byte key always fits HMAC.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else { return [0; 32] };
    for part in parts {
        mac.update(&(part.len() as u64).to_le_bytes());
        mac.update(part);
    }
    mac.finalize().into_bytes().into()
}

/// Seals and opens small values with a key derived from the secret key for one purpose
/// (XChaCha20-Poly1305; the purpose is bound as associated data, so a value sealed for
/// one purpose never opens as another).
#[derive(Clone)]
pub struct Sealer {
    key: [u8; 32],
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(…)")
    }
}

impl Sealer {
    pub fn new(secret_key: &[u8; 32]) -> Sealer {
        Sealer { key: derive(secret_key, "sealer") }
    }

    /// A subkey of the secret key for another use (CSRF tokens …).
    pub fn subkey(&self, label: &str) -> [u8; 32] {
        derive(&self.key, &format!("subkey:{label}"))
    }

    /// Sealed with a random nonce: the same value seals differently each time.
    pub fn seal(&self, purpose: &str, value: &[u8]) -> String {
        let nonce: [u8; 24] = rand::random();
        self.seal_with(purpose, value, nonce)
    }

    /// Sealed with a nonce derived from the value: the same value always seals the same
    /// (for tokens that must be stable, e.g. in links); reveals only equality.
    pub fn seal_stable(&self, purpose: &str, value: &[u8]) -> String {
        let derived = mac(&self.key, &[b"nonce", purpose.as_bytes(), value]);
        let mut nonce = [0u8; 24];
        nonce.copy_from_slice(&derived[..24]);
        self.seal_with(purpose, value, nonce)
    }

    fn seal_with(&self, purpose: &str, value: &[u8], nonce: [u8; 24]) -> String {
        let cipher = XChaCha20Poly1305::new(&self.key.into());
        let nonce = XNonce::from(nonce);
        let Ok(sealed) = cipher.encrypt(&nonce, Payload { msg: value, aad: purpose.as_bytes() }) else {
            return String::new();
        };
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        URL_SAFE_NO_PAD.encode(out)
    }

    /// The value, if `text` was sealed by this key for this purpose and not altered.
    pub fn open(&self, purpose: &str, text: &str) -> Option<Vec<u8>> {
        let bytes = URL_SAFE_NO_PAD.decode(text.as_bytes()).ok()?;
        if bytes.len() < 24 + 16 {
            return None;
        }
        let (nonce, sealed) = bytes.split_at(24);
        let nonce: [u8; 24] = nonce.try_into().ok()?;
        let cipher = XChaCha20Poly1305::new(&self.key.into());
        cipher.decrypt(&XNonce::from(nonce), Payload { msg: sealed, aad: purpose.as_bytes() }).ok()
    }
}

/// A key for one use, derived from `key` (HKDF-SHA-256, RFC 5869, with the use as its
/// info): keys for different uses are independent.
fn derive(key: &[u8; 32], info: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    // 32 bytes is far below HKDF-SHA-256's limit (255 × 32): this cannot fail.
    let _ = Hkdf::<Sha256>::new(Some(b"carnet-v1"), key).expand(info.as_bytes(), &mut out);
    out
}

/// Equality of two byte strings in constant time (no early exit a timing could reveal).
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.ct_eq(b).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_values_open_only_for_their_purpose_and_unaltered() {
        let sealer = Sealer::new(&[1; 32]);
        let sealed = sealer.seal("login", b"state and verifier");
        assert_eq!(sealer.open("login", &sealed).as_deref(), Some(&b"state and verifier"[..]));
        assert_eq!(sealer.open("session", &sealed), None, "another purpose does not open it");
        assert_eq!(Sealer::new(&[2; 32]).open("login", &sealed), None, "another key does not open it");
        let mut altered = sealed.clone().into_bytes();
        let last = altered.len() - 3;
        altered[last] = if altered[last] == b'A' { b'B' } else { b'A' };
        assert_eq!(sealer.open("login", &String::from_utf8_lossy(&altered)), None, "an altered value does not open");
        assert_eq!(sealer.open("login", "short"), None);
        assert_ne!(sealer.seal("login", b"x"), sealer.seal("login", b"x"), "random nonces");
        assert_eq!(sealer.seal_stable("doc", b"x"), sealer.seal_stable("doc", b"x"), "stable tokens");
        assert!(!sealed.contains("state"), "the value is not readable");
    }

    #[test]
    fn a_key_file_is_generated_once_and_read_back() {
        let dir = std::env::temp_dir().join(format!("carnet-key-{}-{}", std::process::id(), rand::random::<u32>()));
        let path = dir.join("sub").join("secret.key");
        let first = load_or_generate(&path).unwrap_or_else(|e| panic!("{e}"));
        let again = load_or_generate(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(first, again);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).map(|m| m.permissions().mode() & 0o777).unwrap_or(0);
            assert_eq!(mode, 0o600, "only the owner reads a key file");
        }
        std::fs::write(&path, "not hex").unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(load_or_generate(&path), Err(KeyError::Format(_))));
    }
}
