use leptos::prelude::*;

use super::interview::Interview;
use crate::ui::components::answer_editor::{AnswerEditor, MockBegun};
use crate::ui::components::answer_part::AnswerPartField;
use crate::ui::components::blocks::{Blocks, InlineText};
use crate::ui::components::lab_walkthrough::StepEvidence;
use crate::ui::components::lazy_page::lazy_part;
use crate::ui::split;
use crate::web::focus;
use opsdrill_core::bank::Question;
use opsdrill_core::data::records::AnswerPart;
use opsdrill_core::mock::{self, Stage};

/// One item against the clock: the countdown, what is asked now (the
/// question, a follow-up or a lab's step), the answer and the way on.
#[component]
pub fn Running(
    interview: Interview,
    question: &'static Question,
    index: usize,
    total: usize,
) -> impl IntoView {
    let remaining = move || {
        let at = interview.now.get();
        interview
            .session
            .with(|s| s.as_ref().map_or(0, |s| s.remaining_seconds(at)))
    };
    let stage = Memo::new(move |_| {
        interview
            .session
            .with(|s| s.as_ref().and_then(|s| s.stage()))
            .unwrap_or((Stage::Question, 0, 1))
    });
    // Focus follows what is asked, so typing goes on in the new answer.
    Effect::new(move |_| {
        stage.track();
        focus::focus_after_render(".mock-running textarea");
    });
    let last_item = index + 1 == total;
    let next_label = move || {
        let (_, at, stages) = stage.get();
        if at + 1 < stages {
            if question.lab.is_some() {
                "Next step"
            } else {
                "Next: a follow-up"
            }
        } else if last_item {
            "Finish"
        } else {
            "Next question"
        }
    };
    let begun = interview.begun_for(question.id);
    let user = expect_context::<crate::state::UserState>();
    // Each question is recorded from when it shows until the next one.
    let recording = user
        .settings
        .with_untracked(|s| s.mock_record)
        .then(|| lazy_part(move || split::record_while_shown(question)));
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
            {recording}
            {move || {
                let (now, at, stages) = stage.get();
                view! { <Asked question stage=now at stages begun/> }
            }}
            <p class="mode-links">
                <button type="button" class="button" on:click=move |_| interview.advance(false)>
                    {next_label}
                </button>
                <button type="button" class="button secondary" on:click=move |_| interview.advance(true)>
                    "End interview"
                </button>
            </p>
            <p class="hint">"Answer as you would out loud. When the time is up the next question comes, and what you wrote is kept."</p>
        </section>
    }
}

/// What the interviewer asks at this stage, and the field to answer in.
#[component]
fn Asked(
    question: &'static Question,
    stage: Stage,
    /// The stage's position among the item's `stages`.
    at: usize,
    stages: usize,
    begun: MockBegun,
) -> impl IntoView {
    match stage {
        Stage::Question => view! {
            <h2 id="mock-question" class="mock-question">{question.text}</h2>
            <AnswerEditor question mock=begun/>
        }
        .into_any(),
        Stage::FollowUp(index) => {
            let follow_up = question.follow_ups.get(index);
            view! {
                <p class="mock-context">{question.text}</p>
                <p class="drill-count">{format!("Follow-up {at} of {}", stages - 1)}</p>
                <h2 id="mock-question" class="mock-question">
                    {follow_up.map(|f| view! { <InlineText inline=f.question/> })}
                </h2>
                {follow_up.map(|f| view! {
                    <AnswerPartField
                        question_id=question.id
                        part=AnswerPart::FollowUp(f.question.text())
                        id="mock-follow-up-answer"
                        labelled_by="mock-question"
                        hint="Answer as you would to the interviewer."
                        mock=Some(begun)
                    />
                })}
            }
            .into_any()
        }
        Stage::Step(step) => {
            let lab = question.lab;
            view! {
                <h2 id="mock-question" class="mock-question">{question.text}</h2>
                {(step == 0).then(|| lab.map(|lab| view! {
                    <h3>"Scenario"</h3>
                    <Blocks blocks=lab.scenario/>
                }))}
                <p class="drill-count">{format!("Step {} of {stages}", step + 1)}</p>
                {lab.and_then(|lab| lab.steps.get(step)).map(|evidence| view! {
                    <StepEvidence question step=evidence index=step mock=begun/>
                })}
            }
            .into_any()
        }
    }
}
