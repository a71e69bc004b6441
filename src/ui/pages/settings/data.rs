use leptos::prelude::*;

use super::import::BackupImport;
use super::storage::StorageInfo;
use super::Section;
use crate::state::UserState;
use crate::ui::components::banners::download_backup;
use crate::web::clock::now_ms;
use crate::web::share::{self, Shared};
use leptos::task::spawn_local;
use opsdrill_core::data::{backup, markdown_export};
use opsdrill_core::route::Route;
use opsdrill_core::time;

/// "Your data": where it lives, the backup exports and the import.
#[component]
pub fn DataSettings() -> impl IntoView {
    let user = expect_context::<UserState>();
    let export_markdown = move |_| {
        let text =
            markdown_export::export(&user.snapshot(), &untrack(|| user.questions()), now_ms());
        let name = format!(
            "opsdrill-answers-{}.md",
            time::format_date(now_ms().div_euclid(time::DAY_MS))
        );
        let _ = crate::web::browser::download(&name, "text/markdown", &text);
    };
    let can_share = share::can_share_file("backup.json", backup::MIME);
    let shared = RwSignal::new(None::<String>);
    let share_backup = move |_| {
        let text = user.backup_text();
        let name = backup::file_name(now_ms());
        spawn_local(async move {
            let outcome = share::share_file(&name, backup::MIME, &text).await;
            if matches!(outcome, Shared::Done) {
                user.exported();
            }
            shared.set(Some(outcome.message(
                "Backup shared.".into(),
                "backup",
                "Export backup",
            )));
        });
    };
    view! {
        <Section id="data-settings" title="Your data">
            <p>"Your answers and progress are stored only in this browser. Nothing is sent anywhere."</p>
            <StorageInfo/>
            <p class="hint">{move || match user.settings.with(|s| s.last_export_ms) {
                None => "No backup exported yet.".to_string(),
                Some(at) => format!("Last backup: {}.", time::format_date(at.div_euclid(time::DAY_MS))),
            }}</p>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| download_backup(user)>"Export backup"</button>
                <button type="button" class="button secondary" on:click=export_markdown>"Export answers and stories as Markdown"</button>
            </div>
            <BackupImport/>
            <h3>"Another device"</h3>
            <p>"Move your work to a phone or a laptop with no network: one device shows QR codes, the other reads them with its camera. Or hand the backup file to another app."</p>
            <div class="actions">
                <a class="button secondary" href=Route::Send.href()>"Send to another device"</a>
                <a class="button secondary" href=Route::Receive.href()>"Receive from another device"</a>
                {can_share.then(|| view! {
                    <button type="button" class="button secondary" on:click=share_backup>"Share backup"</button>
                })}
            </div>
            {move || shared.get().map(|said| view! { <p class="notice" role="status">{said}</p> })}
        </Section>
    }
}
