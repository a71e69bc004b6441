//! The system share sheet for a file (`navigator.share({files})`), where the
//! browser can share files: Safari and Chromium on phones, some desktops.
//! Read through `Reflect`, as older engines lack the methods altogether.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The share data `{files: [file]}` for a text file.
fn share_data(file_name: &str, mime: &str, text: &str) -> Option<Object> {
    let options = web_sys::FilePropertyBag::new();
    options.set_type(mime);
    let parts = Array::of1(&JsValue::from_str(text));
    let file =
        web_sys::File::new_with_str_sequence_and_options(&parts, file_name, &options).ok()?;
    let data = Object::new();
    Reflect::set(&data, &"files".into(), &Array::of1(&file)).ok()?;
    Some(data)
}

fn navigator_method(name: &str) -> Option<(JsValue, Function)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let method = Reflect::get(&navigator, &name.into()).ok()?;
    Some((navigator, method.dyn_into::<Function>().ok()?))
}

/// Whether this browser can hand such a file to the share sheet.
pub fn can_share_file(file_name: &str, mime: &str) -> bool {
    let (Some((navigator, can_share)), Some(data)) = (
        navigator_method("canShare"),
        share_data(file_name, mime, ""),
    ) else {
        return false;
    };
    navigator_method("share").is_some()
        && can_share
            .call1(&navigator, &data)
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
}

/// How a share ended.
pub enum Shared {
    Done,
    /// The user closed the sheet.
    Cancelled,
    Failed(String),
}

/// Opens the share sheet with the file.
pub async fn share_file(file_name: &str, mime: &str, text: &str) -> Shared {
    let (Some((navigator, share)), Some(data)) =
        (navigator_method("share"), share_data(file_name, mime, text))
    else {
        return Shared::Failed("this browser cannot share files".into());
    };
    let promise = match share.call1(&navigator, &data) {
        Ok(promise) => js_sys::Promise::from(promise),
        Err(e) => return Shared::Failed(format!("{e:?}")),
    };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Shared::Done,
        Err(error) => {
            let name = Reflect::get(&error, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "AbortError" {
                Shared::Cancelled
            } else {
                Shared::Failed(name)
            }
        }
    }
}

impl Shared {
    /// What to tell the user: `done` once shared; else why not, pointing at
    /// `instead`, the button that downloads the file.
    pub fn message(&self, done: String, what: &str, instead: &str) -> String {
        match self {
            Shared::Done => done,
            Shared::Cancelled => "Sharing was cancelled.".to_string(),
            Shared::Failed(why) => {
                format!("The {what} could not be shared ({why}): use \u{201c}{instead}\u{201d}.")
            }
        }
    }
}
