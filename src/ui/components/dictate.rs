//! Dictation into the answer editor's fields, where the browser can
//! recognise speech: a Dictate button after each field, one field listening
//! at a time, and the notes that say whether it needs a network, what went
//! wrong, and how fast the user spoke (words heard over the time listened).
//! Where the browser recognises speech on the device, it dictates there and
//! works offline.

use leptos::prelude::*;
use leptos::task::spawn_local;
use opsdrill_core::data::records::word_count;
use opsdrill_core::time::minutes_seconds;

use crate::web::clock::now_ms;
use crate::web::dictation::{self, Recognition};

/// The answer editor's dictation: which field listens (by its label), what
/// the last attempt said, and the running recognition.
#[derive(Clone, Copy)]
pub struct Dictation {
    available: bool,
    listening: RwSignal<Option<&'static str>>,
    note: RwSignal<Option<String>>,
    recognition: StoredValue<Option<Recognition>, LocalStorage>,
    /// Which start a late "ended" belongs to.
    generation: StoredValue<u32>,
    /// The browser recognises speech on the device (found out after start).
    on_device: RwSignal<bool>,
    /// What this listening heard, and what the last one came to ("84 words
    /// in 0:36: 140 words a minute").
    heard: StoredValue<Heard>,
    pace: RwSignal<Option<String>>,
}

#[derive(Clone, Copy, Default)]
struct Heard {
    /// Which start it counts for.
    generation: u32,
    started_ms: i64,
    /// When the user pressed Dictate again (`None` while listening).
    stopped_ms: Option<i64>,
    words: usize,
}

/// Under this, a words-a-minute figure says little.
const PACE_MIN_MS: i64 = 5_000;

impl Dictation {
    /// Stops listening when the view that made it goes.
    pub fn new() -> Dictation {
        let dictation = Dictation {
            available: dictation::available(),
            listening: RwSignal::new(None),
            note: RwSignal::new(None),
            recognition: StoredValue::new_local(None),
            generation: StoredValue::new(0),
            on_device: RwSignal::new(false),
            heard: StoredValue::new(Heard::default()),
            pace: RwSignal::new(None),
        };
        on_cleanup(move || dictation.stop());
        if dictation.available {
            spawn_local(async move {
                let local = dictation::on_device().await;
                let _ = dictation.on_device.try_set(local);
            });
        }
        dictation
    }

    /// Whether this browser can dictate (the buttons are absent otherwise).
    pub fn available(self) -> bool {
        self.available
    }

    /// Stopping lets the service deliver what it already heard: the
    /// recognition is parked until it ends, not dropped.
    fn stop(self) {
        let now = now_ms();
        self.heard.update_value(|h| {
            h.stopped_ms.get_or_insert(now);
        });
        self.listening.set(None);
        if let Some(running) = self.recognition.try_update_value(Option::take).flatten() {
            dictation::park(running);
        }
    }

    /// Starts listening for `field`, or stops if it was; `on_text` gets
    /// each piece heard.
    fn toggle(self, field: &'static str, on_text: impl Fn(String) + 'static) {
        let was = self.listening.get_untracked();
        self.stop();
        if was == Some(field) {
            return;
        }
        let local = self.on_device.get_untracked();
        if !local && !dictation::online() {
            self.note.set(Some(dictation::explain("network")));
            return;
        }
        self.generation.update_value(|g| *g += 1);
        let this_start = self.generation.get_value();
        self.heard.set_value(Heard {
            started_ms: now_ms(),
            generation: this_start,
            ..Heard::default()
        });
        self.pace.set(None);
        let heard = self.heard;
        // A stopped recognition's late words count for its own start only.
        let on_text = move |text: String| {
            heard.update_value(|h| {
                if h.generation == this_start {
                    h.words += word_count(&text);
                }
            });
            on_text(text);
        };
        let Dictation {
            listening,
            note,
            generation,
            ..
        } = self;
        let started = Recognition::start(
            local,
            on_text,
            move |why| {
                let _ = note.try_set(Some(why));
            },
            move || {
                if generation.try_get_value() == Some(this_start) {
                    self.note_pace();
                    let _ = listening.try_set(None);
                }
            },
        );
        match started {
            Ok(running) => {
                note.set(None);
                self.recognition.set_value(Some(running));
                listening.set(Some(field));
            }
            Err(why) => note.set(Some(why)),
        }
    }

    /// The pace of the listening that just ended (its last words arrive
    /// after "stop"), from the words heard and the time listened: a true
    /// words-a-minute figure, unlike the recording report's estimate.
    fn note_pace(self) {
        let Some(Heard {
            started_ms,
            stopped_ms,
            words,
            ..
        }) = self.heard.try_get_value()
        else {
            return;
        };
        let listened = stopped_ms.unwrap_or_else(now_ms) - started_ms;
        if words > 0 && listened >= PACE_MIN_MS {
            let per_minute = words as i64 * 60_000 / listened;
            let _ = self.pace.try_set(Some(format!(
                "{words} words in {}: {per_minute} words a minute.",
                minutes_seconds(listened / 1000)
            )));
        }
    }
}

/// "Dictate" for the field labelled `field`, and "Listening…" while it does.
#[component]
pub fn DictateButton(
    dictation: Dictation,
    field: &'static str,
    on_text: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let on = move || dictation.listening.get() == Some(field);
    view! {
        <button
            type="button"
            class="button small secondary dictate"
            aria-pressed=move || on().to_string()
            aria-describedby="dictation-note"
            on:click=move |_| dictation.toggle(field, on_text)
        >
            "Dictate"
            <span class="visually-hidden">{format!(" ({field})")}</span>
        </button>
        <Show when=on>
            <span class="listening" aria-hidden="true">"Listening… press Dictate again to stop."</span>
        </Show>
    }
}

/// That dictation needs a network (where it is offered), and what the last
/// attempt said.
#[component]
pub fn DictationNotes(dictation: Dictation) -> impl IntoView {
    let note = dictation.note;
    let pace = dictation.pace;
    view! {
        {dictation.available.then(|| view! {
            <p class="hint" id="dictation-note">
                {move || if dictation.on_device.get() {
                    "Dictation runs on this device: it works offline, and no audio leaves it."
                } else {
                    "Dictation uses your browser's speech service, which needs a network connection."
                }}
            </p>
        })}
        <p class="hint dictation-pace" role="status" hidden=move || pace.with(Option::is_none)>
            {move || pace.get()}
        </p>
        <p class="notice" role="status" hidden=move || note.with(Option::is_none)>
            {move || note.get()}
        </p>
    }
}
