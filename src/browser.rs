//! The little the app needs from the browser outside Leptos: the location
//! hash, the history entry, the title and the scroll position. Failures here
//! are cosmetic, so they are ignored rather than surfaced.

use crate::route::Route;

pub fn current_route() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&hash)
}

/// Changes the URL without a navigation (and without a `hashchange`), so
/// typing in the search box does not pile up history entries.
pub fn replace_route(route: &Route) {
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ =
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&route.href()));
    }
}

pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

pub fn scroll_to_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
