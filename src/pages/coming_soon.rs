use leptos::prelude::*;

/// Practice, Progress and Settings exist in the navigation from the start;
/// until they are built they say so plainly.
#[component]
pub fn ComingSoonPage(title: &'static str, what: &'static str) -> impl IntoView {
    crate::browser::set_title(&format!("{title}: OpsDrill"));
    view! {
        <h1>{title}</h1>
        <p class="lede">{what}</p>
        <p>"This page is coming soon. Meanwhile, every question and its model answer is in "
            <a href="#/questions">"Questions"</a> "."
        </p>
    }
}
