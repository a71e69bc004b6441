use leptos::prelude::*;

use crate::state::UserState;
use crate::ui::components::category_chips::CategoryChecks;
use crate::ui::components::field::{CheckField, Field};
use opsdrill_core::bank::Category;
use opsdrill_core::data::records::{MOCK_QUESTIONS, MOCK_SECONDS};
use opsdrill_core::mock::{self, MockConfig};

/// Seconds per question offered on the setup form.
const TIME_CHOICES: [u32; 6] = [30, 60, 90, 120, 180, 300];

/// "30 seconds", "1 minute", "1:30 minutes".
fn duration_label(seconds: u32) -> String {
    match seconds {
        60 => "1 minute".into(),
        s if s % 60 == 0 => format!("{} minutes", s / 60),
        s if s < 60 => format!("{s} seconds"),
        s => format!("{} minutes", mock::clock(i64::from(s))),
    }
}

/// The setup form: how many questions, how long each, which categories.
/// The count and time start from the last interview's.
#[component]
pub fn Setup(#[prop(into)] on_start: Callback<MockConfig>) -> impl IntoView {
    let user = expect_context::<UserState>();
    let (count, seconds, follow_ups) = user
        .settings
        .with_untracked(|s| (s.mock_questions, s.mock_seconds, s.mock_follow_ups));
    let count = RwSignal::new(count);
    let seconds = RwSignal::new(seconds);
    let follow_ups = RwSignal::new(follow_ups);
    let only_own = RwSignal::new(false);
    let own_count = Memo::new(move |_| user.own.questions().len());
    let chosen = RwSignal::new(vec![
        Category::General,
        Category::Technical,
        Category::Behavioural,
    ]);
    let mut time_choices = TIME_CHOICES.to_vec();
    if !time_choices.contains(&seconds.get_untracked()) {
        time_choices.push(seconds.get_untracked());
        time_choices.sort_unstable();
    }
    let nothing_chosen = move || chosen.with(Vec::is_empty);
    // "Only my own questions" with none of them in the categories chosen.
    let no_own_chosen = move || {
        only_own.get()
            && !user
                .own
                .questions()
                .iter()
                .any(|q| chosen.with(|c| c.contains(&q.category)))
    };
    view! {
        <p>"One question at a time against the clock, like the real thing. You do not see the model answer until the end."</p>
        <form class="mock-setup" on:submit=move |ev| {
            ev.prevent_default();
            if nothing_chosen() || no_own_chosen() {
                return;
            }
            on_start.run(MockConfig {
                count: count.get_untracked() as usize,
                categories: chosen.get_untracked(),
                seconds_per_question: seconds.get_untracked(),
                follow_ups: follow_ups.get_untracked(),
                only_own: only_own.get_untracked(),
            });
        }>
            <Field id="mock-count" label="Number of questions">
                <select id="mock-count" on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse() {
                        count.set(n);
                    }
                }>
                    {MOCK_QUESTIONS.map(|n| view! {
                        <option value=n.to_string() selected=move || count.get() == n>{n}</option>
                    }).collect_view()}
                </select>
            </Field>
            <Field id="mock-seconds" label="Time per question">
                <select id="mock-seconds" on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                        if MOCK_SECONDS.contains(&n) {
                            seconds.set(n);
                        }
                    }
                }>
                    {time_choices.into_iter().map(|n| view! {
                        <option value=n.to_string() selected=move || seconds.get() == n>
                            {duration_label(n)}
                        </option>
                    }).collect_view()}
                </select>
            </Field>
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || follow_ups.get()
                    on:change=move |ev| follow_ups.set(event_target_checked(&ev))
                />
                <span>"Ask follow-ups: one or two after each question, within its time"</span>
            </label>
            <CheckField
                label="Record my answers: each question's spoken answer is kept with its delivery report"
                checked=move || user.settings.with(|s| s.mock_record)
                on_set=move |on| user.settings.update(|s| s.mock_record = on)
            />
            <CategoryChecks chosen/>
            <Show when=move || { own_count.get() > 0 }>
                <CheckField
                    label="Only my own questions (in the categories chosen)"
                    checked=move || only_own.get()
                    on_set=move |on| only_own.set(on)
                />
            </Show>
            <p class="hint">"A lab is worked step by step, and gets the time per question for each of its steps."</p>
            <p class="notice error" role="alert" hidden=move || !nothing_chosen()>"Choose at least one category."</p>
            <p class="notice error" role="alert" hidden=move || nothing_chosen() || !no_own_chosen()>
                "None of your own questions is in the categories chosen."
            </p>
            <button type="submit" class="button">"Start mock interview"</button>
        </form>
    }
}
