//! The camera for receiving a transfer: the rear camera where there is one,
//! shown in a `<video>`, and the QR codes in what it sees. The browser's
//! `BarcodeDetector` reads them where it has one (Chromium on Android and
//! macOS); elsewhere, or if it fails, the pure-Rust reader does
//! (`transfer::qr::frames_in`), so Safari and Firefox receive too.

use std::cell::RefCell;

use js_sys::{Array, Object};
use opsdrill_core::transfer::qr;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream};

use super::js;
use super::media::{self, MediaFailure};

/// Why the camera is not there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CameraError {
    Unsupported,
    Failure(MediaFailure),
}

impl CameraError {
    pub fn message(&self) -> String {
        match self {
            CameraError::Unsupported => "This browser cannot use a camera here. Send a backup file instead (Settings, Export backup or Share backup).".into(),
            CameraError::Failure(MediaFailure::Denied) => "The camera is not allowed for OpsDrill. Allow it in the browser's site settings, then open the camera again. Nothing was changed.".into(),
            CameraError::Failure(MediaFailure::Missing) => "No camera was found on this device. Send a backup file instead (Settings, Export backup or Share backup).".into(),
            CameraError::Failure(MediaFailure::InUse) => "The camera is busy in another app. Close it, then open the camera again.".into(),
            CameraError::Failure(MediaFailure::Failed(why)) => format!("The camera could not be opened ({why})."),
        }
    }
}

/// The largest side of the image handed to a reader: a code across half
/// of it still has 4 pixels a module, and the pure-Rust reader's work grows
/// with the pixels.
const MAX_SIDE: u32 = 800;

pub struct Camera {
    stream: MediaStream,
    video: HtmlVideoElement,
    canvas: HtmlCanvasElement,
    context: CanvasRenderingContext2d,
    /// The browser's reader, while it works.
    detector: RefCell<Option<JsValue>>,
}

/// `{video: {facingMode: {ideal: "environment"}}}`: the rear camera where
/// there is one, any camera otherwise.
fn rear_camera() -> web_sys::MediaStreamConstraints {
    let facing = Object::new();
    js::set(&facing, "ideal", &"environment".into());
    let video = Object::new();
    js::set(&video, "facingMode", &facing);
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_video(&video);
    constraints
}

fn barcode_detector() -> Option<JsValue> {
    let window = web_sys::window()?;
    let constructor = js::function(&window, "BarcodeDetector")?;
    let options = Object::new();
    js::set(&options, "formats", &Array::of1(&"qr_code".into()));
    js::construct(&constructor, &[&options])
}

impl Camera {
    /// Asks for the camera and shows it in `video`.
    pub async fn open(video: HtmlVideoElement) -> Result<Camera, CameraError> {
        let devices = media::devices().ok_or(CameraError::Unsupported)?;
        let asked = devices
            .get_user_media_with_constraints(&rear_camera())
            .map_err(|e| CameraError::Failure(MediaFailure::of(&e)))?;
        let stream: MediaStream = JsFuture::from(asked)
            .await
            .map_err(|e| CameraError::Failure(MediaFailure::of(&e)))?
            .unchecked_into();
        let document = web_sys::window().and_then(|w| w.document());
        let canvas = document
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok());
        let context = canvas.as_ref().and_then(|c| {
            let options = Object::new();
            // Read back every time: tells the browser to keep it in memory.
            js::set(&options, "willReadFrequently", &JsValue::TRUE);
            c.get_context_with_context_options("2d", &options)
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        });
        let (Some(canvas), Some(context)) = (canvas, context) else {
            media::stop_tracks(&stream);
            return Err(CameraError::Unsupported);
        };
        video.set_src_object(Some(&stream));
        video.set_muted(true);
        let _ = video.set_attribute("playsinline", "");
        if let Ok(playing) = video.play() {
            let _ = JsFuture::from(playing).await;
        }
        Ok(Camera {
            stream,
            video,
            canvas,
            context,
            detector: RefCell::new(barcode_detector()),
        })
    }

    /// The frames in what the camera sees now (none before its first image).
    pub async fn read(&self) -> Vec<Vec<u8>> {
        let (width, height) = (self.video.video_width(), self.video.video_height());
        if width == 0 || height == 0 {
            return Vec::new();
        }
        let scale = (MAX_SIDE as f64 / width.max(height) as f64).min(1.0);
        let (w, h) = (
            ((width as f64 * scale) as u32).max(1),
            ((height as f64 * scale) as u32).max(1),
        );
        if self.canvas.width() != w || self.canvas.height() != h {
            self.canvas.set_width(w);
            self.canvas.set_height(h);
        }
        if self
            .context
            .draw_image_with_html_video_element_and_dw_and_dh(
                &self.video,
                0.0,
                0.0,
                w as f64,
                h as f64,
            )
            .is_err()
        {
            return Vec::new();
        }
        let detector = self.detector.borrow().clone();
        if let Some(detector) = detector {
            match self.detect(&detector).await {
                Some(frames) => return frames,
                // It failed once: the Rust reader from now on.
                None => *self.detector.borrow_mut() = None,
            }
        }
        let Ok(image) = self.context.get_image_data(0.0, 0.0, w as f64, h as f64) else {
            return Vec::new();
        };
        let luma: Vec<u8> = image
            .data()
            .chunks_exact(4)
            .map(|p| {
                ((77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2])) >> 8) as u8
            })
            .collect();
        qr::frames_in(w as usize, h as usize, &luma)
    }

    /// The browser's reader on the canvas; `None` if it failed.
    async fn detect(&self, detector: &JsValue) -> Option<Vec<Vec<u8>>> {
        let promise = js::call(detector, "detect", &[&self.canvas])?;
        let found = JsFuture::from(js_sys::Promise::from(promise)).await.ok()?;
        Some(
            Array::from(&found)
                .iter()
                .filter_map(|code| js::get(&code, "rawValue")?.as_string())
                .filter_map(|text| qr::frame_of_text(&text))
                .collect(),
        )
    }
}

impl Drop for Camera {
    fn drop(&mut self) {
        media::stop_tracks(&self.stream);
        self.video.set_src_object(None);
    }
}
