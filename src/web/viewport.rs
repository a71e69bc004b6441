//! Whether an element is near the viewport (`IntersectionObserver`): parts
//! of a page below the fold load their code when the user gets near them,
//! not while the page they are on is starting.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Watches one element; dropping it stops watching.
pub struct NearView {
    observer: IntersectionObserver,
    _on_change: Closure<dyn FnMut(Array, IntersectionObserver)>,
}

/// Calls `on_near` once, when `element` comes within 200 px below the
/// viewport (a part just under the fold starts loading as the user scrolls
/// towards it, not while the page starts); `None` where the browser cannot
/// tell (then load at once).
pub fn when_near(element: &Element, on_near: impl FnOnce() + 'static) -> Option<NearView> {
    let mut on_near = Some(on_near);
    let on_change = Closure::<dyn FnMut(Array, IntersectionObserver)>::new(
        move |entries: Array, observer: IntersectionObserver| {
            let near = entries.iter().any(|e| {
                e.dyn_into::<IntersectionObserverEntry>()
                    .is_ok_and(|e| e.is_intersecting())
            });
            if near {
                observer.disconnect();
                if let Some(on_near) = on_near.take() {
                    on_near();
                }
            }
        },
    );
    let options = IntersectionObserverInit::new();
    options.set_root_margin("0px 0px 200px 0px");
    let observer =
        IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options)
            .ok()?;
    observer.observe(element);
    Some(NearView {
        observer,
        _on_change: on_change,
    })
}

impl Drop for NearView {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}
