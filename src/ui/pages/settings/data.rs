use leptos::prelude::*;

use super::import::BackupImport;
use super::storage::StorageInfo;
use super::Section;
use crate::state::UserState;
use crate::ui::components::banners::download_backup;
use crate::web::clock::now_ms;
use opsdrill_core::data::markdown_export;
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
        </Section>
    }
}
