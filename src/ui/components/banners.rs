//! Storage problems and the backup reminder, above every page. Each says what
//! happened, what it means for the user's answers, and what they can do.

use leptos::prelude::*;

use super::space_banners::{NearlyFullBanner, WebkitEvictionHint};
use crate::state::UserState;
use crate::web::clock::now_ms;
use opsdrill_core::data::backup;
use opsdrill_core::time;

pub const REMINDER_DAYS: i64 = 14;

/// Downloads a backup; used by the banners and Settings. The export is
/// recorded only when the download started.
pub fn download_backup(user: UserState) {
    let text = user.backup_text();
    if crate::web::browser::download(&backup::file_name(now_ms()), backup::MIME, &text).is_ok() {
        user.exported();
    }
}

/// "Export backup", as the banners offer it.
#[component]
pub fn ExportBackupButton() -> impl IntoView {
    let user = expect_context::<UserState>();
    view! {
        <button type="button" class="button small" on:click=move |_| download_backup(user)>
            "Export backup"
        </button>
    }
}

#[component]
pub fn StorageBanners() -> impl IntoView {
    let user = expect_context::<UserState>();
    let health = user.saves.health();
    let reminder_dismissed = RwSignal::new(false);

    let blocked = move || {
        health.blocked().map(|why| view! {
            <div class="banner warning" role="alert">
                <p>
                    <strong>"Storage is blocked in this browser"</strong>
                    {format!(" ({why}). ")}
                    "You can keep practising, but nothing will be kept after you close this tab. Export a backup to keep your answers."
                </p>
                <ExportBackupButton/>
            </div>
        })
    };
    let full = move || {
        health.quota_full().then(|| view! {
            <div class="banner warning" role="alert">
                <p>
                    <strong>"Storage is full."</strong>
                    " Your latest changes are on screen and in this tab, but not saved. Nothing has been deleted. Export a backup now, then free some space."
                </p>
                <ExportBackupButton/>
                <button type="button" class="button small secondary" on:click=move |_| health.dismiss_quota()>
                    "Dismiss"
                </button>
            </div>
        })
    };
    let write_error = move || {
        health.write_error().map(|message| {
            view! {
                <div class="banner warning" role="alert"><p>{message}</p><ExportBackupButton/></div>
            }
        })
    };
    let unreadable = move || {
        let items = health.unreadable();
        (!items.is_empty()).then(|| {
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
                    <button type="button" class="button small secondary" on:click=move |_| health.dismiss_unreadable()>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    };
    let reminder = move || {
        // The settings first: the answers are read only once a reminder is due.
        let due = user
            .settings
            .with(|s| backup::reminder_due(s, now_ms(), REMINDER_DAYS).then_some(s.last_export_ms))
            .filter(|_| user.has_written_anything());
        (!reminder_dismissed.get() && health.blocked().is_none()).then_some(()).and(due).map(|last| {
            let when = match last {
                None => "You have not exported a backup yet.".to_string(),
                Some(at) => format!("Your last backup was {} days ago.", (now_ms() - at) / time::DAY_MS),
            };
            view! {
                <div class="banner info" role="status">
                    <p>"Your answers live only in this browser. " {when}</p>
                    <ExportBackupButton/>
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
            <NearlyFullBanner/>
            {unreadable}
            <WebkitEvictionHint/>
            {reminder}
        </div>
    }
}
