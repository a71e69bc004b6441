//! What practising changes: ratings (FSRS, capped by the interview date),
//! talking-point ticks, bookmarks and the mock interview history; and the
//! practice queue those make.

use opsdrill_core::bank::Category;
use opsdrill_core::data::MockRecord;
use opsdrill_core::schedule::{self, Grade, PracticeQueue, QueueOptions};

use super::UserState;
use crate::web::clock::{now_ms, utc_offset_min};

impl UserState {
    /// When the interview date caps every interval, in ms (tracked).
    fn interview_cap_ms(&self) -> Option<i64> {
        self.settings
            .with(|s| schedule::interview_cap_ms(s.interview_date.as_deref(), utc_offset_min()))
    }

    pub fn rate(&self, id: &str, grade: Grade) {
        let cap = self.interview_cap_ms();
        self.schedule
            .update(|s| schedule::record_review(s, id, grade, now_ms(), cap));
    }

    /// When the next review would be after rating `id` with `grade`.
    pub fn preview_due_ms(&self, id: &str, grade: Grade, now: i64) -> i64 {
        let cap = self.interview_cap_ms();
        self.schedule
            .with(|s| schedule::rate(s.cards.get(id), grade, now, cap).due_ms)
    }

    /// Today's practice queue (due first, then new up to the daily limit),
    /// optionally within one category. Tracks the schedule and settings.
    pub fn practice_queue(&self, category: Option<Category>) -> PracticeQueue {
        let offset = utc_offset_min();
        let options = self.settings.with(|s| QueueOptions {
            category,
            daily_new_limit: s.daily_new_limit,
            interview_cap_ms: schedule::interview_cap_ms(s.interview_date.as_deref(), offset),
            utc_offset_min: offset,
        });
        let questions = self.questions();
        self.schedule
            .with(|s| schedule::practice_queue(&questions, s, &options, now_ms()))
    }

    pub fn is_ticked(&self, id: &str, point: u8) -> bool {
        self.marks
            .with(|m| m.ticks.get(id).is_some_and(|t| t.contains(&point)))
    }

    pub fn set_tick(&self, id: &str, point: u8, ticked: bool) {
        self.marks.update(|m| {
            let ticks = m.ticks.entry(id.to_string()).or_default();
            if ticked {
                ticks.insert(point);
            } else {
                ticks.remove(&point);
            }
        });
    }

    pub fn is_bookmarked(&self, id: &str) -> bool {
        self.marks.with(|m| m.bookmarks.contains(id))
    }

    pub fn toggle_bookmark(&self, id: &str) {
        self.marks.update(|m| {
            if !m.bookmarks.remove(id) {
                m.bookmarks.insert(id.to_string());
            }
        });
    }

    /// Keeps a finished mock interview in the history.
    pub fn save_mock(&self, record: MockRecord) {
        self.mocks.update(|m| m.sessions.push(record));
    }

    /// Records a rating given on a mock interview's summary, and schedules
    /// the question by it.
    pub fn rate_mock_item(&self, started_ms: i64, index: usize, grade: Grade) {
        let mut rated = None;
        self.mocks.update(|m| {
            if let Some(item) = m
                .sessions
                .iter_mut()
                .find(|s| s.started_ms == started_ms)
                .and_then(|s| s.items.get_mut(index))
            {
                item.rating = Some(grade as u8);
                rated = Some(item.id.clone());
            }
        });
        if let Some(id) = rated {
            self.rate(&id, grade);
        }
    }
}
