//! The user's data as app-wide reactive state, provided as context. Views
//! read `Store::data` and change things only through these methods, which
//! update memory first and then persist through `crate::web::local_storage`.
//!
//! An answer is "unsaved" from its first keystroke until a write succeeds;
//! a failed write keeps it unsaved (and retried on every flush), so the editor
//! never says "Saved" for text that is only in memory.

use std::collections::BTreeSet;
use std::time::Duration;

use leptos::prelude::*;

use crate::web::local_storage::{self, Unreadable, WriteError};
use opsdrill_core::data::backup::{self, keep_both};
use opsdrill_core::data::codec::{self, StoreKey};
use opsdrill_core::data::{Answer, UserData};
use opsdrill_core::schedule::{self, Grade};

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
}

#[derive(Clone, Copy)]
pub struct Store {
    pub data: RwSignal<UserData>,
    pub status: RwSignal<StorageStatus>,
    /// Answers changed in memory and not yet written successfully.
    pub unsaved: RwSignal<BTreeSet<String>>,
    /// Of those, the ones whose last write failed.
    pub failed: RwSignal<BTreeSet<String>>,
    /// Answers another tab also changed while they were being edited here;
    /// both texts were kept (theirs below), and the editor says so.
    pub merged_from_other_tab: RwSignal<BTreeSet<String>>,
    /// Stories changed in memory and not yet written (by story id).
    pub unsaved_stories: RwSignal<BTreeSet<String>>,
    /// Of those, the ones whose last write failed.
    pub failed_stories: RwSignal<BTreeSet<String>>,
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
        let loaded = local_storage::load(now_ms());
        let store = Store {
            data: RwSignal::new(loaded.data),
            status: RwSignal::new(StorageStatus {
                blocked: loaded.blocked,
                unreadable: loaded.unreadable,
                protected: loaded.protected.into_iter().collect(),
                ..StorageStatus::default()
            }),
            unsaved: RwSignal::new(BTreeSet::new()),
            failed: RwSignal::new(BTreeSet::new()),
            merged_from_other_tab: RwSignal::new(BTreeSet::new()),
            unsaved_stories: RwSignal::new(BTreeSet::new()),
            failed_stories: RwSignal::new(BTreeSet::new()),
            edits: StoredValue::new(0),
        };
        let _ = window_event_listener(leptos::ev::storage, move |event| {
            store.on_storage_event(event.key(), event.new_value());
        });
        // Leaving, hiding or switching away writes what is pending at once,
        // so a reload or a closed tab never loses a keystroke.
        let _ = window_event_listener(leptos::ev::pagehide, move |_| store.flush());
        let _ = window_event_listener_untyped("visibilitychange", move |_| store.flush());
        // A page restored from the back/forward cache missed other tabs' saves.
        let _ = window_event_listener(leptos::ev::pageshow, move |event| {
            if event.persisted() {
                store.reload_from_storage();
            }
        });
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

    fn being_edited(&self, id: &str) -> bool {
        self.unsaved.with_untracked(|u| u.contains(id))
    }

    /// Everything the user has is written to storage.
    pub fn all_saved(&self) -> bool {
        self.status.with_untracked(|s| s.blocked.is_none())
            && self.unsaved.with_untracked(BTreeSet::is_empty)
            && self.unsaved_stories.with_untracked(BTreeSet::is_empty)
    }

    /// Re-reads storage, keeping answers that are being edited here.
    fn reload_from_storage(&self) {
        let loaded = local_storage::load(now_ms());
        if loaded.blocked.is_some() {
            return;
        }
        self.data.update(|d| {
            let mut next = loaded.data;
            for (id, answer) in &d.answers {
                if self.being_edited(id) {
                    next.answers.insert(id.clone(), answer.clone());
                }
            }
            for (id, story) in &d.stories {
                if self.unsaved_stories.with_untracked(|u| u.contains(id)) {
                    next.stories.insert(id.clone(), story.clone());
                }
            }
            *d = next;
        });
    }

    /// Another tab saved something. Answers not being edited here take the
    /// stored value; one being edited here keeps this tab's text and gets the
    /// other text below it, so neither is lost.
    fn on_storage_event(&self, key: Option<String>, new_value: Option<String>) {
        let Some(store_key) = key.as_deref().and_then(StoreKey::parse) else {
            return;
        };
        if let StoreKey::Story(id) = &store_key {
            self.on_other_tab_story(id, new_value.as_deref());
            return;
        }
        let Some(raw) = new_value else {
            return;
        };
        let StoreKey::Answer(id) = &store_key else {
            self.data.update(|data| {
                let _ = local_storage::apply(data, &store_key, &raw);
            });
            return;
        };
        let Ok(incoming) = codec::decode_answer(&raw) else {
            return;
        };
        let current = self.answer(id).unwrap_or_default();
        if current.text == incoming.text && current.star == incoming.star {
            // Only the earlier versions differ: keep both sets, so the next
            // write from here does not drop the other tab's.
            let (united, _) = keep_both(&current, &incoming);
            if united.previous != current.previous {
                self.data.update(|d| {
                    d.answers.insert(id.clone(), united);
                });
            }
            return;
        }
        if self.being_edited(id) {
            // The text being typed here stays first, where the caret is.
            let (merged, _) = keep_both(&current, &incoming);
            self.data.update(|d| {
                d.answers.insert(id.clone(), merged);
            });
            self.merged_from_other_tab.update(|m| {
                m.insert(id.clone());
            });
            self.schedule_flush();
        } else {
            self.data.update(|d| {
                d.answers.insert(id.clone(), incoming);
            });
        }
    }

    /// Another tab saved or deleted a story. One being edited here is merged
    /// (both texts kept); a deletion elsewhere leaves it here.
    fn on_other_tab_story(&self, id: &str, raw: Option<&str>) {
        let editing = self.unsaved_stories.with_untracked(|u| u.contains(id));
        let Some(raw) = raw else {
            if !editing {
                self.data.update(|d| {
                    d.stories.remove(id);
                });
            }
            return;
        };
        let Ok(incoming) = codec::decode_story(raw) else {
            return;
        };
        self.data.update(|d| {
            let merged = match d.stories.get(id) {
                Some(current) if editing => backup::merge_story(current, &incoming).0,
                _ => incoming,
            };
            d.stories.insert(id.to_string(), merged);
        });
        if editing {
            self.schedule_flush();
        }
    }

    fn persist(&self, key: StoreKey, value: String) -> Result<(), WriteError> {
        let name = key.name();
        let outcome = if self.status.with_untracked(|s| s.blocked.is_some()) {
            Err(WriteError::Blocked)
        } else if self.status.with_untracked(|s| s.protected.contains(&name)) {
            Err(WriteError::Protected)
        } else {
            local_storage::write(&name, &value)
        };
        self.status.update(|status| match &outcome {
            Ok(()) => status.write_error = None,
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
        outcome
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
        if !self.being_edited(id) {
            self.unsaved.update(|u| {
                u.insert(id.to_string());
            });
        }
        self.note_unbacked_edit(now);
        self.schedule_flush();
    }

    /// The backup reminder counts from the first edit since the last export.
    fn note_unbacked_edit(&self, now: i64) {
        if self
            .data
            .with_untracked(|d| d.settings.unbacked_since_ms.is_none())
        {
            self.update_settings(|s| s.unbacked_since_ms = Some(now));
        }
    }

    fn schedule_flush(&self) {
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

    /// Writes every unsaved answer and story; those that fail stay unsaved
    /// and are retried on the next flush.
    pub fn flush(&self) {
        let stories = self.unsaved_stories.with_untracked(|u| u.clone());
        if !stories.is_empty() {
            let mut done = BTreeSet::new();
            let mut failed = BTreeSet::new();
            for id in stories {
                // A story deleted meanwhile is not written back as a blank one.
                let exists = self.data.with_untracked(|d| d.stories.contains_key(&id));
                if !exists || self.save_record(StoreKey::Story(id.clone())).is_ok() {
                    done.insert(id);
                } else {
                    failed.insert(id);
                }
            }
            self.unsaved_stories
                .update(|u| u.retain(|id| !done.contains(id)));
            self.failed_stories.set(failed);
        }
        let ids = self.unsaved.with_untracked(|u| u.clone());
        if ids.is_empty() {
            return;
        }
        let mut written = BTreeSet::new();
        let mut failed = BTreeSet::new();
        for id in ids {
            let Some(answer) = self.answer(&id) else {
                written.insert(id);
                continue;
            };
            match self.persist(StoreKey::Answer(id.clone()), codec::encode(&answer)) {
                Ok(()) => written.insert(id),
                Err(_) => failed.insert(id),
            };
        }
        self.unsaved
            .update(|u| u.retain(|id| !written.contains(id)));
        self.failed.set(failed);
    }

    fn save_record(&self, key: StoreKey) -> Result<(), WriteError> {
        let value = self.data.with_untracked(|d| match &key {
            StoreKey::Schedule => codec::encode(&d.schedule),
            StoreKey::Marks => codec::encode(&d.marks),
            StoreKey::Settings => codec::encode(&d.settings),
            StoreKey::Answer(id) => codec::encode(&d.answers.get(id).cloned().unwrap_or_default()),
            StoreKey::Story(id) => codec::encode(&d.stories.get(id).cloned().unwrap_or_default()),
            StoreKey::Mocks => codec::encode(&d.mocks),
        });
        self.persist(key, value)
    }

    /// Starts a new, empty story and returns its id.
    pub fn new_story(&self, link_to: Option<&str>) -> String {
        let now = now_ms();
        // Time plus a random part: unique across tabs and devices.
        let id = format!("{now}-{:06}", (js_sys::Math::random() * 1e6) as u32);
        self.data.update(|d| {
            let story = d.stories.entry(id.clone()).or_default();
            story.updated_ms = now;
            if let Some(question) = link_to {
                story.questions.insert(question.to_string());
            }
        });
        self.unsaved_stories.update(|u| {
            u.insert(id.clone());
        });
        self.flush();
        id
    }

    /// Changes a story in memory at once and writes it like an answer.
    pub fn edit_story(&self, id: &str, change: impl FnOnce(&mut opsdrill_core::data::Story)) {
        if self.data.with_untracked(|d| !d.stories.contains_key(id)) {
            return;
        }
        let now = now_ms();
        self.data.update(|d| {
            if let Some(story) = d.stories.get_mut(id) {
                change(story);
                story.updated_ms = now;
            }
        });
        self.unsaved_stories.update(|u| {
            u.insert(id.to_string());
        });
        self.note_unbacked_edit(now);
        self.schedule_flush();
    }

    /// Deletes a story (the page asks first). Returns false, keeping it, when
    /// storage refuses the removal.
    pub fn delete_story(&self, id: &str) -> bool {
        let key = StoreKey::Story(id.to_string()).name();
        let blocked = self.status.with_untracked(|s| s.blocked.is_some());
        if !blocked && local_storage::remove(&key).is_err() {
            return false;
        }
        self.unsaved_stories.update(|u| {
            u.remove(id);
        });
        self.data.update(|d| {
            d.stories.remove(id);
        });
        true
    }

    /// A mock interview starts this question from a blank answer; the text
    /// there (if any) is kept as a previous version. Returns the time to pass
    /// to `end_mock_answer`.
    pub fn begin_mock_answer(&self, id: &str) -> i64 {
        let now = now_ms();
        self.change_answer_kept(id, |answer| {
            answer.replace_keeping_previous(
                String::new(),
                Default::default(),
                now,
                "mock interview",
            )
        });
        now
    }

    /// After a mock interview question: when nothing was written, the
    /// earlier text comes back.
    pub fn end_mock_answer(&self, id: &str, began_ms: i64) {
        self.change_answer_kept(id, |answer| {
            answer.restore_if_untouched(began_ms);
        });
        self.flush();
    }

    fn change_answer_kept(&self, id: &str, change: impl FnOnce(&mut Answer)) {
        let mut changed = false;
        self.data.update(|d| {
            let answer = d.answers.entry(id.to_string()).or_default();
            let before = answer.clone();
            change(answer);
            changed = *answer != before;
        });
        if changed {
            self.unsaved.update(|u| {
                u.insert(id.to_string());
            });
            self.flush();
        }
    }

    /// Makes an earlier version the answer again (the current one is kept).
    pub fn restore_version(&self, id: &str, index: usize) {
        let now = now_ms();
        self.change_answer_kept(id, |answer| {
            answer.restore_previous(index, now);
        });
    }

    /// Keeps a finished mock interview in the history.
    pub fn save_mock(&self, record: opsdrill_core::data::MockRecord) {
        self.data.update(|d| d.mocks.sessions.push(record));
        let _ = self.save_record(StoreKey::Mocks);
    }

    /// Records the ratings given on a mock interview's summary.
    pub fn rate_mock_item(&self, started_ms: i64, index: usize, grade: Grade) {
        let id = self.data.with_untracked(|d| {
            d.mocks
                .sessions
                .iter()
                .find(|s| s.started_ms == started_ms)
                .and_then(|s| s.items.get(index))
                .map(|item| item.id.clone())
        });
        let Some(id) = id else {
            return;
        };
        self.data.update(|d| {
            if let Some(item) = d
                .mocks
                .sessions
                .iter_mut()
                .find(|s| s.started_ms == started_ms)
                .and_then(|s| s.items.get_mut(index))
            {
                item.rating = Some(grade as u8);
            }
        });
        let _ = self.save_record(StoreKey::Mocks);
        self.rate(&id, grade);
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
        let _ = self.save_record(StoreKey::Marks);
    }

    pub fn toggle_bookmark(&self, id: &str) {
        self.data.update(|d| {
            if !d.marks.bookmarks.remove(id) {
                d.marks.bookmarks.insert(id.to_string());
            }
        });
        let _ = self.save_record(StoreKey::Marks);
    }

    pub fn rate(&self, id: &str, grade: Grade) {
        let offset = utc_offset_min();
        self.data.update(|d| {
            let cap = schedule::interview_cap_ms(d.settings.interview_date.as_deref(), offset);
            schedule::record(&mut d.schedule, id, grade, now_ms(), cap);
        });
        let _ = self.save_record(StoreKey::Schedule);
    }

    /// Today's practice queue (due first, then new up to the daily limit),
    /// optionally within one category. Tracks the data when read reactively.
    pub fn practice_queue(
        &self,
        category: Option<opsdrill_core::bank::Category>,
    ) -> schedule::PracticeQueue {
        let offset = utc_offset_min();
        self.data.with(|d| {
            let options = schedule::QueueOptions {
                category,
                daily_new_limit: d.settings.daily_new_limit,
                interview_cap_ms: schedule::interview_cap_ms(
                    d.settings.interview_date.as_deref(),
                    offset,
                ),
                utc_offset_min: offset,
            };
            schedule::practice_queue(
                opsdrill_core::bank::QUESTIONS,
                &d.schedule,
                &options,
                now_ms(),
            )
        })
    }

    pub fn update_settings(&self, change: impl FnOnce(&mut opsdrill_core::data::Settings)) {
        self.data.update(|d| change(&mut d.settings));
        let _ = self.save_record(StoreKey::Settings);
    }

    /// The backup file's text. Call `exported` once the download started.
    pub fn backup_text(&self) -> String {
        self.data
            .with_untracked(|d| backup::export(d, now_ms(), env!("CARGO_PKG_VERSION")))
    }

    pub fn exported(&self) {
        let now = now_ms();
        self.update_settings(|s| {
            s.last_export_ms = Some(now);
            s.unbacked_since_ms = None;
        });
    }

    /// Saves the current data aside, then replaces it with `next` and writes
    /// every record. Refuses (changing nothing) when the copy cannot be made.
    /// Returns where the copy is (none when storage is blocked) and how many
    /// records could not be written.
    pub fn apply_import(&self, next: UserData) -> Result<ImportOutcome, String> {
        self.flush();
        let now = now_ms();
        let blocked = self.status.with_untracked(|s| s.blocked.is_some());
        let saved_aside = if blocked {
            None
        } else {
            let current = self.backup_text();
            let aside = codec::saved_before_import_key(now);
            local_storage::write(&aside, &current).map_err(|e| match e {
                WriteError::Quota => "Storage is full, so the current data could not be saved aside first. Nothing was changed: export a backup, free some space, then import again.".to_string(),
                other => format!("The current data could not be saved aside first ({other:?}). Nothing was changed."),
            })?;
            Some(aside)
        };
        let previous_ids: Vec<String> = self
            .data
            .with_untracked(|d| d.answers.keys().cloned().collect());
        let previous_stories: Vec<String> = self
            .data
            .with_untracked(|d| d.stories.keys().cloned().collect());
        self.data.set(next);
        self.unsaved.set(BTreeSet::new());
        self.failed.set(BTreeSet::new());
        self.merged_from_other_tab.set(BTreeSet::new());
        self.unsaved_stories.set(BTreeSet::new());
        let mut not_written = 0;
        let answer_ids: Vec<String> = self
            .data
            .with_untracked(|d| d.answers.keys().cloned().collect());
        for id in &answer_ids {
            if self.save_record(StoreKey::Answer(id.clone())).is_err() {
                // Kept in memory and retried on the next flush.
                not_written += 1;
                self.unsaved.update(|u| {
                    u.insert(id.clone());
                });
            }
        }
        // Answers the import does not have are written empty, not deleted:
        // the saved-aside copy still holds them.
        for id in previous_ids.iter().filter(|id| !answer_ids.contains(id)) {
            not_written += usize::from(
                self.persist(
                    StoreKey::Answer(id.clone()),
                    codec::encode(&Answer::default()),
                )
                .is_err(),
            );
        }
        let story_ids: Vec<String> = self
            .data
            .with_untracked(|d| d.stories.keys().cloned().collect());
        // Stories the import does not have are removed (the copy keeps them).
        for id in previous_stories.iter().filter(|id| !story_ids.contains(id)) {
            if !blocked {
                not_written += usize::from(
                    local_storage::remove(&StoreKey::Story(id.clone()).name()).is_err(),
                );
            }
        }
        for id in story_ids {
            if self.save_record(StoreKey::Story(id.clone())).is_err() {
                not_written += 1;
                self.unsaved_stories.update(|u| {
                    u.insert(id);
                });
            }
        }
        for key in [
            StoreKey::Schedule,
            StoreKey::Marks,
            StoreKey::Settings,
            StoreKey::Mocks,
        ] {
            not_written += usize::from(self.save_record(key).is_err());
        }
        Ok(ImportOutcome {
            saved_aside,
            not_written,
        })
    }
}

pub struct ImportOutcome {
    pub saved_aside: Option<String>,
    pub not_written: usize,
}
