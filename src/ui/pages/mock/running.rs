use leptos::prelude::*;

use super::interview::Interview;
use crate::ui::components::answer_editor::AnswerEditor;
use crate::web::focus;
use opsdrill_core::bank::Question;
use opsdrill_core::mock;

/// One question against the clock: the countdown, the answer and the way on.
#[component]
pub fn Running(
    interview: Interview,
    question: &'static Question,
    index: usize,
    total: usize,
) -> impl IntoView {
    // Focus follows the question, so typing goes on in the new answer.
    let editor = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(div) = editor.get() {
            focus::focus_within(&div, "textarea");
        }
    });
    let remaining = move || {
        let at = interview.now.get();
        interview
            .session
            .with(|s| s.as_ref().map_or(0, |s| s.remaining_seconds(at)))
    };
    let last = index + 1 == total;
    let begun = interview.begun_for(question.id);
    view! {
        <section class="mock-running" aria-labelledby="mock-question">
            <div class="mock-bar">
                <p class="mock-progress">{format!("Question {} of {total}", index + 1)}</p>
                <p
                    class="mock-timer"
                    class:warning=move || remaining() <= mock::WARNING_SECONDS
                    role="timer"
                    aria-label="Time left"
                >
                    {move || mock::clock(remaining())}
                </p>
            </div>
            <p class="question-meta">{question.category.label()} " · " {question.difficulty.label()}</p>
            <h2 id="mock-question" class="mock-question">{question.text}</h2>
            <div node_ref=editor>
                <AnswerEditor question mock=begun/>
            </div>
            <p class="mode-links">
                <button type="button" class="button" on:click=move |_| interview.advance(false)>
                    {if last { "Finish" } else { "Next question" }}
                </button>
                <button type="button" class="button secondary" on:click=move |_| interview.advance(true)>
                    "End interview"
                </button>
            </p>
            <p class="hint">"Answer as you would out loud. When the time is up the next question comes, and what you wrote is kept."</p>
        </section>
    }
}
