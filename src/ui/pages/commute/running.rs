use leptos::prelude::*;

use super::driver::run;
use super::model_part::ModelPart;
use crate::state::UserState;
use crate::ui::components::lazy_page::lazy_part;
use crate::ui::components::rate_buttons::{RateButtons, Rated};
use crate::ui::split;
use crate::web::clock::now_ms;
use opsdrill_core::bank::Question;
use opsdrill_core::commute::{format_left, part_heading, Commute, Part, Step};

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

/// What the user is asked to do while the loop waits for a spoken answer.
fn your_turn(answering: Option<Part>) -> Option<&'static str> {
    Some(match answering? {
        Part::FollowUpAnswer => "Answer the follow-up out loud now. Ours follows.",
        Part::ExpertRead(_) => "Read the evidence and say out loud what it tells you and what you would check next. The expert read follows.",
        _ => "Answer out loud now. How to structure it and the talking points follow.",
    })
}

/// The question on its way: where the loop is, the countdown, the big
/// rating buttons when it is time to rate, the controls and what has been
/// read of the model answer.
#[component]
pub fn RunningScreen(
    machine: RwSignal<Commute>,
    step: Memo<Step>,
    voice: Memo<bool>,
    /// The page's clock, for the countdown.
    clock: RwSignal<i64>,
    /// What the last rating said.
    last_rated: RwSignal<Option<String>>,
) -> impl IntoView {
    let user = expect_context::<UserState>();
    let paused = Memo::new(move |_| machine.with(Commute::paused));
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

    // With "Record my spoken answers", each answer pause is recorded.
    let answering = Memo::new(move |_| step.get() == Step::Answering);
    let recording = move || {
        let on = answering.get() && user.settings.with_untracked(|s| s.commute_record);
        on.then(|| question.get_untracked())
            .flatten()
            .map(|q| lazy_part(move || split::record_while_shown(q)))
    };
    let toggle = move |_| run(machine, user, |m| m.toggle_pause(now_ms()));
    let skip = move |_| run(machine, user, |m| m.next(now_ms()));
    let stop = move |_| run(machine, user, Commute::stop);
    let on_rated = move |rated: Rated| {
        last_rated.set(Some(rated.message()));
        run(machine, user, |m| m.rated_current(now_ms()));
    };

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
        {recording}
        {move || rating_question.get().map(|q| view! {
            <div class="commute-rate"><RateButtons question=q on_rated/></div>
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
        {move || {
            step.track();
            your_turn(machine.with(Commute::answering_for))
                .map(|text| view! { <p class="commute-your-turn">{text}</p> })
        }}
        {move || {
            step.track();
            let (shown, follow_up) = machine.with(|m| (m.parts_shown(), m.follow_up()));
            question.get().map(|q| {
                shown.into_iter().map(|part| view! { <ModelPart question=q part follow_up/> }).collect_view()
            })
        }}
        <p><button type="button" class="link commute-end" on:click=stop>"End session"</button></p>
    }
}
