use leptos::prelude::*;

use crate::bank::{self, Question};
use crate::components::blocks::{Blocks, InlineList};
use crate::route::Route;
use crate::search::{bank_index, neighbours, ListQuery};

/// One question: the question, why it is asked, and the answer material
/// behind "Show model answer". Previous/next walk the list it was opened from.
#[component]
pub fn QuestionPage(question: &'static Question, list: ListQuery) -> impl IntoView {
    crate::browser::set_title(&format!("{}: OpsDrill", question.text));
    let revealed = RwSignal::new(false);
    let headings = question.headings();
    let in_list = bank_index().search(&list);
    let (position, previous, next) = neighbours(&in_list, question.id);
    let total = in_list.len();
    let href_of = |q: &Question| {
        Route::Question {
            id: q.id.to_string(),
            list: list.clone(),
        }
        .href()
    };
    let previous = previous.map(|q| (href_of(q), q.text));
    let next = next.map(|q| (href_of(q), q.text));
    let back = Route::Questions(list.clone()).href();
    let topics = question
        .topics
        .iter()
        .map(|t| view! { <li class="tag">{bank::topic_name(t)}</li> })
        .collect_view();

    view! {
        <article class="question">
            <p class="crumbs">
                <a href=back>"← All questions"</a>
                {position.map(|i| view! { <span>{format!("{} of {total}", i + 1)}</span> })}
            </p>
            <h1>{question.text}</h1>
            <p class="question-meta">
                {question.category.label()} " · " {question.style.label()} " · "
                {question.difficulty.label()}
            </p>
            <ul class="tags" aria-label="Topics">{topics}</ul>

            <section aria-labelledby="why">
                <h2 id="why">{headings.why}</h2>
                <Blocks blocks=question.why/>
            </section>

            <button
                type="button"
                class="button reveal"
                aria-expanded=move || revealed.get().to_string()
                aria-controls="answer-material"
                on:click=move |_| revealed.update(|r| *r = !*r)
            >
                {move || if revealed.get() { "Hide model answer" } else { "Show model answer" }}
            </button>

            <div id="answer-material" hidden=move || !revealed.get()>
                <section aria-labelledby="structure">
                    <h2 id="structure">{headings.structure}</h2>
                    <InlineList items=question.structure ordered=true/>
                </section>
                <section aria-labelledby="points">
                    <h2 id="points">{headings.talking_points}</h2>
                    <InlineList items=question.talking_points/>
                </section>
                <section aria-labelledby="model">
                    <h2 id="model">{headings.answer}</h2>
                    <Blocks blocks=question.answer/>
                </section>
                <section aria-labelledby="tip" class="tip">
                    <h2 id="tip">"Tip"</h2>
                    <Blocks blocks=question.tip/>
                </section>
                <section aria-labelledby="pitfalls">
                    <h2 id="pitfalls">"Pitfalls"</h2>
                    <InlineList items=question.pitfalls/>
                </section>
                <section aria-labelledby="follow-ups">
                    <h2 id="follow-ups">"Follow-ups"</h2>
                    <InlineList items=question.follow_ups/>
                </section>
            </div>

            <nav class="prev-next" aria-label="Previous and next question">
                {previous.map(|(href, text)| view! {
                    <a class="prev" href=href rel="prev">
                        <span class="dir">"← Previous"</span>
                        <span class="title">{text}</span>
                    </a>
                })}
                {next.map(|(href, text)| view! {
                    <a class="next" href=href rel="next">
                        <span class="dir">"Next →"</span>
                        <span class="title">{text}</span>
                    </a>
                })}
            </nav>
        </article>
    }
}
