//! Carnet's pages and components, rendered on the server and hydrated in the browser.
//!
//! Organised by capability: `<capability>/` holds its page and its dashboard tile (and the
//! parts only it shows), `components/` what every page uses, `api.rs` the server
//! functions the pages call (which reach the domain only through
//! [`carnet_core::portal_service::PortalService`], provided by the server as context).
//!
//! Showing a new kind of data is this file's business only (besides its own
//! `<capability>/`): its module line, its line in `shown_kinds!` and its page's route in
//! [`App`].

/// Each kind of data as the app shows it, once, in the record's order (the core's
/// `record_kinds!`): the page that shows it, the access log's filter its lines fall under
/// (Carnet's reads of it alone) and its dashboard tile — the tile's anchor, its heading's
/// message id and the function that draws it from the kind's reading — or `none`.
/// `kinds.rs` and `dashboard/tiles.rs` expand it: a kind missing here does not compile.
macro_rules! shown_kinds {
    ($then:ident) => {
        $then! {
            Documents: page "/documents", log "documents",
                tile ("documents", "tile-documents", crate::documents::tile);
            // The summary's page shows it; the allergies are its tile.
            SumEhr: page "/summary", log "sumehr", tile none;
            Vaccinations: page "/vaccinations", log "vaccinations",
                tile ("vaccinations", "tile-vaccinations", crate::vaccinations::tile);
            Medication: page "/medication", log "medication",
                tile ("medication", "tile-medication", crate::medication::tile);
            Allergies: page "/summary", log "allergies",
                tile ("allergies", "tile-allergies", crate::summary::tile);
            Consent: page "/consent", log "other", tile ("consent", "tile-consent", crate::consent::tile);
            Relationships: page "/care-team", log "other",
                tile ("care-team", "tile-care-team", crate::care_team::tile);
            // Shown with the care team's tile's link to its page.
            Exclusions: page "/exclusions", log "other", tile none;
            AccessEvents: page "/access-log", log "other", tile ("access", "tile-access", crate::access_log::tile);
        }
    };
}

pub mod access_log;
pub mod act_for;
pub mod api;
pub mod care_team;
pub mod components;
pub mod consent;
pub mod context;
pub mod dashboard;
pub mod documents;
pub mod exclusions;
pub mod export;
pub mod glossary;
pub mod helpdesk;
pub mod home;
pub mod i18n;
pub mod kinds;
pub mod logged_out;
pub mod mandates;
pub mod medication;
pub mod problem;
pub mod share;
pub mod summary;
pub mod support;
pub mod vaccinations;
pub mod who_can_see;

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{ParamSegment, SsrMode, StaticSegment};

use crate::access_log::AccessLogPage;
use crate::act_for::ActForPage;
use crate::care_team::CareTeamPage;
use crate::components::layout::Layout;
use crate::consent::ConsentPage;
use crate::context::PageContext;
use crate::dashboard::DashboardPage;
use crate::documents::{DocumentPage, DocumentsPage};
use crate::exclusions::ExclusionsPage;
use crate::export::ExportPage;
use crate::glossary::GlossaryPage;
use crate::helpdesk::HelpdeskPage;
use crate::mandates::MandatesPage;
use crate::medication::MedicationPage;
use crate::share::{SharePage, SharedPage};
use crate::summary::SummaryPage;
use crate::support::SupportPage;
use crate::vaccinations::VaccinationsPage;
use crate::who_can_see::WhoCanSeePage;
use crate::{home::HomePage, logged_out::LoggedOutPage, problem::NotFound, problem::ProblemPage};

/// The HTML document around the app (server only).
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = context::server_request_info().map(|info| info.lang).unwrap_or(i18n::Lang::En);
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <meta name="description" content=lang.t("meta-description")/>
                // Named by its content (see server/carnet/src/static_files.rs): kept a year.
                <link rel="stylesheet" href=format!("/pkg/{}.css", options.output_name)/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                // Islands: only the few interactive parts load WebAssembly; every page is
                // complete HTML from the server.
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let page = PageContext::provide();
    let lang = page.lang;
    view! {
        // leptos_meta writes the title into the page as it is: escaped here, since a title
        // can come from a source (a document's title) and sources are hostile.
        <Title formatter=move |text: String| {
            let title = if text.is_empty() { lang.t("app-name") } else { format!("{text} – {}", lang.t("app-name")) };
            carnet_core::markup::escape(&title)
        }/>
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=StaticSegment("") view=HomePage/>
                    // In-order streaming: each part is plain HTML when it arrives, so the
                    // page shows without JavaScript too (see dashboard/mod.rs).
                    <Route path=StaticSegment("dashboard") view=DashboardPage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("documents") view=DocumentsPage ssr=SsrMode::InOrder/>
                    // One document waits for its one source, so the page's <title> can be its title.
                    <Route path=(StaticSegment("documents"), ParamSegment("token")) view=DocumentPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("vaccinations") view=VaccinationsPage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("medication") view=MedicationPage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("summary") view=SummaryPage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("export") view=ExportPage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("share") view=SharePage ssr=SsrMode::InOrder/>
                    // A share's page, for whoever holds its link (no login), whole at once.
                    <Route path=(StaticSegment("s"), ParamSegment("link")) view=SharedPage ssr=SsrMode::Async/>
                    // The citizen's controls: each page shows a change's report and the
                    // confirmation step from its query string.
                    <Route path=StaticSegment("consent") view=ConsentPage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("care-team") view=CareTeamPage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("exclusions") view=ExclusionsPage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("access-log") view=AccessLogPage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("who-can-see") view=WhoCanSeePage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("mandates") view=MandatesPage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("act-for") view=ActForPage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("support") view=SupportPage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("helpdesk") view=HelpdeskPage ssr=SsrMode::InOrder/>
                    <Route path=StaticSegment("glossary") view=GlossaryPage/>
                    <Route path=StaticSegment("logged-out") view=LoggedOutPage/>
                    <Route path=StaticSegment("problem") view=ProblemPage/>
                </Routes>
            </Layout>
        </Router>
    }
}
