//! What the storage banners tell the user: storage blocked or full, a write
//! that failed, values that could not be read. Written only by the save
//! queue and the loader; views read it and may dismiss what they show.

use leptos::prelude::*;

use crate::web::local_storage::{self, Unreadable, WriteError};
use opsdrill_core::data::usage;

#[derive(Debug, Clone, Default, PartialEq)]
struct Status {
    /// Storage cannot be used: the app runs in memory only.
    blocked: Option<String>,
    /// A write failed because storage is full; stays until dismissed.
    quota_full: bool,
    /// Another write failure (rare), shown until the next successful write.
    write_error: Option<String>,
    /// Values found at load that could not be read.
    unreadable: Vec<Unreadable>,
    unreadable_dismissed: bool,
    /// Keys that must not be written (their unreadable value was not copied).
    protected: Vec<String>,
    /// The "nearly full" banner was dismissed.
    nearly_full_dismissed: bool,
}

/// The status, and apart from it (it changes with every write) what
/// OpsDrill uses of localStorage.
#[derive(Clone, Copy)]
pub struct StorageHealth(RwSignal<Status>, RwSignal<usize>);

impl StorageHealth {
    pub(super) fn new(
        blocked: Option<String>,
        unreadable: Vec<Unreadable>,
        protected: Vec<String>,
    ) -> Self {
        StorageHealth(
            RwSignal::new(Status {
                blocked,
                unreadable,
                protected,
                ..Status::default()
            }),
            RwSignal::new(local_storage::used()),
        )
    }

    /// What OpsDrill uses of the localStorage budget (UTF-16 code units).
    pub fn used(&self) -> usize {
        self.1.get()
    }

    /// At 80% of the budget, unless dismissed (it comes back at the next load).
    pub fn nearly_full(&self) -> bool {
        usage::nearly_full(self.1.get()) && !self.0.with(|s| s.nearly_full_dismissed)
    }

    pub fn dismiss_nearly_full(&self) {
        self.0.update(|s| s.nearly_full_dismissed = true);
    }

    /// Takes the count after a write in.
    pub(super) fn note_usage(&self) {
        let used = local_storage::used();
        if self.1.get_untracked() != used {
            self.1.set(used);
        }
    }

    /// Why storage cannot be used, if it cannot.
    pub fn blocked(&self) -> Option<String> {
        self.0.with(|s| s.blocked.clone())
    }

    pub fn is_blocked_untracked(&self) -> bool {
        self.0.with_untracked(|s| s.blocked.is_some())
    }

    pub fn quota_full(&self) -> bool {
        self.0.with(|s| s.quota_full)
    }

    pub fn write_error(&self) -> Option<String> {
        self.0.with(|s| s.write_error.clone())
    }

    /// The unreadable values, unless the user dismissed the banner.
    pub fn unreadable(&self) -> Vec<Unreadable> {
        self.0.with(|s| {
            if s.unreadable_dismissed {
                Vec::new()
            } else {
                s.unreadable.clone()
            }
        })
    }

    pub fn dismiss_quota(&self) {
        self.0.update(|s| s.quota_full = false);
    }

    pub fn dismiss_unreadable(&self) {
        self.0.update(|s| s.unreadable_dismissed = true);
    }

    pub(super) fn is_protected(&self, key: &str) -> bool {
        self.0
            .with_untracked(|s| s.protected.iter().any(|k| k == key))
    }

    /// Takes the outcome of one write into what the banners show.
    pub(super) fn note_outcome(&self, key: &str, outcome: &Result<(), WriteError>) {
        // Most writes succeed with nothing to show: no change, no wake-up.
        if outcome.is_ok() && self.0.with_untracked(|s| s.write_error.is_none()) {
            return;
        }
        self.0.update(|status| match outcome {
            Ok(()) => status.write_error = None,
            Err(WriteError::Quota) => status.quota_full = true,
            Err(WriteError::Blocked) => {
                if status.blocked.is_none() {
                    status.blocked = Some("SecurityError".into());
                }
            }
            Err(WriteError::Protected) => {
                status.write_error = Some(format!(
                    "Not saved: {key} holds data this version cannot read, and it is left untouched. Export a backup to keep this change."
                ));
            }
            Err(WriteError::Other(why)) => {
                status.write_error = Some(format!(
                    "Not saved ({why}). Export a backup to keep your work."
                ));
            }
        });
    }
}
