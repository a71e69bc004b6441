//! "Questions this story answers": the behavioural questions, filtered by
//! the words typed, each with a checkbox that links it.

use leptos::prelude::*;

use super::editor::OpenStory;
use opsdrill_core::bank::{self, Question};
use opsdrill_core::stories::{behavioural, question_matches};

#[component]
pub(super) fn StoryQuestions(story: OpenStory) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let user = expect_context::<crate::state::UserState>();
    let questions: Vec<&'static Question> = behavioural(&user.questions());
    let total = questions.len();
    let linked_count = Memo::new(move |_| {
        story.read(|s| {
            s.questions
                .iter()
                .filter(|q| bank::find(q).is_some())
                .count()
        })
    });
    let all_questions = questions.clone();
    let shown_count = Memo::new(move |_| {
        filter.with(|f| {
            all_questions
                .iter()
                .filter(|q| question_matches(q.text, f))
                .count()
        })
    });
    let checklist = questions
        .into_iter()
        .map(|question| view! { <LinkCheck story question filter/> })
        .collect_view();

    view! {
        <fieldset class="story-questions">
            <legend>"Questions this story answers"</legend>
            <p class="hint">
                {move || format!("Linked to {} of {total} behavioural questions.", linked_count.get())}
            </p>
            <input
                type="search"
                class="search"
                aria-label="Filter the questions"
                placeholder="Filter the questions"
                autocomplete="off"
                prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev))
            />
            <Show when=move || shown_count.get() == 0>
                <p class="empty">"No question has all those words."</p>
            </Show>
            <ul class="checklist">{checklist}</ul>
        </fieldset>
    }
}

/// One question, hidden when it does not match the filter.
#[component]
fn LinkCheck(
    story: OpenStory,
    question: &'static Question,
    filter: RwSignal<String>,
) -> impl IntoView {
    let (qid, text) = (question.id, question.text);
    view! {
        <li hidden=move || filter.with(|f| !question_matches(text, f))>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || story.read(|s| s.questions.contains(qid))
                    on:change=move |ev| story.link(qid, event_target_checked(&ev))
                />
                <span>{text}</span>
            </label>
        </li>
    }
}
