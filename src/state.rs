//! The user's data as app-wide reactive state, provided as context. Views
//! read `Store::data` and change things only through these methods, which
//! update memory first and then persist through `crate::storage`.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use leptos::prelude::*;

use crate::schedule::{self, Grade};
use crate::storage::{self, Unreadable, WriteError};
use crate::store::codec::{self, StoreKey};
use crate::store::{backup, Answer, Marks, Schedule, Settings, UserData};

/// Problems the banners tell the user about.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StorageStatus {
    /// Storage cannot be used: the app runs in memory only.
    pub blocked: Option<String>,
    /// A write failed because storage is full; stays until dismissed.
    pub quota_full: bool,
    /// Another write failure (rare), shown until the next successful write.
    pub write_error: Option<String>,
    /// Values found at load that could not be read.
    pub unreadable: Vec<Unreadable>,
    pub unreadable_dismissed: bool,
    /// Keys that must not be written (their unreadable value was not copied).
    pub protected: Vec<String>,
    /// The last successful save, for the quiet "Saved" status.
    pub last_saved_ms: Option<i64>,
}

#[derive(Clone, Copy)]
pub struct Store {
    pub data: RwSignal<UserData>,
    pub status: RwSignal<StorageStatus>,
    /// Answers changed in memory and not yet written (the editor shows
    /// "Saving…" for them; another tab's save does not replace them).
    pub unsaved: RwSignal<BTreeSet<String>>,
    /// Another tab saved a different version of an answer being edited here.
    pub conflicts: RwSignal<BTreeMap<String, Answer>>,
    /// Bumped per edit, so only the last edit's timer writes.
    edits: StoredValue<u64>,
}

/// How long after the last keystroke an answer is written.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Minutes east of UTC for the user's current time zone.
pub fn utc_offset_min() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

impl Store {
    /// Loads what is stored and starts listening for other tabs' saves.
    pub fn load() -> Store {
        let loaded = storage::load(now_ms());
        let store = Store {
            data: RwSignal::new(loaded.data),
            status: RwSignal::new(StorageStatus {
                blocked: loaded.blocked,
                unreadable: loaded.unreadable,
                protected: loaded.protected.into_iter().collect(),
                ..StorageStatus::default()
            }),
            unsaved: RwSignal::new(BTreeSet::new()),
            conflicts: RwSignal::new(BTreeMap::new()),
            edits: StoredValue::new(0),
        };
        let _ = window_event_listener(leptos::ev::storage, move |event| {
            store.on_storage_event(event.key(), event.new_value());
        });
        // Leaving, hiding or switching away writes what is pending at once,
        // so a reload or a closed tab never loses a keystroke.
        let _ = window_event_listener(leptos::ev::pagehide, move |_| store.flush());
        let _ = window_event_listener_untyped("visibilitychange", move |_| store.flush());
        store.request_persistence();
        store
    }

    fn request_persistence(&self) {
        if self.status.with_untracked(|s| s.blocked.is_some()) {
            return;
        }
        if let Some(window) = web_sys::window() {
            // Fire and forget: the answer is shown in Settings.
            let _ = window.navigator().storage().persist();
        }
    }

    /// Another tab saved something: take it, unless it is older than what
    /// this tab holds (an answer being edited here is never replaced by an
    /// older copy; the editor decides about newer ones).
    fn on_storage_event(&self, key: Option<String>, new_value: Option<String>) {
        let (Some(key), Some(raw)) = (key, new_value) else {
            return;
        };
        let Some(store_key) = StoreKey::parse(&key) else {
            return;
        };
        if let StoreKey::Answer(id) = &store_key {
            let Ok(incoming) = codec::decode_answer(&raw) else {
                return;
            };
            let current = self.data.with_untracked(|d| d.answers.get(id).cloned());
            let newer = current
                .as_ref()
                .is_none_or(|c| incoming.updated_ms > c.updated_ms);
            let same = current
                .as_ref()
                .is_some_and(|c| c.text == incoming.text && c.star == incoming.star);
            if !newer || same {
                return;
            }
            if self.unsaved.with_untracked(|u| u.contains(id)) {
                self.conflicts.update(|c| {
                    c.insert(id.clone(), incoming);
                });
            } else {
                self.data.update(|d| {
                    d.answers.insert(id.clone(), incoming);
                });
            }
        } else {
            self.data.update(|data| {
                let _ = storage::apply(data, &store_key, &raw);
            });
        }
    }

    fn persist(&self, key: StoreKey, value: String) {
        let name = key.name();
        let outcome = if self.status.with_untracked(|s| s.blocked.is_some()) {
            Err(WriteError::Blocked)
        } else if self.status.with_untracked(|s| s.protected.contains(&name)) {
            Err(WriteError::Protected)
        } else {
            storage::write(&name, &value)
        };
        self.status.update(|status| match outcome {
            Ok(()) => {
                status.write_error = None;
                status.last_saved_ms = Some(now_ms());
            }
            Err(WriteError::Quota) => status.quota_full = true,
            Err(WriteError::Blocked) => {
                if status.blocked.is_none() {
                    status.blocked = Some("SecurityError".into());
                }
            }
            Err(WriteError::Protected) => {
                status.write_error = Some(format!(
                    "Not saved: {name} holds data this version cannot read, and it is left untouched. Export a backup to keep this change."
                ));
            }
            Err(WriteError::Other(why)) => {
                status.write_error = Some(format!("Not saved ({why}). Export a backup to keep your work."));
            }
        });
    }

    pub fn answer(&self, id: &str) -> Option<Answer> {
        self.data.with_untracked(|d| d.answers.get(id).cloned())
    }

    /// Changes an answer in memory at once and writes it `SAVE_DELAY` after
    /// the last edit (or sooner, on `flush`).
    pub fn edit_answer(&self, id: &str, change: impl FnOnce(&mut Answer)) {
        let now = now_ms();
        self.data.update(|d| {
            let answer = d.answers.entry(id.to_string()).or_default();
            change(answer);
            answer.updated_ms = now;
        });
        if self.unsaved.with_untracked(|u| !u.contains(id)) {
            self.unsaved.update(|u| {
                u.insert(id.to_string());
            });
        }
        self.edits.update_value(|n| *n += 1);
        let ticket = self.edits.get_value();
        let store = *self;
        set_timeout(
            move || {
                if store.edits.get_value() == ticket {
                    store.flush();
                }
            },
            SAVE_DELAY,
        );
    }

    /// Writes every answer changed since the last write.
    pub fn flush(&self) {
        let ids = self.unsaved.with_untracked(|u| u.clone());
        if ids.is_empty() {
            return;
        }
        for id in &ids {
            if let Some(answer) = self.answer(id) {
                self.persist(StoreKey::Answer(id.clone()), codec::encode(&answer));
            }
        }
        self.unsaved.set(BTreeSet::new());
    }

    /// Brings another tab's version of an answer in, keeping this tab's text
    /// too (the newer leads).
    pub fn take_conflict(&self, id: &str) {
        let Some(theirs) = self.conflicts.with_untracked(|c| c.get(id).cloned()) else {
            return;
        };
        let ours = self.answer(id).unwrap_or_default();
        let (merged, _) = crate::store::backup::merge_answer(&ours, &theirs);
        self.conflicts.update(|c| {
            c.remove(id);
        });
        self.edit_answer(id, |a| *a = merged);
        self.flush();
    }

    fn save_schedule(&self) {
        let value = self.data.with_untracked(|d| codec::encode(&d.schedule));
        self.persist(StoreKey::Schedule, value);
    }

    fn save_marks(&self) {
        let value = self.data.with_untracked(|d| codec::encode(&d.marks));
        self.persist(StoreKey::Marks, value);
    }

    fn save_settings(&self) {
        let value = self.data.with_untracked(|d| codec::encode(&d.settings));
        self.persist(StoreKey::Settings, value);
    }

    pub fn set_tick(&self, id: &str, point: u8, ticked: bool) {
        self.data.update(|d| {
            let ticks = d.marks.ticks.entry(id.to_string()).or_default();
            if ticked {
                ticks.insert(point);
            } else {
                ticks.remove(&point);
            }
        });
        self.save_marks();
    }

    pub fn toggle_bookmark(&self, id: &str) {
        self.data.update(|d| {
            if !d.marks.bookmarks.remove(id) {
                d.marks.bookmarks.insert(id.to_string());
            }
        });
        self.save_marks();
    }

    pub fn rate(&self, id: &str, grade: Grade) {
        let offset = utc_offset_min();
        self.data.update(|d| {
            let cap = schedule::interview_starts_ms(d.settings.interview_date.as_deref(), offset);
            schedule::record(&mut d.schedule, id, grade, now_ms(), cap);
        });
        self.save_schedule();
    }

    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.data.update(|d| change(&mut d.settings));
        self.save_settings();
    }

    pub fn export_backup(&self) -> String {
        let now = now_ms();
        let text = self
            .data
            .with_untracked(|d| backup::export(d, now, env!("CARGO_PKG_VERSION")));
        self.update_settings(|s| s.last_export_ms = Some(now));
        text
    }

    /// Saves the current data aside, then replaces it with `next` and writes
    /// every record. Refuses (changing nothing) when the copy cannot be made.
    pub fn apply_import(&self, next: UserData) -> Result<String, String> {
        let now = now_ms();
        let current = self
            .data
            .with_untracked(|d| backup::export(d, now, env!("CARGO_PKG_VERSION")));
        let aside = codec::saved_before_import_key(now);
        if self.status.with_untracked(|s| s.blocked.is_none()) {
            storage::write(&aside, &current).map_err(|e| match e {
                WriteError::Quota => "Storage is full, so the current data could not be saved aside first. Nothing was changed: export a backup, free some space, then import again.".to_string(),
                other => format!("The current data could not be saved aside first ({other:?}). Nothing was changed."),
            })?;
        }
        let previous_ids: Vec<String> = self
            .data
            .with_untracked(|d| d.answers.keys().cloned().collect());
        self.data.set(next);
        let (answers, schedule, marks, settings): (
            Vec<(String, Answer)>,
            Schedule,
            Marks,
            Settings,
        ) = self.data.with_untracked(|d| {
            (
                d.answers
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
                d.schedule.clone(),
                d.marks.clone(),
                d.settings.clone(),
            )
        });
        for (id, answer) in answers {
            self.persist(StoreKey::Answer(id), codec::encode(&answer));
        }
        // Answers the import does not have are written empty, not deleted:
        // the saved-aside copy still holds them.
        for id in previous_ids {
            if self.data.with_untracked(|d| !d.answers.contains_key(&id)) {
                self.persist(StoreKey::Answer(id), codec::encode(&Answer::default()));
            }
        }
        self.persist(StoreKey::Schedule, codec::encode(&schedule));
        self.persist(StoreKey::Marks, codec::encode(&marks));
        self.persist(StoreKey::Settings, codec::encode(&settings));
        Ok(aside)
    }
}
