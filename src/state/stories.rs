//! The user's STAR stories, one signal each, written like answers: at once
//! in memory, to storage `SAVE_DELAY` after the last keystroke.

use std::collections::BTreeMap;

use leptos::prelude::*;

use opsdrill_core::data::codec::StoreKey;
use opsdrill_core::data::merge::merge_story;
use opsdrill_core::data::{SaveStatus, Story};

use super::keyed::Keyed;
use super::BackupReminder;
use crate::web::clock::{now_ms, unique_id};
use crate::web::local_storage;

#[derive(Clone, Copy)]
pub struct Stories {
    pub(super) records: Keyed<Story>,
    /// The title of the story deleted last, told once on the list the
    /// editor returns to.
    just_deleted: RwSignal<Option<String>>,
    reminder: BackupReminder,
}

impl Stories {
    pub(super) fn new(records: Keyed<Story>, reminder: BackupReminder) -> Self {
        Stories {
            records,
            just_deleted: RwSignal::new(None),
            reminder,
        }
    }

    /// Reads one story, tracking only it.
    pub fn with<R>(&self, id: &str, f: impl FnOnce(Option<&Story>) -> R) -> R {
        self.records.with(id, f)
    }

    pub fn with_untracked<R>(&self, id: &str, f: impl FnOnce(Option<&Story>) -> R) -> R {
        self.records.with_untracked(id, f)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.records.contains(id)
    }

    pub fn count(&self) -> usize {
        self.records.count()
    }

    /// Every story (tracked): for the lists.
    pub fn all(&self) -> BTreeMap<String, Story> {
        self.records.all()
    }

    /// Starts a new, empty story (linked to a question, if given) and
    /// returns its id.
    pub fn create(&self, link_to: Option<&str>) -> String {
        let id = unique_id();
        let mut story = Story {
            updated_ms: now_ms(),
            ..Story::default()
        };
        if let Some(question) = link_to {
            story.questions.insert(question.to_string());
        }
        self.records.insert(&id, story);
        self.records.queue().queue(self.records.key(&id));
        self.records.queue().flush();
        id
    }

    /// Changes a story in memory at once and writes it like an answer.
    pub fn edit(&self, id: &str, change: impl FnOnce(&mut Story)) {
        let now = now_ms();
        let edited = self.records.edit(id, false, |story| {
            change(story);
            story.updated_ms = now;
        });
        if edited {
            self.reminder.note_edit(now);
        }
    }

    /// Links or unlinks a question, and writes at once.
    pub fn link(&self, id: &str, question: &str, linked: bool) {
        self.edit(id, |story| {
            if linked {
                story.questions.insert(question.to_string());
            } else {
                story.questions.remove(question);
            }
        });
        self.records.queue().flush();
    }

    /// Deletes a story (the page asks first). Returns false, keeping it, when
    /// storage refuses the removal.
    pub fn delete(&self, id: &str) -> bool {
        let key = self.records.key(id);
        if !self.records.queue().health().is_blocked_untracked()
            && local_storage::remove(&key.name()).is_err()
        {
            return false;
        }
        self.records.remove(id);
        true
    }

    /// Deletes a story the user chose to delete, remembering its title for
    /// the list's notice.
    pub fn delete_announced(&self, id: &str, title: String) -> bool {
        let deleted = self.delete(id);
        if deleted {
            self.just_deleted.set(Some(title));
        }
        deleted
    }

    /// The title of the story just deleted, once.
    pub fn take_just_deleted(&self) -> Option<String> {
        let title = self.just_deleted.get_untracked();
        if title.is_some() {
            self.just_deleted.set(None);
        }
        title
    }

    pub fn status(&self, id: &str) -> SaveStatus {
        self.records.queue().status(&self.records.key(id), true)
    }

    /// Another tab saved or deleted a story. One being edited here is merged
    /// (both texts kept); a deletion elsewhere leaves it here.
    pub(super) fn on_other_tab(&self, id: &str, incoming: Option<Story>) {
        let editing = self.records.is_unsaved(id);
        let Some(incoming) = incoming else {
            if !editing {
                self.records.remove(id);
            }
            return;
        };
        let merged = match self.records.get_untracked(id) {
            Some(current) if editing => merge_story(&current, &incoming).0,
            _ => incoming,
        };
        self.records.insert(id, merged);
        if editing {
            self.records
                .queue()
                .changed(StoreKey::Story(id.to_string()));
        }
    }
}
