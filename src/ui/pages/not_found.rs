use leptos::prelude::*;

#[component]
pub fn NotFoundPage(
    /// What was asked for, shown back to the reader.
    missing: String,
    /// Whether it was a question id (rather than an unknown page).
    #[prop(optional)]
    question: bool,
) -> impl IntoView {
    let (title, detail) = if question {
        (
            "Question not found",
            format!("There is no question with the id \u{201c}{missing}\u{201d}. It may have been renamed or removed."),
        )
    } else {
        (
            "Page not found",
            format!("Nothing lives at \u{201c}{missing}\u{201d}."),
        )
    };
    crate::web::browser::set_title(&format!("{title}: OpsDrill"));
    view! {
        <h1>{title}</h1>
        <p class="lede">{detail}</p>
        <p class="actions">
            <a class="button" href="#/questions">"Browse all questions"</a>
            <a class="button secondary" href="#/">"Home"</a>
        </p>
    }
}
