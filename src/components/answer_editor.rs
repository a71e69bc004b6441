//! The answer editor: free text, or four STAR fields. Saves 400 ms after the
//! last keystroke and at once on blur, tab switch and page hide, so a reload
//! at any moment keeps what was typed.

use std::time::Duration;

use leptos::prelude::*;

use crate::bank::{Question, Style};
use crate::state::{now_ms, Store};
use crate::store::backup::merge_answer;
use crate::store::records::speaking_seconds;
use crate::store::Answer;

const SAVE_DELAY: Duration = Duration::from_millis(400);

#[derive(Clone, Copy, PartialEq)]
enum Field {
    Text,
    Situation,
    Task,
    Action,
    Result,
}

impl Field {
    fn label(self) -> &'static str {
        match self {
            Field::Text => "Your answer",
            Field::Situation => "Situation",
            Field::Task => "Task",
            Field::Action => "Action",
            Field::Result => "Result",
        }
    }

    fn hint(self) -> &'static str {
        match self {
            Field::Text => "Write your answer, or the notes you would speak from.",
            Field::Situation => "Where and when; the stakes in one or two sentences.",
            Field::Task => "What you were responsible for.",
            Field::Action => "What you did, in the first person.",
            Field::Result => "What changed, with a number.",
        }
    }

    fn get(self, answer: &Answer) -> &str {
        match self {
            Field::Text => &answer.text,
            Field::Situation => &answer.star.situation,
            Field::Task => &answer.star.task,
            Field::Action => &answer.star.action,
            Field::Result => &answer.star.result,
        }
    }

    fn set(self, answer: &mut Answer, value: String) {
        let slot = match self {
            Field::Text => &mut answer.text,
            Field::Situation => &mut answer.star.situation,
            Field::Task => &mut answer.star.task,
            Field::Action => &mut answer.star.action,
            Field::Result => &mut answer.star.result,
        };
        *slot = value;
    }
}

#[component]
pub fn AnswerEditor(question: &'static Question) -> impl IntoView {
    let store = expect_context::<Store>();
    let id = question.id;
    let draft = RwSignal::new(store.answer(id).unwrap_or_default());
    // Edits not yet handed to the store.
    let dirty = RwSignal::new(false);
    // Bumped when the text is replaced from outside, to re-render the fields.
    let revision = RwSignal::new(0u32);
    let pending = StoredValue::new(0u64);
    let other_tab = RwSignal::new(None::<Answer>);

    let save_now = move || {
        if !dirty.get_untracked() {
            return;
        }
        let mut answer = draft.get_untracked();
        answer.updated_ms = now_ms();
        draft.update_untracked(|d| d.updated_ms = answer.updated_ms);
        store.save_answer(id, answer);
        dirty.set(false);
    };
    let edit = move |field: Field, value: String| {
        draft.update(|d| field.set(d, value));
        dirty.set(true);
        pending.update_value(|n| *n += 1);
        let ticket = pending.get_value();
        set_timeout(
            move || {
                if pending.get_value() == ticket {
                    save_now();
                }
            },
            SAVE_DELAY,
        );
    };

    let hidden = window_event_listener_untyped("visibilitychange", move |_| save_now());
    let hide = window_event_listener(leptos::ev::pagehide, move |_| save_now());
    on_cleanup(move || {
        save_now();
        hidden.remove();
        hide.remove();
    });

    // Another tab saved this answer.
    Effect::new(move |_| {
        let stored = store
            .data
            .with(|d| d.answers.get(id).cloned())
            .unwrap_or_default();
        let mine = draft.get_untracked();
        if stored.updated_ms <= mine.updated_ms || (stored.text == mine.text && stored.star == mine.star) {
            return;
        }
        if dirty.get_untracked() {
            other_tab.set(Some(stored));
        } else {
            draft.set(stored);
            revision.update(|r| *r += 1);
        }
    });
    let take_other = move |_| {
        if let Some(theirs) = other_tab.get_untracked() {
            let (merged, _) = merge_answer(&draft.get_untracked(), &theirs);
            draft.set(merged);
            dirty.set(true);
            revision.update(|r| *r += 1);
            other_tab.set(None);
            save_now();
        }
    };

    let fields: &'static [Field] = if question.style == Style::Star {
        &[Field::Situation, Field::Task, Field::Action, Field::Result]
    } else {
        &[Field::Text]
    };
    let words = Memo::new(move |_| draft.with(Answer::word_count));
    let status = move || {
        if dirty.get() {
            "Saving…"
        } else if store.status.with(|s| s.blocked.is_some()) {
            "Kept in this tab only"
        } else if store.status.with(|s| s.quota_full || s.write_error.is_some()) {
            "Not saved"
        } else if draft.with(|d| d.updated_ms) > 0 {
            "Saved"
        } else {
            ""
        }
    };

    view! {
        <section class="answer-editor">
            <h2 id="your-answer">{if question.style == Style::Star { "Your answer (STAR)" } else { "Your answer" }}</h2>
            {move || other_tab.get().map(|_| view! {
                <p class="notice" role="status">
                    "This answer was changed in another tab. "
                    <button type="button" class="link" on:click=take_other>
                        "Bring that version in"
                    </button>
                    " (your text here is kept)."
                </p>
            })}
            {move || {
                revision.track();
                fields
                    .iter()
                    .map(|&field| {
                        let field_id = format!("answer-{}", field.label().to_lowercase().replace(' ', "-"));
                        let value = draft.with_untracked(|d| field.get(d).to_string());
                        let rows = if field == Field::Text { 8 } else { 3 };
                        // The free-text field is named by the section heading,
                        // "Your answer"; STAR fields by their own labels.
                        let label = (field != Field::Text)
                            .then(|| view! { <label for=field_id.clone()>{field.label()}</label> });
                        let labelled_by = (field == Field::Text).then_some("your-answer");
                        view! {
                            <div class="field">
                                {label}
                                <p class="hint" id=format!("{field_id}-hint")>{field.hint()}</p>
                                <textarea
                                    id=field_id.clone()
                                    aria-labelledby=labelled_by
                                    aria-describedby=format!("{field_id}-hint")
                                    rows=rows
                                    prop:value=value
                                    on:input=move |ev| edit(field, event_target_value(&ev))
                                    on:blur=move |_| save_now()
                                ></textarea>
                            </div>
                        }
                    })
                    .collect_view()
            }}
            <p class="answer-stats">
                <span>{move || match words.get() { 1 => "1 word".to_string(), n => format!("{n} words") }}</span>
                <span>{move || {
                    let seconds = speaking_seconds(words.get());
                    format!("about {}:{:02} to say", seconds / 60, seconds % 60)
                }}</span>
                <span class="save-status" aria-live="polite">{status}</span>
            </p>
        </section>
    }
}
