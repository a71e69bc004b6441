//! Moving keyboard focus (after a page change, a rating, a restore) and
//! clicking through a shortcut. A missing element is not an error: focus
//! simply stays where it is.

use wasm_bindgen::JsCast;

fn html(element: web_sys::Element) -> Option<web_sys::HtmlElement> {
    element.dyn_into::<web_sys::HtmlElement>().ok()
}

fn find(selector: &str) -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    html(document.query_selector(selector).ok()??)
}

/// Focuses the first element matching `selector`; whether there was one.
pub fn focus(selector: &str) -> bool {
    find(selector).map(|el| el.focus()).is_some()
}

/// Focuses the first element matching `selector` once the change just made
/// has been drawn (the element may only appear with it).
pub fn focus_after_render(selector: impl Into<String>) {
    let selector = selector.into();
    leptos::prelude::request_animation_frame(move || {
        focus(&selector);
    });
}

/// Focuses the first element of `selectors` that exists.
pub fn focus_first(selectors: &[&str]) -> bool {
    selectors.iter().any(|selector| focus(selector))
}

/// Whether focus was lost to the page (on the body, or on a removed node).
pub fn is_lost() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_none_or(|el| el.tag_name() == "BODY" || !el.is_connected())
}

/// Clicks the first element matching `selector`; whether there was one.
pub fn click(selector: &str) -> bool {
    find(selector).map(|el| el.click()).is_some()
}
