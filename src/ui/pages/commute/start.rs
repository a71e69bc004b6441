use leptos::prelude::*;

use crate::state::UserState;
use crate::ui::components::category_chips::CategoryChips;
use opsdrill_core::bank::Category;
use opsdrill_core::format::count;
use opsdrill_core::schedule::PracticeQueue;

/// "90 seconds", "2 minutes", "2 min 30 s".
fn pause_words(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => count(s as usize, "second", "seconds"),
        (m, 0) => count(m as usize, "minute", "minutes"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// How commute mode works, the category to practise and "Start" (or why
/// there is nothing to start).
#[component]
pub fn StartScreen(
    category: RwSignal<Option<Category>>,
    queue: Memo<PracticeQueue>,
    #[prop(into)] on_start: Callback<()>,
) -> impl IntoView {
    let user = expect_context::<UserState>();
    let pause = move || pause_words(user.settings.with(|s| s.answer_pause_s));
    view! {
        <p class="lede">"Practise hands-free: each question is read aloud, you answer out loud, then you hear how to structure the answer and what a strong one covers."</p>
        <ol class="commute-how">
            <li>"The question and why interviewers ask it are read aloud."</li>
            <li>{move || format!("You answer out loud: it waits {} for you.", pause())}</li>
            <li>"How to structure the answer and its talking points are read, then a follow-up: you answer it, and hear ours."</li>
            <li>{move || if user.settings.with(|s| s.commute_labs) {
                "A lab: its scenario, then each step's question while the evidence is on screen; you say what you read in it, then hear the expert's read."
            } else {
                "Labs are left out (Settings, Commute mode)."
            }}</li>
            <li>"You rate yourself with the big buttons, and the next question starts."</li>
        </ol>
        <p class="hint">"Play/pause on a headset or the lock screen pauses and resumes; next track skips. The screen stays on while it runs. Voice, speed and pause length are in "
            <a href="#/settings">"Settings"</a> "."
        </p>
        {move || {
            let without_labs = !user.settings.with(|s| s.commute_labs);
            view! { <CategoryChips selected=category on_pick=move |choice| category.set(choice) without_labs/> }
        }}
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
                    <button type="button" class="button commute-start" on:click=move |_| on_start.run(())>"Start"</button>
                }
                .into_any()
            }
        }}
    }
}
