use leptos::prelude::*;

use crate::state::UserState;
use crate::ui::components::banners::ExportBackupButton;
use crate::web::pwa::{apply_update, UpdateAvailable};

/// "Update available": the new version starts only when the user says so,
/// after every draft has been written.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let UpdateAvailable(available) = expect_context::<UpdateAvailable>();
    let user = expect_context::<UserState>();
    // Reloading would drop what is only in memory: say so instead.
    let unsafe_to_reload = RwSignal::new(false);
    view! {
        <Show when=move || available.get()>
            <div class="banner info" role="status">
                <p><strong>"Update available."</strong>" A new version of OpsDrill is ready. Your answers are saved first."</p>
                <Show when=move || unsafe_to_reload.get()>
                    <p>
                        "Some of your answers are only in this tab (storage is full or blocked). Export a backup before reloading, or they will be lost."
                    </p>
                    <ExportBackupButton/>
                </Show>
                <button type="button" class="button small" on:click=move |_| {
                    user.flush();
                    if user.all_saved() || unsafe_to_reload.get_untracked() {
                        apply_update();
                    } else {
                        unsafe_to_reload.set(true);
                    }
                }>
                    {move || if unsafe_to_reload.get() { "Reload anyway" } else { "Reload" }}
                </button>
                <button type="button" class="button small secondary" on:click=move |_| available.set(false)>
                    "Later"
                </button>
            </div>
        </Show>
    }
}
