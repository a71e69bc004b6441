use leptos::prelude::*;

#[component]
pub fn CommutePage() -> impl IntoView {
    crate::browser::set_title("Commute mode: OpsDrill");
    view! { <h1>"Commute mode"</h1> }
}
