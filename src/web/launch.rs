//! Files the installed app is opened with ("Open with OpsDrill" on a backup
//! file, where the platform supports the manifest's `file_handlers`: Chromium
//! on desktops), from `window.launchQueue`. Engines without it never call.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::js;

/// Calls `on_file` with each file the app is launched with, now (the files
/// it was opened with) and later (a file opened while it runs).
pub fn listen(on_file: impl Fn(web_sys::File) + 'static) {
    let Some(queue) = web_sys::window().and_then(|w| js::get(&w, "launchQueue")) else {
        return;
    };
    let on_file = std::rc::Rc::new(on_file);
    let consumer = Closure::<dyn FnMut(JsValue)>::new(move |params: JsValue| {
        let Some(files) = js::get(&params, "files") else {
            return;
        };
        for handle in Array::from(&files).iter() {
            let on_file = std::rc::Rc::clone(&on_file);
            wasm_bindgen_futures::spawn_local(async move {
                let Some(promise) = js::call(&handle, "getFile", &[]) else {
                    return;
                };
                if let Ok(file) = JsFuture::from(Promise::from(promise)).await {
                    if let Ok(file) = file.dyn_into::<web_sys::File>() {
                        on_file(file);
                    }
                }
            });
        }
    });
    js::call(&queue, "setConsumer", &[consumer.as_ref()]);
    // The queue calls it for the app's lifetime.
    consumer.forget();
}
