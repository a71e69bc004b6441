//! Form fields: a `<div class="field">` with the control's label, an optional
//! hint and the control. `Field` takes the control as its child, so what it
//! does stays where it is used; `NumberField` is a whole number input.

use std::ops::RangeInclusive;

use leptos::prelude::*;

/// One field of a form: its label (none where a heading names the control,
/// through `aria-labelledby`), the hint under it, then the control and
/// whatever follows it. The hint's id is `{id}-hint`: the control names it in
/// its `aria-describedby`.
#[component]
pub fn Field(
    /// The control's id.
    #[prop(into)]
    id: String,
    #[prop(optional)] label: Option<&'static str>,
    /// A text, or an `Option` of one.
    #[prop(into, default = None)]
    hint: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            {label.map(|label| view! { <label for=id>{label}</label> })}
            {hint.map(|text| view! { <p class="hint" id=hint_id>{text}</p> })}
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
    #[prop(optional)] hint: Option<&'static str>,
    range: RangeInclusive<u32>,
    #[prop(into)] value: Signal<u32>,
    #[prop(into)] on_set: Callback<u32>,
) -> impl IntoView {
    let (min, max) = (*range.start(), *range.end());
    view! {
        <Field id=id label=label hint=hint>
            <input
                id=id
                type="number"
                inputmode="numeric"
                min=min.to_string()
                max=max.to_string()
                aria-describedby=hint.map(|_| format!("{id}-hint"))
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

/// A checkbox with its label beside it.
#[component]
pub fn CheckField(
    label: &'static str,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into)] on_set: Callback<bool>,
) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |ev| on_set.run(event_target_checked(&ev))
            />
            <span>{label}</span>
        </label>
    }
}
