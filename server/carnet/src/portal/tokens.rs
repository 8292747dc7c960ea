//! The opaque tokens pages carry instead of the sources' ids: whose record, which source,
//! the source's id, sealed with the key every instance shares (a token works on any
//! instance; a source's id can hold the SSIN, so it never goes into a page or a URL in
//! clear). Each kind of item has its own purpose: a document's token opens no relationship.

use std::borrow::Cow;

use carnet_core::Ssin;
use carnet_core::kind::{Scope, SealId};

use crate::secrets::Sealer;

/// What a token holds, sealed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(super) struct ItemToken {
    pub subject: String,
    pub source: String,
    pub id: String,
}

/// The source id of a token made for a directory entry (not of one source).
pub(super) const DIRECTORY: &str = "directory";

const DIRECTORY_PURPOSE: &str = "directory-token";

/// The names these kinds' tokens have always been sealed for (a page open across an
/// upgrade keeps working); every other kind's is `<scope>-token`.
const EARLIER_PURPOSES: [(Scope, &str); 3] = [
    (Scope::Documents, "document-token"),
    (Scope::Relationships, "relationship-token"),
    (Scope::Exclusions, "exclusion-token"),
];

/// What a token of items of `scope` is sealed for (directory entries, chosen to add an
/// exclusion, have their own: see [`ItemToken::seal_directory`]): each kind its own.
fn purpose(scope: Scope) -> Cow<'static, str> {
    match EARLIER_PURPOSES.iter().find(|(earlier, _)| *earlier == scope) {
        Some((_, name)) => Cow::Borrowed(name),
        None => Cow::Owned(format!("{}-token", scope.as_str())),
    }
}

impl ItemToken {
    /// Stable: the same item of the same person always has the same token (a page can
    /// find the item a token names in a later reading).
    pub fn seal(&self, sealer: &Sealer, scope: Scope) -> String {
        self.seal_for(sealer, &purpose(scope))
    }

    pub fn open(sealer: &Sealer, scope: Scope, sealed: &str) -> Option<ItemToken> {
        Self::open_for(sealer, &purpose(scope), sealed)
    }

    /// A directory entry's token: the care provider's number, for this person's record.
    pub fn seal_directory(sealer: &Sealer, subject: &Ssin, nihdi: &str) -> String {
        let token = ItemToken { subject: subject.expose().to_owned(), source: DIRECTORY.into(), id: nihdi.into() };
        token.seal_for(sealer, DIRECTORY_PURPOSE)
    }

    pub fn open_directory(sealer: &Sealer, sealed: &str) -> Option<ItemToken> {
        Self::open_for(sealer, DIRECTORY_PURPOSE, sealed)
    }

    fn seal_for(&self, sealer: &Sealer, purpose: &str) -> String {
        serde_json::to_vec(self).map(|json| sealer.seal_stable(purpose, &json)).unwrap_or_default()
    }

    fn open_for(sealer: &Sealer, purpose: &str, sealed: &str) -> Option<ItemToken> {
        serde_json::from_slice(&sealer.open(purpose, sealed)?).ok()
    }
}

/// Seals a source's id of one kind of item for one person.
pub(super) struct Tokens<'a> {
    pub sealer: &'a Sealer,
    pub subject: &'a Ssin,
    pub scope: Scope,
}

impl SealId for Tokens<'_> {
    fn seal(&self, source_id: &str, id: &str) -> String {
        let token =
            ItemToken { subject: self.subject.expose().to_owned(), source: source_id.to_owned(), id: id.to_owned() };
        token.seal(self.sealer, self.scope)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_seals_its_tokens_for_a_purpose_of_its_own() {
        let mut purposes: Vec<Cow<'static, str>> = Scope::ALL.iter().map(|s| purpose(*s)).collect();
        purposes.push(Cow::Borrowed(DIRECTORY_PURPOSE));
        let count = purposes.len();
        purposes.sort();
        purposes.dedup();
        assert_eq!(purposes.len(), count);
    }

    #[test]
    fn a_token_opens_only_for_its_own_kind() {
        let sealer = Sealer::new(&[7; 32]);
        let Ok(sofie) = Ssin::parse("85041212468") else { panic!("ssin") };
        let tokens = Tokens { sealer: &sealer, subject: &sofie, scope: Scope::Relationships };
        let sealed = tokens.seal("cozo", "10829059004");
        assert!(!sealed.contains("10829059004") && !sealed.contains("85041212468"));
        let opened = ItemToken::open(&sealer, Scope::Relationships, &sealed);
        assert_eq!(opened.map(|t| (t.source, t.id)), Some(("cozo".to_owned(), "10829059004".to_owned())));
        assert_eq!(ItemToken::open(&sealer, Scope::Documents, &sealed), None);
        assert_eq!(ItemToken::open(&sealer, Scope::Exclusions, &sealed), None);
        assert_eq!(ItemToken::open_directory(&sealer, &sealed), None);
        assert_eq!(tokens.seal("cozo", "10829059004"), sealed, "stable");
    }
}
