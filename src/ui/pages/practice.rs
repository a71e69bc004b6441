use leptos::prelude::*;

use crate::state::UserState;
use crate::ui::components::category_chips::CategoryChips;
use crate::web::clock::{now_ms, utc_offset_min};
use opsdrill_core::bank::{Category, Question};
use opsdrill_core::route::Route;
use opsdrill_core::schedule::days_until_interview;

/// Today's practice: questions due now first, then new ones up to the daily
/// limit, optionally within one category.
#[component]
pub fn PracticePage() -> impl IntoView {
    crate::web::browser::set_title("Practice: OpsDrill");
    let user = expect_context::<UserState>();
    let category = RwSignal::new(None::<Category>);
    let queue = Memo::new(move |_| user.practice_queue(category.get()));
    let interview = move || {
        user.settings.with(|s| {
            let date = s.interview_date.as_deref();
            days_until_interview(date, now_ms(), utc_offset_min()).map(|days| match days {
                0 => "Your interview is today. Good luck!".to_string(),
                1 => "1 day to your interview: every started question is back today for a last look."
                    .to_string(),
                n => format!(
                    "{n} days to your interview: every started question comes back by the day before."
                ),
            })
        })
    };
    let href = |q: &Question| Route::question(q.id).href();
    let item = move |q: &'static Question, kind: &'static str| {
        view! {
            <li>
                <a href=href(q)>
                    <span class="question-text">{q.text}</span>
                    <span class="question-meta">{kind} " · " {q.category.label()} " · " {q.difficulty.label()}</span>
                </a>
            </li>
        }
    };

    view! {
        <h1>"Practice"</h1>
        {move || interview().map(|text| view! { <p class="notice">{text}</p> })}
        <p class="practice-counts" role="status">
            {move || queue.with(|q| format!(
                "{} due now · {} new today (limit {}, {} started)",
                q.due.len(),
                q.new.len(),
                user.settings.with(|s| s.daily_new_limit),
                q.new_started_today,
            ))}
        </p>
        <CategoryChips selected=category on_pick=move |choice| category.set(choice)/>
        {move || queue.with(|q| q.questions().next()).map(|first| view! {
            <p><a class="button" href=href(first)>"Start practising"</a></p>
        })}
        {move || {
            let q = queue.get();
            if q.due.is_empty() && q.new.is_empty() {
                view! {
                    <p class="empty">"Nothing is due and today's new questions are done. Come back tomorrow, raise the daily limit in "
                        <a href="#/settings">"Settings"</a> ", or browse " <a href="#/questions">"all questions"</a> "."
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <ol class="question-list">
                        {q.due.iter().map(|&question| item(question, "Due")).collect_view()}
                        {q.new.iter().map(|&question| item(question, "New")).collect_view()}
                    </ol>
                }
                .into_any()
            }
        }}
        <section class="practice-modes" aria-labelledby="modes-heading">
            <h2 id="modes-heading">"Practise out loud"</h2>
            <p class="mode-links">
                <a class="button secondary" href="#/mock">"Start mock interview"</a>
                <a class="button secondary" href="#/commute">"Commute mode"</a>
            </p>
            <p class="hint">"A mock interview times each answer like the real thing. Commute mode reads questions aloud and waits for your spoken answer, hands-free."</p>
        </section>
        <section class="practice-own" aria-labelledby="own-heading">
            <h2 id="own-heading">"Your own questions"</h2>
            <p class="mode-links">
                <a class="button secondary" href=Route::AddQuestion.href()>"+ Add a question"</a>
                <a class="button secondary" href=Route::Asked.href()>"What were you asked?"</a>
            </p>
            <p class="hint">"A question from a job posting or one you were asked: it is practised like the bank's, and comes first among today's new questions."</p>
        </section>
    }
}
