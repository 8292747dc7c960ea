//! Each tile of the dashboard, from its capability (`crate::<capability>::tile`).

use carnet_core::kind::AnyReading;
use leptos::prelude::*;

use crate::i18n::Lang;

/// The tile of a reading, whichever kind it is of: one arm per kind, so a new kind does
/// not compile until it has its tile here (or says why it has none).
pub fn body(lang: Lang, reading: AnyReading) -> AnyView {
    match reading {
        AnyReading::Documents(r) => crate::documents::tile(lang, &r.answers).into_any(),
        AnyReading::Vaccinations(r) => crate::vaccinations::tile(lang, &r.answers, r.derived).into_any(),
        AnyReading::Medication(r) => crate::medication::tile(lang, &r.answers).into_any(),
        AnyReading::Allergies(r) => crate::summary::tile(lang, &r.answers).into_any(),
        AnyReading::Consent(r) => crate::consent::tile(lang, &r.answers).into_any(),
        AnyReading::Relationships(r) => crate::care_team::tile(lang, &r.answers).into_any(),
        AnyReading::AccessEvents(r) => crate::access_log::tile(lang, &r.answers).into_any(),
        // Not tiles of the dashboard (see `kinds::shown`): SumEHRs and
        // exclusions have their own pages (/summary, /exclusions).
        AnyReading::SumEhr(_) | AnyReading::Exclusions(_) => ().into_any(),
    }
}
