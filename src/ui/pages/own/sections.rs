//! One section of an own question in the editor: a textarea under the
//! section's heading for the question's style, with what it takes.

use leptos::prelude::*;

use opsdrill_core::bank::{Section, Style};
use opsdrill_core::own::section_key;

use super::editor::{FieldProblems, Form};
use crate::ui::components::field::Field;

/// What a section takes, in the words of the editor.
pub(super) fn section_hint(style: Style, section: Section) -> &'static str {
    match (style, section) {
        (Style::Ask, Section::Why) => "Why the answer matters to you. Plain paragraphs.",
        (_, Section::Why) => "What the interviewer is really probing. Plain paragraphs.",
        (Style::Star, Section::Structure) => {
            "One step per line, such as: **Situation:** set the scene."
        }
        (_, Section::Structure) => "The steps of a good answer, one per line.",
        (Style::Ask, Section::TalkingPoints) => "What a good or a worrying answer contains, one per line.",
        (_, Section::TalkingPoints) => {
            "What a strong answer covers, one per line: your answer's points are ticked off as it mentions them."
        }
        (_, Section::Answer) => {
            "Paragraphs; lists start lines with - or 1.; **bold**, *emphasis* and `code`; code blocks between ``` lines."
        }
        (_, Section::Tip) => "One to three sentences.",
        (_, Section::Pitfalls) => "What goes wrong in answers, one per line.",
        (_, Section::FollowUps) => {
            "Each follow-up on a line of its own starting with ### and ending with ?, its answer on the lines below."
        }
    }
}

#[component]
pub(super) fn SectionField(
    form: Form,
    section: Section,
    heading: Signal<&'static str>,
    hint: Signal<&'static str>,
    problems: Signal<Vec<String>>,
) -> impl IntoView {
    let id = format!("own-{}", section_key(section).replace('_', "-"));
    let hint_id = format!("{id}-hint");
    let problems_id = format!("{id}-problems");
    let rows = match section {
        Section::Answer | Section::FollowUps => 8,
        Section::Tip => 2,
        _ => 4,
    };
    view! {
        <Field id=id.clone()>
            <label for=id.clone()>{move || heading.get()}" (optional)"</label>
            <p class="hint" id=hint_id.clone()>{move || hint.get()}</p>
            <textarea
                id=id
                rows=rows
                aria-describedby=format!("{hint_id} {problems_id}")
                aria-invalid=move || (!problems.get().is_empty()).to_string()
                prop:value=move || form.question.with(|q| q.section(section).to_string())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    form.edit(|q| q.set_section(section, text));
                }
            ></textarea>
            <FieldProblems id=problems_id problems/>
        </Field>
    }
}
