//! A field for one part of an answer besides its main text: the answer to a
//! follow-up, or a lab step's read. It is saved with the answer (400 ms
//! after the last keystroke, at once on blur), so it travels in backups and
//! the Markdown export and is never lost.

use leptos::prelude::*;

use super::answer_editor::{begin_mock_once, mock_fresh, MockBegun};
use super::answer_stats::SaveStatusText;
use super::field::Field;
use super::synced_text::SyncedText;
use crate::state::UserState;
use opsdrill_core::data::records::AnswerPart;
use opsdrill_core::data::SaveStatus;

#[component]
pub fn AnswerPartField(
    question_id: &'static str,
    part: AnswerPart,
    /// The textarea's id.
    #[prop(into)]
    id: String,
    /// The id of the element that names the field (the prompt it answers).
    #[prop(into)]
    labelled_by: String,
    hint: &'static str,
    /// Inside a mock interview: blank until the first edit, as the answer is.
    #[prop(optional_no_strip)]
    mock: Option<MockBegun>,
) -> impl IntoView {
    let user = expect_context::<UserState>();
    let stored = {
        let part = part.clone();
        move || {
            if mock_fresh(mock) {
                return String::new();
            }
            user.answers
                .with(question_id, |a| a.map(|a| a.part(&part).to_string()))
                .unwrap_or_default()
        }
    };
    let write = move |text: String| {
        begin_mock_once(mock, &user, question_id);
        user.answers.edit(question_id, |a| a.set_part(&part, text));
    };
    let status = move || {
        if mock_fresh(mock) {
            return SaveStatus::Nothing;
        }
        user.answers.status(question_id)
    };
    view! {
        <Field id=id.clone() hint=hint>
            <SyncedText
                id=id
                labelled_by=labelled_by
                rows=4
                value=stored
                on_input=write
                on_blur=move || user.flush()
            />
            <p class="answer-stats"><SaveStatusText status/></p>
        </Field>
    }
}
