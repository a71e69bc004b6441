use leptos::prelude::*;

use opsdrill_core::bank::{self, Category};
use opsdrill_core::route::Route;
use opsdrill_core::search::ListQuery;

#[component]
pub fn HomePage() -> impl IntoView {
    crate::web::browser::set_title("OpsDrill: practise senior DevOps interviews");
    // Effects run after the first render: home is on screen and live.
    Effect::new(|_| crate::web::browser::mark("opsdrill:home-interactive"));
    let categories = Category::ALL
        .into_iter()
        .map(|category| {
            let href = Route::Questions(ListQuery {
                category: Some(category),
                ..ListQuery::default()
            })
            .href();
            let count = bank::count_in(category);
            view! {
                <li>
                    <a class="category-card" href=href>
                        <span class="category-name">{category.label()}</span>
                        <span class="category-count">{format!("{count} questions")}</span>
                        <span class="category-blurb">{category.blurb()}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>"Practise senior DevOps, SRE and platform interviews"</h1>
        <p class="lede">
            "Read the question, learn why it is asked, answer out loud or in writing, then compare with a model answer. Offline and private: nothing leaves this device."
        </p>
        <ul class="category-grid" aria-label="Categories">{categories}</ul>
        <p>
            <a class="button" href="#/questions">
                {format!("Browse all {} questions", bank::QUESTION_COUNT)}
            </a>
        </p>
    }
}
