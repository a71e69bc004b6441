use leptos::prelude::*;

use crate::state::UserState;
use crate::web::clock::utc_offset_min;
use opsdrill_core::mock;
use opsdrill_core::time;

/// "Past mock interviews", newest first; each opens its summary.
#[component]
pub fn History(#[prop(into)] on_open: Callback<i64>) -> impl IntoView {
    let user = expect_context::<UserState>();
    let history = move || {
        user.mocks.with(|m| {
            m.sessions
                .iter()
                .rev()
                .map(|record| {
                    let started = record.started_ms;
                    let line = mock::describe(record);
                    view! {
                        <li>
                            <button type="button" class="link" on:click=move |_| on_open.run(started)>
                                {time::format_local(started, utc_offset_min())}
                            </button>
                            <span class="question-meta">{line}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let has_history = move || user.mocks.with(|m| !m.sessions.is_empty());
    view! {
        <Show when=has_history>
            <section aria-labelledby="mock-history">
                <h2 id="mock-history">"Past mock interviews"</h2>
                <ol class="mock-history">{history}</ol>
            </section>
        </Show>
    }
}
