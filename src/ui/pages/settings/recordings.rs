use leptos::prelude::*;
use leptos::task::spawn_local;

use super::Section;
use crate::state::{Recordings, UserState};
use crate::ui::components::confirm::ConfirmButton;
use crate::ui::components::field::{CheckField, NumberField};
use opsdrill_core::data::records::RECORDINGS_KEPT;
use opsdrill_core::data::usage::amount;

/// What the recordings of spoken answers take, how many to keep, and
/// deleting them all (after a confirmation). Backups do not carry audio.
#[component]
pub fn RecordingSettings() -> impl IntoView {
    let user = expect_context::<UserState>();
    let recordings = Recordings::get_or_load();
    let summary = move || {
        if !recordings.loaded() {
            return "Reading your recordings…".to_string();
        }
        match recordings.count_and_bytes() {
            (0, _) => "No recordings are stored.".to_string(),
            (1, bytes) => format!("1 recording is stored, {}.", amount(bytes as usize)),
            (n, bytes) => format!("{n} recordings are stored, {}.", amount(bytes as usize)),
        }
    };
    view! {
        <Section id="recording-settings" title="Recordings">
            <p role="status">{summary}</p>
            <p class="hint">
                "Recordings of your spoken answers stay in this browser. Backups do not carry them: download a recording from its question to keep a copy."
            </p>
            <NumberField
                id="recordings-kept"
                label="Recordings kept per question"
                hint="Older ones are deleted as you record new ones."
                range=RECORDINGS_KEPT
                value=move || user.settings.with(|s| s.recordings_kept)
                on_set=move |n| user.settings.update(|s| s.recordings_kept = n)
            />
            <CheckField
                label="Record my answers in mock interviews"
                checked=move || user.settings.with(|s| s.mock_record)
                on_set=move |on| user.settings.update(|s| s.mock_record = on)
            />
            <CheckField
                label="Record my spoken answers in commute mode, during the pause for each answer"
                checked=move || user.settings.with(|s| s.commute_record)
                on_set=move |on| user.settings.update(|s| s.commute_record = on)
            />
            <p class="notice" role="alert" hidden=move || recordings.problem().is_none()>
                {move || recordings.problem()}
            </p>
            <ConfirmButton
                label="Delete all recordings"
                question="Delete every recording? Your written answers stay. This cannot be undone."
                yes="Yes, delete all"
                no="No, keep them"
                id="confirm-delete-recordings"
                disabled=Signal::derive(move || recordings.count_and_bytes().0 == 0)
                on_confirm=move |()| spawn_local(async move { recordings.delete_all().await })
            />
        </Section>
    }
}
