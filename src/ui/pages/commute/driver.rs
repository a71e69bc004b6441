//! Runs the loop (`opsdrill_core::commute`): feeds it an input, then carries
//! out the actions it returns (speech, timers, focus, the Media Session).

use std::time::Duration;

use leptos::prelude::*;

use crate::state::UserState;
use crate::web::clock::now_ms;
use crate::web::focus;
use crate::web::speech;
use opsdrill_core::commute::{Action, Commute, Step};

/// Applies one input to the loop and carries out the actions it returns.
pub fn run(
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
