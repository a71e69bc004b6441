//! Form fields: a `<div class="field">` with the control's label, an optional
//! hint and the control. `Field` takes the control as its child, so what it
//! does stays where it is used; `NumberField` is a whole number input.

use std::ops::RangeInclusive;

use leptos::prelude::*;

/// A hint under a field's label; the control names `id` in its
/// `aria-describedby`.
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    pub id: &'static str,
    pub text: &'static str,
}

#[component]
pub fn Field(
    /// The id of the control the label is for.
    control: &'static str,
    label: &'static str,
    #[prop(optional_no_strip)] hint: Option<Hint>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=control>{label}</label>
            {hint.map(|Hint { id, text }| view! { <p class="hint" id=id>{text}</p> })}
            {children()}
        </div>
    }
}

/// A whole number in `range`: what is typed is clamped into it and passed to
/// `on_set` when the input changes (something that is not a number is
/// ignored).
#[component]
pub fn NumberField(
    id: &'static str,
    label: &'static str,
    #[prop(optional_no_strip)] hint: Option<Hint>,
    range: RangeInclusive<u32>,
    #[prop(into)] value: Signal<u32>,
    #[prop(into)] on_set: Callback<u32>,
) -> impl IntoView {
    let (min, max) = (*range.start(), *range.end());
    view! {
        <Field control=id label hint>
            <input
                id=id
                type="number"
                inputmode="numeric"
                min=min.to_string()
                max=max.to_string()
                aria-describedby=hint.map(|h| h.id)
                prop:value=move || value.get().to_string()
                on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).trim().parse::<u32>() {
                        on_set.run(n.clamp(min, max));
                    }
                }
            />
        </Field>
    }
}
