//! Progress's log of real interviews ("What were you asked?"): most recent
//! first, each with the questions asked, linked to their pages.

use leptos::prelude::*;

use opsdrill_core::bank;
use opsdrill_core::format::count;
use opsdrill_core::route::Route;

use crate::state::UserState;

#[component]
pub fn InterviewLog() -> impl IntoView {
    let user = expect_context::<UserState>();
    let entries = move || {
        // Own questions may have been added or deleted since.
        let _ = user.own.questions();
        user.interviews.with(|log| {
            log.latest_first()
                .into_iter()
                .map(|interview| {
                    let heading = [
                        interview.date.as_str(),
                        &interview.company,
                        &interview.round,
                    ]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                    let questions = interview
                        .questions
                        .iter()
                        .map(|id| match bank::find(id) {
                            Some(q) => {
                                view! { <li><a href=Route::question(q.id).href()>{q.text}</a></li> }
                                    .into_any()
                            }
                            None => view! { <li class="muted">"A question since deleted"</li> }
                                .into_any(),
                        })
                        .collect_view();
                    view! {
                        <li>
                            <p class="interview-heading">
                                <strong>{heading}</strong>
                                " · " {count(interview.questions.len(), "question", "questions")}
                            </p>
                            <ul>{questions}</ul>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section aria-labelledby="interviews-heading" class="interview-log">
            <h2 id="interviews-heading">"Interviews you logged"</h2>
            <Show
                when=move || user.interviews.with(|l| !l.interviews.is_empty())
                fallback=|| view! {
                    <p class="hint">
                        "After a real interview, log what you were asked in "
                        <a href=Route::Asked.href()>"What were you asked?"</a>
                        ": the questions come back for practice the next day."
                    </p>
                }
            >
                <ol class="interview-list">{entries}</ol>
            </Show>
        </section>
    }
}
