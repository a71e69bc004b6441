//! `SyncedText`, the editors' `<input>` or `<textarea>` that shows a stored
//! text (inside a `Field`). What
//! the user types goes to `on_input`; text that changes from outside
//! (another tab, an import) is put into the field, while the user's own
//! typing, already there, stays where it is, caret and all.

use leptos::html::{Input, Textarea};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{EventTarget, HtmlInputElement, HtmlTextAreaElement};

/// Whether the field's text (given) already says what is stored; read in
/// the same effect as the value, so it may track the same record.
pub type InStep = Box<dyn Fn(&str) -> bool + Send>;

/// A text input, or a textarea, showing a stored text and kept in step
/// with it; described by its `Field`'s hint, `{id}-hint`.
#[component]
pub fn SyncedText(
    #[prop(into)] id: String,
    /// The stored text, tracked: the field's first value, and put into the
    /// field whenever it changes and the field does not say it already.
    value: impl Fn() -> String + Send + 'static,
    /// Each keystroke, with the field's text.
    on_input: impl Fn(String) + Send + 'static,
    /// Leaving the field. This also runs when the page is left, after the
    /// view is disposed: it may use the user's state, not the view's.
    on_blur: impl Fn() + Send + 'static,
    /// A `<textarea>` of this many rows; without, a one-line text input.
    #[prop(optional)]
    rows: Option<u32>,
    #[prop(optional, into)] labelled_by: Option<String>,
    #[prop(optional)] autocapitalize: Option<&'static str>,
    /// When the field's text is left alone (default: when it is the
    /// stored text). The tags field keeps "k8s, " as typed while it parses
    /// to the stored tags.
    #[prop(optional)]
    in_step: Option<InStep>,
    /// What the field shows once left (the tags as kept).
    #[prop(optional)]
    tidy: Option<fn(&str) -> String>,
    /// Takes the focus once shown (a new story starts in its title).
    #[prop(optional)]
    focus: bool,
) -> impl IntoView {
    let area = NodeRef::<Textarea>::new();
    let line = NodeRef::<Input>::new();
    let control = move || {
        area.get()
            .map(Control::Area)
            .or_else(|| line.get().map(Control::Line))
    };
    let initial = untrack(&value);
    let described_by = format!("{id}-hint");
    Effect::new(move |_| {
        let value = value();
        if let Some(control) = control() {
            let text = control.text();
            let says_it = match &in_step {
                Some(in_step) => in_step(&text),
                None => text == value,
            };
            if !says_it {
                control.set_text(&value);
            }
        }
    });
    if focus {
        Effect::new(move |_| {
            if let Some(control) = control() {
                control.focus();
            }
        });
    }
    let input = move |ev: web_sys::Event| on_input(event_target_value(&ev));
    let blur = move |ev: web_sys::FocusEvent| {
        if let (Some(tidy), Some(control)) = (tidy, ev.target().and_then(Control::of)) {
            control.set_text(&tidy(&control.text()));
        }
        on_blur();
    };
    match rows {
        Some(rows) => view! {
            <textarea
                node_ref=area
                id=id
                aria-labelledby=labelled_by
                aria-describedby=described_by
                rows=rows
                prop:value=initial
                on:input=input
                on:blur=blur
            ></textarea>
        }
        .into_any(),
        None => view! {
            <input
                node_ref=line
                type="text"
                id=id
                class="text-input"
                aria-describedby=described_by
                autocomplete="off"
                autocapitalize=autocapitalize
                prop:value=initial
                on:input=input
                on:blur=blur
            />
        }
        .into_any(),
    }
}

/// The element behind a `SyncedText`.
enum Control {
    Line(HtmlInputElement),
    Area(HtmlTextAreaElement),
}

impl Control {
    fn of(target: EventTarget) -> Option<Control> {
        match target.dyn_into::<HtmlTextAreaElement>() {
            Ok(area) => Some(Control::Area(area)),
            Err(target) => target.dyn_into().ok().map(Control::Line),
        }
    }

    fn text(&self) -> String {
        match self {
            Control::Line(input) => input.value(),
            Control::Area(area) => area.value(),
        }
    }

    fn set_text(&self, text: &str) {
        match self {
            Control::Line(input) => input.set_value(text),
            Control::Area(area) => area.set_value(text),
        }
    }

    fn focus(&self) {
        let _ = match self {
            Control::Line(input) => input.focus(),
            Control::Area(area) => area.focus(),
        };
    }
}
