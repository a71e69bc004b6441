//! "Again", "Hard", "Good", "Easy": rates the question (FSRS) and says when
//! it comes back. Keys 1-4 do the same when not typing.

use leptos::prelude::*;

use crate::state::UserState;
use crate::web::clock::now_ms;
use opsdrill_core::bank::Question;
use opsdrill_core::schedule::{describe_interval, Grade};

#[component]
pub fn RateButtons(
    question: &'static Question,
    #[prop(into)] on_rated: Callback<()>,
) -> impl IntoView {
    let user = expect_context::<UserState>();
    let id = question.id;
    let rated = RwSignal::new(None::<(Grade, i64)>);
    let rate = move |grade: Grade| {
        user.rate(id, grade);
        let due = user
            .schedule
            .with_untracked(|s| s.cards.get(id).map(|c| c.due_ms))
            .unwrap_or_default();
        rated.set(Some((grade, due)));
        on_rated.run(());
    };
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if crate::web::browser::is_typing(&ev) || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let grade = match ev.key().as_str() {
            "1" => Grade::Again,
            "2" => Grade::Hard,
            "3" => Grade::Good,
            "4" => Grade::Easy,
            _ => return,
        };
        ev.prevent_default();
        rate(grade);
    });
    on_cleanup(move || keys.remove());

    // The interval each button would give, shown under its label.
    let preview = move |grade: Grade| {
        let now = now_ms();
        describe_interval(now, user.preview_due_ms(id, grade, now))
    };

    view! {
        <section class="rate" aria-labelledby="rate-heading">
            <h2 id="rate-heading">"How did you do?"</h2>
            <div class="rate-buttons">
                {Grade::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(i, grade)| view! {
                        <button
                            type="button"
                            class=format!("rate-button rate-{}", grade.label().to_lowercase())
                            aria-keyshortcuts=(i + 1).to_string()
                            on:click=move |_| rate(grade)
                        >
                            <span class="rate-label">{grade.label()}</span>
                            <span class="rate-when">{move || preview(grade)}</span>
                        </button>
                    })
                    .collect_view()}
            </div>
            <p class="rate-result" role="status">
                {move || rated.get().map(|(grade, due)| {
                    format!("Rated {}. Back {}.", grade.label(), describe_interval(now_ms(), due))
                })}
            </p>
        </section>
    }
}
