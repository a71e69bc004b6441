use leptos::prelude::*;

use crate::pwa::{apply_update, UpdateAvailable};
use crate::state::Store;

/// "Update available": the new version starts only when the user says so,
/// after every draft has been written.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let UpdateAvailable(available) = expect_context::<UpdateAvailable>();
    let store = expect_context::<Store>();
    view! {
        <Show when=move || available.get()>
            <div class="banner info" role="status">
                <p><strong>"Update available."</strong>" A new version of OpsDrill is ready. Your answers are saved first."</p>
                <button type="button" class="button small" on:click=move |_| {
                    store.flush();
                    apply_update();
                }>
                    "Reload"
                </button>
                <button type="button" class="button small secondary" on:click=move |_| available.set(false)>
                    "Later"
                </button>
            </div>
        </Show>
    }
}
