//! The answer editor: free text, or four STAR fields. Each keystroke goes to
//! the user, which writes 400 ms after the last one and at once on blur, tab
//! switch and page hide, so a reload at any moment keeps what was typed.
//! Where the browser can recognise speech, each field has a dictation button.

use leptos::prelude::*;

use crate::web::dictation::{self, Recognition};
use opsdrill_core::time;

use crate::state::UserState;
use opsdrill_core::bank::{Question, Style};
use opsdrill_core::data::records::speaking_seconds;
use opsdrill_core::data::Answer;

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

/// When a mock interview began this answer (`None` until the first edit).
pub type MockBegun = RwSignal<Option<i64>>;

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
    let fresh = move || mock.is_some_and(|m| m.with(Option::is_none));
    let before_edit = move || {
        if let Some(begun) = mock {
            if begun.with_untracked(Option::is_none) {
                begun.set(Some(user.answers.begin_mock(id)));
            }
        }
    };
    // Dictation: one field listens at a time.
    let can_dictate = dictation::available();
    let listening = RwSignal::new(None::<Field>);
    let dictation_note = RwSignal::new(None::<String>);
    let recognition = StoredValue::new_local(None::<Recognition>);
    // Which start a late "ended" belongs to.
    let generation = StoredValue::new(0u32);
    // Stopping lets the service deliver what it already heard: the
    // recognition is parked until it ends, not dropped.
    let stop_dictation = move || {
        listening.set(None);
        if let Some(running) = recognition.try_update_value(Option::take).flatten() {
            dictation::park(running);
        }
    };
    on_cleanup(stop_dictation);
    let toggle_dictation = move |field: Field| {
        let was = listening.get_untracked();
        stop_dictation();
        if was == Some(field) {
            return;
        }
        if !dictation::online() {
            dictation_note.set(Some(dictation::explain("network")));
            return;
        }
        generation.update_value(|g| *g += 1);
        let this_start = generation.get_value();
        let started = Recognition::start(
            move |text| {
                before_edit();
                user.answers.edit(id, |a| {
                    let joined = dictation::append(field.get(a), &text);
                    field.set(a, joined);
                });
            },
            move |why| {
                let _ = dictation_note.try_set(Some(why));
            },
            move || {
                if generation.try_get_value() == Some(this_start) {
                    let _ = listening.try_set(None);
                }
            },
        );
        match started {
            Ok(running) => {
                dictation_note.set(None);
                recognition.set_value(Some(running));
                listening.set(Some(field));
            }
            Err(why) => dictation_note.set(Some(why)),
        }
    };
    let fields: &'static [Field] = if question.style == Style::Star {
        &[Field::Situation, Field::Task, Field::Action, Field::Result]
    } else {
        &[Field::Text]
    };
    let words = Memo::new(move |_| {
        if fresh() {
            return 0;
        }
        user.answers.with(id, |a| a.map_or(0, Answer::word_count))
    });
    let status = move || {
        if fresh() {
            return "";
        }
        user.answers.status(id).label()
    };
    let merged = move || user.answers.merged_from_other_tab(id);

    let field_view = move |field: Field| {
        let field_id = format!("answer-{}", field.label().to_lowercase().replace(' ', "-"));
        let node = NodeRef::<leptos::html::Textarea>::new();
        // Text that changes from outside (another tab, an import) is put into
        // the field; the user's own typing is already there, so nothing moves.
        Effect::new(move |_| {
            let value = if fresh() {
                String::new()
            } else {
                user.answers
                    .with(id, |a| a.map(|a| field.get(a).to_string()))
                    .unwrap_or_default()
            };
            if let Some(textarea) = node.get() {
                if textarea.value() != value {
                    textarea.set_value(&value);
                }
            }
        });
        // The free-text field is named by the section heading, "Your answer";
        // STAR fields by their own labels.
        let label = (field != Field::Text)
            .then(|| view! { <label for=field_id.clone()>{field.label()}</label> });
        let labelled_by = (field == Field::Text).then_some("your-answer");
        let rows = if field == Field::Text { 8 } else { 3 };
        let dictate = can_dictate.then(|| {
            let on = move || listening.get() == Some(field);
            view! {
                <button
                    type="button"
                    class="button small secondary dictate"
                    aria-pressed=move || on().to_string()
                    aria-describedby="dictation-note"
                    on:click=move |_| toggle_dictation(field)
                >
                    "Dictate"
                    <span class="visually-hidden">{format!(" ({})", field.label())}</span>
                </button>
                <Show when=on>
                    <span class="listening" aria-hidden="true">"Listening… press Dictate again to stop."</span>
                </Show>
            }
        });
        view! {
            <div class="field">
                {label}
                <p class="hint" id=format!("{field_id}-hint")>{field.hint()}</p>
                <textarea
                    node_ref=node
                    id=field_id.clone()
                    aria-labelledby=labelled_by
                    aria-describedby=format!("{field_id}-hint")
                    rows=rows
                    prop:value=if fresh() { String::new() } else { user.answers.with_untracked(id, |a| a.map(|a| field.get(a).to_string())).unwrap_or_default() }
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        before_edit();
                        user.answers.edit(id, |a| field.set(a, value));
                    }
                    on:blur=move |_| user.flush()
                ></textarea>
                {dictate}
            </div>
        }
    };

    view! {
        <section class="answer-editor">
            <h2 id="your-answer">{if question.style == Style::Star { "Your answer (STAR)" } else { "Your answer" }}</h2>
            <Show when=merged>
                <p class="notice" role="status">
                    "This answer was also changed in another tab. Both versions are kept: yours first, the other below the divider line. "
                    <button type="button" class="link" on:click=move |_| user.answers.acknowledge_merge(id)>
                        "OK"
                    </button>
                </p>
            </Show>
            {fields.iter().map(|&field| field_view(field)).collect_view()}
            {can_dictate.then(|| view! {
                <p class="hint" id="dictation-note">
                    "Dictation uses your browser's speech service, which needs a network connection."
                </p>
            })}
            <p class="notice" role="status" hidden=move || dictation_note.with(Option::is_none)>
                {move || dictation_note.get()}
            </p>
            <p class="answer-stats">
                <span>{move || match words.get() { 1 => "1 word".to_string(), n => format!("{n} words") }}</span>
                <span>{move || {
                    let seconds = speaking_seconds(words.get());
                    format!("about {} to say", opsdrill_core::time::minutes_seconds(seconds as i64))
                }}</span>
                <span class="save-status" aria-live="polite">{status}</span>
            </p>
            {mock.is_none().then(|| view! { <PreviousVersions id/> })}
        </section>
    }
}

/// Earlier texts of the answer (kept when a mock interview or a restore
/// replaced it), each restorable.
#[component]
fn PreviousVersions(id: &'static str) -> impl IntoView {
    let user = expect_context::<UserState>();
    // Versions only change when one is added or restored: a cheap key, so
    // typing in the answer does not copy them on every keystroke.
    let changed = Memo::new(move |_| {
        user.answers.with(id, |a| {
            a.map(|a| (a.previous.len(), a.previous.last().map(|v| v.replaced_ms)))
        })
    });
    let restored = RwSignal::new(false);
    let restore = move |index: usize| {
        user.answers.restore_version(id, index);
        restored.set(true);
        // Back to the answer, which now holds the restored text.
        crate::web::focus::focus(".answer-editor textarea");
    };
    let list = move || {
        changed.track();
        let versions = user
            .answers
            .with_untracked(id, |a| a.map(|a| a.previous.clone()))
            .unwrap_or_default();
        (!versions.is_empty()).then(|| {
            let count = versions.len();
            let items = versions
                .into_iter()
                .enumerate()
                .rev()
                .map(|(index, version)| {
                    let when = time::format_date(version.updated_ms.div_euclid(time::DAY_MS));
                    let why = match version.replaced_by.as_str() {
                        "mock interview" => "replaced by a mock interview answer",
                        "restore" => "replaced when an earlier version was restored",
                        _ => "replaced",
                    };
                    let answer = Answer {
                        text: version.text.clone(),
                        star: version.star.clone(),
                        ..Answer::default()
                    };
                    let text = answer.all_text().trim().to_string();
                    view! {
                        <li>
                            <p class="question-meta">{format!("Written {when}, {why}")}</p>
                            <p class="previous-text">{text}</p>
                            <button type="button" class="button small secondary" on:click=move |_| restore(index)>
                                "Use this version"
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="previous-versions">
                    <summary>{opsdrill_core::format::count(count, "earlier version", "earlier versions")}</summary>
                    <p class="hint">"Using one keeps the current text as an earlier version too."</p>
                    <ol>{items}</ol>
                </details>
            }
        })
    };
    view! {
        {list}
        <p class="visually-hidden" role="status">
            {move || restored.get().then_some("Earlier version restored. The text it replaced is kept as an earlier version.")}
        </p>
    }
}
