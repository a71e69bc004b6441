//! The user's answers, one signal each. Each keystroke changes the answer in
//! memory at once and queues its write; another tab's save of an answer
//! being edited here keeps both texts.

use std::collections::BTreeSet;

use leptos::prelude::*;

use opsdrill_core::data::codec::StoreKey;
use opsdrill_core::data::merge::keep_both;
use opsdrill_core::data::{Answer, SaveStatus};

use super::keyed::Keyed;
use super::BackupReminder;
use crate::web::clock::now_ms;

#[derive(Clone, Copy)]
pub struct Answers {
    pub(super) records: Keyed<Answer>,
    /// Answers another tab also changed while they were being edited here;
    /// both texts were kept (theirs below), and the editor says so.
    merged_from_other_tab: RwSignal<BTreeSet<String>>,
    reminder: BackupReminder,
}

impl Answers {
    pub(super) fn new(records: Keyed<Answer>, reminder: BackupReminder) -> Self {
        Answers {
            records,
            merged_from_other_tab: RwSignal::new(BTreeSet::new()),
            reminder,
        }
    }

    /// Reads one answer, tracking only it.
    pub fn with<R>(&self, id: &str, f: impl FnOnce(Option<&Answer>) -> R) -> R {
        self.records.with(id, f)
    }

    pub fn with_untracked<R>(&self, id: &str, f: impl FnOnce(Option<&Answer>) -> R) -> R {
        self.records.with_untracked(id, f)
    }

    /// Changes an answer in memory at once and writes it `SAVE_DELAY` after
    /// the last edit (or sooner, on a flush).
    pub fn edit(&self, id: &str, change: impl FnOnce(&mut Answer)) {
        let now = now_ms();
        // Answers are created by their first keystroke, so this always edits.
        let _ = self.records.edit(id, true, |answer| {
            change(answer);
            answer.updated_ms = now;
        });
        self.reminder.note_edit(now);
    }

    /// What the editor says about this answer.
    pub fn status(&self, id: &str) -> SaveStatus {
        let ever_saved = self.with(id, |a| a.is_some_and(|a| a.updated_ms > 0));
        self.records
            .queue()
            .status(&self.records.key(id), ever_saved)
    }

    pub fn merged_from_other_tab(&self, id: &str) -> bool {
        self.merged_from_other_tab.with(|m| m.contains(id))
    }

    /// The user read the "changed in another tab" note.
    pub fn acknowledge_merge(&self, id: &str) {
        self.merged_from_other_tab.update(|m| {
            m.remove(id);
        });
    }

    /// A change that is written at once (a mock interview's start or end, a
    /// restored version), without the debounce.
    fn change_now(&self, id: &str, change: impl FnOnce(&mut Answer)) {
        if self.records.change(id, true, change) {
            self.records.queue().queue(self.records.key(id));
            self.records.queue().flush();
        }
    }

    /// A mock interview starts this question from a blank answer; what was
    /// written there (if anything) is kept as a previous version. Returns the time to pass
    /// to `end_mock`.
    pub fn begin_mock(&self, id: &str) -> i64 {
        let now = now_ms();
        self.change_now(id, |answer| answer.set_aside(now, "mock interview"));
        now
    }

    /// After a mock interview question: when nothing was written, the
    /// earlier text comes back.
    pub fn end_mock(&self, id: &str, began_ms: i64) {
        self.change_now(id, |answer| {
            answer.restore_if_untouched(began_ms);
        });
        self.records.queue().flush();
    }

    /// Makes an earlier version the answer again (the current one is kept).
    pub fn restore_version(&self, id: &str, index: usize) {
        let now = now_ms();
        self.change_now(id, |answer| {
            answer.restore_previous(index, now);
        });
    }

    /// Another tab saved this answer. One not being edited here takes the
    /// stored value; one being edited here keeps this tab's text and gets
    /// the other below it, so neither is lost.
    pub(super) fn on_other_tab(&self, id: &str, incoming: Answer) {
        let current = self.records.get_untracked(id).unwrap_or_default();
        if current.same_writing(&incoming) {
            // Only the earlier versions differ: keep both sets, so the next
            // write from here does not drop the other tab's.
            let (united, _) = keep_both(&current, &incoming);
            if united.previous != current.previous {
                self.records.insert(id, united);
            }
            return;
        }
        if self.records.is_unsaved(id) {
            // The text being typed here stays first, where the caret is.
            let (merged, _) = keep_both(&current, &incoming);
            self.records.insert(id, merged);
            self.merged_from_other_tab.update(|m| {
                m.insert(id.to_string());
            });
            self.records
                .queue()
                .changed(StoreKey::Answer(id.to_string()));
        } else {
            self.records.insert(id, incoming);
        }
    }

    /// Empties an answer for good, written at once (empty rather than
    /// removed, as an import leaves one: other tabs take it as an edit).
    pub(super) fn forget(&self, id: &str) {
        if self.records.contains(id) {
            self.records.insert(id, Answer::default());
            self.records.queue().queue(self.records.key(id));
            self.records.queue().flush();
        }
    }

    pub(super) fn forget_merges(&self) {
        self.merged_from_other_tab.set(BTreeSet::new());
    }
}

impl Answers {
    /// Every answer, tracking each: for summaries, not for what re-renders
    /// per keystroke.
    pub fn all(&self) -> std::collections::BTreeMap<String, Answer> {
        self.records.all()
    }
}
