//! The form for one own question, new or kept. What is typed is kept as a
//! draft at every keystroke (`web::own_draft`), so a closed tab loses
//! nothing; "Save question" checks it with the bank's parser and keeps it.

use leptos::prelude::*;

use opsdrill_core::bank::{Category, Difficulty, Section, Style, TOPICS};
use opsdrill_core::own::pack::{compile, one_item_per_line, Problem};
use opsdrill_core::own::{topic_label, topic_slug, OwnQuestion, CATEGORIES};
use opsdrill_core::route::Route;

use super::delete::DeleteOwnQuestion;
use super::sections::{section_hint, SectionField};
use crate::state::UserState;
use crate::ui::components::field::Field;
use crate::web::browser::go_to;
use crate::web::own_draft;

/// The form's fields, as the user has them.
#[derive(Clone, Copy)]
pub(super) struct Form {
    pub(super) question: RwSignal<OwnQuestion>,
    /// The topics as typed: names or slugs, comma separated.
    pub(super) topics: RwSignal<String>,
    draft: StoredValue<String>,
}

impl Form {
    /// Changes the question and keeps the draft.
    pub(super) fn edit(&self, change: impl FnOnce(&mut OwnQuestion)) {
        self.question.update(change);
        self.keep_draft();
    }

    fn keep_draft(&self) {
        let mut draft = self.question.get_untracked();
        draft.topics = typed_topics(&self.topics.get_untracked());
        own_draft::keep(&self.draft.get_value(), &draft);
    }
}

fn typed_topics(typed: &str) -> Vec<String> {
    let mut topics: Vec<String> = Vec::new();
    for slug in typed.split(',').map(topic_slug).filter(|s| !s.is_empty()) {
        if !topics.contains(&slug) {
            topics.push(slug);
        }
    }
    topics
}

/// The editor: `id` is the question's, or `None` for a new one.
#[component]
pub fn OwnQuestionForm(id: Option<String>, stored: OwnQuestion) -> impl IntoView {
    let user = expect_context::<UserState>();
    let draft_name = id.clone().unwrap_or_else(|| "new".into());
    let restored = own_draft::read(&draft_name).filter(|d| *d != stored);
    let start = restored.clone().unwrap_or(stored);
    let form = Form {
        topics: RwSignal::new(
            start
                .topics
                .iter()
                .map(|t| topic_label(t))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        question: RwSignal::new(start),
        draft: StoredValue::new(draft_name.clone()),
    };
    let problems = RwSignal::new(Vec::<Problem>::new());
    let id = StoredValue::new(id);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut record = form.question.get_untracked();
        record.topics = typed_topics(&form.topics.get_untracked());
        for (section, ordered) in [
            (Section::Structure, true),
            (Section::TalkingPoints, false),
            (Section::Pitfalls, false),
        ] {
            let listed = one_item_per_line(record.section(section), ordered);
            record.set_section(section, listed);
        }
        let check_id = id.get_value().unwrap_or_else(|| "mine-new".into());
        match compile(&check_id, &mut record) {
            Ok(()) => {
                let saved = user.own.save(id.get_value().as_deref(), record);
                // Until it is in storage (a full one refused it), the draft
                // stays: a closed tab would lose the question otherwise.
                if user.own.is_written(&saved) {
                    own_draft::discard(&draft_name);
                }
                go_to(&Route::question(&saved));
            }
            Err(found) => {
                problems.set(found);
                crate::web::focus::focus("#question-problems");
            }
        }
    };
    let problems_in = move |section: Option<Section>| {
        Signal::derive(move || {
            problems.with(|all| {
                all.iter()
                    .filter(|p| p.section == section)
                    .map(|p| match section {
                        Some(_) => format!("Line {}: {}", p.line, p.message),
                        None => p.message.clone(),
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let style = Memo::new(move |_| form.question.with(OwnQuestion::style));

    view! {
        <form class="own-editor" on:submit=save novalidate>
            {restored.map(|_| view! {
                <p class="notice" role="status">
                    "Your unsaved changes from last time are back. Save them, or leave this page to keep the saved version."
                </p>
            })}
            <Problems problems/>
            <QuestionFields form problems=problems_in(None)/>
            {Section::ALL.into_iter().map(|section| view! {
                <SectionField
                    form
                    section
                    heading=Signal::derive(move || style.get().heading(section))
                    hint=Signal::derive(move || section_hint(style.get(), section))
                    problems=problems_in(Some(section))
                />
            }).collect_view()}
            <p class="actions">
                <button type="submit" class="button">"Save question"</button>
                // Cancel drops what was typed since the last save.
                <a class="button secondary" on:click=move |_| own_draft::discard(&form.draft.get_value()) href=move || match id.get_value() {
                    Some(id) => Route::question(&id).href(),
                    None => Route::Questions(Default::default()).href(),
                }>"Cancel"</a>
            </p>
        </form>
        {move || id.get_value().map(|id| view! { <DeleteOwnQuestion id/> })}
    }
}

/// Every problem found on saving, focused, so a screen reader hears them.
#[component]
fn Problems(problems: RwSignal<Vec<Problem>>) -> impl IntoView {
    view! {
        <div id="question-problems" tabindex="-1">
            <Show when=move || problems.with(|p| !p.is_empty())>
                <p class="notice error" role="alert">
                    {move || match problems.with(Vec::len) {
                        1 => "1 thing to fix before it can be saved: it is shown under its field.".to_string(),
                        n => format!("{n} things to fix before it can be saved: each is shown under its field."),
                    }}
                </p>
            </Show>
        </div>
    }
}

/// Messages under a field.
#[component]
pub(super) fn FieldProblems(id: String, problems: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <ul class="field-problems" id=id>
            {move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
        </ul>
    }
}

/// The question, where it goes, and where it was asked.
#[component]
fn QuestionFields(form: Form, problems: Signal<Vec<String>>) -> impl IntoView {
    let question = form.question;
    let category = Memo::new(move |_| question.with(OwnQuestion::category));
    let set_category = move |ev| {
        let picked = Category::from_slug(&event_target_value(&ev)).unwrap_or(Category::General);
        form.edit(|q| {
            q.category = picked.slug().to_string();
            q.style = q.style().slug().to_string();
        });
    };
    let add_topic = move |ev: leptos::ev::Event| {
        let slug = event_target_value(&ev);
        if slug.is_empty() {
            return;
        }
        form.topics.update(|typed| {
            let name = topic_label(&slug);
            if !typed_topics(typed).contains(&slug) {
                *typed = match typed.trim().trim_end_matches(',') {
                    "" => name,
                    before => format!("{before}, {name}"),
                };
            }
        });
        form.keep_draft();
        // Back to the prompt, so the same list adds the next one.
        event_target::<web_sys::HtmlSelectElement>(&ev).set_value("");
    };
    view! {
        <Field id="own-question" label="Question" hint="As the interviewer asked it: one line.">
            <textarea
                id="own-question"
                rows=2
                required
                aria-describedby="own-question-hint own-question-problems"
                aria-invalid=move || (!problems.get().is_empty()).to_string()
                prop:value=move || question.with(|q| q.question.clone())
                on:input=move |ev| {
                    let text = event_target_value(&ev).replace('\n', " ");
                    form.edit(|q| q.question = text);
                }
            ></textarea>
            <FieldProblems id="own-question-problems".into() problems/>
        </Field>
        <div class="field-row">
            <Field id="own-category" label="Category">
                <select id="own-category" on:change=set_category>
                    {CATEGORIES.map(|c| view! {
                        <option value=c.slug() selected=move || category.get() == c>{c.label()}</option>
                    }).collect_view()}
                </select>
            </Field>
            <Show when=move || { category.get().allowed_styles().len() > 1 }>
                <Field id="own-style" label="Style">
                    <select id="own-style" on:change=move |ev| {
                        let picked = event_target_value(&ev);
                        form.edit(|q| q.style = picked);
                    }>
                        {move || category.get().allowed_styles().iter().map(|&s: &Style| view! {
                            <option value=s.slug() selected=move || question.with(|q| q.style() == s)>
                                {s.label()}
                            </option>
                        }).collect_view()}
                    </select>
                </Field>
            </Show>
            <Field id="own-difficulty" label="Difficulty">
                <select id="own-difficulty" on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    form.edit(|q| q.difficulty = picked);
                }>
                    {Difficulty::ALL.map(|d| view! {
                        <option value=d.slug() selected=move || question.with(|q| q.difficulty() == d)>
                            {d.label()}
                        </option>
                    }).collect_view()}
                </select>
            </Field>
        </div>
        <Field id="own-topics" label="Topics" hint="Comma separated: the bank's, or your own, such as \u{201c}terraform state\u{201d}.">
            <input
                id="own-topics"
                type="text"
                class="text-input"
                autocapitalize="none"
                aria-describedby="own-topics-hint"
                prop:value=move || form.topics.get()
                on:input=move |ev| {
                    form.topics.set(event_target_value(&ev));
                    form.keep_draft();
                }
            />
            <select class="add-topic" aria-label="Add a topic from the bank" on:change=add_topic>
                <option value="">"Add a topic from the bank…"</option>
                {TOPICS.iter().map(|t| view! { <option value=t.slug>{t.name}</option> }).collect_view()}
            </select>
        </Field>
        <Field id="own-asked" label="Where you were asked (optional)" hint="Such as \u{201c}Acme, 2026-11-30, onsite round 2\u{201d}.">
            <input
                id="own-asked"
                type="text"
                class="text-input"
                aria-describedby="own-asked-hint"
                prop:value=move || question.with(|q| q.asked.clone())
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    form.edit(|q| q.asked = text);
                }
            />
        </Field>
    }
}
