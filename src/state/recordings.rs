//! The user's recordings of spoken answers, as reactive state: what is known
//! about each (the audio stays in IndexedDB until a player asks for it),
//! read once per tab, kept up to date by the methods that change it, and
//! read again when another tab records or deletes.
//! `crate::web::recordings_db` does the storing.

use leptos::prelude::*;
use leptos::task::spawn_local;
use opsdrill_core::recordings::{self, RecordingMeta};
use web_sys::Blob;

use super::AppOwner;
use crate::web::recordings_db::{self, DbError};

#[derive(Clone, Copy)]
pub struct Recordings {
    list: RwSignal<Vec<RecordingMeta>>,
    loaded: RwSignal<bool>,
    /// What the last read or write of the store said went wrong.
    problem: RwSignal<Option<DbError>>,
}

impl Recordings {
    /// The recordings, read the first time a part of the app asks and
    /// provided as context from then on (under the app's owner, like the
    /// user's state, so leaving a page does not drop them).
    pub fn get_or_load() -> Recordings {
        AppOwner::context_or(|| {
            let recordings = Recordings {
                list: RwSignal::new(Vec::new()),
                loaded: RwSignal::new(false),
                problem: RwSignal::new(None),
            };
            recordings.reload();
            recordings_db::watch_changes(move || recordings.reload());
            recordings
        })
    }

    /// Reads the list again (another tab may have recorded).
    pub fn reload(self) {
        spawn_local(async move {
            match recordings_db::list().await {
                Ok(list) => {
                    self.list.set(list);
                    self.problem.set(None);
                }
                Err(problem) => self.problem.set(Some(problem)),
            }
            self.loaded.set(true);
        });
    }

    pub fn loaded(self) -> bool {
        self.loaded.get()
    }

    pub fn problem(self) -> Option<String> {
        self.problem.with(|p| p.as_ref().map(DbError::message))
    }

    /// A question's recordings, newest first.
    pub fn of_question(self, question: &str) -> Vec<RecordingMeta> {
        self.list.with(|all| {
            recordings::of_question(all, question)
                .into_iter()
                .cloned()
                .collect()
        })
    }

    /// Every recording (for Progress).
    pub fn all(self) -> Vec<RecordingMeta> {
        self.list.get()
    }

    /// How many there are and their audio's size.
    pub fn count_and_bytes(self) -> (usize, u64) {
        self.list
            .with(|all| (all.len(), recordings::total_bytes(all)))
    }

    /// Stores a new recording, then lets go of the question's oldest beyond
    /// `keep`.
    pub async fn add(self, meta: RecordingMeta, audio: Blob, keep: u32) -> Result<(), DbError> {
        let saved = recordings_db::save(&meta, &audio).await;
        if let Err(problem) = saved {
            self.problem.set(Some(problem.clone()));
            return Err(problem);
        }
        let (question, id) = (meta.question.clone(), meta.id.clone());
        self.list.update(|all| all.push(meta));
        let beyond = self
            .list
            .with_untracked(|all| recordings::beyond_kept(all, &question, &id, keep as usize));
        self.delete(beyond).await;
        Ok(())
    }

    /// Stores what is now known about a recording (its report).
    pub async fn update(self, meta: RecordingMeta) {
        match recordings_db::update(&meta).await {
            Ok(()) => self.list.update(|all| {
                if let Some(stored) = all.iter_mut().find(|r| r.id == meta.id) {
                    *stored = meta;
                }
            }),
            Err(problem) => self.problem.set(Some(problem)),
        }
    }

    /// Deletes recordings by id; the list follows what the store did.
    pub async fn delete(self, ids: Vec<String>) {
        if ids.is_empty() {
            return;
        }
        match recordings_db::delete(&ids).await {
            Ok(()) => self.list.update(|all| all.retain(|r| !ids.contains(&r.id))),
            Err(problem) => self.problem.set(Some(problem)),
        }
    }

    pub async fn delete_all(self) {
        match recordings_db::delete_all().await {
            Ok(()) => self.list.set(Vec::new()),
            Err(problem) => self.problem.set(Some(problem)),
        }
    }
}
