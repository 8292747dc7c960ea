//! Each tile of the dashboard, from its capability (`crate::<capability>::tile`), as
//! `shown_kinds!` in `lib.rs` lists them.

use carnet_core::kind::AnyReading;
use leptos::prelude::*;

use crate::i18n::Lang;

macro_rules! tiles {
    ($($variant:ident: page $page:literal, log $log:literal, tile $tile:tt;)+) => {
        /// The tile of a reading, whichever kind it is of: one arm per kind, so a new kind
        /// does not compile until it has its tile (or says it has none).
        pub fn body(lang: Lang, reading: AnyReading) -> AnyView {
            match reading {
                $(AnyReading::$variant(reading) => tiles!(@draw lang, reading, $tile),)+
            }
        }
    };
    (@draw $lang:ident, $reading:ident, none) => {{
        let _ = ($lang, $reading);
        ().into_any()
    }};
    (@draw $lang:ident, $reading:ident, ($anchor:literal, $heading:literal, $draw:path)) => {
        $draw($lang, $reading).into_any()
    };
}

shown_kinds!(tiles);
