use leptos::prelude::*;

use crate::state::UserState;
use crate::ui::components::rate_buttons::GradeButtons;
use crate::web::clock::utc_offset_min;
use crate::web::focus;
use opsdrill_core::bank;
use opsdrill_core::data::{MockItem, MockRecord};
use opsdrill_core::format::count;
use opsdrill_core::mock;
use opsdrill_core::route::Route;
use opsdrill_core::schedule::Grade;
use opsdrill_core::time;

/// After a rating the list is drawn again: focus moves to the next answer
/// still to rate, or to the summary's heading when all are rated.
fn focus_next_rating() {
    request_animation_frame(|| {
        focus::focus_first(&[".mock-item .rate-buttons button", "#mock-summary-heading"]);
    });
}

/// One finished mock interview: per question the time used, words and
/// talking points covered, and a rating for each (right after it only: a
/// rating given days later would count as today's review).
#[component]
pub fn Summary(started: i64, rateable: bool) -> impl IntoView {
    let user = expect_context::<UserState>();
    let record = move || {
        user.mocks
            .with(|m| m.sessions.iter().find(|s| s.started_ms == started).cloned())
    };
    move || {
        record().map(|record: MockRecord| {
            let limit = record.seconds_per_question;
            let unrated = record.items.iter().filter(|i| i.rating.is_none()).count();
            view! {
                <section class="mock-summary" aria-labelledby="mock-summary-heading">
                    <h2 id="mock-summary-heading" tabindex="-1">
                        {format!("Summary: {}", time::format_local(record.started_ms, utc_offset_min()))}
                    </h2>
                    <p>{mock::describe(&record)}</p>
                    <p class="hint">
                        "Your answers are saved as your answers to these questions; any earlier text is kept as an earlier version on the question's page. Open a question to compare with the model answer."
                    </p>
                    {rateable.then(|| view! {
                        <p>{if unrated == 0 {
                            "All rated.".to_string()
                        } else {
                            format!("{} to rate: how did each answer go?", unrated)
                        }}</p>
                    })}
                    <ol class="mock-items">
                        {record.items.into_iter().enumerate().map(|(index, item)| view! {
                            <SummaryItem started index item limit rateable/>
                        }).collect_view()}
                    </ol>
                </section>
            }
        })
    }
}

/// One question of the summary: its figures, the follow-ups asked, and its
/// rating (or the buttons to give one).
#[component]
fn SummaryItem(
    started: i64,
    index: usize,
    item: MockItem,
    /// Seconds per question (the item's own time, when recorded, wins).
    limit: u32,
    rateable: bool,
) -> impl IntoView {
    let user = expect_context::<UserState>();
    let question = bank::find(&item.id);
    let text = question.map_or(item.id.clone(), |q| q.text.to_string());
    let href = Route::question(&item.id).href();
    let rating = item
        .rating
        .and_then(|r| Grade::ALL.into_iter().find(|g| *g as u8 == r));
    let on_grade = move |grade: Grade| {
        user.rate_mock_item(started, index, grade);
        focus_next_rating();
    };
    // Rated once, like on the question page: a second rating would count
    // as a second review.
    let rate = match rating {
        Some(grade) => {
            view! { <p class="rate-result">{format!("Rated {}.", grade.label())}</p> }.into_any()
        }
        None if !rateable => view! { <p class="rate-result">"Not rated."</p> }.into_any(),
        None => view! {
            <GradeButtons on_grade label=format!("Rate your answer to question {}", index + 1)/>
        }
        .into_any(),
    };
    let used = |seconds: u32| mock::clock(i64::from(seconds));
    // Records from before labs gave every question the interview's time.
    let limit = if item.seconds_allowed > 0 {
        item.seconds_allowed
    } else {
        limit
    };
    let follow_ups = (!item.follow_ups.is_empty()).then(|| {
        view! {
            <p class="question-meta">"Follow-ups asked:"</p>
            <ul class="follow-ups">
                {item.follow_ups.iter().map(|f| view! { <li>{f.clone()}</li> }).collect_view()}
            </ul>
        }
    });
    view! {
        <li class="mock-item">
            <h3><a href=href>{text}</a></h3>
            <p class="mock-figures">
                <span>{format!("{} of {} used", used(item.seconds_used), used(limit))}</span>
                <span>{count(item.words as usize, "word", "words")}</span>
                {(item.points_total > 0).then(|| view! {
                    <span>{format!("{} of {} talking points", item.points_covered, item.points_total)}</span>
                })}
            </p>
            {follow_ups}
            {rate}
        </li>
    }
}
