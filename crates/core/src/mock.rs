//! Mock interviews: choosing the questions, the per-question countdown and
//! its announcements, and the summary. Pure: the page passes the time in, so
//! the tests drive it with a fake clock.

use crate::bank::{Category, Question};
use crate::data::{MockItem, MockRecord};

/// What the user chose on the setup form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockConfig {
    pub count: usize,
    /// Empty means every category.
    pub categories: Vec<Category>,
    pub seconds_per_question: u32,
}

/// The countdown says so at this many seconds left (if the question is longer).
pub const WARNING_SECONDS: i64 = 30;

/// A small deterministic generator (xorshift), so a seed gives the same
/// interview in tests and a time-based seed a different one each time.
struct Shuffle(u64);

impl Shuffle {
    fn next(&mut self) -> u64 {
        let mut x = self.0.max(1);
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// Picks `count` different questions from the chosen categories, in a random
/// order decided by `seed`; fewer when the categories hold fewer.
pub fn pick_questions(
    questions: &'static [Question],
    config: &MockConfig,
    seed: u64,
) -> Vec<&'static Question> {
    let mut pool: Vec<&'static Question> = questions
        .iter()
        .filter(|q| config.categories.is_empty() || config.categories.contains(&q.category))
        // A lab is worked step by step; mock interviews ask questions only.
        .filter(|q| q.lab.is_none())
        .collect();
    let mut rng = Shuffle(seed ^ 0x9E37_79B9_7F4A_7C15);
    // Fisher-Yates.
    for i in (1..pool.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        pool.swap(i, j);
    }
    pool.truncate(config.count);
    pool
}

/// Something the page must announce or do after a tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MockEvent {
    /// `WARNING_SECONDS` left on the current question.
    Warning,
    /// Time ran out: the session moved on (or finished).
    TimeUp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Slot {
    id: &'static str,
    started_ms: Option<i64>,
    used_ms: i64,
}

/// A running mock interview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockSession {
    pub started_ms: i64,
    pub seconds_per_question: u32,
    slots: Vec<Slot>,
    current: usize,
    warned: bool,
    finished_ms: Option<i64>,
}

impl MockSession {
    /// Starts the first question at `now_ms`.
    pub fn start(ids: &[&'static str], seconds_per_question: u32, now_ms: i64) -> MockSession {
        let mut session = MockSession {
            started_ms: now_ms,
            seconds_per_question,
            slots: ids
                .iter()
                .map(|&id| Slot {
                    id,
                    started_ms: None,
                    used_ms: 0,
                })
                .collect(),
            current: 0,
            warned: false,
            finished_ms: None,
        };
        match session.slots.first_mut() {
            Some(first) => first.started_ms = Some(now_ms),
            None => session.finished_ms = Some(now_ms),
        }
        session
    }

    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    pub fn is_finished(&self) -> bool {
        self.finished_ms.is_some()
    }

    /// The current question's position (0-based) and id, while running.
    pub fn current(&self) -> Option<(usize, &'static str)> {
        if self.is_finished() {
            return None;
        }
        self.slots.get(self.current).map(|s| (self.current, s.id))
    }

    fn limit_ms(&self) -> i64 {
        i64::from(self.seconds_per_question) * 1000
    }

    /// Milliseconds left on the current question (0 when finished).
    pub fn remaining_ms(&self, now_ms: i64) -> i64 {
        match self.current().and_then(|(i, _)| self.slots[i].started_ms) {
            Some(started) => (self.limit_ms() - (now_ms - started)).clamp(0, self.limit_ms()),
            None => 0,
        }
    }

    /// Whole seconds left, rounded up, for the countdown.
    pub fn remaining_seconds(&self, now_ms: i64) -> i64 {
        (self.remaining_ms(now_ms) + 999) / 1000
    }

    /// Advances the clock: warns once at `WARNING_SECONDS` left (only when a
    /// question is longer than that) and moves on when the time is up.
    pub fn tick(&mut self, now_ms: i64) -> Option<MockEvent> {
        self.current()?;
        let remaining = self.remaining_ms(now_ms);
        if remaining == 0 {
            self.next(now_ms);
            return Some(MockEvent::TimeUp);
        }
        let warn_at = WARNING_SECONDS * 1000;
        if !self.warned && self.limit_ms() > warn_at && remaining <= warn_at {
            self.warned = true;
            return Some(MockEvent::Warning);
        }
        None
    }

    /// Ends the current question (time used is kept, at most the limit) and
    /// starts the next, or finishes after the last.
    pub fn next(&mut self, now_ms: i64) {
        let Some((index, _)) = self.current() else {
            return;
        };
        let limit = self.limit_ms();
        let slot = &mut self.slots[index];
        if let Some(started) = slot.started_ms {
            slot.used_ms = (now_ms - started).clamp(0, limit);
        }
        self.warned = false;
        self.current += 1;
        match self.slots.get_mut(self.current) {
            Some(next) => next.started_ms = Some(now_ms),
            None => self.finished_ms = Some(now_ms),
        }
    }

    /// Stops early: the current question counts as answered up to now; the
    /// ones not reached are left out of the record.
    pub fn finish(&mut self, now_ms: i64) {
        if self.current().is_some() {
            self.next(now_ms);
            self.slots.truncate(self.current);
            self.finished_ms = Some(now_ms);
        }
    }

    /// The record kept in history. `measure` gives, per question id, the
    /// words written and the talking points covered out of the total.
    pub fn record(&self, measure: impl Fn(&str) -> (u32, u32, u32)) -> MockRecord {
        MockRecord {
            started_ms: self.started_ms,
            finished_ms: self.finished_ms.unwrap_or(self.started_ms),
            seconds_per_question: self.seconds_per_question,
            items: self
                .slots
                .iter()
                .filter(|s| s.started_ms.is_some())
                .map(|slot| {
                    let (words, points_covered, points_total) = measure(slot.id);
                    MockItem {
                        id: slot.id.to_string(),
                        seconds_used: (slot.used_ms / 1000) as u32,
                        words,
                        points_covered,
                        points_total,
                        rating: None,
                    }
                })
                .collect(),
        }
    }
}

/// What `MockSession::record` wants for one answer: the words written, and
/// the talking points it appears to cover (`insight::covered_points`) out of
/// the question's total.
pub fn measure(answer: &str, question: &Question) -> (u32, u32, u32) {
    let covered = if answer.trim().is_empty() {
        0
    } else {
        crate::insight::covered_points(answer, question)
            .into_iter()
            .filter(|&c| c)
            .count()
    };
    (
        crate::data::records::word_count(answer) as u32,
        covered as u32,
        question.talking_points.len() as u32,
    )
}

/// One line of the history list: "3 questions · 2 of 3 rated Good or Easy ·
/// 11 of 18 talking points".
pub fn describe(record: &MockRecord) -> String {
    let questions = crate::format::count(record.items.len(), "question", "questions");
    let covered: u32 = record.items.iter().map(|i| i.points_covered).sum();
    let total: u32 = record.items.iter().map(|i| i.points_total).sum();
    let rated = record.items.iter().filter(|i| i.rating.is_some()).count();
    let good = record
        .items
        .iter()
        .filter(|i| i.rating.is_some_and(|r| r >= 3))
        .count();
    let ratings = if rated == 0 {
        "not rated".to_string()
    } else {
        format!("{good} of {rated} rated Good or Easy")
    };
    format!("{questions} · {ratings} · {covered} of {total} talking points")
}

/// "1:05" for 65 seconds.
pub use crate::time::minutes_seconds as clock;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bank::QUESTIONS;

    const T0: i64 = 1_790_000_000_000;

    #[test]
    fn measure_counts_words_and_the_points_covered() {
        let q = &QUESTIONS[0];
        let total = q.talking_points.len() as u32;
        assert_eq!(measure("", q), (0, 0, total));
        assert_eq!(measure("   ", q), (0, 0, total));
        let point = crate::bank::model::inline_text(q.talking_points.iter().next().unwrap());
        let (words, covered, of) = measure(&point, q);
        assert_eq!(words, crate::data::records::word_count(&point) as u32);
        assert!(covered >= 1, "{}: `{point}`", q.id);
        assert_eq!(of, total);
    }

    fn config(count: usize, categories: Vec<Category>) -> MockConfig {
        MockConfig {
            count,
            categories,
            seconds_per_question: 120,
        }
    }

    #[test]
    fn picks_distinct_questions_from_the_chosen_categories() {
        let picked = pick_questions(QUESTIONS, &config(5, vec![Category::Behavioural]), 7);
        assert_eq!(picked.len(), 5);
        assert!(picked.iter().all(|q| q.category == Category::Behavioural));
        let mut ids: Vec<&str> = picked.iter().map(|q| q.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 5, "no repeats");
        // The same seed gives the same interview; another seed another one.
        let again = pick_questions(QUESTIONS, &config(5, vec![Category::Behavioural]), 7);
        assert_eq!(picked, again);
        let other = pick_questions(QUESTIONS, &config(5, vec![Category::Behavioural]), 8);
        assert_ne!(picked, other);
        // All categories when none is chosen; never more than there are.
        let all = pick_questions(QUESTIONS, &config(10, vec![]), 1);
        assert_eq!(all.len(), 10);
        let few = pick_questions(QUESTIONS, &config(10_000, vec![Category::Ask]), 1);
        assert_eq!(few.len(), crate::bank::count_in(Category::Ask));
        let every = pick_questions(QUESTIONS, &config(10_000, vec![]), 1);
        assert!(
            every.iter().all(|q| q.lab.is_none()),
            "no labs in a mock interview yet"
        );
    }

    #[test]
    fn the_countdown_warns_once_then_moves_on_when_time_is_up() {
        let mut session = MockSession::start(&["a", "b", "c"], 120, T0);
        assert_eq!(session.current(), Some((0, "a")));
        assert_eq!(session.remaining_seconds(T0), 120);
        assert_eq!(session.tick(T0 + 60_000), None);
        assert_eq!(session.remaining_seconds(T0 + 60_500), 60);
        assert_eq!(session.tick(T0 + 90_000), Some(MockEvent::Warning));
        assert_eq!(session.tick(T0 + 91_000), None, "warned once");
        assert_eq!(session.tick(T0 + 120_000), Some(MockEvent::TimeUp));
        assert_eq!(session.current(), Some((1, "b")));
        assert_eq!(
            session.remaining_seconds(T0 + 120_000),
            120,
            "full time for b"
        );
        // The next question warns again.
        assert_eq!(session.tick(T0 + 210_000), Some(MockEvent::Warning));
    }

    #[test]
    fn next_keeps_the_time_used_and_the_last_question_finishes() {
        let mut session = MockSession::start(&["a", "b"], 120, T0);
        session.next(T0 + 45_000);
        assert_eq!(session.current(), Some((1, "b")));
        // A late tick (a sleeping tab) cannot count more than the limit.
        assert_eq!(session.tick(T0 + 900_000), Some(MockEvent::TimeUp));
        assert!(session.is_finished());
        assert_eq!(session.tick(T0 + 901_000), None);
        let record = session.record(|id| if id == "a" { (100, 2, 5) } else { (0, 0, 6) });
        let used: Vec<u32> = record.items.iter().map(|i| i.seconds_used).collect();
        assert_eq!(used, [45, 120]);
        assert_eq!(record.items[0].words, 100);
        assert_eq!(record.items[0].points_covered, 2);
        assert_eq!(record.started_ms, T0);
        assert_eq!(record.finished_ms, T0 + 900_000);
    }

    #[test]
    fn short_questions_get_no_thirty_second_warning() {
        let mut session = MockSession::start(&["a"], 20, T0);
        assert_eq!(session.tick(T0 + 5_000), None);
        assert_eq!(session.tick(T0 + 19_000), None);
        assert_eq!(session.tick(T0 + 20_000), Some(MockEvent::TimeUp));
        assert!(session.is_finished());
    }

    #[test]
    fn finishing_early_keeps_only_the_questions_reached() {
        let mut session = MockSession::start(&["a", "b", "c"], 120, T0);
        session.next(T0 + 30_000);
        session.finish(T0 + 40_000);
        assert!(session.is_finished());
        let record = session.record(|_| (0, 0, 0));
        let ids: Vec<&str> = record.items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(record.items[1].seconds_used, 10);
    }

    #[test]
    fn history_lines_and_clock() {
        let mut record = MockSession::start(&["a", "b"], 60, T0).record(|_| (10, 2, 5));
        assert_eq!(
            describe(&record),
            "1 question · not rated · 2 of 5 talking points"
        );
        record.items.push(MockItem {
            points_covered: 4,
            points_total: 6,
            rating: Some(4),
            ..MockItem::default()
        });
        record.items[0].rating = Some(1);
        assert_eq!(
            describe(&record),
            "2 questions · 1 of 2 rated Good or Easy · 6 of 11 talking points"
        );
        assert_eq!(clock(65), "1:05");
        assert_eq!(clock(-3), "0:00");
    }
}
