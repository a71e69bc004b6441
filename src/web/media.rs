//! What a refused `getUserMedia` means, for the microphone (recording) and
//! the camera (receiving a transfer) alike.

use wasm_bindgen::JsValue;

use super::js;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MediaFailure {
    /// The user or the browser's settings said no.
    Denied,
    /// No such device.
    Missing,
    /// Another app holds it.
    InUse,
    Failed(String),
}

impl MediaFailure {
    pub fn of(error: &JsValue) -> MediaFailure {
        let name = js::get(error, "name")
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        match name.as_str() {
            "NotAllowedError" | "SecurityError" | "PermissionDeniedError" => MediaFailure::Denied,
            "NotFoundError" | "OverconstrainedError" | "DevicesNotFoundError" => {
                MediaFailure::Missing
            }
            "NotReadableError" | "AbortError" => MediaFailure::InUse,
            "" => MediaFailure::Failed(format!("{error:?}")),
            other => MediaFailure::Failed(other.to_string()),
        }
    }
}

/// The browser's `navigator.mediaDevices`, where it has `getUserMedia`
/// (only in a secure context).
pub fn devices() -> Option<web_sys::MediaDevices> {
    let navigator = web_sys::window()?.navigator();
    js::get(&navigator, "mediaDevices")
        .filter(|devices| js::function(devices, "getUserMedia").is_some())?;
    navigator.media_devices().ok()
}

pub fn stop_tracks(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks() {
        if let Ok(track) = wasm_bindgen::JsCast::dyn_into::<web_sys::MediaStreamTrack>(track) {
            track.stop();
        }
    }
}
