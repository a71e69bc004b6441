//! A button that reveals what follows it (our answer, the expert read): the
//! user commits to their own answer first, then compares.

use leptos::prelude::*;

#[component]
pub fn Reveal(
    /// What the button says ("Reveal the answer").
    label: &'static str,
    revealed: RwSignal<bool>,
    children: ChildrenFn,
) -> impl IntoView {
    view! {
        <Show
            when=move || revealed.get()
            fallback=move || view! {
                <button type="button" class="button" on:click=move |_| revealed.set(true)>{label}</button>
            }
        >
            {children()}
        </Show>
    }
}
