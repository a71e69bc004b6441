//! One record kept as one signal (settings, the schedule, marks, the mock
//! history): small, changed by a click rather than by typing, and written
//! at once.

use leptos::prelude::*;
use serde::Serialize;

use opsdrill_core::data::codec::StoreKey;

use super::save_queue::SaveQueue;
use crate::web::local_storage::{self, WriteError};

pub struct Record<T: Send + Sync + 'static> {
    value: RwSignal<T>,
    key: fn() -> StoreKey,
    queue: SaveQueue,
}

impl<T: Send + Sync + 'static> Clone for Record<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Record<T> {}

impl<T: Serialize + Clone + Send + Sync + 'static> Record<T> {
    pub(super) fn new(value: T, key: fn() -> StoreKey, queue: SaveQueue) -> Self {
        Record {
            value: RwSignal::new(value),
            key,
            queue,
        }
    }

    /// Reads the record, tracking it.
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.value.with(f)
    }

    pub fn with_untracked<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.value.with_untracked(f)
    }

    /// Changes the record and writes it at once. A failed write is shown by
    /// the storage banners; the change stays in memory.
    pub fn update(&self, change: impl FnOnce(&mut T)) {
        self.value.update(change);
        let _ = self.write();
    }

    pub(super) fn write(&self) -> Result<(), WriteError> {
        let key = (self.key)();
        self.queue.attempt(&key, || {
            self.value
                .with_untracked(|value| local_storage::write(&key.name(), value))
        })
    }

    /// Takes a value from elsewhere (another tab, a reload, an import)
    /// without writing it.
    pub(super) fn replace(&self, value: T) {
        self.value.set(value);
    }
}
