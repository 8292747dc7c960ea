//! The browser entry point: hydrates the islands (the interactive parts) of the
//! server-rendered page. Everything else stays plain HTML.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // Link the app so its islands are registered.
    let _ = carnet_app::components::term::term;
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
