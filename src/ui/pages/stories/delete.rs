//! Deleting a story: "Delete story" asks first, inline, and goes back to
//! the list once it is gone.

use leptos::prelude::*;

use super::editor::OpenStory;
use crate::web::browser::go_to;
use opsdrill_core::route::Route;

#[component]
pub(super) fn DeleteStory(story: OpenStory, title: Memo<String>) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let delete_failed = RwSignal::new(false);
    let keep_node = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = keep_node.get() {
            let _ = button.focus();
        }
    });
    let delete_node = NodeRef::<leptos::html::Button>::new();
    // After "No, keep it", focus returns to the button that asked (for
    // keyboard users) once it is back on the page.
    let refocus = StoredValue::new(false);
    Effect::new(move |_| {
        if let Some(button) = delete_node.get() {
            if refocus.get_value() {
                refocus.set_value(false);
                let _ = button.focus();
            }
        }
    });
    let keep = move |_| {
        refocus.set_value(true);
        confirming.set(false);
    };
    let delete = move |_| {
        if story.delete(title.get_untracked()) {
            go_to(&Route::Stories(None));
        } else {
            confirming.set(false);
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
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button
                        type="button"
                        class="button danger-outline"
                        node_ref=delete_node
                        on:click=move |_| confirming.set(true)
                    >
                        "Delete story"
                    </button>
                }
            >
                <div class="confirm" role="group" aria-labelledby="confirm-delete">
                    <p id="confirm-delete">
                        {move || format!("Delete \u{201c}{}\u{201d}? This cannot be undone.", title.get())}
                    </p>
                    <div class="actions">
                        <button type="button" class="button danger" on:click=delete>"Yes, delete"</button>
                        <button type="button" class="button secondary" node_ref=keep_node on:click=keep>
                            "No, keep it"
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
