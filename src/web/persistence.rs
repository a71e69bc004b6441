//! Persistent storage (`navigator.storage`): asking the browser not to clear
//! the site's data when space runs low, and what it says it uses. Each call
//! is fallible: older browsers have no StorageManager.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::has(&navigator, &"storage".into())
        .ok()
        .filter(|has| *has)?;
    Some(navigator.storage())
}

/// Asks once per page load, without waiting (Settings shows the answer).
/// Called when the user has written something worth keeping.
pub fn ask_once() {
    if !ASKED.with(|a| a.replace(true)) {
        if let Some(manager) = manager() {
            let _ = manager.persist();
        }
    }
}

/// Asks again (from Settings); the browser's answer, if it gives one.
pub async fn ask() -> Option<bool> {
    ASKED.with(|a| a.set(true));
    let promise = manager()?.persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Whether storage is persistent, when the browser says.
pub async fn persisted() -> Option<bool> {
    let promise = manager()?.persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// The browser's estimate of what the site uses and may use, in bytes
/// (every store together: localStorage, caches, IndexedDB).
pub async fn estimate() -> Option<(f64, f64)> {
    let promise = manager()?.estimate().ok()?;
    let estimate: web_sys::StorageEstimate = JsFuture::from(promise).await.ok()?.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}
