//! What commute mode shows of a part as it reads it.

use leptos::prelude::*;

use crate::ui::components::blocks::Blocks;
use opsdrill_core::bank::Question;
use opsdrill_core::commute::{part_heading, part_lines, Part};

/// One part as it is read: why they ask, a follow-up and our answer, a
/// lab's scenario, expert read and root cause (paragraphs); the structure
/// or the talking points (a list); a lab step's prompt with its evidence.
#[component]
pub fn ModelPart(
    question: &'static Question,
    part: Part,
    follow_up: Option<usize>,
) -> impl IntoView {
    let lines = part_lines(question, part, follow_up);
    let evidence = match part {
        Part::StepPrompt(step) => question.lab.and_then(|lab| lab.steps.get(step)),
        _ => None,
    };
    let body = match part {
        Part::Structure | Part::TalkingPoints => {
            view! { <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul> }
                .into_any()
        }
        // The prompt's first line only says the evidence is on screen: here
        // the evidence itself stands in its place.
        Part::StepPrompt(_) => lines
            .into_iter()
            .skip(1)
            .map(|line| view! { <p>{line}</p> })
            .collect_view()
            .into_any(),
        _ => lines.into_iter().map(|line| view! { <p>{line}</p> }).collect_view().into_any(),
    };
    view! {
        <section class="commute-part">
            <h3>{part_heading(question, part)}</h3>
            {evidence.map(|step| view! {
                <div class="evidence">
                    <h4>"Evidence"</h4>
                    <Blocks blocks=step.evidence/>
                </div>
            })}
            {body}
        </section>
    }
}
