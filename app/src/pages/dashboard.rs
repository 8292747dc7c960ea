//! The dashboard: what matters now, visible without clicking.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{ApiError, get_dashboard};
use crate::components::vaccination_list::VaccinationList;
use crate::context::use_lang;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let lang = use_lang();
    let dashboard = Resource::new(|| (), |_| get_dashboard());
    view! {
        <Title text=lang.t("dashboard-title")/>
        <h1>{lang.t("dashboard-title")}</h1>
        <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("dashboard-loading")}</p> }>
            {move || Suspend::new(async move {
                match dashboard.await {
                    Ok(data) => view! {
                        <p class="greeting">{lang.t_args("dashboard-greeting", &[("name", data.display_name.clone().into())])}</p>
                        <p>{lang.t("dashboard-intro")}</p>
                        <VaccinationList answers=data.vaccinations/>
                    }.into_any(),
                    Err(error) => view! { <ProblemNotice error=error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProblemNotice(error: ApiError) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="notice notice--error" role="alert">
            <p>{lang.t(error.message_id())}</p>
            <p><a href="/auth/login" rel="external">{lang.t("login-again")}</a></p>
        </div>
    }
}
