//! "Again", "Hard", "Good", "Easy". `GradeButtons` are the four buttons
//! wherever a rating is asked for (the question page, commute mode, the mock
//! summary); `RateButtons` rates a question (FSRS) with them and says when it
//! comes back, and keys 1-4 do the same when not typing.

use leptos::prelude::*;

use crate::state::UserState;
use crate::web::clock::now_ms;
use opsdrill_core::bank::Question;
use opsdrill_core::schedule::{describe_interval, Grade};

/// A rating just given: the grade and when the question is due again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rated {
    pub grade: Grade,
    pub due_ms: i64,
}

impl Rated {
    /// "Rated Good. Back in 3 days."
    pub fn message(self) -> String {
        format!(
            "Rated {}. Back {}.",
            self.grade.label(),
            describe_interval(now_ms(), self.due_ms)
        )
    }
}

/// The grade keys 1-4 stand for.
fn grade_for_key(key: &str) -> Option<Grade> {
    match key {
        "1" => Some(Grade::Again),
        "2" => Some(Grade::Hard),
        "3" => Some(Grade::Good),
        "4" => Some(Grade::Easy),
        _ => None,
    }
}

/// The four grade buttons in a `.rate-buttons` row; how big they are is up to
/// the surrounding CSS (commute mode's `.commute-rate` makes them large).
#[component]
pub fn GradeButtons(
    /// Called with the grade picked.
    #[prop(into)]
    on_grade: Callback<Grade>,
    /// Keys 1-4 pick a grade too (when not typing), announced with
    /// `aria-keyshortcuts`.
    #[prop(optional)]
    shortcuts: bool,
    /// Makes the row a labelled group.
    #[prop(optional, into)]
    label: Option<String>,
    /// A line under each grade's label, such as the interval it would give.
    #[prop(optional, into)]
    hint: Option<Callback<Grade, String>>,
) -> impl IntoView {
    if shortcuts {
        let keys = window_event_listener(leptos::ev::keydown, move |ev| {
            if crate::web::browser::is_typing(&ev) || ev.ctrl_key() || ev.meta_key() || ev.alt_key()
            {
                return;
            }
            if let Some(grade) = grade_for_key(&ev.key()) {
                ev.prevent_default();
                on_grade.run(grade);
            }
        });
        on_cleanup(move || keys.remove());
    }
    let role = label.is_some().then_some("group");
    let button = move |(i, grade): (usize, Grade)| {
        view! {
            <button
                type="button"
                class=format!("rate-button rate-{}", grade.label().to_lowercase())
                aria-keyshortcuts=shortcuts.then(|| (i + 1).to_string())
                on:click=move |_| on_grade.run(grade)
            >
                <span class="rate-label">{grade.label()}</span>
                {hint.map(|hint| view! { <span class="rate-when">{move || hint.run(grade)}</span> })}
            </button>
        }
    };
    view! {
        <div class="rate-buttons" role=role aria-label=label>
            {Grade::ALL.into_iter().enumerate().map(button).collect_view()}
        </div>
    }
}

/// "How did you do?": rates `question`, shows the interval each grade would
/// give, and then when it comes back.
#[component]
pub fn RateButtons(
    question: &'static Question,
    #[prop(into)] on_rated: Callback<Rated>,
) -> impl IntoView {
    let user = expect_context::<UserState>();
    let id = question.id;
    let rated = RwSignal::new(None::<Rated>);
    let rate = move |grade: Grade| {
        user.rate(id, grade);
        let due_ms = user
            .schedule
            .with_untracked(|s| s.cards.get(id).map(|c| c.due_ms))
            .unwrap_or_default();
        let done = Rated { grade, due_ms };
        rated.set(Some(done));
        on_rated.run(done);
    };
    // The interval each button would give, shown under its label.
    let preview = move |grade: Grade| {
        let now = now_ms();
        describe_interval(now, user.preview_due_ms(id, grade, now))
    };

    view! {
        <section class="rate" aria-labelledby="rate-heading">
            <h2 id="rate-heading">"How did you do?"</h2>
            <GradeButtons on_grade=rate shortcuts=true hint=Callback::new(preview)/>
            <p class="rate-result" role="status">{move || rated.get().map(Rated::message)}</p>
        </section>
    }
}
