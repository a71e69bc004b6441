use leptos::prelude::*;

#[component]
pub fn MockPage() -> impl IntoView {
    crate::browser::set_title("Mock interview: OpsDrill");
    view! { <h1>"Mock interview"</h1> }
}
