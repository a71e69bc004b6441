//! The answer editor: free text, or four STAR fields. Each keystroke goes to
//! the user, which writes 400 ms after the last one and at once on blur, tab
//! switch and page hide, so a reload at any moment keeps what was typed.
//! Where the browser can recognise speech, each field has a dictation button.

use leptos::prelude::*;

use super::answer_stats::AnswerStats;
use super::dictate::{DictateButton, Dictation, DictationNotes};
use super::field::Field;
use super::previous_versions::PreviousVersions;
use super::star_fields::StarFields;
use super::synced_text::SyncedText;
use crate::state::UserState;
use crate::web::dictation;
use opsdrill_core::bank::{Question, Style};
use opsdrill_core::data::records::StarPart;
use opsdrill_core::data::{Answer, SaveStatus};

/// A field of the editor: the free text, or one STAR part.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Text,
    Star(StarPart),
}

impl Slot {
    fn label(self) -> &'static str {
        match self {
            Slot::Text => "Your answer",
            Slot::Star(part) => part.label(),
        }
    }

    fn get(self, answer: &Answer) -> &str {
        match self {
            Slot::Text => &answer.text,
            Slot::Star(part) => part.get(&answer.star),
        }
    }

    fn set(self, answer: &mut Answer, value: String) {
        match self {
            Slot::Text => answer.text = value,
            Slot::Star(part) => part.set(&mut answer.star, value),
        }
    }
}

/// When a mock interview began this answer (`None` until the first edit).
pub type MockBegun = RwSignal<Option<i64>>;

/// Inside a mock interview and before its first edit: the fields show blank.
pub fn mock_fresh(mock: Option<MockBegun>) -> bool {
    mock.is_some_and(|m| m.with(Option::is_none))
}

/// Call before each edit: a mock interview's first one sets the stored
/// answer aside (kept as an earlier version) and starts it blank.
pub fn begin_mock_once(mock: Option<MockBegun>, user: &UserState, id: &str) {
    if let Some(begun) = mock {
        if begun.with_untracked(Option::is_none) {
            begun.set(Some(user.answers.begin_mock(id)));
        }
    }
}

/// `mock`: inside a mock interview. The fields start blank and the stored
/// answer is untouched until the first edit, which keeps the earlier text as
/// an earlier version (so leaving without writing changes nothing).
#[component]
pub fn AnswerEditor(
    question: &'static Question,
    #[prop(optional)] mock: Option<MockBegun>,
) -> impl IntoView {
    let user = expect_context::<UserState>();
    let id = question.id;
    // Blank while a mock interview has not begun this answer.
    let fresh = move || mock_fresh(mock);
    let before_edit = move || begin_mock_once(mock, &user, id);
    // A field's stored text, tracked, and what is typed or dictated into it.
    let text = move |slot: Slot| {
        if fresh() {
            return String::new();
        }
        user.answers
            .with(id, |a| a.map(|a| slot.get(a).to_string()))
            .unwrap_or_default()
    };
    let write = move |slot: Slot, value: String| {
        before_edit();
        user.answers.edit(id, |a| slot.set(a, value));
    };
    let append = move |slot: Slot, heard: String| {
        before_edit();
        user.answers.edit(id, |a| {
            let joined = dictation::append(slot.get(a), &heard);
            slot.set(a, joined);
        });
    };
    let flush = move || user.flush();
    // Dictation: one field listens at a time.
    let dictation = Dictation::new();
    let dictate = move |slot: Slot| {
        dictation.available().then(|| {
            view! { <DictateButton dictation field=slot.label() on_text=move |heard| append(slot, heard)/> }
        })
    };
    let words = Memo::new(move |_| {
        if fresh() {
            return 0;
        }
        user.answers.with(id, |a| a.map_or(0, Answer::word_count))
    });
    let status = move || {
        if fresh() {
            return SaveStatus::Nothing;
        }
        user.answers.status(id)
    };

    let star = question.style == Style::Star;
    let fields = if star {
        view! {
            <StarFields
                id="answer"
                text=move |part| text(Slot::Star(part))
                on_input=move |part, value| write(Slot::Star(part), value)
                on_blur=flush
                after=move |part| dictate(Slot::Star(part)).into_any()
            />
        }
        .into_any()
    } else {
        // Named by the section heading, "Your answer".
        view! {
            <Field id="answer-your-answer" hint="Write your answer, or the notes you would speak from.">
                <SyncedText
                    id="answer-your-answer"
                    labelled_by="your-answer"
                    rows=8
                    value=move || text(Slot::Text)
                    on_input=move |value| write(Slot::Text, value)
                    on_blur=flush
                />
                {dictate(Slot::Text)}
            </Field>
        }
        .into_any()
    };

    view! {
        <section class="answer-editor">
            <h2 id="your-answer">{if star { "Your answer (STAR)" } else { "Your answer" }}</h2>
            <MergedNotice id/>
            {fields}
            <DictationNotes dictation/>
            <AnswerStats words speaking_time=true status/>
            {mock.is_none().then(|| view! { <PreviousVersions id/> })}
        </section>
    }
}

/// Another tab changed this answer while it was being edited here.
#[component]
fn MergedNotice(id: &'static str) -> impl IntoView {
    let user = expect_context::<UserState>();
    view! {
        <Show when=move || user.answers.merged_from_other_tab(id)>
            <p class="notice" role="status">
                "This answer was also changed in another tab. Both versions are kept: yours first, the other below the divider line. "
                <button type="button" class="link" on:click=move |_| user.answers.acknowledge_merge(id)>
                    "OK"
                </button>
            </p>
        </Show>
    }
}
