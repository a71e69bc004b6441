//! `#/stories/<id>`: the editor of one story (title, STAR, tags, the
//! questions it answers, deleting it), or a clear message when there is no
//! such story.

use leptos::prelude::*;

use super::delete::DeleteStory;
use super::questions::StoryQuestions;
use crate::state::UserState;
use crate::ui::components::answer_stats::AnswerStats;
use crate::ui::components::field::Field;
use crate::ui::components::star_fields::StarFields;
use crate::ui::components::synced_text::SyncedText;
use opsdrill_core::data::{SaveStatus, Story};
use opsdrill_core::route::Route;
use opsdrill_core::stories::{display_title, format_tags, parse_tags};

/// The story being edited, for the editor's parts: its id, read and
/// changed through the user's state.
#[derive(Clone, Copy)]
pub(super) struct OpenStory {
    id: StoredValue<String>,
    user: UserState,
}

impl OpenStory {
    /// Reads the story, tracking it (the default once it is gone).
    pub fn read<R: Default>(self, f: impl FnOnce(&Story) -> R) -> R {
        self.id
            .with_value(|id| self.user.stories.with(id, |s| s.map(f)))
            .unwrap_or_default()
    }

    pub fn read_untracked<R: Default>(self, f: impl FnOnce(&Story) -> R) -> R {
        self.id
            .with_value(|id| self.user.stories.with_untracked(id, |s| s.map(f)))
            .unwrap_or_default()
    }

    pub fn edit(self, change: impl FnOnce(&mut Story)) {
        self.id.with_value(|id| self.user.stories.edit(id, change));
    }

    pub fn link(self, question: &str, linked: bool) {
        self.id
            .with_value(|id| self.user.stories.link(id, question, linked));
    }

    pub fn status(self) -> SaveStatus {
        self.id.with_value(|id| self.user.stories.status(id))
    }

    /// Deletes it, for the list to announce; false when storage refused.
    pub fn delete(self, title: String) -> bool {
        self.id
            .with_value(|id| self.user.stories.delete_announced(id, title))
    }
}

#[component]
pub(super) fn StoryEditor(id: String) -> impl IntoView {
    let user = expect_context::<UserState>();
    let id = StoredValue::new(id);
    let exists = Memo::new(move |_| id.with_value(|id| user.stories.contains(id)));
    // A story left with nothing written (a "New story" opened and left) is
    // not kept as an "Untitled story".
    on_cleanup(move || {
        let Some(id) = id.try_get_value() else {
            return;
        };
        let blank = user
            .stories
            .with_untracked(&id, |s| s.is_some_and(Story::is_empty));
        if blank {
            user.stories.delete(&id);
        }
    });
    view! {
        <Show when=move || exists.get() fallback=move || view! { <NoSuchStory id=id.get_value()/> }>
            <StoryForm id=id.get_value()/>
        </Show>
    }
}

#[component]
fn NoSuchStory(id: String) -> impl IntoView {
    crate::web::browser::set_title("Story not found: OpsDrill");
    view! {
        <h1>"Story not found"</h1>
        <p class="lede">
            {format!("There is no story with the id \u{201c}{id}\u{201d}. It may have been deleted, or written in another browser: import a backup to bring it here.")}
        </p>
        <p class="actions">
            <a class="button" href=Route::Stories(None).href()>"← All stories"</a>
        </p>
    }
}

#[component]
fn StoryForm(id: String) -> impl IntoView {
    let user = expect_context::<UserState>();
    let story = OpenStory {
        id: StoredValue::new(id),
        user,
    };
    let title = Memo::new(move |_| story.read(|s| display_title(s).to_string()));
    Effect::new(move |_| {
        crate::web::browser::set_title(&format!("{}: Stories: OpsDrill", title.get()))
    });
    let words = Memo::new(move |_| story.read(|s| s.star.word_count()));
    // Blur also fires when the page is left, after this view is disposed:
    // only the user is used there.
    let flush = move || user.flush();
    // A new, blank story starts in its title field.
    let blank = story.read_untracked(Story::is_empty);
    // Tags are stored parsed: the field keeps what is typed ("k8s, ") and
    // is only replaced when the stored tags differ from what it says; once
    // left, it shows the tags as kept.
    let tags_say = move |field: &str| story.read(|s| parse_tags(field) == s.tags);
    let tidy_tags = |field: &str| format_tags(&parse_tags(field));

    view! {
        <article class="story-editor">
            <p class="crumbs">
                <a href=Route::Stories(None).href()>"← All stories"</a>
            </p>
            <h1>{move || title.get()}</h1>

            <Field id="story-title" label="Title" hint="A name you will recognise in a list, such as \u{201c}The Friday database failover\u{201d}.">
                <SyncedText
                    id="story-title"
                    value=move || story.read(|s| s.title.clone())
                    on_input=move |value| story.edit(|s| s.title = value)
                    on_blur=flush
                    focus=blank
                />
            </Field>
            <StarFields
                id="story"
                text=move |part| story.read(|s| part.get(&s.star).to_string())
                on_input=move |part, value| story.edit(|s| part.set(&mut s.star, value))
                on_blur=flush
            />
            <Field id="story-tags" label="Tags" hint="Separated by commas, such as: incident, leadership, k8s.">
                <SyncedText
                    id="story-tags"
                    autocapitalize="none"
                    value=move || story.read(|s| format_tags(&s.tags))
                    on_input=move |value| {
                        let tags = parse_tags(&value);
                        story.edit(|s| s.tags = tags);
                    }
                    on_blur=flush
                    in_step=Box::new(tags_say)
                    tidy=tidy_tags
                />
            </Field>
            <AnswerStats words status=move || story.status()/>

            <StoryQuestions story/>
            <DeleteStory story title/>
        </article>
    }
}
