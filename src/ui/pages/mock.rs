//! A timed mock interview: choose how many questions, which categories and
//! how long per question; answer one question at a time against a countdown
//! (announced at 30 seconds and at 0); then a summary to rate each answer.
//! Typed answers go straight into the user's answers (the earlier text kept
//! as an earlier version), so closing the tab mid-interview loses nothing.

use std::time::Duration;

use leptos::prelude::*;

use crate::state::UserState;
use crate::ui::components::answer_editor::{AnswerEditor, MockBegun};
use crate::web::clock::{now_ms, utc_offset_min};
use crate::web::focus;
use opsdrill_core::bank::{self, Category, Question};
use opsdrill_core::data::records::{MOCK_QUESTIONS, MOCK_SECONDS};
use opsdrill_core::data::MockRecord;
use opsdrill_core::insight;
use opsdrill_core::mock::{self, MockConfig, MockEvent, MockSession};
use opsdrill_core::route::Route;
use opsdrill_core::schedule::Grade;
use opsdrill_core::search::ListQuery;
use opsdrill_core::time;

/// Seconds per question offered on the setup form.
const TIME_CHOICES: [u32; 6] = [30, 60, 90, 120, 180, 300];

/// "30 seconds", "1 minute", "1:30 minutes".
fn duration_label(seconds: u32) -> String {
    match seconds {
        60 => "1 minute".into(),
        s if s % 60 == 0 => format!("{} minutes", s / 60),
        s if s < 60 => format!("{s} seconds"),
        s => format!("{} minutes", mock::clock(i64::from(s))),
    }
}

/// Words written and talking points covered, for the summary; `typed`: the
/// mock began this answer (otherwise the stored text is an earlier one).
fn measure(user: &UserState, id: &str, typed: bool) -> (u32, u32, u32) {
    let Some(question) = bank::find(id) else {
        return (0, 0, 0);
    };
    let answer = if typed {
        user.answers
            .with_untracked(id, |a| a.map(|a| a.all_text()))
            .unwrap_or_default()
    } else {
        String::new()
    };
    let total = question.talking_points.len();
    let covered = if answer.trim().is_empty() {
        0
    } else {
        insight::covered_points(&answer, question)
            .into_iter()
            .filter(|&c| c)
            .count()
    };
    (
        opsdrill_core::data::records::word_count(&answer) as u32,
        covered as u32,
        total as u32,
    )
}

fn local_time(at_ms: i64) -> String {
    let offset = utc_offset_min();
    let day = time::local_day(at_ms, offset);
    let minutes = (at_ms + i64::from(offset) * 60_000).rem_euclid(time::DAY_MS) / 60_000;
    format!(
        "{} {:02}:{:02}",
        time::format_date(day),
        minutes / 60,
        minutes % 60
    )
}

fn question_href(id: &str) -> String {
    Route::Question {
        id: id.to_string(),
        list: ListQuery::default(),
    }
    .href()
}

#[component]
pub fn MockPage() -> impl IntoView {
    crate::web::browser::set_title("Mock interview: OpsDrill");
    let user = expect_context::<UserState>();
    let session = RwSignal::new(None::<MockSession>);
    // The summary on show: a mock's start time, and whether it can still be
    // rated (only right after it; a past one is read-only).
    let summary = RwSignal::new(None::<(i64, bool)>);
    let now = RwSignal::new(now_ms());
    let announcement = RwSignal::new(String::new());
    let page_owner = StoredValue::new(Owner::current());
    // Per question: when the mock began its answer (at the first edit).
    let begun = StoredValue::new(std::collections::BTreeMap::<&'static str, MockBegun>::new());
    let begun_for = move |id: &'static str| {
        if let Some(signal) = begun.with_value(|b| b.get(id).copied()) {
            return signal;
        }
        // Owned by the page, not by the view that asks first: the page's
        // cleanup still reads it after that view is gone.
        let signal = page_owner
            .with_value(|owner| owner.as_ref().map(|o| o.with(|| RwSignal::new(None))))
            .unwrap_or_else(|| RwSignal::new(None));
        begun.update_value(|b| {
            b.insert(id, signal);
        });
        signal
    };
    // The question on screen.
    let open = StoredValue::new(None::<&'static str>);
    // Each answer measured as its question ends, before an answer emptied
    // during the mock gets its earlier text back.
    let measured =
        StoredValue::new(std::collections::BTreeMap::<&'static str, (u32, u32, u32)>::new());
    let close = move |id: &'static str| {
        let began = begun_for(id).get_untracked();
        let figures = measure(&user, id, began.is_some());
        measured.update_value(|m| {
            m.insert(id, figures);
        });
        if let Some(at) = began {
            user.answers.end_mock(id, at);
        }
    };
    let figures = move |id: &str| measured.with_value(|m| m.get(id).copied().unwrap_or_default());

    let current = Memo::new(move |_| session.with(|s| s.as_ref().and_then(MockSession::current)));

    // Keeps the answers in step with the session: the question left is
    // closed and measured, and a finished session is recorded.
    let sync = move || {
        let next = session.with_untracked(|s| s.as_ref().and_then(MockSession::current));
        let previous = open.get_value();
        if previous != next.map(|(_, id)| id) {
            if let Some(id) = previous {
                close(id);
            }
            open.set_value(next.map(|(_, id)| id));
        }
        let finished = session.with_untracked(|s| s.as_ref().filter(|s| s.is_finished()).cloned());
        if let Some(done) = finished {
            let record = done.record(figures);
            let started = record.started_ms;
            if !record.items.is_empty() {
                user.save_mock(record);
                summary.set(Some((started, true)));
                focus_by_id("mock-summary-heading");
            }
            session.set(None);
            crate::web::browser::scroll_to_top();
        }
    };

    let start = move |config: MockConfig| {
        let now = now_ms();
        user.settings.update(|s| {
            s.mock_questions = config.count as u32;
            s.mock_seconds = config.seconds_per_question;
        });
        let picked = mock::pick_questions(bank::QUESTIONS, &config, now as u64);
        let ids: Vec<&'static str> = picked.iter().map(|q| q.id).collect();
        announcement.set(String::new());
        summary.set(None);
        measured.update_value(|m| m.clear());
        begun.update_value(|b| b.clear());
        open.set_value(None);
        session.set(Some(MockSession::start(
            &ids,
            config.seconds_per_question,
            now,
        )));
        sync();
        crate::web::browser::scroll_to_top();
    };

    let advance = move |finish_early: bool| {
        let now = now_ms();
        session.update(|s| {
            if let Some(s) = s {
                if finish_early {
                    s.finish(now);
                } else {
                    s.next(now);
                }
            }
        });
        let running = session.with_untracked(|s| {
            s.as_ref()
                .and_then(|s| s.current().map(|(i, _)| (i, s.len())))
        });
        announcement.set(match running {
            Some((index, total)) => format!("Question {} of {total}.", index + 1),
            None => "The interview is over. Here is your summary.".into(),
        });
        sync();
    };
    // Closing or reloading the tab ends the interview as "End interview"
    // would: the questions reached are recorded.
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| {
        if session.with_untracked(Option::is_some) {
            advance(true);
        }
    });

    let ticker = set_interval_with_handle(
        move || {
            let at = now_ms();
            now.set(at);
            let event = session
                .try_update(|s| s.as_mut().and_then(|s| s.tick(at)))
                .flatten();
            match event {
                Some(MockEvent::Warning) => announcement.set("30 seconds left.".into()),
                Some(MockEvent::TimeUp) => {
                    let over =
                        session.with_untracked(|s| s.as_ref().is_none_or(MockSession::is_finished));
                    announcement.set(if over {
                        "Time is up. The interview is over.".into()
                    } else {
                        "Time is up. Next question.".into()
                    });
                    sync();
                }
                None => {}
            }
        },
        Duration::from_millis(250),
    )
    .ok();
    on_cleanup(move || {
        leaving.remove();
        if let Some(ticker) = ticker {
            ticker.clear();
        }
        // Leaving mid-interview keeps what was answered: as "End interview".
        let now = now_ms();
        session.update_untracked(|s| {
            if let Some(s) = s {
                s.finish(now);
            }
        });
        sync();
    });

    view! {
        <h1>"Mock interview"</h1>
        <p class="visually-hidden" aria-live="assertive" aria-atomic="true">{move || announcement.get()}</p>
        {move || {
            if let Some((index, id)) = current.get() {
                let question = bank::find(id);
                let total = session.with_untracked(|s| s.as_ref().map_or(0, MockSession::len));
                question.map(|question| view! {
                    <Running question index total session now advance begun=begun_for(id)/>
                }.into_any())
            } else if let Some((started, rateable)) = summary.get() {
                Some(view! {
                    <Summary started rateable/>
                    <p class="mode-links">
                        <button type="button" class="button" on:click=move |_| summary.set(None)>"New mock interview"</button>
                        <a class="button secondary" href="#/practice">"Back to Practice"</a>
                    </p>
                }.into_any())
            } else {
                Some(view! { <Setup start summary/> }.into_any())
            }
        }}
    }
}

#[component]
fn Running(
    question: &'static Question,
    index: usize,
    total: usize,
    session: RwSignal<Option<MockSession>>,
    now: RwSignal<i64>,
    advance: impl Fn(bool) + Copy + Send + Sync + 'static,
    begun: MockBegun,
) -> impl IntoView {
    // Focus follows the question, so typing goes on in the new answer.
    let editor = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(div) = editor.get() {
            focus::focus_within(&div, "textarea");
        }
    });
    let remaining = move || {
        let at = now.get();
        session.with(|s| s.as_ref().map_or(0, |s| s.remaining_seconds(at)))
    };
    let last = index + 1 == total;
    view! {
        <section class="mock-running" aria-labelledby="mock-question">
            <div class="mock-bar">
                <p class="mock-progress">{format!("Question {} of {total}", index + 1)}</p>
                <p
                    class="mock-timer"
                    class:warning=move || remaining() <= mock::WARNING_SECONDS
                    role="timer"
                    aria-label="Time left"
                >
                    {move || mock::clock(remaining())}
                </p>
            </div>
            <p class="question-meta">{question.category.label()} " · " {question.difficulty.label()}</p>
            <h2 id="mock-question" class="mock-question">{question.text}</h2>
            <div node_ref=editor>
                <AnswerEditor question mock=begun/>
            </div>
            <p class="mode-links">
                <button type="button" class="button" on:click=move |_| advance(false)>
                    {if last { "Finish" } else { "Next question" }}
                </button>
                <button type="button" class="button secondary" on:click=move |_| advance(true)>
                    "End interview"
                </button>
            </p>
            <p class="hint">"Answer as you would out loud. When the time is up the next question comes, and what you wrote is kept."</p>
        </section>
    }
}

#[component]
fn Setup(
    start: impl Fn(MockConfig) + Copy + Send + Sync + 'static,
    summary: RwSignal<Option<(i64, bool)>>,
) -> impl IntoView {
    let user = expect_context::<UserState>();
    let (count, seconds) = user
        .settings
        .with_untracked(|s| (s.mock_questions, s.mock_seconds));
    let count = RwSignal::new(count);
    let seconds = RwSignal::new(seconds);
    let chosen = RwSignal::new(vec![
        Category::General,
        Category::Technical,
        Category::Behavioural,
    ]);
    let mut time_choices = TIME_CHOICES.to_vec();
    if !time_choices.contains(&seconds.get_untracked()) {
        time_choices.push(seconds.get_untracked());
        time_choices.sort_unstable();
    }
    let category_box = move |category: Category| {
        view! {
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || chosen.with(|c| c.contains(&category))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        chosen.update(|c| {
                            c.retain(|x| *x != category);
                            if on {
                                c.push(category);
                            }
                        });
                    }
                />
                <span>{category.label()} " (" {bank::count_in(category)} ")"</span>
            </label>
        }
    };
    let nothing_chosen = move || chosen.with(Vec::is_empty);
    let history = move || {
        user.mocks.with(|m| {
            m.sessions
                .iter()
                .rev()
                .map(|record| {
                    let started = record.started_ms;
                    let line = mock::describe(record);
                    view! {
                        <li>
                            <button type="button" class="link" on:click=move |_| summary.set(Some((started, false)))>
                                {local_time(started)}
                            </button>
                            <span class="question-meta">{line}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let has_history = move || user.mocks.with(|m| !m.sessions.is_empty());
    view! {
        <p>"One question at a time against the clock, like the real thing. You do not see the model answer until the end."</p>
        <form class="mock-setup" on:submit=move |ev| {
            ev.prevent_default();
            if nothing_chosen() {
                return;
            }
            start(MockConfig {
                count: count.get_untracked() as usize,
                categories: chosen.get_untracked(),
                seconds_per_question: seconds.get_untracked(),
            });
        }>
            <div class="field">
                <label for="mock-count">"Number of questions"</label>
                <select id="mock-count" on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse() {
                        count.set(n);
                    }
                }>
                    {MOCK_QUESTIONS.map(|n| view! {
                        <option value=n.to_string() selected=move || count.get() == n>{n}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="mock-seconds">"Time per question"</label>
                <select id="mock-seconds" on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                        if MOCK_SECONDS.contains(&n) {
                            seconds.set(n);
                        }
                    }
                }>
                    {time_choices.into_iter().map(|n| view! {
                        <option value=n.to_string() selected=move || seconds.get() == n>
                            {duration_label(n)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <fieldset class="field">
                <legend>"Categories"</legend>
                {Category::ALL.into_iter().map(category_box).collect_view()}
            </fieldset>
            <p class="notice error" role="alert" hidden=move || !nothing_chosen()>"Choose at least one category."</p>
            <button type="submit" class="button">"Start mock interview"</button>
        </form>
        <Show when=has_history>
            <section aria-labelledby="mock-history">
                <h2 id="mock-history">"Past mock interviews"</h2>
                <ol class="mock-history">{history}</ol>
            </section>
        </Show>
    }
}

fn focus_by_id(id: &'static str) {
    request_animation_frame(move || {
        focus::focus(&format!("#{id}"));
    });
}

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
fn Summary(started: i64, rateable: bool) -> impl IntoView {
    let user = expect_context::<UserState>();
    let record = move || {
        user.mocks
            .with(|m| m.sessions.iter().find(|s| s.started_ms == started).cloned())
    };
    let row = move |index: usize, item: opsdrill_core::data::MockItem, limit: u32| {
        let question = bank::find(&item.id);
        let text = question.map_or(item.id.clone(), |q| q.text.to_string());
        let href = question_href(&item.id);
        let rating = item
            .rating
            .and_then(|r| Grade::ALL.into_iter().find(|g| *g as u8 == r));
        let rate_button = move |grade: Grade| {
            view! {
                <button
                    type="button"
                    class=format!("rate-button rate-{}", grade.label().to_lowercase())
                    on:click=move |_| {
                        user.rate_mock_item(started, index, grade);
                        focus_next_rating();
                    }
                >
                    <span class="rate-label">{grade.label()}</span>
                </button>
            }
        };
        // Rated once, like on the question page: a second rating would count
        // as a second review.
        let rate = match rating {
            Some(grade) => view! { <p class="rate-result">{format!("Rated {}.", grade.label())}</p> }.into_any(),
            None if !rateable => view! { <p class="rate-result">"Not rated."</p> }.into_any(),
            None => view! {
                <div class="rate-buttons" role="group" aria-label=format!("Rate your answer to question {}", index + 1)>
                    {Grade::ALL.into_iter().map(rate_button).collect_view()}
                </div>
            }
            .into_any(),
        };
        view! {
            <li class="mock-item">
                <h3><a href=href>{text}</a></h3>
                <p class="mock-figures">
                    <span>{format!("{} of {} used", mock::clock(i64::from(item.seconds_used)), mock::clock(i64::from(limit)))}</span>
                    <span>{opsdrill_core::format::count(item.words as usize, "word", "words")}</span>
                    <span>{format!("{} of {} talking points", item.points_covered, item.points_total)}</span>
                </p>
                {rate}
            </li>
        }
    };
    move || {
        record().map(|record: MockRecord| {
            let limit = record.seconds_per_question;
            let unrated = record.items.iter().filter(|i| i.rating.is_none()).count();
            view! {
                <section class="mock-summary" aria-labelledby="mock-summary-heading">
                    <h2 id="mock-summary-heading" tabindex="-1">{format!("Summary: {}", local_time(record.started_ms))}</h2>
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
                        {record.items.into_iter().enumerate().map(|(i, item)| row(i, item, limit)).collect_view()}
                    </ol>
                </section>
            }
        })
    }
}
