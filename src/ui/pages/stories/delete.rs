//! Deleting a story: "Delete story" asks first, inline, and goes back to
//! the list once it is gone.

use leptos::prelude::*;

use super::editor::OpenStory;
use crate::ui::components::confirm::ConfirmButton;
use crate::web::browser::go_to;
use opsdrill_core::route::Route;

#[component]
pub(super) fn DeleteStory(story: OpenStory, title: Memo<String>) -> impl IntoView {
    let delete_failed = RwSignal::new(false);
    let delete = move |()| {
        if story.delete(title.get_untracked()) {
            go_to(&Route::Stories(None));
        } else {
            delete_failed.set(true);
        }
    };
    view! {
        <div class="story-delete">
            <Show when=move || delete_failed.get()>
                <p class="notice error" role="alert">
                    "The story could not be deleted: storage refused the change. It is kept."
                </p>
            </Show>
            <ConfirmButton
                label="Delete story"
                question=Signal::derive(move || {
                    format!("Delete \u{201c}{}\u{201d}? This cannot be undone.", title.get())
                })
                yes="Yes, delete"
                no="No, keep it"
                id="confirm-delete"
                on_confirm=delete
            />
        </div>
    }
}
