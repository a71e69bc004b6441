//! The user's own questions, one signal each, saved when the user saves
//! (the editor checks a question before it is kept). Every change also
//! registers them with `bank`, so `bank::find` and every list see them as
//! the bank's questions are seen.

use std::collections::BTreeMap;

use leptos::prelude::*;

use opsdrill_core::bank::{self, Question};
use opsdrill_core::data::codec::StoreKey;
use opsdrill_core::own::{self, OwnQuestion};

use super::keyed::Keyed;
use super::BackupReminder;
use crate::web::clock::now_ms;
use crate::web::local_storage;

#[derive(Clone, Copy)]
pub struct OwnQuestions {
    pub(super) records: Keyed<OwnQuestion>,
    /// The records as questions, oldest first (tracked by the lists).
    listed: Memo<Vec<&'static Question>>,
    reminder: BackupReminder,
}

impl OwnQuestions {
    pub(super) fn new(records: Keyed<OwnQuestion>, reminder: BackupReminder) -> Self {
        let listed = Memo::new(move |_| own::as_questions(&records.all()));
        let questions = OwnQuestions {
            records,
            listed,
            reminder,
        };
        questions.register();
        questions
    }

    /// Tells `bank` what the records are now: called after every change, so a
    /// page drawn next finds them by id.
    pub(super) fn register(&self) {
        bank::register_own(own::as_questions(&self.records.all_untracked()));
    }

    /// The user's questions as questions (tracked).
    pub fn questions(&self) -> Vec<&'static Question> {
        self.listed.get()
    }

    pub fn with<R>(&self, id: &str, f: impl FnOnce(Option<&OwnQuestion>) -> R) -> R {
        self.records.with(id, f)
    }

    pub fn get_untracked(&self, id: &str) -> Option<OwnQuestion> {
        self.records.get_untracked(id)
    }

    pub fn contains(&self, id: &str) -> bool {
        self.records.contains(id)
    }

    /// Whether `id` is taken by an own question (or the bank).
    pub fn is_taken(&self, id: &str) -> bool {
        self.records.with_untracked(id, |r| r.is_some()) || bank::find(id).is_some()
    }

    /// Keeps a question the editor checked (new when `id` is `None`) and
    /// writes it at once; returns its id.
    pub fn save(&self, id: Option<&str>, mut record: OwnQuestion) -> String {
        let now = now_ms();
        let id = match id {
            Some(id) => id.to_string(),
            None => {
                record.created_ms = now;
                own::new_id(&record.question, |id| self.is_taken(id))
            }
        };
        if let Some(created) = self
            .records
            .with_untracked(&id, |r| r.map(|r| r.created_ms))
        {
            record.created_ms = created;
        }
        record.updated_ms = now;
        self.put(&id, record);
        self.reminder.note_edit(now);
        id
    }

    /// Whether the question is in storage (not only in memory, waiting for
    /// a retry after storage refused it).
    pub fn is_written(&self, id: &str) -> bool {
        !self.records.is_unsaved(id)
    }

    /// Adds questions that already have their ids (a pack, a capture).
    pub fn add_all(&self, questions: Vec<(String, OwnQuestion)>) {
        let now = now_ms();
        for (id, record) in questions {
            self.put(&id, record);
        }
        self.reminder.note_edit(now);
    }

    fn put(&self, id: &str, record: OwnQuestion) {
        self.records.insert(id, record);
        self.records.queue().queue(self.records.key(id));
        self.records.queue().flush();
        self.register();
    }

    /// Removes the question (the page asked first). Returns false, keeping
    /// it, when storage refuses the removal.
    pub(super) fn delete(&self, id: &str) -> bool {
        let key = self.records.key(id);
        if !self.records.queue().health().is_blocked_untracked()
            && local_storage::remove(&key.name()).is_err()
        {
            return false;
        }
        self.records.remove(id);
        self.register();
        true
    }

    pub(super) fn replace_all(&self, next: BTreeMap<String, OwnQuestion>) {
        self.records.replace_all(next);
        self.register();
    }

    /// Another tab saved or deleted a question: its last edit wins, as in a
    /// merge.
    pub(super) fn on_other_tab(&self, id: &str, incoming: Option<OwnQuestion>) {
        match incoming {
            None => self.records.remove(id),
            Some(incoming) => {
                // Each tab saved on the user's say: the last save keeps the
                // id (the other's text is what the other tab replaced).
                let merged = match self.records.get_untracked(id) {
                    Some(current) => own::merge(&current, &incoming).0,
                    None => incoming,
                };
                self.records.insert(id, merged);
            }
        }
        self.register();
    }

    pub(super) fn key(id: String) -> StoreKey {
        StoreKey::Own(id)
    }
}
