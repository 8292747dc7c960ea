//! What a page says when the service could not answer at all.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::context::use_lang;

#[component]
pub fn ProblemNotice(error: ApiError) -> impl IntoView {
    let lang = use_lang();
    let login = matches!(error, ApiError::Service(carnet_core::portal_service::ServiceError::Unauthenticated));
    view! {
        <div class="notice notice--error" role="alert" data-error=error.message_id()>
            <p>{lang.t(error.message_id())}</p>
            {login.then(|| view! { <p><a href="/auth/login">{lang.t("login-again")}</a></p> })}
        </div>
    }
}
