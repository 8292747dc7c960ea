//! Opening a document: the token names whose record and which document; the policy
//! decides on that person, then what the document turns out to be decides again.

use carnet_connectors::document_body;
use carnet_core::action::Action;
use carnet_core::audit::{AuditEvent, Outcome};
use carnet_core::document::DocumentContent;
use carnet_core::document::{DocumentEntry, Documents};
use carnet_core::kind::{self, Kind, KindVisitor, Scope};
use carnet_core::policy::{Authorized, Denied, Read};
use carnet_core::portal_service::{DocumentService, OpenedDocument, ServiceError};
use carnet_core::{Principal, Ssin};
use futures::FutureExt;
use futures::future::BoxFuture;

use super::tokens::ItemToken;
use super::{Inner, Portal};

#[async_trait::async_trait]
impl DocumentService for Portal {
    #[tracing::instrument(name = "portal.document", skip_all)]
    async fn document(
        &self,
        principal: &Principal,
        token: &str,
        request_id: Option<String>,
    ) -> Result<OpenedDocument, ServiceError> {
        let (opened, _) = self.open_audited(principal, token, request_id, false).await?;
        Ok(opened)
    }

    async fn document_file(
        &self,
        principal: &Principal,
        token: &str,
        request_id: Option<String>,
    ) -> Result<(OpenedDocument, DocumentContent), ServiceError> {
        self.open_audited(principal, token, request_id, true).await
    }
}

impl Portal {
    /// Opens a document by its token: the token names whose record it is in, and the policy
    /// decides on that person (a token of someone else's document is a refusal, audited in
    /// their log), then the document is fetched and what it is decides the rest: content
    /// of a kind the grant does not cover (a SumEHR under `documents` alone) is refused and
    /// the refusal audited, parts of such kinds inside it are withheld (and then the file,
    /// which cannot be cut, is not served: `whole_file`). The audit entry names the kinds
    /// shown.
    async fn open_audited(
        &self,
        principal: &Principal,
        sealed: &str,
        request_id: Option<String>,
        whole_file: bool,
    ) -> Result<(OpenedDocument, DocumentContent), ServiceError> {
        let inner = &self.inner;
        // A token this portal did not seal names no document.
        let token = ItemToken::open(&inner.sealer, Scope::Documents, sealed).ok_or(ServiceError::NotFound)?;
        let subject = Ssin::parse(&token.subject).map_err(|_| ServiceError::NotFound)?;
        let proof = inner.authorize::<Read<Documents>>(principal, &subject, &request_id).await?;
        let sources = [token.source.as_str()];
        let listed = match inner.list_entry(&proof, &token).await {
            Ok(listed) => listed,
            Err(e) => return inner.failed_open(&proof, &sources, &request_id, e).await,
        };
        // A document whose type says it is of a kind the grant does not cover is refused
        // before it is fetched (the source would record that Carnet opened it).
        let mut kinds = kind::document_kinds(&listed.0);
        if let Some(scope) = proof.covers().missing(&kinds).first() {
            return Err(inner.refuse_kind(principal, &subject, *scope, &request_id).await);
        }
        let (mut opened, content) = match inner.fetch_document(&proof, &token.source, listed, sealed).await {
            Ok(opened) => opened,
            Err(e) => return inner.failed_open(&proof, &sources, &request_id, e).await,
        };
        // What it turns out to be decides again.
        kinds.extend(kind::body_kinds(&opened.body));
        if let Some(scope) = proof.covers().missing(&kinds).first() {
            return Err(inner.refuse_kind(principal, &subject, *scope, &request_id).await);
        }
        let (parts, withheld) = kind::withhold_body(&mut opened.body, proof.covers());
        if whole_file && let Some(scope) = withheld.first() {
            return Err(inner.refuse_kind(principal, &subject, *scope, &request_id).await);
        }
        let mut shown = vec![Scope::Documents];
        shown.extend(kinds);
        shown.extend(parts);
        shown.sort();
        shown.dedup();
        opened.withheld = withheld;
        inner.write_audit(&[AuditEvent::read_showing(&proof, &shown, Outcome::Success, &sources, request_id)]).await?;
        Ok((opened, content))
    }
}

impl Inner {
    /// Finds the document behind a token in its source's list (with the source's name).
    async fn list_entry(
        &self,
        proof: &Authorized<Read<Documents>>,
        token: &ItemToken,
    ) -> Result<(DocumentEntry, String), ServiceError> {
        let source_id = token.source.as_str();
        let answers = self.sources.read_from(proof, Some(source_id)).await;
        let answer = answers.into_iter().find(|a| a.source_id == source_id).ok_or(ServiceError::NotFound)?;
        let items = answer.result.map_err(|_| ServiceError::SourceUnavailable)?;
        let entry = items
            .into_iter()
            .filter_map(|item| item.read().cloned())
            .find(|entry| entry.id == token.id)
            .ok_or(ServiceError::NotFound)?;
        Ok((entry, answer.source_name))
    }

    /// Fetches a listed document from its source; the page sees it by its token (`sealed`).
    async fn fetch_document(
        &self,
        proof: &Authorized<Read<Documents>>,
        source_id: &str,
        (entry, source_name): (DocumentEntry, String),
        sealed: &str,
    ) -> Result<(OpenedDocument, DocumentContent), ServiceError> {
        let content = self.sources.document(proof, source_id, &entry.id).await.map_err(|e| match e {
            carnet_connectors::ConnectorError::NotFound => ServiceError::NotFound,
            // What the source sent cannot be read: saying "try again later" would mislead.
            carnet_connectors::ConnectorError::Malformed(_) => ServiceError::Unreadable,
            _ => ServiceError::SourceUnavailable,
        })?;
        let body = document_body::interpret(&content);
        let entry = DocumentEntry { id: sealed.to_owned(), ..entry };
        Ok((OpenedDocument { entry, source_name, body, withheld: Vec::new() }, content))
    }
}

impl Inner {
    /// A document that could not be opened: the attempt is audited, the error answered.
    async fn failed_open<T>(
        &self,
        proof: &Authorized<Read<Documents>>,
        sources: &[&str],
        request_id: &Option<String>,
        error: ServiceError,
    ) -> Result<T, ServiceError> {
        self.write_audit(&[AuditEvent::allowed(proof, Outcome::Failure, sources, request_id.clone())]).await?;
        Err(error)
    }

    /// Refuses content of `scope` found inside another part of the record, through the
    /// policy (which writes the refusal, with its reason, to the subject's audit log).
    async fn refuse_kind(
        &self,
        principal: &Principal,
        subject: &Ssin,
        scope: Scope,
        request_id: &Option<String>,
    ) -> ServiceError {
        let decided = scope.visit(AuthorizeKind { inner: self, principal, subject, request_id }).await;
        match decided {
            Err(e) => e,
            // The grant changed between the two decisions: refused all the same.
            Ok(()) => {
                self.audit_refusal(principal, subject, Action::Read(scope), Denied::NoBasis, request_id).await;
                ServiceError::Forbidden
            }
        }
    }
}

/// The policy's decision on reading the kind a scope names (the proof is not kept).
struct AuthorizeKind<'a> {
    inner: &'a Inner,
    principal: &'a Principal,
    subject: &'a Ssin,
    request_id: &'a Option<String>,
}

impl<'a> KindVisitor for AuthorizeKind<'a> {
    type Out = BoxFuture<'a, Result<(), ServiceError>>;
    fn visit<K: Kind>(self) -> Self::Out {
        async move { self.inner.authorize::<Read<K>>(self.principal, self.subject, self.request_id).await.map(|_| ()) }
            .boxed()
    }
}
