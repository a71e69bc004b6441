//! The banners about room to keep the user's data: localStorage nearly full,
//! and Safari's rule of deleting a site's data after seven days without a
//! visit. Each offers what helps: a backup, or installing the app.

use leptos::prelude::*;

use super::banners::ExportBackupButton;
use crate::state::UserState;
use crate::web::browser;
use opsdrill_core::data::usage;

/// At 80% of the localStorage budget. Nothing is dropped to make room.
#[component]
pub fn NearlyFullBanner() -> impl IntoView {
    let user = expect_context::<UserState>();
    let health = user.saves.health();
    move || {
        (health.nearly_full() && !health.quota_full()).then(|| view! {
            <div class="banner warning" role="status">
                <p>
                    <strong>"Storage is nearly full: "</strong>
                    {usage::describe(health.used())}
                    " used. Nothing will be deleted to make room, but new answers may not fit soon. Export a backup now; then you can remove stories or answers you no longer need."
                </p>
                <ExportBackupButton/>
                <button type="button" class="button small secondary" on:click=move |_| health.dismiss_nearly_full()>
                    "Dismiss"
                </button>
            </div>
        })
    }
}

/// In Safari (and every browser on iOS) when the app is not installed.
#[component]
pub fn WebkitEvictionHint() -> impl IntoView {
    let user = expect_context::<UserState>();
    let applies = browser::has_webkit_eviction() && !browser::is_installed();
    let dismiss = move |_| {
        user.settings
            .update(|s| s.webkit_eviction_hint_dismissed = true)
    };
    move || {
        (applies && !user.settings.with(|s| s.webkit_eviction_hint_dismissed)).then(|| view! {
            <div class="banner info" role="status" id="webkit-eviction-hint">
                <p>
                    <strong>"Safari deletes this site's data after seven days without a visit"</strong>
                    ", your answers with it, unless OpsDrill is on your Home Screen. To keep them: on iPhone or iPad tap Share, then "
                    <q>"Add to Home Screen"</q>
                    "; on a Mac choose File, then "<q>"Add to Dock"</q>". Export a backup too."
                </p>
                <ExportBackupButton/>
                <button type="button" class="button small secondary" on:click=dismiss>"Dismiss"</button>
            </div>
        })
    }
}
