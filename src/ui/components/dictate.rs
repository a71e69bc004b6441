//! Dictation into the answer editor's fields, where the browser can
//! recognise speech: a Dictate button after each field, one field listening
//! at a time, and the notes that say it needs a network and what went wrong.

use leptos::prelude::*;

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
}

impl Dictation {
    /// Stops listening when the view that made it goes.
    pub fn new() -> Dictation {
        let dictation = Dictation {
            available: dictation::available(),
            listening: RwSignal::new(None),
            note: RwSignal::new(None),
            recognition: StoredValue::new_local(None),
            generation: StoredValue::new(0),
        };
        on_cleanup(move || dictation.stop());
        dictation
    }

    /// Whether this browser can dictate (the buttons are absent otherwise).
    pub fn available(self) -> bool {
        self.available
    }

    /// Stopping lets the service deliver what it already heard: the
    /// recognition is parked until it ends, not dropped.
    fn stop(self) {
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
        if !dictation::online() {
            self.note.set(Some(dictation::explain("network")));
            return;
        }
        self.generation.update_value(|g| *g += 1);
        let this_start = self.generation.get_value();
        let Dictation {
            listening,
            note,
            generation,
            ..
        } = self;
        let started = Recognition::start(
            on_text,
            move |why| {
                let _ = note.try_set(Some(why));
            },
            move || {
                if generation.try_get_value() == Some(this_start) {
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
    view! {
        {dictation.available.then(|| view! {
            <p class="hint" id="dictation-note">
                "Dictation uses your browser's speech service, which needs a network connection."
            </p>
        })}
        <p class="notice" role="status" hidden=move || note.with(Option::is_none)>
            {move || note.get()}
        </p>
    }
}
