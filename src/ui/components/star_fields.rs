//! The four STAR fields, as the answer editor and the story editor show
//! them: each part's label, hint and textarea, kept in step with the stored
//! text.

use leptos::prelude::*;

use super::field::Field;
use super::synced_text::SyncedText;
use opsdrill_core::data::records::StarPart;

#[component]
pub fn StarFields(
    /// Starts each field's id: "story" gives `story-situation`.
    id: &'static str,
    /// A part's stored text, tracked.
    text: impl Fn(StarPart) -> String + Copy + Send + 'static,
    on_input: impl Fn(StarPart, String) + Copy + Send + 'static,
    /// Leaving a field (see `SyncedText`'s `on_blur`).
    on_blur: impl Fn() + Copy + Send + 'static,
    /// What follows a part's textarea (the answer editor's dictation button).
    #[prop(optional, into)]
    after: Option<Callback<(StarPart,), AnyView>>,
) -> impl IntoView {
    StarPart::ALL
        .into_iter()
        .map(|part| {
            let field_id = format!("{id}-{}", part.label().to_lowercase());
            let after = after.map(|after| after.run((part,)));
            view! {
                <Field id=field_id.clone() label=part.label() hint=part.hint()>
                    <SyncedText
                        id=field_id
                        rows=3
                        value=move || text(part)
                        on_input=move |value| on_input(part, value)
                        on_blur
                    />
                    {after}
                </Field>
            }
        })
        .collect_view()
}
