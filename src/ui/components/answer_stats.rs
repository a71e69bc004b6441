//! The line under an answer or a story: how many words, how long they take
//! to say, and whether they are saved.

use leptos::prelude::*;

use opsdrill_core::data::records::speaking_seconds;
use opsdrill_core::data::SaveStatus;
use opsdrill_core::format::count;
use opsdrill_core::time::minutes_seconds;

#[component]
pub fn AnswerStats(
    #[prop(into)] words: Signal<usize>,
    /// Also "about 1:05 to say".
    #[prop(optional)]
    speaking_time: bool,
    status: impl Fn() -> SaveStatus + Send + 'static,
) -> impl IntoView {
    let speaking = speaking_time.then(|| {
        view! {
            <span>{move || {
                let seconds = speaking_seconds(words.get());
                format!("about {} to say", minutes_seconds(seconds as i64))
            }}</span>
        }
    });
    view! {
        <p class="answer-stats">
            <span>{move || count(words.get(), "word", "words")}</span>
            {speaking}
            <SaveStatusText status/>
        </p>
    }
}

/// "Saving…", "Saved", "Not saved" or "Kept in this tab only", told to
/// screen readers as it changes.
#[component]
pub fn SaveStatusText(status: impl Fn() -> SaveStatus + Send + 'static) -> impl IntoView {
    view! { <span class="save-status" aria-live="polite">{move || status().label()}</span> }
}
