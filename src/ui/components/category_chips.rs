//! Choosing categories: one of them or all (`CategoryChips`, on Questions,
//! Practice and commute mode), or several (`CategoryChecks`, the mock setup).

use leptos::prelude::*;

use opsdrill_core::bank::{self, Category};

/// "All" and one toggle chip per category; the pressed one is `selected`.
#[component]
pub fn CategoryChips(
    #[prop(into)] selected: Signal<Option<Category>>,
    #[prop(into)] on_pick: Callback<Option<Category>>,
    /// Leaves out Labs (commute mode, when the user chose so).
    #[prop(optional)]
    without_labs: bool,
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
            {Category::ALL
                .into_iter()
                .filter(|c| !(without_labs && *c == Category::Labs))
                .map(|c| chip(Some(c)))
                .collect_view()}
        </div>
    }
}

/// "Categories": one checkbox per category, with how many questions it has;
/// the ticked ones are `chosen`, in the order they were ticked.
#[component]
pub fn CategoryChecks(chosen: RwSignal<Vec<Category>>) -> impl IntoView {
    let check = move |category: Category| {
        view! {
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || chosen.with(|c| c.contains(&category))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        chosen.update(|c| {
                            c.retain(|x| *x != category);
                            if on {
                                c.push(category);
                            }
                        });
                    }
                />
                <span>{category.label()} " (" {bank::count_in(category)} ")"</span>
            </label>
        }
    };
    view! {
        <fieldset class="field">
            <legend>"Categories"</legend>
            {Category::ALL.into_iter().map(check).collect_view()}
        </fieldset>
    }
}
