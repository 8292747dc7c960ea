//! Taking the record along: `POST /export` starts an export of the parts chosen (`part`,
//! repeated) with the page's one-time `key` and goes to its page (`/export?job=<key>`),
//! which follows it; `GET /export/{key}/{file}` downloads it once made: the patient
//! summary for care providers' software (`patient-summary.json`, FHIR), the same for people
//! (`patient-summary.pdf`) and the vaccination proof (`vaccination-proof.pdf`), each made
//! from what the export read, in the reader's language.

pub mod pdf;

use std::time::Duration;

use axum::Extension;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use carnet_app::context::RequestInfo;
use carnet_app::export::printable;
use carnet_app::i18n::Lang;
use carnet_connectors::ips;
use carnet_core::change::FormKey;
use carnet_core::date::{BelgianTime, rfc3339};
use carnet_core::export::ExportFile;
use carnet_core::kind::{Kind, Scope};
use carnet_core::portal_service::{ExportContent, ExportState, ServiceError};
use serde::Deserialize;

use super::declare::routes;
use super::{Back, Form, OrBack, Posted, SignedIn, chosen_parts, form_key};
use crate::AppState;

const PAGE: &str = "/export";

routes! {
    post "/export" => start,
    get "/export/{key}/{file}" => file,
}

#[derive(Deserialize)]
struct ExportForm {
    /// The parts chosen (scope names); none is a clear error on the page.
    #[serde(default)]
    part: Vec<String>,
    key: String,
}

impl Form for ExportForm {
    const PAGE: &'static str = PAGE;
}

async fn start(
    State(state): State<AppState>,
    signed: SignedIn,
    Posted(form): Posted<ExportForm>,
) -> Result<Back, Back> {
    let key = form_key(PAGE, &form.key)?;
    let parts = chosen_parts(PAGE, &form.part, "export-error-no-part")?;
    let (principal, request_id) = (signed.principal, signed.request_id);
    state.service.start_export(&principal, parts, &key, request_id.clone()).await.or_back(PAGE)?;
    // Most exports take a moment: the page then shows the download at once. A longer one
    // goes on in the background, and its page follows it.
    for _ in 0..15 {
        match state.service.export_job(&principal, &key, request_id.clone()).await {
            Ok(job) if matches!(job.state, ExportState::Running { .. }) => {
                tokio::time::sleep(Duration::from_millis(100)).await
            }
            _ => break,
        }
    }
    Ok(Back::to(PAGE).with("job", key.as_str()))
}

/// The file, made in the reader's language.
pub fn make(file: ExportFile, lang: Lang, content: &ExportContent) -> Result<Vec<u8>, ServiceError> {
    let failed = |e: String| {
        tracing::error!(error = %e, "an export's file could not be made");
        ServiceError::Internal
    };
    match file {
        ExportFile::Ips => {
            let at = rfc3339(content.made_ms);
            let part = |scope: Scope| content.readings.iter().find(|r| r.scope() == scope);
            let medication = part(Scope::Medication).cloned().and_then(carnet_core::medication::Medications::from_any);
            let allergies = part(Scope::Allergies).cloned().and_then(carnet_core::allergy::Allergies::from_any);
            let sumehr = part(Scope::SumEhr).cloned().and_then(carnet_core::sumehr::SumEhrs::from_any);
            let vaccinations =
                part(Scope::Vaccinations).cloned().and_then(carnet_core::vaccination::Vaccinations::from_any);
            let summary = ips::Summary {
                person: ips::Person { ssin: &content.ssin, name: &content.name, birth_date: content.birth_date },
                parts: ips::Parts {
                    medication: medication.as_ref().map(|r| &r.answers),
                    allergies: allergies.as_ref().map(|r| &r.answers),
                    sumehr: sumehr.as_ref().map(|r| &r.answers),
                    vaccinations: vaccinations.as_ref().map(|r| &r.answers),
                },
                at: &at,
                seed: content.seed,
            };
            serde_json::to_vec_pretty(&ips::bundle(&summary)).map_err(|e| failed(e.to_string()))
        }
        ExportFile::SummaryPdf => pdf::render(&printable::summary(lang, content)).map_err(failed),
        ExportFile::VaccinationProof => {
            let proof = printable::vaccination_proof(lang, content).ok_or(ServiceError::NotFound)?;
            pdf::render(&proof).map_err(failed)
        }
    }
}

/// `GET /export/{key}/patient-summary.json` (or `.pdf`, or `vaccination-proof.pdf`)
async fn file(
    State(state): State<AppState>,
    Path((key, name)): Path<(String, String)>,
    info: Option<Extension<RequestInfo>>,
    signed: SignedIn,
) -> Response {
    let (Some(key), Some(file)) = (FormKey::parse(&key), ExportFile::ALL.into_iter().find(|f| f.name() == name)) else {
        return Redirect::to(PAGE).into_response();
    };
    let back = |error: ServiceError| Back::error(PAGE, error.message_id()).with("job", key.as_str()).into_response();
    let lang = info.map_or(Lang::En, |Extension(info)| info.lang);
    let content = match state.service.export_content(&signed.principal, &key, signed.request_id).await {
        Ok(content) => content,
        Err(error) => return back(error),
    };
    // Making a PDF is work for a core: not on the threads that serve the pages.
    let made = tokio::task::spawn_blocking(move || {
        let bytes = make(file, lang, &content)?;
        let day = BelgianTime::at(content.made_ms).day;
        let saved = match file {
            ExportFile::Ips => format!("carnet-patient-summary-{day}.json"),
            ExportFile::SummaryPdf => format!("carnet-patient-summary-{day}.pdf"),
            ExportFile::VaccinationProof => format!("carnet-vaccination-proof-{day}.pdf"),
        };
        Ok::<_, ServiceError>((bytes, saved))
    })
    .await
    .unwrap_or(Err(ServiceError::Internal));
    let (bytes, saved) = match made {
        Ok(made) => made,
        Err(error) => return back(error),
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    let mut set = |name, value: String| {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    };
    set(header::CONTENT_TYPE, file.media_type().to_owned());
    set(header::CONTENT_DISPOSITION, format!("attachment; filename=\"{saved}\""));
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff".into());
    set(header::CACHE_CONTROL, "private, no-store".into());
    set(header::REFERRER_POLICY, "no-referrer".into());
    set(header::CONTENT_SECURITY_POLICY, "default-src 'none'; sandbox".into());
    response
}
