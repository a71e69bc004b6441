//! A field for one part of an answer besides its main text: the answer to a
//! follow-up, or a lab step's read. It is saved with the answer (400 ms
//! after the last keystroke, at once on blur), so it travels in backups and
//! the Markdown export and is never lost.

use leptos::prelude::*;

use super::answer_stats::SaveStatusText;
use super::field::Field;
use super::synced_text::SyncedText;
use crate::state::UserState;
use opsdrill_core::data::records::AnswerPart;

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
) -> impl IntoView {
    let user = expect_context::<UserState>();
    let stored = {
        let part = part.clone();
        move || {
            user.answers
                .with(question_id, |a| a.map(|a| a.part(&part).to_string()))
                .unwrap_or_default()
        }
    };
    let write = move |text: String| user.answers.edit(question_id, |a| a.set_part(&part, text));
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
            <p class="answer-stats"><SaveStatusText status=move || user.answers.status(question_id)/></p>
        </Field>
    }
}
