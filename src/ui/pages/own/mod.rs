//! The user's own questions: the editor (`#/questions/new`, `#/q/<id>/edit`),
//! deleting one, and the capture of what was asked in a real interview
//! (`#/asked`). These pages check what is written with the bank's parser,
//! so they are in the chunk that holds it (`ui::split`), with Settings'
//! packs.

mod asked;
mod delete;
mod editor;
mod sections;

use leptos::prelude::*;

use opsdrill_core::own::OwnQuestion;
use opsdrill_core::route::Route;

use crate::state::UserState;
pub use asked::AskedPage;
use editor::OwnQuestionForm;

#[component]
pub fn AddQuestionPage() -> impl IntoView {
    crate::web::browser::set_title("Add a question: OpsDrill");
    let stored = OwnQuestion {
        category: "technical".into(),
        style: "explain".into(),
        difficulty: "intermediate".into(),
        ..OwnQuestion::default()
    };
    view! {
        <article class="own-page">
            <p class="crumbs"><a href=Route::Questions(Default::default()).href()>"← All questions"</a></p>
            <h1>"Add a question"</h1>
            <p class="lede">
                "A question the bank does not have: from a job posting, a friend's interview, or one you fumbled. Only the question is needed; add what you know, and come back to add more."
            </p>
            <OwnQuestionForm id=None stored/>
        </article>
    }
}

#[component]
pub fn EditQuestionPage(id: String) -> impl IntoView {
    let user = expect_context::<UserState>();
    match user.own.get_untracked(&id) {
        Some(stored) => {
            crate::web::browser::set_title(&format!("Edit: {}: OpsDrill", stored.question));
            view! {
                <article class="own-page">
                    <p class="crumbs"><a href=Route::question(&id).href()>"← The question"</a></p>
                    <h1>"Edit your question"</h1>
                    <OwnQuestionForm id=Some(id) stored/>
                </article>
            }
            .into_any()
        }
        None => {
            crate::web::browser::set_title("Question not found: OpsDrill");
            view! {
                <h1>"Question not found"</h1>
                <p class="lede">
                    {format!("You have no question with the id \u{201c}{id}\u{201d}. It may have been deleted, or written in another browser: import a backup to bring it here.")}
                </p>
                <p class="actions">
                    <a class="button" href=Route::Questions(Default::default()).href()>"← All questions"</a>
                </p>
            }
            .into_any()
        }
    }
}
