//! "Drill the follow-ups": after the model answer, each follow-up in turn,
//! as an interviewer would ask it. The user answers in its own box (saved
//! with the answer), then reveals ours, then goes on to the next.

use leptos::prelude::*;

use super::answer_part::AnswerPartField;
use super::blocks::{Blocks, InlineText};
use super::reveal::Reveal;
use crate::web::focus::focus_after_render;
use opsdrill_core::bank::{FollowUp, Question};
use opsdrill_core::data::records::AnswerPart;

/// Where the drill is: not begun, at a follow-up (from 0), or done.
#[derive(Clone, Copy, PartialEq)]
enum Drill {
    NotBegun,
    At(usize),
    Done,
}

#[component]
pub fn FollowUpDrill(question: &'static Question) -> impl IntoView {
    let follow_ups: Vec<FollowUp<'static>> = question.follow_ups.iter().collect();
    let total = follow_ups.len();
    let drill = RwSignal::new(Drill::NotBegun);
    let go = move |to: Drill| {
        drill.set(to);
        focus_after_render("#follow-up-drill-focus");
    };
    let list = follow_ups.clone();
    view! {
        <div class="follow-up-drill">
            {move || match drill.get() {
                Drill::NotBegun => view! {
                    <FollowUpList follow_ups=list.clone() answers=false/>
                    <button type="button" class="button" on:click=move |_| go(Drill::At(0))>
                        "Drill the follow-ups"
                    </button>
                }
                .into_any(),
                Drill::At(index) => {
                    let on_next = move || go(if index + 1 < total { Drill::At(index + 1) } else { Drill::Done });
                    view! {
                        <DrillStep question follow_up=follow_ups[index] index total on_next/>
                    }
                    .into_any()
                }
                Drill::Done => view! {
                    <p id="follow-up-drill-focus" tabindex="-1" class="notice" role="status">
                        {format!("You drilled all {total} follow-ups. Each with our answer:")}
                    </p>
                    <FollowUpList follow_ups=list.clone() answers=true/>
                    <button type="button" class="button secondary" on:click=move |_| go(Drill::At(0))>
                        "Drill them again"
                    </button>
                }
                .into_any(),
            }}
        </div>
    }
}

/// One follow-up of the drill: the question, the user's answer, ours once
/// revealed, and the way on.
#[component]
fn DrillStep(
    question: &'static Question,
    follow_up: FollowUp<'static>,
    index: usize,
    total: usize,
    on_next: impl Fn() + Send + Sync + Copy + 'static,
) -> impl IntoView {
    let revealed = RwSignal::new(false);
    let kind = if follow_up.depth == 2 {
        "digging deeper"
    } else {
        "follow-up"
    };
    let last = index + 1 == total;
    view! {
        <p class="drill-count" id="follow-up-drill-focus" tabindex="-1">
            {format!("{} of {total}, {kind}", index + 1)}
        </p>
        <h3 id="follow-up-question"><InlineText inline=follow_up.question/></h3>
        <AnswerPartField
            question_id=question.id
            part=AnswerPart::FollowUp(follow_up.question.text())
            id="follow-up-answer"
            labelled_by="follow-up-question"
            hint="Say or write your answer before you reveal ours."
        />
        <Reveal label="Reveal the answer" revealed>
            <div class="follow-up-answer">
                <h4>"Our answer"</h4>
                <Blocks blocks=follow_up.answer/>
            </div>
            <button type="button" class="button" on:click=move |_| on_next()>
                {if last { "Finish the drill" } else { "Next follow-up" }}
            </button>
        </Reveal>
    }
}

/// Every follow-up, those asked after another indented under it; with our
/// answers once drilled.
#[component]
fn FollowUpList(follow_ups: Vec<FollowUp<'static>>, answers: bool) -> impl IntoView {
    let items = follow_ups
        .into_iter()
        .map(|f| {
            view! {
                <li class:deeper=f.depth == 2>
                    <InlineText inline=f.question/>
                    {answers.then(|| view! { <div class="follow-up-answer"><Blocks blocks=f.answer/></div> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="follow-ups">{items}</ul> }
}
