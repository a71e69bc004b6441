//! A button that asks before it acts: pressed, it turns into the question
//! with "yes" and "no" (focus on "no", the safe answer); "no" brings the
//! button back with focus on it, for keyboard users.

use leptos::prelude::*;

#[component]
pub fn ConfirmButton(
    /// The button that asks.
    label: &'static str,
    /// What it asks ("Delete every recording? …").
    #[prop(into)]
    question: Signal<String>,
    yes: &'static str,
    no: &'static str,
    /// The question's element id.
    id: &'static str,
    #[prop(into, default = Signal::from(false))] disabled: Signal<bool>,
    #[prop(into)] on_confirm: Callback<()>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let no_node = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = no_node.get() {
            let _ = button.focus();
        }
    });
    let ask_node = NodeRef::<leptos::html::Button>::new();
    let refocus = StoredValue::new(false);
    Effect::new(move |_| {
        if let Some(button) = ask_node.get() {
            if refocus.get_value() {
                refocus.set_value(false);
                let _ = button.focus();
            }
        }
    });
    let keep = move |_| {
        refocus.set_value(true);
        confirming.set(false);
    };
    let confirm = move |_| {
        confirming.set(false);
        on_confirm.run(());
    };
    view! {
        <Show
            when=move || confirming.get()
            fallback=move || view! {
                <button
                    type="button"
                    class="button danger-outline"
                    node_ref=ask_node
                    disabled=move || disabled.get()
                    on:click=move |_| confirming.set(true)
                >
                    {label}
                </button>
            }
        >
            <div class="confirm" role="group" aria-labelledby=id>
                <p id=id>{move || question.get()}</p>
                <div class="actions">
                    <button type="button" class="button danger" on:click=confirm>{yes}</button>
                    <button type="button" class="button secondary" node_ref=no_node on:click=keep>
                        {no}
                    </button>
                </div>
            </div>
        </Show>
    }
}
