//! One recording from start to saved, as the record button and the
//! automatic recorders (mock interviews, commute mode) run it: the phase,
//! the elapsed time and level while it runs, and what went wrong.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use opsdrill_core::bank::Question;
use opsdrill_core::recordings::RecordingMeta;

use crate::state::{Recordings, UserState};
use crate::web::clock::{now_ms, unique_id};
use crate::web::recorder::{self, Recorder};

#[derive(Clone, Copy, PartialEq)]
pub enum Phase {
    Idle,
    /// Waiting for the microphone (the browser may be asking the user).
    Starting,
    Recording,
    /// Analysing and storing what was recorded.
    Saving,
}

#[derive(Clone, Copy)]
pub struct RecordingSession {
    pub phase: RwSignal<Phase>,
    pub problem: RwSignal<Option<String>>,
    pub elapsed_ms: RwSignal<u32>,
    pub level: RwSignal<f32>,
    running: StoredValue<Option<Recorder>, LocalStorage>,
    ticker: StoredValue<Option<IntervalHandle>>,
    question: &'static Question,
    // Both are under the app's owner, so they outlive the view.
    user: UserState,
    recordings: Recordings,
}

impl RecordingSession {
    /// Ends with the view that made it: a recording still running then is
    /// stopped and saved (leaving a mock question keeps what was said).
    pub fn new(question: &'static Question) -> RecordingSession {
        let session = RecordingSession {
            phase: RwSignal::new(Phase::Idle),
            problem: RwSignal::new(None),
            elapsed_ms: RwSignal::new(0),
            level: RwSignal::new(0.0),
            running: StoredValue::new_local(None),
            ticker: StoredValue::new(None),
            question,
            user: expect_context::<UserState>(),
            recordings: Recordings::get_or_load(),
        };
        on_cleanup(move || {
            session.stop_ticker();
            if let Some(recorder) = session.running.try_update_value(Option::take).flatten() {
                spawn_local(async move {
                    let _ = session.save(recorder).await;
                });
            }
        });
        session
    }

    pub fn start(self) {
        self.problem.set(None);
        self.phase.set(Phase::Starting);
        spawn_local(async move {
            match Recorder::start().await {
                Ok(recorder) => {
                    // The view went while the browser was asking.
                    if self.running.try_set_value(Some(recorder)).is_some() {
                        return;
                    }
                    self.elapsed_ms.set(0);
                    self.phase.set(Phase::Recording);
                    let handle = set_interval_with_handle(
                        // `try_`: a tick may come after the view is gone.
                        move || {
                            let now = self.running.try_with_value(|r| {
                                r.as_ref().map(|r| (r.elapsed_ms(), r.level()))
                            });
                            if let Some(Some((elapsed, level))) = now {
                                let _ = self.elapsed_ms.try_set(elapsed);
                                let _ = self.level.try_set(level);
                            }
                        },
                        Duration::from_millis(100),
                    );
                    self.ticker.set_value(handle.ok());
                }
                Err(why) => {
                    let _ = self.problem.try_set(Some(why.message()));
                    let _ = self.phase.try_set(Phase::Idle);
                }
            }
        });
    }

    /// Stops, then analyses and stores; `on_saved` gets the new id.
    pub fn stop(self, on_saved: impl FnOnce(String) + 'static) {
        self.stop_ticker();
        let Some(recorder) = self.running.try_update_value(Option::take).flatten() else {
            return;
        };
        self.phase.set(Phase::Saving);
        spawn_local(async move {
            match self.save(recorder).await {
                Ok(made) => on_saved(made),
                Err(why) => {
                    let _ = self.problem.try_set(Some(why));
                }
            }
            let _ = self.phase.try_set(Phase::Idle);
        });
    }

    fn stop_ticker(self) {
        if let Some(handle) = self.ticker.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    /// Stops the recorder, computes the report and stores the recording;
    /// the new recording's id, or what the user is told went wrong. Reads
    /// no signal of the view's, which may be gone.
    async fn save(self, recorder: Recorder) -> Result<String, String> {
        let RecordingSession {
            question,
            user,
            recordings,
            ..
        } = self;
        let recorded = recorder.stop().await.map_err(|e| e.message())?;
        // Stored first, the report after: a closed tab or a slow analysis
        // must not cost the recording.
        let meta = RecordingMeta {
            id: unique_id(),
            question: question.id.to_string(),
            created_ms: now_ms(),
            duration_ms: recorded.elapsed_ms,
            mime: recorded.mime,
            bytes: recorded.audio.size() as u64,
            report: None,
        };
        let made = meta.id.clone();
        let keep = user.settings.with_untracked(|s| s.recordings_kept);
        recordings
            .add(meta.clone(), recorded.audio.clone(), keep)
            .await
            .map_err(|e| e.message())?;
        if let Some((report, duration_ms)) = recorder::analyse(&recorded.audio).await {
            let analysed = RecordingMeta {
                duration_ms,
                report: Some(report),
                ..meta
            };
            recordings.update(analysed).await;
        }
        Ok(made)
    }
}
