use leptos::prelude::*;

use opsdrill_core::bank::Category;

/// "All" and one toggle chip per category; the pressed one is `category`.
#[component]
pub fn CategoryChips(category: RwSignal<Option<Category>>) -> impl IntoView {
    let chip = move |choice: Option<Category>| {
        view! {
            <button
                type="button"
                class="chip"
                aria-pressed=move || (category.get() == choice).to_string()
                on:click=move |_| category.set(choice)
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
