//! The user's data as reactive state, split by concern and provided as one
//! context (`UserState`). Views read through methods and change things only
//! through methods, which update memory first and then persist through
//! `crate::web::local_storage`; no view writes a signal of the state.
//!
//! - `answers`, `stories`: one signal per record (`keyed`), so a keystroke
//!   wakes only what shows that record;
//! - `record`: settings, the schedule, marks and the mock history, one
//!   signal each, written at once;
//! - `save_queue`: the one queue of records waiting to be written, with the
//!   debounce, retries and each record's save status;
//! - `health`: what the storage banners say;
//! - `sync`: other tabs' saves and pages restored from the back/forward cache;
//! - `import`: backups in and out; `practice`: ratings, ticks, bookmarks,
//!   mock history and the practice queue.

mod answers;
mod health;
mod import;
mod keyed;
mod own;
mod practice;
mod record;
mod recordings;
mod save_queue;
mod stories;
mod sync;

use std::sync::Arc;

use leptos::prelude::*;

use opsdrill_core::data::codec::StoreKey;
use opsdrill_core::data::{Marks, MockHistory, Schedule, Settings, UserData};
use opsdrill_core::own::asked::InterviewLog;

pub use answers::Answers;
pub use health::StorageHealth;
pub use import::ImportOutcome;
pub use own::OwnQuestions;
pub use record::Record;
pub use recordings::Recordings;
pub use save_queue::SaveQueue;
pub use stories::Stories;

use crate::web::clock::now_ms;
use crate::web::{local_storage, persistence};
use keyed::Keyed;

#[derive(Clone, Copy)]
pub struct UserState {
    pub answers: Answers,
    pub stories: Stories,
    pub settings: Record<Settings>,
    pub schedule: Record<Schedule>,
    pub marks: Record<Marks>,
    pub mocks: Record<MockHistory>,
    pub own: OwnQuestions,
    pub interviews: Record<InterviewLog>,
    pub saves: SaveQueue,
}

/// The backup reminder counts from the first edit since the last export.
#[derive(Clone, Copy)]
pub(crate) struct BackupReminder(Record<Settings>);

impl BackupReminder {
    fn note_edit(&self, now: i64) {
        if self.0.with_untracked(|s| s.unbacked_since_ms.is_none()) {
            self.0.update(|s| s.unbacked_since_ms = Some(now));
        }
    }
}

/// The app's reactive owner: the user's state, made when a page first needs
/// it, lives under it rather than under that page.
#[derive(Clone)]
pub struct AppOwner(pub Owner);

impl AppOwner {
    /// The app's `T`: made by `make` under the app's owner the first time a
    /// part of the app asks for it, and provided as context from then on.
    pub fn context_or<T: Clone + Send + Sync + 'static>(make: impl FnOnce() -> T) -> T {
        if let Some(made) = use_context::<T>() {
            return made;
        }
        let AppOwner(owner) = expect_context::<AppOwner>();
        owner.with(|| {
            let made = make();
            provide_context(made.clone());
            made
        })
    }
}

impl UserState {
    /// The user's state, loaded the first time a part of the app asks for it
    /// and provided to the whole app as context from then on. Home does not
    /// ask, so it is interactive before anything is read or decoded (and this
    /// code is in the pages' wasm chunks, not home's). The chosen theme
    /// applies from then on.
    pub fn get_or_load() -> UserState {
        AppOwner::context_or(|| {
            let user = UserState::load();
            Effect::new(move |_| {
                user.settings
                    .with(|s| crate::web::browser::set_theme(&s.theme))
            });
            user
        })
    }

    /// Loads what is stored and starts listening for other tabs' saves.
    fn load() -> UserState {
        let loaded = local_storage::load(now_ms());
        let health = StorageHealth::new(
            loaded.blocked,
            loaded.unreadable,
            loaded.protected.into_iter().collect(),
        );
        let saves = SaveQueue::new(health);
        let data = loaded.data;
        let wrote_before = data.answers.values().any(|a| !a.is_empty())
            || data.stories.values().any(|s| !s.is_empty());
        let settings = Record::new(data.settings, || StoreKey::Settings, saves);
        let reminder = BackupReminder(settings);
        let state = UserState {
            answers: Answers::new(Keyed::new(data.answers, StoreKey::Answer, saves), reminder),
            stories: Stories::new(Keyed::new(data.stories, StoreKey::Story, saves), reminder),
            settings,
            schedule: Record::new(data.schedule, || StoreKey::Schedule, saves),
            marks: Record::new(data.marks, || StoreKey::Marks, saves),
            mocks: Record::new(data.mocks, || StoreKey::Mocks, saves),
            own: OwnQuestions::new(Keyed::new(data.own, OwnQuestions::key, saves), reminder),
            interviews: Record::new(data.interviews, || StoreKey::Interviews, saves),
            saves,
        };
        saves.set_writer(Arc::new(move |key| state.write(key)));
        sync::listen(state);
        // Persistent storage is asked for once there is something to keep.
        if wrote_before && !health.is_blocked_untracked() {
            persistence::ask_once();
        }
        state
    }

    /// Writes the record under `key` now (`None`: it no longer exists).
    fn write(&self, key: &StoreKey) -> Option<Result<(), local_storage::WriteError>> {
        match key {
            StoreKey::Answer(id) => self.answers.records.write(id).inspect(Self::first_writing),
            StoreKey::Story(id) => self.stories.records.write(id).inspect(Self::first_writing),
            StoreKey::Settings => Some(self.settings.write()),
            StoreKey::Schedule => Some(self.schedule.write()),
            StoreKey::Marks => Some(self.marks.write()),
            StoreKey::Mocks => Some(self.mocks.write()),
            StoreKey::Own(id) => self.own.records.write(id).inspect(Self::first_writing),
            StoreKey::Interviews => Some(self.interviews.write()),
        }
    }

    /// The first answer or story saved: now there is something to keep.
    fn first_writing(outcome: &Result<(), local_storage::WriteError>) {
        if outcome.is_ok() {
            persistence::ask_once();
        }
    }

    /// Writes everything pending now (leaving the page, blur, an update).
    pub fn flush(&self) {
        self.saves.flush();
    }

    /// Everything the user has is written to storage.
    pub fn all_saved(&self) -> bool {
        self.saves.all_saved()
    }

    /// All of the user's data as plain records (for backups and exports).
    pub fn snapshot(&self) -> UserData {
        UserData {
            answers: self.answers.records.all_untracked(),
            stories: self.stories.records.all_untracked(),
            settings: self.settings.with_untracked(Clone::clone),
            schedule: self.schedule.with_untracked(Clone::clone),
            marks: self.marks.with_untracked(Clone::clone),
            mocks: self.mocks.with_untracked(Clone::clone),
            own: self.own.records.all_untracked(),
            interviews: self.interviews.with_untracked(Clone::clone),
        }
    }

    /// Takes `next` as the data in memory, without writing. Records in
    /// `keep` (being edited here) keep their text in memory.
    fn replace_in_memory(&self, mut next: UserData, keep_edits: bool) {
        if keep_edits {
            for (id, answer) in self.answers.records.all_untracked() {
                if self.answers.records.is_unsaved(&id) {
                    next.answers.insert(id, answer);
                }
            }
            for (id, story) in self.stories.records.all_untracked() {
                if self.stories.records.is_unsaved(&id) {
                    next.stories.insert(id, story);
                }
            }
        }
        self.answers.records.replace_all(next.answers);
        self.stories.records.replace_all(next.stories);
        self.settings.replace(next.settings);
        self.schedule.replace(next.schedule);
        self.marks.replace(next.marks);
        self.mocks.replace(next.mocks);
        self.own.replace_all(next.own);
        self.interviews.replace(next.interviews);
    }
}

impl UserState {
    /// Whether any answer or story has text (tracks them all).
    pub fn has_written_anything(&self) -> bool {
        self.answers.records.all().values().any(|a| !a.is_empty())
            || self.stories.all().values().any(|s| !s.is_empty())
            || self.own.records.count() > 0
    }

    /// Every question: the bank's, then the user's own (tracks the latter).
    pub fn questions(&self) -> Vec<&'static opsdrill_core::bank::Question> {
        let mut all: Vec<_> = opsdrill_core::bank::QUESTIONS.iter().collect();
        all.extend(self.own.questions());
        all
    }

    /// Keeps a logged interview: its new own questions, the log entry, and
    /// every question it names due tomorrow.
    pub fn log_interview(&self, logged: opsdrill_core::own::asked::Logged) {
        let opsdrill_core::own::asked::Logged { own, interview } = logged;
        self.own.add_all(own);
        let ids = interview.questions.clone();
        let offset = crate::web::clock::utc_offset_min();
        self.schedule
            .update(|s| opsdrill_core::own::asked::due_tomorrow(s, &ids, now_ms(), offset));
        self.interviews.update(|log| log.interviews.push(interview));
        self.flush();
    }

    /// Deletes an own question; with `with_practice`, also the answer, the
    /// schedule, the ticks and the bookmark that go with it (the page asks
    /// twice for that). Returns false, changing nothing, when storage
    /// refuses.
    pub fn delete_own_question(&self, id: &str, with_practice: bool) -> bool {
        if !self.own.delete(id) {
            return false;
        }
        if with_practice {
            self.answers.forget(id);
            self.schedule.update(|s| {
                s.cards.remove(id);
                s.reviews.retain(|r| r.id != id);
            });
            self.marks.update(|m| {
                m.ticks.remove(id);
                m.bookmarks.remove(id);
            });
        }
        true
    }
}
