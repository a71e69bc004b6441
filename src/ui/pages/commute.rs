//! Commute mode: today's practice queue, hands-free. The loop itself is
//! `opsdrill_core::commute` (pure); this page feeds it speech ends, timers and
//! buttons, and carries out what it asks (`crate::web::speech`).

use std::time::Duration;

use leptos::prelude::*;

use crate::ui::components::category_chips::CategoryChips;

use crate::state::UserState;
use crate::ui::components::rate_buttons::RateButtons;
use crate::web::clock::now_ms;
use crate::web::focus;
use crate::web::speech::{self, MediaAction};
use opsdrill_core::bank::{Category, Question};
use opsdrill_core::commute::{
    format_left, part_heading, part_lines, Action, Commute, Config, Part, Step,
};
use opsdrill_core::format::count;
use opsdrill_core::schedule::{describe_interval, Grade};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Start,
    Running,
    Done,
}

/// Applies one input to the loop and carries out the actions it returns.
fn run(
    machine: RwSignal<Commute>,
    user: UserState,
    input: impl FnOnce(&mut Commute) -> Vec<Action>,
) {
    // The page may be gone when a late timer or callback arrives.
    if let Some(actions) = machine.try_update(input) {
        execute(machine, user, actions);
    }
}

/// Not generic, so `run` and the callbacks it sets up do not instantiate
/// each other without end.
fn execute(machine: RwSignal<Commute>, user: UserState, actions: Vec<Action>) {
    for action in actions {
        match action {
            Action::Speak { token, text } => {
                let (voice, rate) = user
                    .settings
                    .with_untracked(|s| (s.speech_voice.clone(), s.speech_rate_pct));
                speech::speak(&text, &voice, rate, move |ok| {
                    run(machine, user, move |m| {
                        if ok {
                            m.speech_ended(token, now_ms())
                        } else {
                            m.speech_failed(token, now_ms())
                        }
                    });
                });
            }
            Action::CancelSpeech => speech::cancel(),
            Action::WaitUntil(at) => {
                let delay = Duration::from_millis((at - now_ms()).max(0) as u64 + 10);
                set_timeout(move || run(machine, user, |m| m.tick(now_ms())), delay);
            }
            Action::ShowRating => focus_if_lost(".commute .rate-button"),
            Action::Question(_) => {
                if let Some(q) = machine.try_with_untracked(Commute::current).flatten() {
                    speech::media_session_metadata(q.text, q.category.label());
                }
                focus_if_lost("#commute-pause");
            }
            Action::Finished => {
                speech::cancel();
                speech::let_screen_sleep();
                speech::media_session_stop();
                focus_if_lost("#commute-done");
            }
        }
    }
    if let Some((Step::Reading(_) | Step::Answering | Step::Rating, paused)) =
        machine.try_with_untracked(|m| (m.step(), m.paused()))
    {
        speech::media_session_playing(!paused);
    }
}

/// Moves focus to `selector` once rendered, if the focused control went away.
fn focus_if_lost(selector: &'static str) {
    set_timeout(
        move || {
            if focus::is_lost() {
                focus::focus(selector);
            }
        },
        Duration::from_millis(30),
    );
}

/// "90 seconds", "2 minutes", "2 min 30 s".
fn pause_words(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => count(s as usize, "second", "seconds"),
        (m, 0) => count(m as usize, "minute", "minutes"),
        (m, s) => format!("{m} min {s} s"),
    }
}

fn step_label(
    step: Step,
    question: Option<&'static Question>,
    paused: bool,
    voice: bool,
) -> String {
    if paused {
        return "Paused. Press Resume, or play on your headset, to carry on.".into();
    }
    match (step, question) {
        (Step::Reading(Part::Question), _) if voice => "Reading the question…".into(),
        (Step::Reading(Part::Question), _) => "Read the question.".into(),
        (Step::Reading(part), Some(q)) if voice => format!("Reading “{}”…", part_heading(q, part)),
        (Step::Reading(part), Some(q)) => format!("Read “{}”.", part_heading(q, part)),
        (Step::Answering, _) => "Listening for your answer…".into(),
        (Step::Rating, _) => "Your turn to rate: pick a button below.".into(),
        _ => String::new(),
    }
}

/// The parts on screen at each step: what has been read of the model.
fn parts_shown(step: Step) -> &'static [Part] {
    match step {
        Step::Reading(Part::Why) => &[Part::Why],
        Step::Reading(Part::Structure) => &[Part::Structure],
        Step::Reading(Part::TalkingPoints) | Step::Rating => {
            &[Part::Structure, Part::TalkingPoints]
        }
        _ => &[],
    }
}

#[component]
pub fn CommutePage() -> impl IntoView {
    crate::web::browser::set_title("Commute mode: OpsDrill");
    let user = expect_context::<UserState>();
    let can_speak = speech::available();
    let category = RwSignal::new(None::<Category>);
    let queue = Memo::new(move |_| user.practice_queue(category.get()));
    let empty_config = Config {
        answer_pause_ms: 0,
        voice: can_speak,
        rate_pct: 100,
    };
    let machine = RwSignal::new(Commute::new(Vec::new(), empty_config));
    let clock = RwSignal::new(now_ms());
    let last_rated = RwSignal::new(None::<String>);

    let step = Memo::new(move |_| machine.with(Commute::step));
    let screen = Memo::new(move |_| match step.get() {
        Step::NotStarted => Screen::Start,
        Step::Finished => Screen::Done,
        _ => Screen::Running,
    });
    let paused = Memo::new(move |_| machine.with(Commute::paused));
    let voice = Memo::new(move |_| machine.with(Commute::voice));
    let question = Memo::new(move |_| machine.with(Commute::current));
    let at_rating = Memo::new(move |_| step.get() == Step::Rating);
    let rating_question = Memo::new(move |_| question.get().filter(|_| at_rating.get()));
    let position = Memo::new(move |_| machine.with(|m| (m.index() + 1, m.len())));
    let left = Memo::new(move |_| {
        // The clock only triggers this; a wait that just started counts from now.
        clock.track();
        let now = now_ms();
        machine.with(|m| m.remaining_ms(now)).map(format_left)
    });

    // The countdown's display, and a backstop for a late timer.
    let interval = set_interval_with_handle(
        move || {
            let now = now_ms();
            clock.set(now);
            let due = machine
                .try_with_untracked(|m| !m.paused() && m.remaining_ms(now) == Some(0))
                .unwrap_or(false);
            if due {
                run(machine, user, |m| m.tick(now));
            }
        },
        Duration::from_millis(250),
    )
    .ok();
    let visibility =
        window_event_listener_untyped("visibilitychange", |_| speech::screen_visible_again());
    on_cleanup(move || {
        speech::cancel();
        speech::let_screen_sleep();
        speech::media_session_stop();
        if let Some(interval) = interval {
            interval.clear();
        }
        visibility.remove();
    });

    let start = move |_| {
        let questions: Vec<&'static Question> = queue.with_untracked(|q| q.questions().collect());
        let config = user.settings.with_untracked(|s| Config {
            answer_pause_ms: i64::from(s.answer_pause_s.clamp(10, 600)) * 1000,
            voice: can_speak,
            rate_pct: s.speech_rate_pct,
        });
        last_rated.set(None);
        speech::keep_screen_on();
        speech::media_session_start(move |action| {
            run(machine, user, move |m| {
                let now = now_ms();
                match action {
                    MediaAction::Play => m.resume(now),
                    MediaAction::Pause => m.pause(now),
                    MediaAction::Next => m.next(now),
                }
            })
        });
        clock.set(now_ms());
        run(machine, user, move |m| {
            *m = Commute::new(questions, config);
            m.start(now_ms())
        });
    };
    let toggle = move |_| run(machine, user, |m| m.toggle_pause(now_ms()));
    let skip = move |_| run(machine, user, |m| m.next(now_ms()));
    let stop = move |_| run(machine, user, Commute::stop);
    let again = move |_| machine.set(Commute::new(Vec::new(), empty_config));
    let on_rated = move |()| {
        if let Some(q) = question.get_untracked() {
            let message = user.schedule.with_untracked(|schedule| {
                let grade = schedule
                    .reviews
                    .iter()
                    .rev()
                    .find(|r| r.id == q.id)
                    .and_then(|r| Grade::ALL.get(usize::from(r.rating).wrapping_sub(1)))?;
                let due = schedule.cards.get(q.id)?.due_ms;
                Some(format!(
                    "Rated {}. Back {}.",
                    grade.label(),
                    describe_interval(now_ms(), due)
                ))
            });
            last_rated.set(message);
        }
        run(machine, user, |m| m.rated_current(now_ms()));
    };

    let text_note = move || {
        let note = if !can_speak {
            Some("This browser cannot read aloud; the text is shown instead.")
        } else if screen.get() == Screen::Running && !voice.get() {
            Some("Reading aloud stopped working in this browser; the text is shown instead.")
        } else {
            None
        };
        note.map(|text| view! { <p class="notice commute-note">{text}</p> })
    };

    let start_screen = move || {
        let pause = user.settings.with(|s| s.answer_pause_s);
        view! {
            <p class="lede">"Practise hands-free: each question is read aloud, you answer out loud, then you hear how to structure the answer and what a strong one covers."</p>
            <ol class="commute-how">
                <li>"The question and why interviewers ask it are read aloud."</li>
                <li>{format!("You answer out loud: it waits {} for you.", pause_words(pause))}</li>
                <li>"How to structure the answer and its talking points are read."</li>
                <li>"You rate yourself with the big buttons, and the next question starts."</li>
            </ol>
            <p class="hint">"Play/pause on a headset or the lock screen pauses and resumes; next track skips. The screen stays on while it runs. Voice, speed and pause length are in "
                <a href="#/settings">"Settings"</a> "."
            </p>
            <CategoryChips selected=category on_pick=move |choice| category.set(choice)/>
            <p class="practice-counts" role="status">
                {move || queue.with(|q| format!(
                    "{} in today's queue: {} due, {} new",
                    count(q.due.len() + q.new.len(), "question", "questions"),
                    q.due.len(),
                    q.new.len(),
                ))}
            </p>
            {move || {
                if queue.with(|q| q.questions().next().is_none()) {
                    view! {
                        <p class="empty">"Nothing is due and today's new questions are done. Pick another category, raise the daily limit in "
                            <a href="#/settings">"Settings"</a> ", or come back tomorrow."
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <button type="button" class="button commute-start" on:click=start>"Start"</button>
                    }
                    .into_any()
                }
            }}
        }
    };

    let part_view = move |q: &'static Question, part: Part| {
        let lines = part_lines(q, part);
        view! {
            <section class="commute-part">
                <h3>{part_heading(q, part)}</h3>
                {if part == Part::Why {
                    lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view().into_any()
                } else {
                    view! { <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul> }
                        .into_any()
                }}
            </section>
        }
    };

    let running_screen = move || {
        view! {
            <p class="commute-progress">
                {move || {
                    let (n, of) = position.get();
                    format!("Question {n} of {of}")
                }}
            </p>
            <h2 class="commute-question">{move || question.get().map(|q| q.text)}</h2>
            <div class="commute-status">
                <p class="commute-step" role="status" aria-live="polite">
                    {move || step_label(step.get(), question.get(), paused.get(), voice.get())}
                </p>
                {move || left.get().map(|left| view! {
                    <p class="commute-clock" role="timer" aria-live="off">{left} " left"</p>
                })}
            </div>
            {move || rating_question.get().map(|q| view! {
                <div class="commute-rate"><RateButtons question=q on_rated=on_rated/></div>
            })}
            <div class="commute-controls">
                {move || (!at_rating.get()).then(|| view! {
                    <button
                        type="button"
                        id="commute-pause"
                        class="button commute-big"
                        on:click=toggle
                    >
                        {move || if paused.get() { "Resume" } else { "Pause" }}
                    </button>
                })}
                <button type="button" class="button secondary commute-big" on:click=skip>
                    {move || if at_rating.get() { "Skip without rating" } else { "Skip question" }}
                </button>
            </div>
            <p class="hint commute-rated" role="status">{move || last_rated.get()}</p>
            {move || (step.get() == Step::Answering).then(|| view! {
                <p class="commute-your-turn">"Answer out loud now. How to structure it and the talking points follow."</p>
            })}
            {move || question.get().map(|q| {
                parts_shown(step.get()).iter().map(|&part| part_view(q, part)).collect_view()
            })}
            <p><button type="button" class="link commute-end" on:click=stop>"End session"</button></p>
        }
    };

    let done_screen = move || {
        view! {
            <h2 id="commute-done" tabindex="-1">"Session finished"</h2>
            <p class="commute-summary">
                {move || count(machine.with(Commute::rated), "question rated", "questions rated")}
            </p>
            <p class="hint commute-rated">{move || last_rated.get()}</p>
            <div class="actions">
                <a class="button" href="#/practice">"Back to Practice"</a>
                <button type="button" class="button secondary" on:click=again>"Start again"</button>
            </div>
        }
    };

    view! {
        <div class="commute">
            <h1>"Commute mode"</h1>
            {text_note}
            {move || match screen.get() {
                Screen::Start => start_screen().into_any(),
                Screen::Running => running_screen().into_any(),
                Screen::Done => done_screen().into_any(),
            }}
        </div>
    }
}
