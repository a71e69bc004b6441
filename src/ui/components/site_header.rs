use leptos::prelude::*;

use crate::app::CurrentRoute;
use opsdrill_core::route::Section;

/// The brand and the primary navigation. Mirrors the static shell in
/// index.html so nothing moves when the app takes over.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let CurrentRoute(route) = expect_context::<CurrentRoute>();
    let section = Memo::new(move |_| route.with(|r| r.section()));
    let link = move |href: &'static str, label: &'static str, target: Section| {
        view! {
            <a
                href=href
                aria-current=move || (section.get() == target).then_some("page")
            >
                {label}
            </a>
        }
    };
    view! {
        <header class="site-header">
            <a class="brand" href="#/">"OpsDrill"</a>
            <nav aria-label="Primary">
                {link("#/practice", "Practice", Section::Practice)}
                {link("#/questions", "Questions", Section::Questions)}
                {link("#/stories", "Stories", Section::Stories)}
                {link("#/progress", "Progress", Section::Progress)}
                {link("#/settings", "Settings", Section::Settings)}
            </nav>
        </header>
    }
}
