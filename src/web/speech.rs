//! Browser glue for commute mode: speech synthesis (web-sys), the Media
//! Session (headset and lock-screen buttons) and the Screen Wake Lock. The
//! last two are unstable in web-sys, so they are reached through
//! `js_sys::Reflect` after feature detection. Every function does nothing
//! when its API is missing; none panics.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::js::{call, construct, function, get, set};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance};

/// Some browsers stop utterances longer than this many characters.
const CHUNK_CHARS: usize = 220;

fn synth() -> Option<SpeechSynthesis> {
    let window: JsValue = web_sys::window()?.into();
    let synth = get(&window, "speechSynthesis")?;
    function(&window, "SpeechSynthesisUtterance")?;
    for method in ["speak", "cancel", "getVoices"] {
        function(&synth, method)?;
    }
    Some(synth.unchecked_into())
}

/// Whether this browser can read aloud.
pub fn available() -> bool {
    synth().is_some()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    pub name: String,
    pub lang: String,
}

fn voice_objects() -> Vec<JsValue> {
    synth()
        .and_then(|s| call(&s, "getVoices", &[]))
        .and_then(|list| list.dyn_into::<Array>().ok())
        .map(|list| list.iter().collect())
        .unwrap_or_default()
}

fn text_of(target: &JsValue, key: &str) -> String {
    get(target, key)
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The voices the browser offers (often empty until `voiceschanged`).
pub fn voices() -> Vec<Voice> {
    voice_objects()
        .iter()
        .map(|v| Voice {
            name: text_of(v, "name"),
            lang: text_of(v, "lang"),
        })
        .filter(|v| !v.name.is_empty())
        .collect()
}

thread_local! {
    static VOICES_LISTENER: RefCell<Option<Closure<dyn FnMut()>>> = const { RefCell::new(None) };
}

/// Calls `changed` whenever the voice list changes, until `unwatch_voices`.
pub fn watch_voices(changed: impl Fn() + 'static) {
    unwatch_voices();
    let Some(synth) = synth() else {
        return;
    };
    let listener = Closure::<dyn FnMut()>::new(changed);
    if synth
        .add_event_listener_with_callback("voiceschanged", listener.as_ref().unchecked_ref())
        .is_ok()
    {
        VOICES_LISTENER.with(|l| *l.borrow_mut() = Some(listener));
    }
}

pub fn unwatch_voices() {
    let Some(listener) = VOICES_LISTENER.with(|l| l.borrow_mut().take()) else {
        return;
    };
    if let Some(synth) = synth() {
        let _ = synth.remove_event_listener_with_callback(
            "voiceschanged",
            listener.as_ref().unchecked_ref(),
        );
    }
}

type Handler = Closure<dyn FnMut(JsValue)>;

/// The text being spoken, one chunk at a time.
struct Speaking {
    generation: u64,
    rest: VecDeque<String>,
    voice: Option<JsValue>,
    rate: f32,
    utterance: Option<SpeechSynthesisUtterance>,
    handler: Option<Handler>,
    /// The previous chunk's handler: it may be running when replaced.
    retired: Option<Handler>,
    on_done: Option<Box<dyn FnOnce(bool)>>,
}

thread_local! {
    static SPEAKING: RefCell<Option<Speaking>> = const { RefCell::new(None) };
    static GENERATION: Cell<u64> = const { Cell::new(0) };
}

fn detach(utterance: &SpeechSynthesisUtterance) {
    utterance.set_onend(None);
    utterance.set_onerror(None);
}

/// Speaks `text` with the named voice ("" or an unknown name: the browser's
/// default) at `rate_pct` percent, then calls `on_done(true)`; or
/// `on_done(false)` if speech failed or is missing. Stops anything already
/// being spoken, whose callback is then never called.
pub fn speak(text: &str, voice: &str, rate_pct: u32, on_done: impl FnOnce(bool) + 'static) {
    cancel();
    let Some(_) = synth() else {
        leptos::prelude::set_timeout(move || on_done(false), std::time::Duration::ZERO);
        return;
    };
    let generation = GENERATION.with(|g| {
        g.set(g.get() + 1);
        g.get()
    });
    let voice = (!voice.is_empty())
        .then(|| {
            voice_objects()
                .into_iter()
                .find(|v| text_of(v, "name") == voice)
        })
        .flatten();
    let state = Speaking {
        generation,
        rest: opsdrill_core::commute::speech_chunks(text, CHUNK_CHARS).into(),
        voice,
        rate: (rate_pct.clamp(50, 200) as f32) / 100.0,
        utterance: None,
        handler: None,
        retired: None,
        on_done: Some(Box::new(on_done)),
    };
    SPEAKING.with(|s| *s.borrow_mut() = Some(state));
    speak_next(generation, true);
}

enum Next {
    Chunk(String, Option<JsValue>, f32),
    Done(Option<Box<dyn FnOnce(bool)>>, bool),
    Stale,
}

fn speak_next(generation: u64, ok: bool) {
    let next = SPEAKING.with(|s| match s.borrow_mut().as_mut() {
        Some(state) if state.generation == generation => {
            if let Some(u) = &state.utterance {
                detach(u);
            }
            match state.rest.pop_front().filter(|_| ok) {
                Some(text) => Next::Chunk(text, state.voice.clone(), state.rate),
                None => Next::Done(state.on_done.take(), ok),
            }
        }
        _ => Next::Stale,
    });
    let (text, voice, rate) = match next {
        Next::Chunk(text, voice, rate) => (text, voice, rate),
        Next::Done(on_done, ok) => {
            if let Some(on_done) = on_done {
                on_done(ok);
            }
            return;
        }
        Next::Stale => return,
    };
    let (Some(synth), Ok(utterance)) = (synth(), SpeechSynthesisUtterance::new_with_text(&text))
    else {
        speak_next(generation, false);
        return;
    };
    utterance.set_rate(rate);
    if let Some(voice) = &voice {
        // Set through Reflect: a wrong type would throw, not panic.
        set(&utterance, "voice", voice);
        let lang = text_of(voice, "lang");
        if !lang.is_empty() {
            utterance.set_lang(&lang);
        }
    }
    let handler = Handler::new(move |event: JsValue| {
        let failed = text_of(&event, "type") == "error"
            && !matches!(
                text_of(&event, "error").as_str(),
                "interrupted" | "canceled"
            );
        speak_next(generation, !failed);
    });
    utterance.set_onend(Some(handler.as_ref().unchecked_ref()));
    utterance.set_onerror(Some(handler.as_ref().unchecked_ref()));
    SPEAKING.with(|s| {
        if let Some(state) = s.borrow_mut().as_mut() {
            state.retired = state.handler.take();
            state.handler = Some(handler);
            state.utterance = Some(utterance.clone());
        }
    });
    // Some engines stay paused after the page was hidden.
    let _ = call(&synth, "resume", &[]);
    synth.speak(&utterance);
}

/// Stops speaking; the pending callback is dropped, not called.
pub fn cancel() {
    GENERATION.with(|g| g.set(g.get() + 1));
    let old = SPEAKING.with(|s| s.borrow_mut().take());
    if let Some(state) = &old {
        if let Some(u) = &state.utterance {
            detach(u);
        }
    }
    if let Some(synth) = synth() {
        synth.cancel();
    }
    // Dropped after the engine let go of the utterance's handlers.
    if let Some(state) = old {
        leptos::prelude::set_timeout(move || drop(state), std::time::Duration::ZERO);
    }
}

/// Headset, keyboard media keys and lock-screen buttons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaAction {
    Play,
    Pause,
    Next,
}

thread_local! {
    static MEDIA_HANDLERS: RefCell<Vec<Closure<dyn FnMut()>>> = const { RefCell::new(Vec::new()) };
}

fn media_session() -> Option<JsValue> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    get(&navigator, "mediaSession").filter(JsValue::is_object)
}

const MEDIA_ACTIONS: [(&str, MediaAction); 3] = [
    ("play", MediaAction::Play),
    ("pause", MediaAction::Pause),
    ("nexttrack", MediaAction::Next),
];

/// Routes the media buttons to `on_action` until `media_session_stop`.
pub fn media_session_start(on_action: impl Fn(MediaAction) + 'static) {
    media_session_stop();
    let Some(session) = media_session() else {
        return;
    };
    let on_action = Rc::new(on_action);
    let handlers = MEDIA_ACTIONS
        .iter()
        .filter_map(|&(name, action)| {
            let on_action = Rc::clone(&on_action);
            let handler = Closure::<dyn FnMut()>::new(move || on_action(action));
            // Throws for actions the browser does not support.
            call(
                &session,
                "setActionHandler",
                &[&JsValue::from_str(name), handler.as_ref()],
            )
            .map(|_| handler)
        })
        .collect();
    MEDIA_HANDLERS.with(|h| *h.borrow_mut() = handlers);
}

/// What the lock screen shows.
pub fn media_session_metadata(title: &str, album: &str) {
    let Some(session) = media_session() else {
        return;
    };
    let fields = Object::new();
    set(&fields, "title", &title.into());
    set(&fields, "artist", &"OpsDrill commute mode".into());
    set(&fields, "album", &album.into());
    let metadata = web_sys::window()
        .and_then(|w| function(&w.into(), "MediaMetadata"))
        .and_then(|constructor| construct(&constructor, &[&fields]))
        .unwrap_or_else(|| fields.into());
    set(&session, "metadata", &metadata);
}

/// "playing" or "paused", for the lock screen's play/pause button.
pub fn media_session_playing(playing: bool) {
    if let Some(session) = media_session() {
        let state = if playing { "playing" } else { "paused" };
        set(&session, "playbackState", &state.into());
    }
}

pub fn media_session_stop() {
    let handlers = MEDIA_HANDLERS.with(|h| std::mem::take(&mut *h.borrow_mut()));
    if let Some(session) = media_session() {
        if !handlers.is_empty() {
            for (name, _) in MEDIA_ACTIONS {
                let _ = call(
                    &session,
                    "setActionHandler",
                    &[&name.into(), &JsValue::NULL],
                );
            }
        }
        set(&session, "metadata", &JsValue::NULL);
        set(&session, "playbackState", &"none".into());
    }
    drop(handlers);
}

thread_local! {
    static WAKE_WANTED: Cell<bool> = const { Cell::new(false) };
    static WAKE_SENTINEL: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Keeps the screen on (where the Screen Wake Lock API exists) until
/// `let_screen_sleep`. The browser drops the lock when the page is hidden;
/// `screen_visible_again` takes it again.
pub fn keep_screen_on() {
    WAKE_WANTED.with(|w| w.set(true));
    request_wake_lock();
}

/// Call on `visibilitychange`.
pub fn screen_visible_again() {
    let visible = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| !d.hidden());
    if visible && WAKE_WANTED.with(Cell::get) {
        request_wake_lock();
    }
}

fn request_wake_lock() {
    let held = WAKE_SENTINEL.with(|s| {
        s.borrow().as_ref().is_some_and(|sentinel| {
            get(sentinel, "released").and_then(|r| r.as_bool()) == Some(false)
        })
    });
    if held {
        return;
    }
    let Some(navigator) = web_sys::window().map(|w| JsValue::from(w.navigator())) else {
        return;
    };
    let Some(wake_lock) = get(&navigator, "wakeLock") else {
        return;
    };
    let Some(promise) = call(&wake_lock, "request", &[&"screen".into()])
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        // Refused when the page is hidden or the battery is low: not an error.
        let Ok(sentinel) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        if WAKE_WANTED.with(Cell::get) {
            WAKE_SENTINEL.with(|s| *s.borrow_mut() = Some(sentinel));
        } else {
            let _ = call(&sentinel, "release", &[]);
        }
    });
}

pub fn let_screen_sleep() {
    WAKE_WANTED.with(|w| w.set(false));
    if let Some(sentinel) = WAKE_SENTINEL.with(|s| s.borrow_mut().take()) {
        let _ = call(&sentinel, "release", &[]);
    }
}
