//! A troubleshooting lab, worked the way an interviewer runs a break-fix
//! round: the scenario and step 1's evidence; the user writes their read
//! (saved with their answer) and reveals the expert's; then the next step's
//! evidence, and at the end the root cause, fix and prevention.

use leptos::prelude::*;

use super::answer_editor::MockBegun;
use super::answer_part::AnswerPartField;
use super::blocks::{Blocks, InlineList};
use super::reveal::Reveal;
use crate::state::UserState;
use crate::web::focus::focus_after_render;
use opsdrill_core::bank::{Lab, LabStep, Question};
use opsdrill_core::data::records::AnswerPart;

/// `finished` is set once the user has gone through every step.
#[component]
pub fn LabWalkthrough(
    question: &'static Question,
    lab: Lab,
    finished: RwSignal<bool>,
) -> impl IntoView {
    let user = expect_context::<UserState>();
    let steps: Vec<LabStep<'static>> = lab.steps.iter().collect();
    let total = steps.len();
    // Coming back to a lab: the steps already read are open, the first
    // unwritten one is current.
    let written = user.answers.with_untracked(question.id, |a| {
        a.map_or(0, |a| {
            (0..total)
                .take_while(|&i| !a.step(i).trim().is_empty())
                .count()
        })
    });
    let current = RwSignal::new(written.min(total.saturating_sub(1)));
    if written >= total {
        finished.set(true);
    }
    let advance = move |index: usize| {
        if index + 1 < total {
            // Only the current step offers "Next step".
            current.set(index + 1);
            focus_after_render(format!("#lab-step-{}", index + 2));
        } else {
            finished.set(true);
            focus_after_render("#root-cause");
        }
    };
    let step_views = steps
        .into_iter()
        .enumerate()
        .map(|(index, step)| {
            let open = move || current.get() >= index || finished.get();
            // Steps before the current one were revealed on the way here.
            let revealed = RwSignal::new(index < current.get_untracked() || finished.get_untracked());
            let is_current = Signal::derive(move || current.get() == index && !finished.get());
            view! {
                <Show when=open>
                    <StepView question step index total revealed is_current on_next=move || advance(index)/>
                </Show>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="scenario">
            <h2 id="scenario">"Scenario"</h2>
            <Blocks blocks=lab.scenario/>
        </section>
        {step_views}
        <Show when=move || finished.get()>
            <section aria-labelledby="root-cause" class="lab-conclusion">
                <h2 id="root-cause" tabindex="-1">"Root cause"</h2>
                <Blocks blocks=lab.root_cause/>
                <h2>"Fix"</h2>
                <Blocks blocks=lab.fix/>
                <h2>"Prevention"</h2>
                <InlineList items=lab.prevention/>
            </section>
        </Show>
    }
}

/// One step: its evidence, the prompt, the user's read, and the expert's
/// once revealed.
#[component]
fn StepView(
    question: &'static Question,
    step: LabStep<'static>,
    index: usize,
    total: usize,
    revealed: RwSignal<bool>,
    /// Only the step being worked offers the way on.
    is_current: Signal<bool>,
    on_next: impl Fn() + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let number = index + 1;
    let heading = format!("lab-step-{number}");
    let last = number == total;
    let labelled_by = heading.clone();
    view! {
        <section class="lab-step" aria-labelledby=labelled_by>
            <h2 id=heading tabindex="-1">{format!("Step {number} of {total}")}</h2>
            <StepEvidence question step index/>
            <Reveal label="Reveal the expert read" revealed>
                <div class="expert-read">
                    <h3>"Expert read"</h3>
                    <Blocks blocks=step.read/>
                </div>
                <Show when=move || is_current.get()>
                    <button type="button" class="button" on:click=move |_| on_next()>
                        {if last { "Show the root cause" } else { "Next step" }}
                    </button>
                </Show>
            </Reveal>
        </section>
    }
}

/// A step's evidence, the question it asks, and the field the user's read
/// of it is written in (saved with the answer); `mock`: inside a mock
/// interview, where it starts blank as the answer does.
#[component]
pub fn StepEvidence(
    question: &'static Question,
    step: LabStep<'static>,
    /// The step's position, from 0.
    index: usize,
    #[prop(optional)] mock: Option<MockBegun>,
) -> impl IntoView {
    let prompt_id = format!("lab-prompt-{}", index + 1);
    view! {
        <div class="evidence">
            <h3>"Evidence"</h3>
            <Blocks blocks=step.evidence/>
        </div>
        <div class="prompt" id=prompt_id.clone()>
            <Blocks blocks=step.prompt/>
        </div>
        <AnswerPartField
            question_id=question.id
            part=AnswerPart::Step(index)
            id=format!("lab-read-{}", index + 1)
            labelled_by=prompt_id
            hint="Your read: what it shows, what it rules out, what you would run next."
            mock
        />
    }
}
