//! Recording a spoken answer: the microphone (`getUserMedia`), a
//! `MediaRecorder` in the best format the browser has, a level meter from
//! Web Audio while it runs, and afterwards the delivery report, computed
//! from the audio the browser decodes (`decodeAudioData`) in pieces, so no
//! piece holds the main thread long.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Promise};

use super::media::{stop_tracks, MediaFailure};
use opsdrill_core::delivery::{self, DeliveryReport, EnergyMeter};
use opsdrill_core::recordings::MIME_PREFERENCE;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AnalyserNode, AudioBuffer, AudioContext, Blob, BlobEvent, BlobPropertyBag, MediaRecorder,
    MediaRecorderOptions, MediaStream, MediaStreamConstraints, OfflineAudioContext,
};

use super::js;

/// Why recording could not start or finish, as the user is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    Unsupported,
    Denied,
    NoMicrophone,
    InUse,
    Failed(String),
}

impl RecordError {
    pub fn message(&self) -> String {
        match self {
            RecordError::Unsupported => "This browser cannot record audio here.".into(),
            RecordError::Denied => {
                "The microphone is not allowed. Allow it in the browser's site settings to record."
                    .into()
            }
            RecordError::NoMicrophone => "No microphone was found.".into(),
            RecordError::InUse => {
                "The microphone is busy in another app. Close it and try again.".into()
            }
            RecordError::Failed(why) => format!("Recording failed ({why})."),
        }
    }

    fn from_js(error: JsValue) -> RecordError {
        match MediaFailure::of(&error) {
            MediaFailure::Denied => RecordError::Denied,
            MediaFailure::Missing => RecordError::NoMicrophone,
            MediaFailure::InUse => RecordError::InUse,
            MediaFailure::Failed(why) => RecordError::Failed(why),
        }
    }
}

/// Whether the browser has a microphone API and `MediaRecorder` (the record
/// button is absent otherwise). Both need a secure context.
pub fn supported() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let has_recorder = js::function(&window, "MediaRecorder").is_some();
    let has_microphone = super::media::devices().is_some();
    has_recorder && has_microphone
}

/// The first of our formats the browser records, or "" for its default.
fn best_mime() -> &'static str {
    MIME_PREFERENCE
        .into_iter()
        .find(|mime| MediaRecorder::is_type_supported(mime))
        .unwrap_or("")
}

/// A running recording. Dropping it releases the microphone.
pub struct Recorder {
    recorder: MediaRecorder,
    stream: MediaStream,
    context: Option<AudioContext>,
    analyser: Option<AnalyserNode>,
    samples: RefCell<Vec<f32>>,
    parts: Rc<Array>,
    _on_data: Closure<dyn FnMut(BlobEvent)>,
    stopped: Promise,
    started_ms: f64,
}

/// What a finished recording is.
pub struct Recorded {
    pub audio: Blob,
    pub mime: String,
    /// From start to stop by the clock (the report measures the audio).
    pub elapsed_ms: u32,
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

impl Recorder {
    /// Asks for the microphone and starts recording.
    pub async fn start() -> Result<Recorder, RecordError> {
        if !supported() {
            return Err(RecordError::Unsupported);
        }
        let devices = super::media::devices().ok_or(RecordError::Unsupported)?;
        let constraints = MediaStreamConstraints::new();
        constraints.set_audio(&JsValue::TRUE);
        let asked = devices
            .get_user_media_with_constraints(&constraints)
            .map_err(RecordError::from_js)?;
        let stream: MediaStream = JsFuture::from(asked)
            .await
            .map_err(RecordError::from_js)?
            .unchecked_into();
        let options = MediaRecorderOptions::new();
        let mime = best_mime();
        if !mime.is_empty() {
            options.set_mime_type(mime);
        }
        let recorder = match MediaRecorder::new_with_media_stream_and_media_recorder_options(
            &stream, &options,
        ) {
            Ok(recorder) => recorder,
            Err(error) => {
                stop_tracks(&stream);
                return Err(RecordError::from_js(error));
            }
        };
        let parts = Rc::new(Array::new());
        let on_data = {
            let parts = Rc::clone(&parts);
            Closure::<dyn FnMut(BlobEvent)>::new(move |event: BlobEvent| {
                if let Some(data) = event.data().filter(|d| d.size() > 0.0) {
                    parts.push(&data);
                }
            })
        };
        recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
        // Settled when the recorder stops, whether asked to or by itself (a
        // microphone unplugged, a call taking it, an error): so `stop`
        // never waits for an event that has already fired.
        let stopped = Promise::new(&mut |resolve, _| recorder.set_onstop(Some(&resolve)));
        // One piece at the end, not a piece a second: WebKit's pieces make a
        // fragmented MP4 whose length its player and decoder misread.
        if let Err(error) = recorder.start() {
            stop_tracks(&stream);
            return Err(RecordError::from_js(error));
        }
        // The level meter is a nicety: recording goes on without it.
        let (context, analyser) = match level_meter(&stream) {
            Some((c, a)) => (Some(c), Some(a)),
            None => (None, None),
        };
        Ok(Recorder {
            recorder,
            stream,
            context,
            analyser,
            samples: RefCell::new(vec![0.0; 1024]),
            parts,
            _on_data: on_data,
            stopped,
            started_ms: now(),
        })
    }

    /// The input level now, 0 to 1 (the RMS of the last few milliseconds,
    /// scaled so speech fills most of the meter).
    pub fn level(&self) -> f32 {
        let Some(analyser) = &self.analyser else {
            return 0.0;
        };
        let mut samples = self.samples.borrow_mut();
        analyser.get_float_time_domain_data(&mut samples);
        let mean_square = samples.iter().map(|s| s * s).sum::<f32>() / samples.len() as f32;
        (mean_square.sqrt() * 4.0).min(1.0)
    }

    pub fn elapsed_ms(&self) -> u32 {
        (now() - self.started_ms).max(0.0) as u32
    }

    /// Stops and returns the audio, once the recorder has handed over its
    /// last piece.
    pub async fn stop(self) -> Result<Recorded, RecordError> {
        let elapsed_ms = self.elapsed_ms();
        if self.recorder.state() != web_sys::RecordingState::Inactive {
            self.recorder.stop().map_err(RecordError::from_js)?;
        }
        // The last piece comes before "stop"; should neither come, what
        // arrived is kept rather than waiting for ever.
        let backstop = super::browser::sleep(STOP_WAIT_MS);
        let _ = JsFuture::from(Promise::race(&Array::of2(&self.stopped, &backstop))).await;
        let mime = self.recorder.mime_type();
        let options = BlobPropertyBag::new();
        options.set_type(&mime);
        let audio = Blob::new_with_blob_sequence_and_options(&self.parts, &options)
            .map_err(RecordError::from_js)?;
        if audio.size() == 0.0 {
            return Err(RecordError::Failed("no audio arrived".into()));
        }
        Ok(Recorded {
            audio,
            mime,
            elapsed_ms,
        })
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        if self.recorder.state() != web_sys::RecordingState::Inactive {
            let _ = self.recorder.stop();
        }
        self.recorder.set_ondataavailable(None);
        stop_tracks(&self.stream);
        if let Some(context) = &self.context {
            let _ = context.close();
        }
    }
}

fn level_meter(stream: &MediaStream) -> Option<(AudioContext, AnalyserNode)> {
    let context = AudioContext::new().ok()?;
    let connected = (|| {
        let source = context.create_media_stream_source(stream).ok()?;
        let analyser = context.create_analyser().ok()?;
        analyser.set_fft_size(1024);
        source.connect_with_audio_node(&analyser).ok()?;
        Some(analyser)
    })();
    match connected {
        Some(analyser) => Some((context, analyser)),
        None => {
            let _ = context.close();
            None
        }
    }
}

/// How long `stop` waits for the recorder's last piece.
const STOP_WAIT_MS: i32 = 3000;

/// The sample rate the audio is decoded at for the report: speech needs no
/// more, and a third of 48 kHz is a third of the work.
const ANALYSIS_RATE: u32 = 16_000;
/// Samples handed to the meter per piece of work: 4 s of audio, well under a
/// millisecond of arithmetic, then the browser gets the thread back.
const PIECE: usize = 4 * ANALYSIS_RATE as usize;

/// The delivery report of a recording, and its length in milliseconds as
/// decoded; `None` if the browser cannot decode its own recording.
pub async fn analyse(audio: &Blob) -> Option<(DeliveryReport, u32)> {
    let bytes = JsFuture::from(audio.array_buffer()).await.ok()?;
    let context = OfflineAudioContext::new_with_number_of_channels_and_length_and_sample_rate(
        1,
        1,
        ANALYSIS_RATE as f32,
    )
    .ok()?;
    let decoding = context
        .decode_audio_data(bytes.unchecked_ref::<js_sys::ArrayBuffer>())
        .ok()?;
    let buffer: AudioBuffer = JsFuture::from(decoding).await.ok()?.unchecked_into();
    let length = buffer.length() as usize;
    let mut meter = EnergyMeter::new(buffer.sample_rate() as u32);
    let mut piece = vec![0.0f32; PIECE];
    let mut start = 0;
    while start < length {
        let n = PIECE.min(length - start);
        buffer
            .copy_from_channel_with_start_in_channel(&mut piece[..n], 0, start as u32)
            .ok()?;
        meter.push(&piece[..n]);
        start += n;
        super::browser::yield_to_browser().await;
    }
    let report = delivery::analyse(&meter.into_energies());
    let duration_ms = (buffer.duration() * 1000.0) as u32;
    Some((report, duration_ms))
}
