//! Base64 as sources send it (FHIR `Attachment.data`, `Binary.data`, KMEHR `lnk`
//! multimedia): the standard or URL-safe alphabet, white space skipped, padding optional.

use base64::Engine;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};

const CONFIG: GeneralPurposeConfig =
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent);
const STANDARD: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::STANDARD, CONFIG);
const URL_SAFE: GeneralPurpose = GeneralPurpose::new(&base64::alphabet::URL_SAFE, CONFIG);

/// `None` for anything that is not base64.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let compact: String = text.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    STANDARD.decode(&compact).or_else(|_| URL_SAFE.decode(&compact)).ok()
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_with_white_space_and_refuses_garbage() {
        assert_eq!(decode("aGVs\n bG8="), Some(b"hello".to_vec()));
        assert_eq!(decode("aGVsbG8"), Some(b"hello".to_vec()));
        assert_eq!(decode("TWFu"), Some(b"Man".to_vec()));
        assert_eq!(decode(""), Some(Vec::new()));
        assert_eq!(decode("-_8="), Some(vec![0xfb, 0xff]));
        assert_eq!(decode("aGVsbG8*"), None);
        assert_eq!(decode("aGVsbG8=x"), None);
    }
}
