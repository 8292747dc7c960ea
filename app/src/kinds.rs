//! Each kind of data as the app shows it: the page that shows it, its dashboard tile (the
//! tile's anchor and heading) and the category of its lines in the access log. One
//! `match` over every kind: a new kind does not compile until it says where it is shown.
//! (The tile itself: `dashboard/tiles.rs`.)

use carnet_core::kind::Scope;

/// Where a kind of data is shown.
pub struct Shown {
    /// The page that shows it.
    pub page: Option<&'static str>,
    /// Its dashboard tile: the tile's anchor and its heading's message id (`None`: no tile).
    pub tile: Option<(&'static str, &'static str)>,
    /// The access log's filter its lines fall under (Carnet's reads of it alone).
    pub log_category: &'static str,
}

pub const fn shown(scope: Scope) -> Shown {
    let (page, tile, log_category) = match scope {
        Scope::Documents => (Some("/documents"), Some(("documents", "tile-documents")), "documents"),
        Scope::SumEhr => (Some("/summary"), None, "sumehr"),
        Scope::Vaccinations => (Some("/vaccinations"), Some(("vaccinations", "tile-vaccinations")), "vaccinations"),
        Scope::Medication => (Some("/medication"), Some(("medication", "tile-medication")), "medication"),
        Scope::Allergies => (Some("/summary"), Some(("allergies", "tile-allergies")), "allergies"),
        Scope::Consent => (Some("/consent"), Some(("consent", "tile-consent")), "other"),
        Scope::Relationships => (Some("/care-team"), Some(("care-team", "tile-care-team")), "other"),
        Scope::Exclusions => (Some("/exclusions"), None, "other"),
        Scope::AccessEvents => (Some("/access-log"), Some(("access", "tile-access")), "other"),
    };
    Shown { page, tile, log_category }
}

/// The dashboard's tiles, in the order the page shows them (the kinds' order).
pub fn dashboard_tiles() -> Vec<Scope> {
    Scope::ALL.iter().copied().filter(|scope| shown(*scope).tile.is_some()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dashboard_shows_seven_tiles_in_the_record_order() {
        assert_eq!(
            dashboard_tiles(),
            vec![
                Scope::Documents,
                Scope::Vaccinations,
                Scope::Medication,
                Scope::Allergies,
                Scope::Consent,
                Scope::Relationships,
                Scope::AccessEvents,
            ]
        );
    }

    #[test]
    fn every_kind_is_shown_on_a_page_and_every_tile_has_its_own_anchor() {
        let mut anchors: Vec<&str> = Scope::ALL.iter().filter_map(|s| shown(*s).tile).map(|(a, _)| a).collect();
        assert!(Scope::ALL.iter().all(|s| shown(*s).page.is_some()));
        let count = anchors.len();
        anchors.sort();
        anchors.dedup();
        assert_eq!(anchors.len(), count);
    }
}
