//! A timed mock interview: choose how many questions, which categories and
//! how long per question; answer one question at a time against a countdown
//! (announced at 30 seconds and at 0); then a summary to rate each answer.
//! Typed answers go straight into the user's answers (the earlier text kept
//! as an earlier version), so closing the tab mid-interview loses nothing.
//! The screens: setup (with the history), running, summary.

mod history;
mod interview;
mod running;
mod setup;
mod summary;

use std::time::Duration;

use leptos::prelude::*;

use crate::bank_text::NeedsBank;
use crate::state::UserState;
use history::History;
use interview::Interview;
use opsdrill_core::bank;
use opsdrill_core::mock::MockSession;
use running::Running;
use setup::Setup;
use summary::Summary;

#[component]
pub fn MockPage() -> impl IntoView {
    crate::web::browser::set_title("Mock interview: OpsDrill");
    let interview = Interview::new(expect_context::<UserState>());
    let Interview {
        session,
        summary,
        announcement,
        ..
    } = interview;
    let current = Memo::new(move |_| session.with(|s| s.as_ref().and_then(MockSession::current)));

    // Closing or reloading the tab ends the interview as "End interview"
    // would: the questions reached are recorded.
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| {
        if session.with_untracked(Option::is_some) {
            interview.advance(true);
        }
    });
    let ticker =
        set_interval_with_handle(move || interview.tick(), Duration::from_millis(250)).ok();
    on_cleanup(move || {
        leaving.remove();
        if let Some(ticker) = ticker {
            ticker.clear();
        }
        interview.leave();
    });

    view! {
        <h1>"Mock interview"</h1>
        <p class="visually-hidden" aria-live="assertive" aria-atomic="true">{move || announcement.get()}</p>
        // Follow-ups, labs and the summary's figures are in the bank's text.
        <NeedsBank>{move || {
            if let Some((index, id)) = current.get() {
                let total = session.with_untracked(|s| s.as_ref().map_or(0, MockSession::len));
                bank::find(id).map(|question| view! {
                    <Running interview question index total/>
                }.into_any())
            } else if let Some((started, rateable)) = summary.get() {
                Some(view! {
                    <Summary started rateable/>
                    <p class="mode-links">
                        <button type="button" class="button" on:click=move |_| summary.set(None)>"New mock interview"</button>
                        <a class="button secondary" href="#/practice">"Back to Practice"</a>
                    </p>
                }.into_any())
            } else {
                Some(view! {
                    <Setup on_start=move |config| interview.start(config)/>
                    <History on_open=move |started| summary.set(Some((started, false)))/>
                }.into_any())
            }
        }}</NeedsBank>
    }
}
