//! Each kind of data as the app shows it (listed in `shown_kinds!` in `lib.rs`): the page
//! that shows it, its dashboard tile (the tile's anchor and heading) and the category of
//! its lines in the access log. (The tile itself: `dashboard/tiles.rs`.)

use carnet_core::kind::Scope;

/// Where a kind of data is shown.
pub struct Shown {
    /// The page that shows it.
    pub page: &'static str,
    /// Its dashboard tile: the tile's anchor and its heading's message id (`None`: no tile).
    pub tile: Option<(&'static str, &'static str)>,
    /// The access log's filter its lines fall under (Carnet's reads of it alone).
    pub log_category: &'static str,
}

macro_rules! shown {
    ($($variant:ident: page $page:literal, log $log:literal, tile $tile:tt;)+) => {
        pub const fn shown(scope: Scope) -> Shown {
            match scope {
                $(Scope::$variant => Shown { page: $page, tile: shown!(@tile $tile), log_category: $log },)+
            }
        }
    };
    (@tile none) => { None };
    (@tile ($anchor:literal, $heading:literal, $draw:path)) => { Some(($anchor, $heading)) };
}

shown_kinds!(shown);

/// The dashboard's tiles, in the order the page shows them (the kinds' order).
pub fn dashboard_tiles() -> Vec<Scope> {
    Scope::ALL.iter().copied().filter(|scope| shown(*scope).tile.is_some()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_tile_but_the_two_its_neighbours_show() {
        // The summary's page shows the SumEHRs (the allergies are its tile); the care team's
        // tile links to the exclusions.
        let without: Vec<Scope> = Scope::ALL.iter().copied().filter(|s| shown(*s).tile.is_none()).collect();
        assert_eq!(without, vec![Scope::SumEhr, Scope::Exclusions]);
    }

    #[test]
    fn every_kind_is_shown_on_a_page_and_every_tile_has_its_own_anchor_and_heading() {
        let mut anchors: Vec<&str> = Scope::ALL.iter().filter_map(|s| shown(*s).tile).map(|(a, _)| a).collect();
        assert!(Scope::ALL.iter().all(|s| shown(*s).page.starts_with('/')));
        let count = anchors.len();
        anchors.sort();
        anchors.dedup();
        assert_eq!(anchors.len(), count);
    }
}
