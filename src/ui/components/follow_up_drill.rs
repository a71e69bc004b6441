//! "Drill the follow-ups": after the model answer, each follow-up in turn,
//! as an interviewer would ask it, with the user's own answer and then ours.

use leptos::prelude::*;

use crate::ui::components::blocks::{Blocks, InlineText};
use opsdrill_core::bank::Question;

#[component]
pub fn FollowUpDrill(question: &'static Question) -> impl IntoView {
    let items = question
        .follow_ups
        .iter()
        .map(|f| view! { <li class:deeper=f.depth == 2><InlineText inline=f.question/><Blocks blocks=f.answer/></li> })
        .collect_view();
    view! { <ul class="follow-ups">{items}</ul> }
}
