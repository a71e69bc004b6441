use leptos::prelude::*;

use super::Section;
use crate::state::UserState;
use crate::ui::components::field::{Field, NumberField};
use opsdrill_core::data::records::MAX_DAILY_NEW_LIMIT;
use opsdrill_core::time;

/// How many new questions a day, and the interview date that caps intervals.
#[component]
pub fn PracticeSettings() -> impl IntoView {
    let user = expect_context::<UserState>();
    view! {
        <Section id="practice-settings" title="Practice">
            <NumberField
                id="daily-limit"
                label="New questions per day"
                range=1..=MAX_DAILY_NEW_LIMIT
                value=move || user.settings.with(|s| s.daily_new_limit)
                on_set=move |n| user.settings.update(|s| s.daily_new_limit = n)
            />
            <Field id="interview-date"
                label="Interview date (optional)"
                hint="Until then, every question you have started comes back before the day."
            >
                <input
                    id="interview-date"
                    type="date"
                    aria-describedby="interview-date-hint"
                    prop:value=move || user.settings.with(|s| s.interview_date.clone().unwrap_or_default())
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let date = time::parse_date(&value).map(|_| value);
                        user.settings.update(|s| s.interview_date = date);
                    }
                />
            </Field>
        </Section>
    }
}
