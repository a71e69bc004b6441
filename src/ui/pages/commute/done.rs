use leptos::prelude::*;

use opsdrill_core::commute::Commute;
use opsdrill_core::format::count;

/// "Session finished": how many were rated, the last rating, and the way on.
#[component]
pub fn DoneScreen(
    machine: RwSignal<Commute>,
    last_rated: RwSignal<Option<String>>,
    #[prop(into)] on_again: Callback<()>,
) -> impl IntoView {
    view! {
        <h2 id="commute-done" tabindex="-1">"Session finished"</h2>
        <p class="commute-summary">
            {move || count(machine.with(Commute::rated), "question rated", "questions rated")}
        </p>
        <p class="hint commute-rated">{move || last_rated.get()}</p>
        <div class="actions">
            <a class="button" href="#/practice">"Back to Practice"</a>
            <button type="button" class="button secondary" on:click=move |_| on_again.run(())>"Start again"</button>
        </div>
    }
}
