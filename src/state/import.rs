//! Backups: the file's text out, and an import in. An import first saves
//! aside what it changes of the current data, then replaces it and writes
//! every record; if storage turns out too full, what was there is put back
//! and nothing changes. Another failed write stays queued and is retried.

use opsdrill_core::data::backup;
use opsdrill_core::data::codec::{self, StoreKey};
use opsdrill_core::data::{usage, Answer, UserData};

use super::UserState;
use crate::web::clock::now_ms;
use crate::web::local_storage::{self, WriteError};

pub struct ImportOutcome {
    /// Where the data from before the import is kept (none when storage is
    /// blocked).
    pub saved_aside: Option<String>,
    /// How many records could not be written.
    pub not_written: usize,
}

impl UserState {
    /// The backup file's text. Call `exported` once the download started.
    pub fn backup_text(&self) -> String {
        backup::export(&self.snapshot(), now_ms(), env!("CARGO_PKG_VERSION"))
    }

    pub fn exported(&self) {
        let now = now_ms();
        self.settings.update(|s| {
            s.last_export_ms = Some(now);
            s.unbacked_since_ms = None;
        });
    }

    /// Saves aside what `next` changes of the current data, then replaces it
    /// with `next` and writes every record. Refuses, changing nothing, when
    /// the copy cannot be made, or when the records do not fit (what was
    /// written is put back).
    pub fn apply_import(&self, next: UserData) -> Result<ImportOutcome, String> {
        self.flush();
        let blocked = self.saves.health().is_blocked_untracked();
        let before = self.snapshot();
        let saved_aside = if blocked {
            None
        } else {
            // Only what the import changes: a near-full store has no room
            // for a second copy of everything.
            let kept = usage::kept_aside(&before, &next);
            let aside = codec::saved_before_import_key(now_ms());
            let text = backup::export(&kept, now_ms(), env!("CARGO_PKG_VERSION"));
            local_storage::write_text(&aside, &text).map_err(|e| match e {
                WriteError::Quota => "Storage is full, so what this import would change could not be saved aside first. Nothing was changed: export a backup, free some space, then import again.".to_string(),
                other => format!("What this import would change could not be saved aside first ({other:?}). Nothing was changed."),
            })?;
            Some(aside)
        };
        let not_written = self.write_all(next, &before);
        if not_written.full {
            // Back to what was there (answers only the import had are
            // written empty, as any import leaves them); the copy aside is
            // then the same data.
            let imported = self.snapshot();
            let put_back = self.write_all(before, &imported);
            if put_back.failed == 0 {
                if let Some(aside) = &saved_aside {
                    let _ = local_storage::remove(aside);
                }
            }
            self.saves.health().dismiss_quota();
            self.saves.health().note_usage();
            return Err(format!(
                "This backup does not fit in the storage left (OpsDrill uses {}). Nothing was changed. Export a backup, remove stories or answers you no longer need, then import again.",
                usage::describe(local_storage::used())
            ));
        }
        self.saves.health().note_usage();
        Ok(ImportOutcome {
            saved_aside,
            not_written: not_written.failed,
        })
    }

    /// Takes `next` as the data and writes every record of it; answers only
    /// `before` has are written empty (not deleted) and its stories removed.
    fn write_all(&self, next: UserData, before: &UserData) -> Written {
        let blocked = self.saves.health().is_blocked_untracked();
        self.replace_in_memory(next, false);
        self.saves.forget_all();
        self.answers.forget_merges();
        let after = self.snapshot();

        let mut written = Written::default();
        let write_or_queue = |key: StoreKey, written: &mut Written| {
            if let Some(Err(error)) = self.write(&key) {
                // Kept in memory and retried on the next flush.
                written.failed += 1;
                written.full |= error == WriteError::Quota;
                self.saves.queue(key);
            }
        };
        for id in after.answers.keys() {
            write_or_queue(StoreKey::Answer(id.clone()), &mut written);
        }
        for id in after.stories.keys() {
            write_or_queue(StoreKey::Story(id.clone()), &mut written);
        }
        for id in after.own.keys() {
            write_or_queue(StoreKey::Own(id.clone()), &mut written);
        }
        for id in before
            .answers
            .keys()
            .filter(|id| !after.answers.contains_key(*id))
        {
            let key = StoreKey::Answer(id.clone());
            let outcome = self.saves.attempt(&key, || {
                local_storage::write(&key.name(), &Answer::default())
            });
            written.failed += usize::from(outcome.is_err());
        }
        if !blocked {
            for id in before
                .stories
                .keys()
                .filter(|id| !after.stories.contains_key(*id))
            {
                let key = StoreKey::Story(id.clone());
                written.failed += usize::from(local_storage::remove(&key.name()).is_err());
            }
            for id in before.own.keys().filter(|id| !after.own.contains_key(*id)) {
                let key = StoreKey::Own(id.clone());
                written.failed += usize::from(local_storage::remove(&key.name()).is_err());
            }
        }
        for key in [
            StoreKey::Schedule,
            StoreKey::Marks,
            StoreKey::Settings,
            StoreKey::Mocks,
            StoreKey::Interviews,
        ] {
            write_or_queue(key, &mut written);
        }
        written
    }
}

/// How writing an import went: records not written, and whether storage
/// was full.
#[derive(Default)]
struct Written {
    failed: usize,
    full: bool,
}
