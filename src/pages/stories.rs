use leptos::prelude::*;

/// The user's STAR stories; `open` is the story shown for editing.
#[component]
pub fn StoriesPage(open: Option<String>) -> impl IntoView {
    crate::browser::set_title("Stories: OpsDrill");
    let _ = open;
    view! { <h1>"My stories"</h1> }
}
