//! Backups: the file's text out, and an import in. An import first saves the
//! current data aside, then replaces it and writes every record; a write that
//! fails stays queued and is retried.

use opsdrill_core::data::backup;
use opsdrill_core::data::codec::{self, StoreKey};
use opsdrill_core::data::{Answer, UserData};

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

    /// Saves the current data aside, then replaces it with `next` and writes
    /// every record. Refuses (changing nothing) when the copy cannot be made.
    pub fn apply_import(&self, next: UserData) -> Result<ImportOutcome, String> {
        self.flush();
        let blocked = self.saves.health().is_blocked_untracked();
        let saved_aside = if blocked {
            None
        } else {
            let aside = codec::saved_before_import_key(now_ms());
            local_storage::write_text(&aside, &self.backup_text()).map_err(|e| match e {
                WriteError::Quota => "Storage is full, so the current data could not be saved aside first. Nothing was changed: export a backup, free some space, then import again.".to_string(),
                other => format!("The current data could not be saved aside first ({other:?}). Nothing was changed."),
            })?;
            Some(aside)
        };
        let before = self.snapshot();
        self.replace_in_memory(next, false);
        self.saves.forget_all();
        self.answers.forget_merges();
        let after = self.snapshot();

        let mut not_written = 0;
        let mut write_or_queue = |key: StoreKey| {
            if self.write(&key).is_some_and(|outcome| outcome.is_err()) {
                // Kept in memory and retried on the next flush.
                not_written += 1;
                self.saves.queue(key);
            }
        };
        for id in after.answers.keys() {
            write_or_queue(StoreKey::Answer(id.clone()));
        }
        for id in after.stories.keys() {
            write_or_queue(StoreKey::Story(id.clone()));
        }
        // Answers the import does not have are written empty, not deleted,
        // and stories it does not have are removed: the copy keeps them.
        for id in before
            .answers
            .keys()
            .filter(|id| !after.answers.contains_key(*id))
        {
            let key = StoreKey::Answer(id.clone());
            let outcome = self.saves.attempt(&key, || {
                local_storage::write(&key.name(), &Answer::default())
            });
            not_written += usize::from(outcome.is_err());
        }
        if !blocked {
            for id in before
                .stories
                .keys()
                .filter(|id| !after.stories.contains_key(*id))
            {
                let key = StoreKey::Story(id.clone());
                not_written += usize::from(local_storage::remove(&key.name()).is_err());
            }
        }
        for key in [
            StoreKey::Schedule,
            StoreKey::Marks,
            StoreKey::Settings,
            StoreKey::Mocks,
        ] {
            not_written += usize::from(self.write(&key).is_some_and(|o| o.is_err()));
        }
        Ok(ImportOutcome {
            saved_aside,
            not_written,
        })
    }
}
