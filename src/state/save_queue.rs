//! One save queue for every record: what changed in memory and is not yet
//! written, which writes failed (they stay queued and are retried), and the
//! debounce that writes `SAVE_DELAY` after the last edit. A record is
//! "unsaved" from its first change until a write succeeds, so nothing says
//! "Saved" for text that is only in memory.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use opsdrill_core::data::codec::StoreKey;
use opsdrill_core::data::SaveStatus;

use super::health::StorageHealth;
use crate::web::local_storage::WriteError;

/// How long after the last keystroke a record is written.
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

/// Writes the record under a key now, through `SaveQueue::attempt`; `None`
/// when it no longer exists (a story deleted meanwhile is not written back
/// as a blank one).
pub type Writer = Arc<dyn Fn(&StoreKey) -> Option<Result<(), WriteError>> + Send + Sync>;

#[derive(Clone, Copy)]
pub struct SaveQueue {
    unsaved: RwSignal<BTreeSet<StoreKey>>,
    failed: RwSignal<BTreeSet<StoreKey>>,
    health: StorageHealth,
    /// Bumped per change, so only the last change's timer writes.
    ticket: StoredValue<u64>,
    writer: StoredValue<Option<Writer>>,
}

impl SaveQueue {
    pub(super) fn new(health: StorageHealth) -> Self {
        SaveQueue {
            unsaved: RwSignal::new(BTreeSet::new()),
            failed: RwSignal::new(BTreeSet::new()),
            health,
            ticket: StoredValue::new(0),
            writer: StoredValue::new(None),
        }
    }

    /// Set once, by the state that owns the records.
    pub(super) fn set_writer(&self, writer: Writer) {
        self.writer.set_value(Some(writer));
    }

    pub fn health(&self) -> StorageHealth {
        self.health
    }

    /// Queues a changed record and writes it `SAVE_DELAY` after the last
    /// change (or sooner, on `flush`).
    pub(super) fn changed(&self, key: StoreKey) {
        self.queue(key);
        self.flush_soon();
    }

    /// Queues a record without starting the timer.
    pub(super) fn queue(&self, key: StoreKey) {
        if !self.unsaved.with_untracked(|u| u.contains(&key)) {
            self.unsaved.update(|u| {
                u.insert(key);
            });
        }
    }

    pub(super) fn flush_soon(&self) {
        self.ticket.update_value(|n| *n += 1);
        let ticket = self.ticket.get_value();
        let queue = *self;
        set_timeout(
            move || {
                if queue.ticket.try_get_value() == Some(ticket) {
                    queue.flush();
                }
            },
            SAVE_DELAY,
        );
    }

    pub(super) fn forget(&self, key: &StoreKey) {
        if self.unsaved.with_untracked(|u| u.contains(key)) {
            self.unsaved.update(|u| {
                u.remove(key);
            });
        }
    }

    pub(super) fn forget_all(&self) {
        self.unsaved.set(BTreeSet::new());
        self.failed.set(BTreeSet::new());
    }

    /// Whether a record has changes not yet written (not tracked).
    pub(super) fn is_unsaved(&self, key: &StoreKey) -> bool {
        self.unsaved.with_untracked(|u| u.contains(key))
    }

    /// Nothing is waiting to be written, and storage is usable.
    pub fn all_saved(&self) -> bool {
        !self.health.is_blocked_untracked() && self.unsaved.with_untracked(BTreeSet::is_empty)
    }

    /// Writes one value through the checks every write shares: nothing is
    /// written to blocked storage or over a value that could not be read.
    pub(super) fn attempt(
        &self,
        key: &StoreKey,
        write: impl FnOnce() -> Result<(), WriteError>,
    ) -> Result<(), WriteError> {
        let name = key.name();
        let outcome = if self.health.is_blocked_untracked() {
            Err(WriteError::Blocked)
        } else if self.health.is_protected(&name) {
            Err(WriteError::Protected)
        } else {
            write()
        };
        self.health.note_outcome(&name, &outcome);
        self.health.note_usage();
        outcome
    }

    /// Writes every queued record; those that fail stay queued and are
    /// retried on the next flush.
    pub fn flush(&self) {
        // A flush writes what a pending timer would have: the timer is void.
        self.ticket.update_value(|n| *n += 1);
        let keys = self.unsaved.with_untracked(|u| u.clone());
        let Some(writer) = self.writer.try_get_value().flatten() else {
            return;
        };
        if keys.is_empty() {
            return;
        }
        let mut done = BTreeSet::new();
        let mut failed = BTreeSet::new();
        for key in keys {
            // A record that no longer exists has nothing to write.
            if writer(&key).is_none_or(|outcome| outcome.is_ok()) {
                done.insert(key);
            } else {
                failed.insert(key);
            }
        }
        self.unsaved.update(|u| u.retain(|k| !done.contains(k)));
        if self.failed.with_untracked(|f| *f != failed) {
            self.failed.set(failed);
        }
    }

    /// What the editor of one record says about it (tracked). `ever_saved`:
    /// whether the record has been written at some time, for "Saved".
    pub fn status(&self, key: &StoreKey, ever_saved: bool) -> SaveStatus {
        SaveStatus::of(
            self.health.blocked().is_some(),
            self.unsaved.with(|u| u.contains(key)),
            self.failed.with(|f| f.contains(key)),
            ever_saved,
        )
    }
}
