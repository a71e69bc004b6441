use std::ops::Not;

use leptos::prelude::*;

use super::import::{ImportFlow, PendingImport};
use opsdrill_core::format::count;

/// What merging `pending` would change, and the choice: merge, replace
/// (after a confirmation) or cancel.
#[component]
pub fn ImportPreview(flow: ImportFlow, pending: PendingImport) -> impl IntoView {
    let s = &pending.summary;
    let incoming_answers = pending
        .incoming
        .answers
        .values()
        .filter(|a| !a.is_empty())
        .count();
    let incoming_stories = pending.incoming.stories.len();
    // One line per kind of change, when there is any.
    let change =
        |n: usize, one: &str, many: &str| (n > 0).then(|| view! { <li>{count(n, one, many)}</li> });
    let confirm_replace = flow.confirm_replace;
    let partial = pending.sent.as_ref().is_some_and(|s| s.since_ms.is_some());
    // A transfer of changes that skips one this device never took.
    let warning = pending
        .sent
        .as_ref()
        .and_then(|sent| crate::web::device_memory::read().continuity(sent).warning());
    view! {
        <div class="import-preview" role="region" aria-label="Import preview">
            <h3>{format!("Ready to import {}", pending.file_name)}</h3>
            {warning.map(|w| view! { <p class="banner warning" role="note">{w}</p> })}
            <p>{format!(
                "The backup holds {} and {}. Merging would change:",
                count(incoming_answers, "answer", "answers"),
                count(incoming_stories, "story", "stories"),
            )}</p>
            <ul>
                {change(s.added.len(), "new answer added", "new answers added")}
                {change(s.updated.len(), "answer updated (the newer edit wins)", "answers updated (the newer edit wins)")}
                {change(s.kept_both.len(), "answer changed in both places: both texts kept, newer first", "answers changed in both places: both texts kept, newer first")}
                {change(s.unchanged, "answer already the same", "answers already the same")}
                {change(s.cards_updated, "question schedule updated", "question schedules updated")}
                {change(s.reviews_added, "rating added to your history", "ratings added to your history")}
                {change(s.bookmarks_added, "bookmark added", "bookmarks added")}
                {change(s.ticks_added, "talking-point tick added", "talking-point ticks added")}
                {change(s.stories_added.len(), "new story added", "new stories added")}
                {change(s.stories_kept_both.len(), "story changed in both places: both texts kept, newer first", "stories changed in both places: both texts kept, newer first")}
                {change(s.mocks_added, "mock interview added to your history", "mock interviews added to your history")}
                {change(s.own_added.len(), "question of your own added", "questions of your own added")}
                {change(s.own_updated.len(), "question of your own replaced by its newer edit", "questions of your own replaced by their newer edits")}
                {change(s.own_kept_both.len(), "question of your own edited in both places: the older edit kept as a question of its own", "questions of your own edited in both places: the older edits kept as questions of their own")}
            </ul>
            {(!s.changes_anything()).then(|| view! { <p>"Nothing would change: you already have everything in this backup."</p> })}
            <p class="hint">"Your settings stay as they are when merging. Your current data is saved aside before anything changes."</p>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| flow.apply(false)>"Merge into my data"</button>
                // A transfer of what changed is not all of the other
                // device's data: replacing with it would be a loss.
                {partial.not().then(|| view! {
                    <button type="button" class="button secondary" on:click=move |_| confirm_replace.set(true)>"Replace everything…"</button>
                })}
                <button type="button" class="button secondary" on:click=move |_| flow.pending.set(None)>"Cancel"</button>
            </div>
            <Show when=move || confirm_replace.get()>
                <div class="banner warning" role="alert">
                    <p>"Replace all your answers, stories, ratings, bookmarks, mock interviews and settings with the backup's? Answers and stories the backup does not have will be removed. A copy of your current data is saved aside first."</p>
                    <button type="button" class="button" on:click=move |_| flow.apply(true)>"Yes, replace everything"</button>
                    <button type="button" class="button secondary" on:click=move |_| confirm_replace.set(false)>"Keep my data"</button>
                </div>
            </Show>
        </div>
    }
}
