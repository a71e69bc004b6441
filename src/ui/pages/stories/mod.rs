//! The STAR story bank: the user's stories (filterable by tag), the gaps
//! (behavioural questions with no story yet), and `#/stories/<id>`, the
//! editor of one story. Edits go through `user.stories.edit`, which writes
//! like an answer: at once in memory, to storage 400 ms after the last
//! keystroke, and at once on blur and page hide.

mod delete;
mod editor;
mod list;
mod questions;

use leptos::prelude::*;

use editor::StoryEditor;
use list::StoryList;

/// The user's STAR stories; `open` is the story shown for editing.
#[component]
pub fn StoriesPage(open: Option<String>) -> impl IntoView {
    match open {
        None => view! { <StoryList/> }.into_any(),
        Some(id) => view! { <StoryEditor id/> }.into_any(),
    }
}
