//! Choosing a category, or all of them: on Questions, Practice and commute
//! mode.

use leptos::prelude::*;

use opsdrill_core::bank::Category;

/// "All" and one toggle chip per category; the pressed one is `selected`.
#[component]
pub fn CategoryChips(
    #[prop(into)] selected: Signal<Option<Category>>,
    #[prop(into)] on_pick: Callback<Option<Category>>,
) -> impl IntoView {
    let chip = move |choice: Option<Category>| {
        view! {
            <button
                type="button"
                class="chip"
                aria-pressed=move || (selected.get() == choice).to_string()
                on:click=move |_| on_pick.run(choice)
            >
                {choice.map_or("All", Category::label)}
            </button>
        }
    };
    view! {
        <div class="chips" role="group" aria-label="Category">
            {chip(None)}
            {Category::ALL.into_iter().map(|c| chip(Some(c))).collect_view()}
        </div>
    }
}
