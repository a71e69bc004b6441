//! Records kept one signal each (answers, stories), so typing in one answer
//! wakes only what shows that answer. Which records exist is a signal of its
//! own, read by lists and by readers of a record that does not exist yet.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use serde::Serialize;

use opsdrill_core::data::codec::StoreKey;

use super::save_queue::SaveQueue;
use crate::web::local_storage::{self, WriteError};

pub struct Keyed<T: Send + Sync + 'static> {
    ids: RwSignal<BTreeSet<String>>,
    // Arc signals: not owned by whichever view first read them.
    records: StoredValue<BTreeMap<String, ArcRwSignal<T>>>,
    key: fn(String) -> StoreKey,
    queue: SaveQueue,
}

impl<T: Send + Sync + 'static> Clone for Keyed<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Keyed<T> {}

impl<T: Serialize + Clone + Default + PartialEq + Send + Sync + 'static> Keyed<T> {
    pub(super) fn new(
        records: BTreeMap<String, T>,
        key: fn(String) -> StoreKey,
        queue: SaveQueue,
    ) -> Self {
        let keyed = Keyed {
            ids: RwSignal::new(BTreeSet::new()),
            records: StoredValue::new(BTreeMap::new()),
            key,
            queue,
        };
        keyed.replace_all(records);
        keyed
    }

    fn signal(&self, id: &str) -> Option<ArcRwSignal<T>> {
        self.records.with_value(|r| r.get(id).cloned())
    }

    /// The save queue its records are written through.
    pub(super) fn queue(&self) -> SaveQueue {
        self.queue
    }

    pub(super) fn key(&self, id: &str) -> StoreKey {
        (self.key)(id.to_string())
    }

    /// Reads one record, tracking it (and its coming into or out of being).
    pub fn with<R>(&self, id: &str, f: impl FnOnce(Option<&T>) -> R) -> R {
        self.ids.track();
        match self.signal(id) {
            Some(record) => record.with(|value| f(Some(value))),
            None => f(None),
        }
    }

    pub fn with_untracked<R>(&self, id: &str, f: impl FnOnce(Option<&T>) -> R) -> R {
        match self.signal(id) {
            Some(record) => record.with_untracked(|value| f(Some(value))),
            None => f(None),
        }
    }

    pub fn get_untracked(&self, id: &str) -> Option<T> {
        self.with_untracked(id, |r| r.cloned())
    }

    pub fn contains(&self, id: &str) -> bool {
        self.ids.with(|ids| ids.contains(id))
    }

    pub fn count(&self) -> usize {
        self.ids.with(BTreeSet::len)
    }

    /// Every record, tracking each: for lists and summaries, not for what
    /// re-renders per keystroke.
    pub fn all(&self) -> BTreeMap<String, T> {
        self.ids.track();
        self.records.with_value(|records| {
            records
                .iter()
                .map(|(id, record)| (id.clone(), record.get()))
                .collect()
        })
    }

    pub fn all_untracked(&self) -> BTreeMap<String, T> {
        self.records.with_value(|records| {
            records
                .iter()
                .map(|(id, record)| (id.clone(), record.get_untracked()))
                .collect()
        })
    }

    /// Changes a record in memory (creating it when `create`), returning
    /// whether it changed. The caller queues the write.
    pub(super) fn change(&self, id: &str, create: bool, change: impl FnOnce(&mut T)) -> bool {
        let Some(record) = self.existing_or_new(id, create) else {
            return false;
        };
        let mut changed = false;
        record.update(|value| {
            let before = value.clone();
            change(value);
            changed = *value != before;
        });
        changed
    }

    /// Changes a record (a keystroke) and writes it `SAVE_DELAY` after the
    /// last change; false when it does not exist and `create` is not set.
    /// No copy is made to compare: typing always changes it.
    pub(super) fn edit(&self, id: &str, create: bool, change: impl FnOnce(&mut T)) -> bool {
        let Some(record) = self.existing_or_new(id, create) else {
            return false;
        };
        record.update(change);
        self.queue.changed(self.key(id));
        true
    }

    fn existing_or_new(&self, id: &str, create: bool) -> Option<ArcRwSignal<T>> {
        match self.signal(id) {
            Some(record) => Some(record),
            None if create => Some(self.insert(id, T::default())),
            None => None,
        }
    }

    /// Puts a record in place, as it came from elsewhere (no write).
    pub(super) fn insert(&self, id: &str, value: T) -> ArcRwSignal<T> {
        if let Some(record) = self.signal(id) {
            record.set(value);
            return record;
        }
        let record = ArcRwSignal::new(value);
        self.records.update_value(|r| {
            r.insert(id.to_string(), record.clone());
        });
        self.ids.update(|ids| {
            ids.insert(id.to_string());
        });
        record
    }

    pub(super) fn remove(&self, id: &str) {
        self.records.update_value(|r| {
            r.remove(id);
        });
        self.queue.forget(&self.key(id));
        self.ids.update(|ids| {
            ids.remove(id);
        });
    }

    /// Replaces every record (an import, a reload), keeping the signals of
    /// records that stay so their views follow.
    pub(super) fn replace_all(&self, next: BTreeMap<String, T>) {
        let gone: Vec<String> = self.records.with_value(|r| {
            r.keys()
                .filter(|id| !next.contains_key(*id))
                .cloned()
                .collect()
        });
        self.records.update_value(|r| {
            for id in &gone {
                r.remove(id);
            }
        });
        for (id, value) in next {
            match self.signal(&id) {
                Some(record) if record.with_untracked(|v| *v == value) => {}
                Some(record) => record.set(value),
                None => {
                    self.records.update_value(|r| {
                        r.insert(id, ArcRwSignal::new(value));
                    });
                }
            }
        }
        let ids: BTreeSet<String> = self.records.with_value(|r| r.keys().cloned().collect());
        if self.ids.with_untracked(|current| *current != ids) {
            self.ids.set(ids);
        }
    }

    /// Writes one record now, through the queue's checks; `None` when it
    /// does not exist.
    pub(super) fn write(&self, id: &str) -> Option<Result<(), WriteError>> {
        let record = self.signal(id)?;
        let key = self.key(id);
        Some(self.queue.attempt(&key, || {
            record.with_untracked(|value| local_storage::write(&key.name(), value))
        }))
    }

    pub(super) fn is_unsaved(&self, id: &str) -> bool {
        self.queue.is_unsaved(&self.key(id))
    }
}
