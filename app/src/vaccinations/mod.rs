//! Vaccinations: the history from every source, and where it applies the status against
//! the Belgian basic vaccination schedule. Printable as a proof (print stylesheet).

pub mod list;
pub mod schedule;
mod tile;
pub use tile::tile;

use carnet_core::kind::Reading;
use carnet_core::vaccination::Vaccinations;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{once, read};
use crate::components::problem_notice::ProblemNotice;
use crate::components::term::term;
use crate::context::{PageContext, use_lang};
use crate::vaccinations::list::VaccinationList;
use crate::vaccinations::schedule::ScheduleOverview;

#[component]
pub fn VaccinationsPage() -> impl IntoView {
    let lang = use_lang();
    let name = use_context::<PageContext>().and_then(|p| p.user_name).unwrap_or_default();
    let vaccinations = once(read::<Vaccinations>());
    view! {
        <Title text=lang.t("vaccinations-title")/>
        <h1>{lang.t("vaccinations-title")}</h1>
        <p class="print-only">{lang.t_args("vaccinations-proof-for", &[("name", name.into()), ("date", lang.date(crate::api::today().into()).into())])}</p>
        <p class="no-print">{lang.t("vaccinations-intro")}" "{term(lang, "basic-vaccination-schedule")}</p>
        <Suspense fallback=move || view! { <p class="loading" role="status">{lang.t("page-loading")}</p> }>
            {move || { let vaccinations = vaccinations.clone(); Suspend::new(async move {
                match vaccinations.await {
                    Ok(Reading { answers, derived: status }) => view! {
                        <ScheduleOverview status answers=answers.clone()/>
                        <VaccinationList answers/>
                    }.into_any(),
                    Err(error) => view! { <ProblemNotice error/> }.into_any(),
                }
            })}}
        </Suspense>
        <p class="no-print">{lang.t("vaccinations-print-help")}</p>
    }
}
