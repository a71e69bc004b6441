//! Dictation through the browser's speech recognition (`SpeechRecognition`,
//! `webkitSpeechRecognition` in Chromium). Not in every browser, and where it
//! exists it usually sends audio to an online service: the editor hides the
//! button when it is missing and says that it needs a network. The API is not
//! in web-sys's stable set, so it is reached through `js_sys::Reflect`.

use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;

use super::js;

fn constructor() -> Option<Function> {
    let window: JsValue = web_sys::window()?.into();
    ["SpeechRecognition", "webkitSpeechRecognition"]
        .into_iter()
        .find_map(|name| js::function(&window, name))
}

/// Whether this browser has speech recognition.
pub fn available() -> bool {
    constructor().is_some()
}

fn language() -> Option<String> {
    web_sys::window().and_then(|w| w.navigator().language())
}

/// Whether this browser recognises the user's language on the device
/// (`SpeechRecognition.available({langs, processLocally: true})` answers
/// "available"): then dictation works offline and no audio leaves it.
pub async fn on_device() -> bool {
    let (Some(constructor), Some(language)) = (constructor(), language()) else {
        return false;
    };
    let options = js_sys::Object::new();
    js::set(
        &options,
        "langs",
        &js_sys::Array::of1(&JsValue::from_str(&language)),
    );
    js::set(&options, "processLocally", &JsValue::TRUE);
    let Some(asked) = js::call(&constructor, "available", &[&options])
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    let answer = wasm_bindgen_futures::JsFuture::from(asked).await;
    answer.ok().and_then(|v| v.as_string()).as_deref() == Some("available")
}

/// Whether the browser says it is online.
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// What a recognition error code means for the user.
pub fn explain(code: &str) -> String {
    match code {
        "network" => {
            "Dictation needs a network connection: this browser's speech service runs online."
                .into()
        }
        "not-allowed" | "service-not-allowed" => {
            "The microphone is not allowed. Allow it in the browser's site settings to dictate."
                .into()
        }
        "no-speech" => "No speech was heard. Try again closer to the microphone.".into(),
        "audio-capture" => "No microphone was found.".into(),
        "aborted" => "Dictation stopped.".into(),
        other => format!("Dictation stopped ({other})."),
    }
}

/// A running recognition. Dropping it stops listening.
pub struct Recognition {
    recognizer: JsValue,
    _on_result: Closure<dyn FnMut(JsValue)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
    _on_end: Closure<dyn FnMut(JsValue)>,
}

thread_local! {
    /// A recognition that was stopped but may still deliver its last words.
    static PARKED: std::cell::RefCell<Option<Recognition>> = const { std::cell::RefCell::new(None) };
}

/// Stops listening but keeps the handlers until the service ends, so the
/// words already heard still arrive (`stop()` is what makes it send them).
/// The previously parked one, long finished, is freed.
pub fn park(recognition: Recognition) {
    js::call(&recognition.recognizer, "stop", &[]);
    PARKED.with(|slot| {
        // Freed on a later turn: its own callbacks may be running now.
        let previous = slot.borrow_mut().replace(recognition);
        if let Some(previous) = previous {
            wasm_bindgen_futures::spawn_local(async move { drop(previous) });
        }
    });
}

impl Recognition {
    /// Starts listening, on the device if `local`. `on_text` gets each
    /// final piece of transcript; `on_error` an explanation; `on_end` runs
    /// when listening stops.
    pub fn start(
        local: bool,
        on_text: impl Fn(String) + 'static,
        on_error: impl Fn(String) + 'static,
        on_end: impl Fn() + 'static,
    ) -> Result<Recognition, String> {
        let constructor = constructor().ok_or("This browser has no speech recognition.")?;
        let recognizer = js::construct(&constructor, &[])
            .ok_or_else(|| "Speech recognition could not be started.".to_string())?;
        let set = |key: &str, value: &JsValue| js::set(&recognizer, key, value);
        set("continuous", &JsValue::TRUE);
        set("interimResults", &JsValue::FALSE);
        if let Some(language) = language() {
            set("lang", &JsValue::from_str(&language));
        }
        if local {
            set("processLocally", &JsValue::TRUE);
        }
        let on_result = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let number = |target: &JsValue, key: &str| {
                js::get(target, key).and_then(|v| v.as_f64()).unwrap_or(0.0) as u32
            };
            let results = js::get(&event, "results").unwrap_or(JsValue::UNDEFINED);
            let first = number(&event, "resultIndex");
            let count = number(&results, "length");
            for index in first..count {
                let result = Reflect::get_u32(&results, index).unwrap_or(JsValue::UNDEFINED);
                if js::get(&result, "isFinal").and_then(|v| v.as_bool()) == Some(false) {
                    continue;
                }
                let best = Reflect::get_u32(&result, 0).unwrap_or(JsValue::UNDEFINED);
                if let Some(text) = js::get(&best, "transcript").and_then(|v| v.as_string()) {
                    if !text.trim().is_empty() {
                        on_text(text.trim().to_string());
                    }
                }
            }
        });
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let code = js::get(&event, "error")
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            on_error(explain(&code));
        });
        let on_end = Closure::<dyn FnMut(JsValue)>::new(move |_| on_end());
        set("onresult", on_result.as_ref());
        set("onerror", on_error.as_ref());
        set("onend", on_end.as_ref());
        let start = js::function(&recognizer, "start")
            .ok_or_else(|| "Speech recognition could not be started.".to_string())?;
        start
            .call0(&recognizer)
            .map_err(|_| "Speech recognition could not be started.".to_string())?;
        Ok(Recognition {
            recognizer,
            _on_result: on_result,
            _on_error: on_error,
            _on_end: on_end,
        })
    }
}

impl Drop for Recognition {
    fn drop(&mut self) {
        // No more callbacks into closures that are about to be freed.
        for key in ["onresult", "onerror", "onend"] {
            js::set(&self.recognizer, key, &JsValue::NULL);
        }
        js::call(&self.recognizer, "stop", &[]);
    }
}

/// Appends dictated text to what is there: after a space, or straight after
/// a line break the user typed.
pub fn append(existing: &str, dictated: &str) -> String {
    let existing = existing.trim_end_matches([' ', '\t']);
    if existing.is_empty() || existing.ends_with('\n') {
        format!("{existing}{dictated}")
    } else {
        format!("{existing} {dictated}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictated_text_is_appended_with_one_space() {
        assert_eq!(append("", "hello"), "hello");
        assert_eq!(
            append("We paged.  ", "Then we fixed it."),
            "We paged. Then we fixed it."
        );
        // After a line break the user typed, no space is added.
        assert_eq!(append("One.\n\n", "Two."), "One.\n\nTwo.");
    }

    #[test]
    fn network_errors_say_a_network_is_needed() {
        assert!(explain("network").contains("needs a network connection"));
        assert_eq!(explain("weird"), "Dictation stopped (weird).");
    }
}
