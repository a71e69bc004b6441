use leptos::prelude::*;

use super::Section;
use crate::state::UserState;
use crate::ui::components::field::Field;

/// The theme: the system's, light or dark.
#[component]
pub fn AppearanceSettings() -> impl IntoView {
    let user = expect_context::<UserState>();
    view! {
        <Section id="appearance-settings" title="Appearance">
            <Field id="theme" label="Theme">
                <select
                    id="theme"
                    prop:value=move || user.settings.with(|s| s.theme.clone())
                    on:change=move |ev| {
                        let theme = event_target_value(&ev);
                        if matches!(theme.as_str(), "system" | "light" | "dark") {
                            user.settings.update(|s| s.theme = theme);
                        }
                    }
                >
                    <option value="system">"Follow the system"</option>
                    <option value="light">"Light"</option>
                    <option value="dark">"Dark"</option>
                </select>
            </Field>
        </Section>
    }
}
