//! Commute mode: today's practice queue, hands-free. The loop itself is
//! `opsdrill_core::commute` (pure); `driver` feeds it speech ends, timers and
//! buttons, and carries out what it asks (`crate::web::speech`). The page
//! shows one of three screens: start, running, done.

mod done;
mod driver;
mod model_part;
mod running;
mod start;

use std::time::Duration;

use leptos::prelude::*;

use crate::bank_text::NeedsBank;
use crate::state::UserState;
use crate::web::clock::now_ms;
use crate::web::speech::{self, MediaAction};
use done::DoneScreen;
use driver::run;
use opsdrill_core::bank::{Category, Question};
use opsdrill_core::commute::{Commute, Config, Step};
use opsdrill_core::data::records::ANSWER_PAUSES_S;
use running::RunningScreen;
use start::StartScreen;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Screen {
    Start,
    Running,
    Done,
}

#[component]
pub fn CommutePage() -> impl IntoView {
    crate::web::browser::set_title("Commute mode: OpsDrill");
    let user = expect_context::<UserState>();
    let can_speak = speech::available();
    let category = RwSignal::new(None::<Category>);
    // Labs need the screen for their evidence: the user may leave them out.
    let queue = Memo::new(move |_| {
        let mut queue = user.practice_queue(category.get());
        if !user.settings.with(|s| s.commute_labs) {
            queue.due.retain(|q| q.lab.is_none());
            queue.new.retain(|q| q.lab.is_none());
        }
        queue
    });
    let empty_config = Config {
        answer_pause_ms: 0,
        voice: can_speak,
        rate_pct: 100,
        seed: 0,
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
    let voice = Memo::new(move |_| machine.with(Commute::voice));

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

    let start = move || {
        let questions: Vec<&'static Question> = queue.with_untracked(|q| q.questions().collect());
        let config = user.settings.with_untracked(|s| Config {
            answer_pause_ms: i64::from(
                s.answer_pause_s
                    .clamp(*ANSWER_PAUSES_S.start(), *ANSWER_PAUSES_S.end()),
            ) * 1000,
            voice: can_speak,
            rate_pct: s.speech_rate_pct,
            seed: now_ms() as u64,
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
    let again = move || machine.set(Commute::new(Vec::new(), empty_config));

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

    view! {
        <div class="commute">
            <h1>"Commute mode"</h1>
            {text_note}
            // What it reads is the bank's text.
            <NeedsBank>{move || match screen.get() {
                Screen::Start => view! { <StartScreen category queue on_start=start/> }.into_any(),
                Screen::Running => {
                    view! { <RunningScreen machine step voice clock last_rated/> }.into_any()
                }
                Screen::Done => view! { <DoneScreen machine last_rated on_again=again/> }.into_any(),
            }}</NeedsBank>
        </div>
    }
}
