//! Fetches a file of the bank's text (`opsdrill_core::bank::text_chunks`,
//! beside index.html) and unpacks it with the browser's own
//! `DecompressionStream` as it arrives: no decoder in the wasm, no long
//! task. For a question's deep link the loader in index.html has already
//! started the fetch of its chunk, in parallel with the wasm, and left
//! `{ file, response }` in `window.__opsdrillBank`: it is taken rather than
//! fetched again.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

// DecompressionStream is in every current engine, but still behind
// web-sys's unstable APIs: the little used of it is bound here.
#[wasm_bindgen]
extern "C" {
    type DecompressionStream;

    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;

    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> web_sys::ReadableStream;

    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> web_sys::WritableStream;
}

const STARTED: &str = "__opsdrillBank";

/// The unpacked text's bytes, or what went wrong, for the user to read.
pub async fn fetch(file: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let started = js_sys::Reflect::get(&window, &JsValue::from_str(STARTED))
        .ok()
        .filter(|s| {
            js_sys::Reflect::get(s, &JsValue::from_str("file"))
                .ok()
                .and_then(|f| f.as_string())
                == Some(file.to_string())
        })
        .and_then(|s| js_sys::Reflect::get(&s, &JsValue::from_str("response")).ok())
        .filter(|p| p.is_instance_of::<js_sys::Promise>());
    if started.is_some() {
        let _ = js_sys::Reflect::delete_property(&window, &JsValue::from_str(STARTED));
    }
    let response = match started {
        Some(promise) => JsFuture::from(promise.unchecked_into::<js_sys::Promise>()).await,
        None => JsFuture::from(window.fetch_with_str(&format!("./{file}"))).await,
    }
    .map_err(|_| "the network request failed".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response")?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let body = response.body().ok_or("the server sent an empty file")?;
    let has_unpacker =
        js_sys::Reflect::has(&window, &JsValue::from_str("DecompressionStream")).unwrap_or(false);
    if !has_unpacker {
        return Err("this browser cannot unpack it (it has no DecompressionStream): please update the browser".into());
    }
    let unpack = DecompressionStream::new("gzip").map_err(|_| "this browser cannot unpack gzip")?;
    let unpacked = body.pipe_through(&web_sys::ReadableWritablePair::new(
        &unpack.readable(),
        &unpack.writable(),
    ));
    let unpacked = web_sys::Response::new_with_opt_readable_stream(Some(&unpacked))
        .map_err(|_| "the file could not be read")?;
    let buffer = JsFuture::from(
        unpacked
            .array_buffer()
            .map_err(|_| "the file could not be read")?,
    )
    .await
    .map_err(|_| "the download was cut off, or the file is damaged".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
