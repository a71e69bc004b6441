//! The interview under way, kept in step with the user's answers: each
//! question's answer is measured as it ends, and a finished interview is
//! recorded and its summary shown.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::state::UserState;
use crate::ui::components::answer_editor::MockBegun;
use crate::web::clock::now_ms;
use crate::web::focus;
use opsdrill_core::bank;
use opsdrill_core::mock::{self, MockConfig, MockEvent, MockSession, Stage};

/// Words written, talking points covered and their total.
type Figures = (u32, u32, u32);

/// Everything the mock page keeps: `Copy`, so each screen and callback
/// holds the same state.
#[derive(Clone, Copy)]
pub struct Interview {
    user: UserState,
    pub session: RwSignal<Option<MockSession>>,
    /// The summary on show: a mock's start time, and whether it can still
    /// be rated (only right after it; a past one is read-only).
    pub summary: RwSignal<Option<(i64, bool)>>,
    /// The clock the countdown shows.
    pub now: RwSignal<i64>,
    /// Said at once to screen readers (`aria-live="assertive"`).
    pub announcement: RwSignal<String>,
    page_owner: StoredValue<Option<Owner>>,
    /// Per question: when the mock began its answer (at the first edit).
    begun: StoredValue<BTreeMap<&'static str, MockBegun>>,
    /// The question on screen.
    open: StoredValue<Option<&'static str>>,
    /// Each answer measured as its question ends, before an answer emptied
    /// during the mock gets its earlier text back.
    measured: StoredValue<BTreeMap<&'static str, Figures>>,
}

impl Interview {
    /// Call in the page's body: what it creates lives as long as the page.
    pub fn new(user: UserState) -> Self {
        Interview {
            user,
            session: RwSignal::new(None),
            summary: RwSignal::new(None),
            now: RwSignal::new(now_ms()),
            announcement: RwSignal::new(String::new()),
            page_owner: StoredValue::new(Owner::current()),
            begun: StoredValue::new(BTreeMap::new()),
            open: StoredValue::new(None),
            measured: StoredValue::new(BTreeMap::new()),
        }
    }

    pub fn begun_for(self, id: &'static str) -> MockBegun {
        if let Some(signal) = self.begun.with_value(|b| b.get(id).copied()) {
            return signal;
        }
        // Owned by the page, not by the view that asks first: the page's
        // cleanup still reads it after that view is gone.
        let signal = self
            .page_owner
            .with_value(|owner| owner.as_ref().map(|o| o.with(|| RwSignal::new(None))))
            .unwrap_or_else(|| RwSignal::new(None));
        self.begun.update_value(|b| {
            b.insert(id, signal);
        });
        signal
    }

    fn close(self, id: &'static str) {
        let began = self.begun_for(id).get_untracked();
        let figures = measure(&self.user, id, began.is_some());
        self.measured.update_value(|m| {
            m.insert(id, figures);
        });
        if let Some(at) = began {
            self.user.answers.end_mock(id, at);
        }
    }

    fn figures(self, id: &str) -> Figures {
        self.measured
            .with_value(|m| m.get(id).copied().unwrap_or_default())
    }

    /// Keeps the answers in step with the session: the question left is
    /// closed and measured, and a finished session is recorded.
    fn sync(self) {
        let next = self
            .session
            .with_untracked(|s| s.as_ref().and_then(MockSession::current));
        let previous = self.open.get_value();
        if previous != next.map(|(_, id)| id) {
            if let Some(id) = previous {
                self.close(id);
            }
            self.open.set_value(next.map(|(_, id)| id));
        }
        let finished = self
            .session
            .with_untracked(|s| s.as_ref().filter(|s| s.is_finished()).cloned());
        if let Some(done) = finished {
            let record = done.record(|id| self.figures(id));
            let started = record.started_ms;
            if !record.items.is_empty() {
                self.user.save_mock(record);
                self.summary.set(Some((started, true)));
                focus::focus_after_render("#mock-summary-heading");
            }
            self.session.set(None);
            crate::web::browser::scroll_to_top();
        }
    }

    pub fn start(self, config: MockConfig) {
        let now = now_ms();
        self.user.settings.update(|s| {
            s.mock_questions = config.count as u32;
            s.mock_seconds = config.seconds_per_question;
            s.mock_follow_ups = config.follow_ups;
        });
        let planned = mock::plan(&untrack(|| self.user.questions()), &config, now as u64);
        self.announcement.set(String::new());
        self.summary.set(None);
        self.measured.update_value(|m| m.clear());
        self.begun.update_value(|b| b.clear());
        self.open.set_value(None);
        self.session.set(Some(MockSession::start(
            planned,
            config.seconds_per_question,
            now,
        )));
        self.sync();
        crate::web::browser::scroll_to_top();
    }

    /// "Next" (a follow-up, a lab's step, the next question or "Finish"),
    /// or with `finish_early` "End interview".
    pub fn advance(self, finish_early: bool) {
        let now = now_ms();
        self.session.update(|s| {
            if let Some(s) = s {
                if finish_early {
                    s.finish(now);
                } else {
                    s.next(now);
                }
            }
        });
        let running = self.session.with_untracked(|s| {
            s.as_ref().and_then(|s| {
                let (index, _) = s.current()?;
                Some((index, s.len(), s.stage()?))
            })
        });
        self.announcement.set(match running {
            Some((_, _, (Stage::FollowUp(_), at, _))) => format!("Follow-up {at}."),
            Some((_, _, (Stage::Step(step), _, steps))) if step > 0 => {
                format!("Step {} of {steps}.", step + 1)
            }
            Some((index, total, _)) => format!("Question {} of {total}.", index + 1),
            None => "The interview is over. Here is your summary.".into(),
        });
        self.sync();
    }

    /// The countdown's beat: the clock, and the warning and time-up it
    /// brings.
    pub fn tick(self) {
        let at = now_ms();
        self.now.set(at);
        let event = self
            .session
            .try_update(|s| s.as_mut().and_then(|s| s.tick(at)))
            .flatten();
        match event {
            Some(MockEvent::Warning) => self.announcement.set("30 seconds left.".into()),
            Some(MockEvent::TimeUp) => {
                let over = self
                    .session
                    .with_untracked(|s| s.as_ref().is_none_or(MockSession::is_finished));
                self.announcement.set(if over {
                    "Time is up. The interview is over.".into()
                } else {
                    "Time is up. Next question.".into()
                });
                self.sync();
            }
            None => {}
        }
    }

    /// Leaving the page mid-interview keeps what was answered, as "End
    /// interview" would.
    pub fn leave(self) {
        let now = now_ms();
        self.session.update_untracked(|s| {
            if let Some(s) = s {
                s.finish(now);
            }
        });
        self.sync();
    }
}

/// Words written and talking points covered, for the summary; `typed`: the
/// mock began this answer (otherwise the stored text is an earlier one).
fn measure(user: &UserState, id: &str, typed: bool) -> Figures {
    let Some(question) = bank::find(id) else {
        return (0, 0, 0);
    };
    let answer = if typed {
        user.answers
            .with_untracked(id, |a| a.map(|a| a.all_text()))
            .unwrap_or_default()
    } else {
        String::new()
    };
    mock::measure(&answer, question)
}
