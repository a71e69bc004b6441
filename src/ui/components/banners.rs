//! Storage problems and the backup reminder, above every page. Each says what
//! happened, what it means for the user's answers, and what they can do.

use leptos::prelude::*;

use crate::state::{now_ms, Store};
use opsdrill_core::data::backup;
use opsdrill_core::time;

pub const REMINDER_DAYS: i64 = 14;

/// Downloads a backup; used by the banners and Settings. The export is
/// recorded only when the download started.
pub fn download_backup(store: Store) {
    let text = store.backup_text();
    if crate::web::browser::download(&backup::file_name(now_ms()), "application/json", &text)
        .is_ok()
    {
        store.exported();
    }
}

#[component]
pub fn StorageBanners() -> impl IntoView {
    let store = expect_context::<Store>();
    let status = store.status;
    let reminder_dismissed = RwSignal::new(false);
    let export_button = move || {
        view! {
            <button type="button" class="button small" on:click=move |_| download_backup(store)>
                "Export backup"
            </button>
        }
    };

    let blocked = move || {
        status.with(|s| s.blocked.clone()).map(|why| view! {
            <div class="banner warning" role="alert">
                <p>
                    <strong>"Storage is blocked in this browser"</strong>
                    {format!(" ({why}). ")}
                    "You can keep practising, but nothing will be kept after you close this tab. Export a backup to keep your answers."
                </p>
                {export_button()}
            </div>
        })
    };
    let full = move || {
        status.with(|s| s.quota_full).then(|| view! {
            <div class="banner warning" role="alert">
                <p>
                    <strong>"Storage is full."</strong>
                    " Your latest changes are on screen and in this tab, but not saved. Nothing has been deleted. Export a backup now, then free some space."
                </p>
                {export_button()}
                <button type="button" class="button small secondary" on:click=move |_| status.update(|s| s.quota_full = false)>
                    "Dismiss"
                </button>
            </div>
        })
    };
    let write_error = move || {
        status.with(|s| s.write_error.clone()).map(|message| {
            view! {
                <div class="banner warning" role="alert"><p>{message}</p>{export_button()}</div>
            }
        })
    };
    let unreadable = move || {
        let (items, dismissed) = status.with(|s| (s.unreadable.clone(), s.unreadable_dismissed));
        (!items.is_empty() && !dismissed).then(|| {
            let count = items.len();
            let list = items
                .iter()
                .map(|u| {
                    let fate = match &u.copied_to {
                        Some(copy) => format!(" A copy is kept under {copy}; changing this data here will replace the original."),
                        None => " It could not be copied (storage is full), so it is left as it is and will not be written over.".to_string(),
                    };
                    view! { <li><code>{u.key.clone()}</code>": "{u.reason.clone()}"."{fate}</li> }
                })
                .collect_view();
            let raw = items
                .iter()
                .map(|u| format!("== {}\n{}\n", u.key, u.raw))
                .collect::<String>();
            view! {
                <div class="banner warning" role="alert">
                    <p>
                        <strong>{if count == 1 { "1 saved item could not be read.".to_string() } else { format!("{count} saved items could not be read.") }}</strong>
                        " OpsDrill is running with everything else. Export the unreadable data to keep it safe."
                    </p>
                    <ul>{list}</ul>
                    <button type="button" class="button small" on:click=move |_| {
                        let _ = crate::web::browser::download("opsdrill-unreadable-data.txt", "text/plain", &raw);
                    }>
                        "Export the unreadable data"
                    </button>
                    <button type="button" class="button small secondary" on:click=move |_| status.update(|s| s.unreadable_dismissed = true)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    };
    let reminder = move || {
        let due = store.data.with(|d| {
            backup::needs_reminder(d, now_ms(), REMINDER_DAYS).then_some(d.settings.last_export_ms)
        });
        (!reminder_dismissed.get() && status.with(|s| s.blocked.is_none())).then_some(()).and(due).map(|last| {
            let when = match last {
                None => "You have not exported a backup yet.".to_string(),
                Some(at) => format!("Your last backup was {} days ago.", (now_ms() - at) / time::DAY_MS),
            };
            view! {
                <div class="banner info" role="status">
                    <p>"Your answers live only in this browser. " {when}</p>
                    {export_button()}
                    <button type="button" class="button small secondary" on:click=move |_| reminder_dismissed.set(true)>
                        "Not now"
                    </button>
                </div>
            }
        })
    };

    view! {
        <div class="banners">
            {blocked}
            {full}
            {write_error}
            {unreadable}
            {reminder}
        </div>
    }
}
