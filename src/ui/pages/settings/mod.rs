//! Settings: practice, appearance, commute mode and the user's data (storage,
//! backups out and in), one section each.

mod appearance;
mod data;
mod import;
mod import_preview;
mod packs;
mod practice;
mod recordings;
mod speech;
mod storage;

pub use import::{ImportFlow, ImportOutcomeAndPreview};

use leptos::prelude::*;

use appearance::AppearanceSettings;
use data::DataSettings;
use packs::PackSettings;
use practice::PracticeSettings;
use recordings::RecordingSettings;
use speech::CommuteSettings;

/// One section of the page: its heading (`id`, which names the section) and
/// its fields.
#[component]
fn Section(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {children()}
        </section>
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    crate::web::browser::set_title("Settings: OpsDrill");
    view! {
        <h1>"Settings"</h1>
        <PracticeSettings/>
        <AppearanceSettings/>
        <CommuteSettings/>
        <RecordingSettings/>
        <PackSettings/>
        <DataSettings/>
    }
}
