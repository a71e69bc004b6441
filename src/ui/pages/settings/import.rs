//! "Import backup": the file is read and validated, a preview says what a
//! merge would change, and nothing changes until the user picks merge or
//! replace.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::import_preview::ImportPreview;
use crate::app::LaunchedFile;
use crate::state::{ImportOutcome, UserState};
use crate::ui::components::field::Field;
use opsdrill_core::data::backup::{self, MAX_BACKUP_BYTES};
use opsdrill_core::data::merge::{self, MergeSummary};
use opsdrill_core::data::UserData;
use opsdrill_core::format::count;
use opsdrill_core::transfer::device::Sent;

/// A backup that passed validation, waiting for the user's choice.
#[derive(Clone)]
pub struct PendingImport {
    /// What it is called in the preview: a file's name, or "the transfer".
    pub file_name: String,
    pub incoming: UserData,
    pub summary: MergeSummary,
    /// Set when it came from another device: remembered once merged.
    pub sent: Option<Sent>,
}

/// Where an import stands: the backup waiting for a choice, whether
/// "Replace everything" waits for its confirmation, and the last outcome
/// (whether it went well, and what to say).
#[derive(Clone, Copy)]
pub struct ImportFlow {
    user: UserState,
    pub pending: RwSignal<Option<PendingImport>>,
    pub confirm_replace: RwSignal<bool>,
    message: RwSignal<Option<(bool, String)>>,
}

impl ImportFlow {
    pub fn new(user: UserState) -> Self {
        ImportFlow {
            user,
            pending: RwSignal::new(None),
            confirm_replace: RwSignal::new(false),
            message: RwSignal::new(None),
        }
    }

    /// Reads the file picked in the input, checks it and previews the merge.
    fn pick(self, ev: leptos::ev::Event) {
        if let Some(file) = crate::web::browser::picked_file(&ev) {
            self.read(file);
        }
    }

    /// Reads a backup file, checks it and previews the merge.
    fn read(self, file: web_sys::File) {
        self.pending.set(None);
        self.confirm_replace.set(false);
        let file_name = file.name();
        if file.size() > MAX_BACKUP_BYTES as f64 {
            self.message.set(Some((
                false,
                backup::ImportError::TooLarge(file.size() as usize).to_string(),
            )));
            return;
        }
        spawn_local(async move {
            let parsed = match crate::web::browser::read_file(&file).await {
                Ok(bytes) => backup::parse(&bytes).map_err(|e| e.to_string()),
                Err(why) => Err(format!("The file could not be read ({why}).")),
            };
            match parsed {
                Err(message) => self.message.set(Some((
                    false,
                    format!("{file_name}: {message} Nothing was changed."),
                ))),
                Ok(incoming) => self.offer(file_name, incoming, None),
            }
        });
    }

    /// Previews what merging `incoming` would change, and waits.
    pub fn offer(self, file_name: String, incoming: UserData, sent: Option<Sent>) {
        let (_, summary) = merge::merge(&self.user.snapshot(), &incoming);
        self.message.set(None);
        self.confirm_replace.set(false);
        self.pending.set(Some(PendingImport {
            file_name,
            incoming,
            summary,
            sent,
        }));
    }

    /// Merges the waiting backup into the data, or replaces the data with it.
    pub fn apply(self, replace: bool) {
        let Some(choice) = self.pending.get_untracked() else {
            return;
        };
        // Merge with what is here now, not when the file was picked: another
        // tab may have saved since.
        self.user.flush();
        let next = if replace {
            choice.incoming
        } else {
            merge::merge(&self.user.snapshot(), &choice.incoming).0
        };
        let message = match self.user.apply_import(next) {
            Err(message) => (false, message),
            Ok(outcome) => {
                if let Some(sent) = &choice.sent {
                    crate::web::device_memory::merged(sent);
                }
                outcome_message(&choice.file_name, &outcome)
            }
        };
        self.message.set(Some(message));
        self.pending.set(None);
        self.confirm_replace.set(false);
    }
}

/// What an import that went through says: whether all went well, and the text.
fn outcome_message(file_name: &str, outcome: &ImportOutcome) -> (bool, String) {
    let aside = match &outcome.saved_aside {
        Some(key) => format!(" What it changed or removed of your data is saved in this browser under {key}."),
        None => " Storage is blocked, so nothing could be saved aside and nothing will be kept after this tab closes: export a backup.".to_string(),
    };
    if outcome.not_written == 0 {
        (
            outcome.saved_aside.is_some(),
            format!("Imported {file_name}.{aside}"),
        )
    } else {
        (
            false,
            format!(
                "Imported {file_name} into this tab, but {} could not be saved to storage (see the banner above); they are retried as you go.{aside}",
                count(outcome.not_written, "record", "records")
            ),
        )
    }
}

/// What the last import said, and the preview of a backup waiting for a
/// choice.
#[component]
pub fn ImportOutcomeAndPreview(flow: ImportFlow) -> impl IntoView {
    view! {
        {move || flow.message.get().map(|(ok, message)| view! {
            <p class=if ok { "notice" } else { "notice error" } role=if ok { "status" } else { "alert" }>{message}</p>
        })}
        {move || flow.pending.get().map(|pending| view! { <ImportPreview flow pending/> })}
    }
}

/// The file input, what the last import said, and the preview.
#[component]
pub fn BackupImport() -> impl IntoView {
    let flow = ImportFlow::new(expect_context::<UserState>());
    // A file the app was opened with comes here.
    if let Some(LaunchedFile(launched)) = use_context::<LaunchedFile>() {
        Effect::new(move |_| {
            if let Some(file) = launched.get() {
                launched.set(None);
                flow.read(file);
            }
        });
    }
    view! {
        <Field id="import-file"
            label="Import backup"
            hint="An OpsDrill backup file (.json, at most 5 MB). You will see what changes before anything does."
        >
            <input id="import-file" type="file" accept=".json,application/json" aria-describedby="import-file-hint" on:change=move |ev| flow.pick(ev)/>
        </Field>
        <ImportOutcomeAndPreview flow/>
    }
}
