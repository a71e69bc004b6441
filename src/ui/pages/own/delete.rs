//! Deleting an own question: "Delete question" asks first; when the user
//! has practised it, a second question asks whether the answer and the
//! practice history go too (they stay unless the user says so).

use leptos::prelude::*;

use opsdrill_core::route::Route;
use opsdrill_core::search::ListQuery;

use crate::state::UserState;
use crate::ui::components::confirm::ConfirmButton;
use crate::web::browser::go_to;

#[component]
pub(super) fn DeleteOwnQuestion(id: String) -> impl IntoView {
    let user = expect_context::<UserState>();
    let id = StoredValue::new(id);
    let failed = RwSignal::new(false);
    // Asked after the first "yes", when there is practice to lose.
    let asking_practice = RwSignal::new(false);
    let practised = move || {
        id.with_value(|id| {
            user.answers
                .with_untracked(id, |a| a.is_some_and(|a| !a.is_empty()))
                || user.schedule.with_untracked(|s| s.cards.contains_key(id))
        })
    };
    let delete = move |with_practice: bool| {
        if id.with_value(|id| user.delete_own_question(id, with_practice)) {
            go_to(&Route::Questions(ListQuery {
                mine: true,
                ..ListQuery::default()
            }));
        } else {
            failed.set(true);
        }
    };
    let text = move || {
        id.with_value(|id| user.own.with(id, |q| q.map(|q| q.question.clone())))
            .unwrap_or_default()
    };
    view! {
        <div class="own-delete">
            <Show when=move || failed.get()>
                <p class="notice error" role="alert">
                    "The question could not be deleted: storage refused the change. It is kept."
                </p>
            </Show>
            <Show
                when=move || asking_practice.get()
                fallback=move || view! {
                    <ConfirmButton
                        label="Delete question"
                        question=Signal::derive(move || format!("Delete \u{201c}{}\u{201d}?", text()))
                        yes="Yes, delete"
                        no="No, keep it"
                        id="confirm-delete-question"
                        on_confirm=move |()| {
                            if practised() {
                                asking_practice.set(true);
                            } else {
                                delete(false);
                            }
                        }
                    />
                }
            >
                <div class="confirm" role="group" aria-labelledby="confirm-delete-practice">
                    <p id="confirm-delete-practice">
                        "You have practised this question. Delete your answer and its practice history too? They cannot be brought back."
                    </p>
                    <div class="actions">
                        <button type="button" class="button danger" on:click=move |_| delete(true)>
                            "Delete them too"
                        </button>
                        <button type="button" class="button secondary" on:click=move |_| delete(false)>
                            "Keep my answer"
                        </button>
                        <button type="button" class="button secondary" on:click=move |_| asking_practice.set(false)>
                            "Cancel"
                        </button>
                    </div>
                </div>
            </Show>
        </div>
    }
}
