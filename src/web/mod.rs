//! The only code that touches browser APIs: local storage, the location and
//! files, focus, speech, dictation, the microphone and camera, and the service
//! worker.

pub mod bank_file;
pub mod browser;
pub mod camera;
pub mod clock;
pub mod device_memory;
pub mod dictation;
#[cfg(feature = "effect-count")]
pub mod effect_count;
pub mod focus;
pub mod js;
pub mod launch;
pub mod local_storage;
pub mod media;
pub mod own_draft;
pub mod persistence;
pub mod pwa;
pub mod qr_canvas;
pub mod recorder;
pub mod recordings_db;
pub mod share;
pub mod speech;
pub mod viewport;
