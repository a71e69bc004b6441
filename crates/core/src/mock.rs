//! Mock interviews: choosing the questions and the follow-ups asked after
//! them, the countdown and its announcements, and the summary. Pure: the
//! page passes the time in, so the tests drive it with a fake clock.

use crate::bank::{Category, Question};
use crate::data::{MockItem, MockRecord};

/// What the user chose on the setup form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockConfig {
    pub count: usize,
    /// Empty means every category.
    pub categories: Vec<Category>,
    pub seconds_per_question: u32,
    /// Ask one or two follow-ups after each question, within its time.
    pub follow_ups: bool,
    /// Only the user's own questions (the ones from a company's loop).
    pub only_own: bool,
}

/// The countdown says so at this many seconds left (if the item is longer).
pub const WARNING_SECONDS: i64 = 30;

/// A small deterministic generator (xorshift), so a seed gives the same
/// interview in tests and a time-based seed a different one each time.
struct Shuffle(u64);

impl Shuffle {
    fn new(seed: u64) -> Self {
        Shuffle(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0.max(1);
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Picks `count` different questions from the chosen categories, in a random
/// order decided by `seed`; fewer when the categories hold fewer.
pub fn pick_questions(
    questions: &[&'static Question],
    config: &MockConfig,
    seed: u64,
) -> Vec<&'static Question> {
    let mut pool: Vec<&'static Question> = questions
        .iter()
        .copied()
        .filter(|q| config.categories.is_empty() || config.categories.contains(&q.category))
        .filter(|q| !config.only_own || crate::own::is_own(q.id))
        .collect();
    let mut rng = Shuffle::new(seed);
    // Fisher-Yates.
    for i in (1..pool.len()).rev() {
        let j = rng.below(i + 1);
        pool.swap(i, j);
    }
    pool.truncate(config.count);
    pool
}

/// One screen of a mock interview item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The question itself.
    Question,
    /// A follow-up, by its position in the question's follow-ups.
    FollowUp(usize),
    /// A lab's step (from 0).
    Step(usize),
}

/// One item of an interview as planned: what is asked, in order, and the
/// time for all of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub id: &'static str,
    pub stages: Vec<Stage>,
    pub seconds: u32,
}

impl Planned {
    /// A question with no follow-ups.
    pub fn question(id: &'static str, seconds: u32) -> Self {
        Planned {
            id,
            stages: vec![Stage::Question],
            seconds,
        }
    }
}

/// The follow-ups asked after `question`: one at random, and half the time
/// a second, the one that digs into the first where the bank has it (as an
/// interviewer would), another at random otherwise.
fn pick_follow_ups(question: &Question, rng: &mut Shuffle) -> Vec<usize> {
    let depths: Vec<u8> = question.follow_ups.iter().map(|f| f.depth).collect();
    let first_level: Vec<usize> = (0..depths.len()).filter(|&i| depths[i] == 1).collect();
    if first_level.is_empty() {
        return Vec::new();
    }
    let first = first_level[rng.below(first_level.len())];
    if rng.below(2) == 0 {
        return vec![first];
    }
    if depths.get(first + 1) == Some(&2) {
        return vec![first, first + 1];
    }
    let others: Vec<usize> = first_level.into_iter().filter(|&i| i != first).collect();
    match others.len() {
        0 => vec![first],
        n => vec![first, others[rng.below(n)]],
    }
}

/// The interview: the questions picked, each with its follow-ups (within
/// the question's time), and each lab as its steps, timed as a whole with
/// the time per question for each step.
pub fn plan(questions: &[&'static Question], config: &MockConfig, seed: u64) -> Vec<Planned> {
    let mut rng = Shuffle::new(seed.rotate_left(17));
    pick_questions(questions, config, seed)
        .into_iter()
        .map(|question| match question.lab {
            Some(lab) => Planned {
                id: question.id,
                stages: (0..lab.steps.len()).map(Stage::Step).collect(),
                seconds: config.seconds_per_question * lab.steps.len().max(1) as u32,
            },
            None => {
                let mut stages = vec![Stage::Question];
                if config.follow_ups {
                    stages.extend(
                        pick_follow_ups(question, &mut rng)
                            .into_iter()
                            .map(Stage::FollowUp),
                    );
                }
                Planned {
                    id: question.id,
                    stages,
                    seconds: config.seconds_per_question,
                }
            }
        })
        .collect()
}

/// Something the page must announce or do after a tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MockEvent {
    /// `WARNING_SECONDS` left on the current item.
    Warning,
    /// Time ran out: the session moved on to the next item (or finished).
    TimeUp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Slot {
    id: &'static str,
    stages: Vec<Stage>,
    /// The stage on screen (the last reached, once the item is over).
    stage: usize,
    limit_ms: i64,
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
    /// Starts the first item at `now_ms`.
    pub fn start(items: Vec<Planned>, seconds_per_question: u32, now_ms: i64) -> MockSession {
        let mut session = MockSession {
            started_ms: now_ms,
            seconds_per_question,
            slots: items
                .into_iter()
                .map(|item| Slot {
                    id: item.id,
                    stages: if item.stages.is_empty() {
                        vec![Stage::Question]
                    } else {
                        item.stages
                    },
                    stage: 0,
                    limit_ms: i64::from(item.seconds) * 1000,
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

    /// The current item's position (0-based) and id, while running.
    pub fn current(&self) -> Option<(usize, &'static str)> {
        self.running().map(|s| (self.current, s.id))
    }

    fn running(&self) -> Option<&Slot> {
        if self.is_finished() {
            return None;
        }
        self.slots.get(self.current)
    }

    /// The current item's stage on screen, its position and how many the
    /// item has.
    pub fn stage(&self) -> Option<(Stage, usize, usize)> {
        self.running()
            .map(|s| (s.stages[s.stage], s.stage, s.stages.len()))
    }

    /// The current item's time in whole seconds.
    pub fn allowed_seconds(&self) -> i64 {
        self.running().map_or(0, |s| s.limit_ms / 1000)
    }

    /// Milliseconds left on the current item (0 when finished).
    pub fn remaining_ms(&self, now_ms: i64) -> i64 {
        match self.running() {
            Some(Slot {
                started_ms: Some(started),
                limit_ms,
                ..
            }) => (limit_ms - (now_ms - started)).clamp(0, *limit_ms),
            _ => 0,
        }
    }

    /// Whole seconds left, rounded up, for the countdown.
    pub fn remaining_seconds(&self, now_ms: i64) -> i64 {
        (self.remaining_ms(now_ms) + 999) / 1000
    }

    /// Advances the clock: warns once at `WARNING_SECONDS` left (only when an
    /// item is longer than that) and moves to the next item when the time
    /// is up, follow-ups or steps not reached included.
    pub fn tick(&mut self, now_ms: i64) -> Option<MockEvent> {
        let limit = self.running()?.limit_ms;
        let remaining = self.remaining_ms(now_ms);
        if remaining == 0 {
            self.next_item(now_ms);
            return Some(MockEvent::TimeUp);
        }
        let warn_at = WARNING_SECONDS * 1000;
        if !self.warned && limit > warn_at && remaining <= warn_at {
            self.warned = true;
            return Some(MockEvent::Warning);
        }
        None
    }

    /// The next follow-up or step of the current item, or after its last
    /// the next item (or the end).
    pub fn next(&mut self, now_ms: i64) {
        let Some(slot) = self
            .slots
            .get_mut(self.current)
            .filter(|_| self.finished_ms.is_none())
        else {
            return;
        };
        if slot.stage + 1 < slot.stages.len() {
            slot.stage += 1;
        } else {
            self.next_item(now_ms);
        }
    }

    /// Ends the current item (time used is kept, at most its limit) and
    /// starts the next, or finishes after the last.
    fn next_item(&mut self, now_ms: i64) {
        if self.running().is_none() {
            return;
        }
        let slot = &mut self.slots[self.current];
        if let Some(started) = slot.started_ms {
            slot.used_ms = (now_ms - started).clamp(0, slot.limit_ms);
        }
        self.warned = false;
        self.current += 1;
        match self.slots.get_mut(self.current) {
            Some(next) => next.started_ms = Some(now_ms),
            None => self.finished_ms = Some(now_ms),
        }
    }

    /// Stops early: the current item counts as answered up to now; the
    /// ones not reached are left out of the record.
    pub fn finish(&mut self, now_ms: i64) {
        if self.running().is_some() {
            self.next_item(now_ms);
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
                        seconds_allowed: (slot.limit_ms / 1000) as u32,
                        follow_ups: follow_ups_asked(slot),
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

/// The text of each follow-up the item reached.
fn follow_ups_asked(slot: &Slot) -> Vec<String> {
    let Some(question) = crate::bank::find(slot.id) else {
        return Vec::new();
    };
    slot.stages[..=slot.stage]
        .iter()
        .filter_map(|stage| match stage {
            Stage::FollowUp(index) => question.follow_ups.get(*index),
            _ => None,
        })
        .map(|f| f.question.text())
        .collect()
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
            follow_ups: true,
            only_own: false,
        }
    }

    #[test]
    fn only_own_questions_when_asked() {
        crate::own::register_one(
            "mine-migration",
            "Why did our last migration stall?",
            Category::General,
        );
        let only = MockConfig {
            only_own: true,
            ..config(5, vec![])
        };
        let picked = pick_questions(&crate::bank::all(), &only, 3);
        assert_eq!(
            picked.iter().map(|q| q.id).collect::<Vec<_>>(),
            ["mine-migration"]
        );
    }

    /// Questions with no follow-ups, `seconds` each.
    fn questions(ids: &[&'static str], seconds: u32) -> Vec<Planned> {
        ids.iter()
            .map(|id| Planned::question(id, seconds))
            .collect()
    }

    #[test]
    fn picks_distinct_questions_from_the_chosen_categories() {
        let picked = pick_questions(
            &crate::bank::all(),
            &config(5, vec![Category::Behavioural]),
            7,
        );
        assert_eq!(picked.len(), 5);
        assert!(picked.iter().all(|q| q.category == Category::Behavioural));
        let mut ids: Vec<&str> = picked.iter().map(|q| q.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 5, "no repeats");
        // The same seed gives the same interview; another seed another one.
        let again = pick_questions(
            &crate::bank::all(),
            &config(5, vec![Category::Behavioural]),
            7,
        );
        assert_eq!(picked, again);
        let other = pick_questions(
            &crate::bank::all(),
            &config(5, vec![Category::Behavioural]),
            8,
        );
        assert_ne!(picked, other);
        // All categories when none is chosen; never more than there are.
        let all = pick_questions(&crate::bank::all(), &config(10, vec![]), 1);
        assert_eq!(all.len(), 10);
        let few = pick_questions(&crate::bank::all(), &config(10_000, vec![Category::Ask]), 1);
        assert_eq!(few.len(), crate::bank::count_in(Category::Ask));
        let labs = pick_questions(
            &crate::bank::all(),
            &config(10_000, vec![Category::Labs]),
            1,
        );
        assert_eq!(labs.len(), crate::bank::count_in(Category::Labs));
    }

    #[test]
    fn the_plan_asks_one_or_two_real_follow_ups_and_times_a_lab_by_its_steps() {
        let all = config(10_000, vec![]);
        let planned = plan(&crate::bank::all(), &all, 3);
        let mut counts = [0; 3];
        for item in &planned {
            let question = crate::bank::find(item.id).unwrap();
            match question.lab {
                Some(lab) => {
                    let steps: Vec<Stage> = (0..lab.steps.len()).map(Stage::Step).collect();
                    assert_eq!(item.stages, steps, "{}", item.id);
                    assert_eq!(item.seconds, 120 * lab.steps.len() as u32, "{}", item.id);
                }
                None => {
                    assert_eq!(item.stages[0], Stage::Question, "{}", item.id);
                    assert_eq!(item.seconds, 120);
                    let asked: Vec<usize> = item.stages[1..]
                        .iter()
                        .map(|s| match s {
                            Stage::FollowUp(i) => *i,
                            other => panic!("{}: {other:?}", item.id),
                        })
                        .collect();
                    counts[asked.len()] += 1;
                    assert!(
                        !asked.is_empty() || question.follow_ups.is_empty(),
                        "{}",
                        item.id
                    );
                    if let [first, second] = asked[..] {
                        assert_ne!(first, second, "{}", item.id);
                    }
                    for &i in &asked {
                        assert!(question.follow_ups.get(i).is_some(), "{}: {i}", item.id);
                    }
                    // A second-level follow-up only right after its parent.
                    let first = question.follow_ups.get(asked[0]).unwrap();
                    assert_eq!(first.depth, 1, "{}", item.id);
                    if let [parent, second] = asked[..] {
                        if question.follow_ups.get(second).unwrap().depth == 2 {
                            assert_eq!(second, parent + 1, "{}", item.id);
                        }
                    }
                }
            }
        }
        assert!(counts[1] > 20 && counts[2] > 20, "one or two: {counts:?}");
        // Without follow-ups each question is asked on its own.
        let plain = plan(
            &crate::bank::all(),
            &MockConfig {
                follow_ups: false,
                ..all
            },
            3,
        );
        assert!(plain
            .iter()
            .filter(|p| !p.stages.iter().any(|s| matches!(s, Stage::Step(_))))
            .all(|p| p.stages == [Stage::Question]));
    }

    #[test]
    fn follow_ups_and_steps_come_in_turn_within_the_items_time() {
        let with_follow_ups = Planned {
            id: "a",
            stages: vec![Stage::Question, Stage::FollowUp(2), Stage::FollowUp(3)],
            seconds: 120,
        };
        let lab = Planned {
            id: "lab",
            stages: vec![Stage::Step(0), Stage::Step(1)],
            seconds: 240,
        };
        let mut session = MockSession::start(vec![with_follow_ups, lab], 120, T0);
        assert_eq!(session.stage(), Some((Stage::Question, 0, 3)));
        session.next(T0 + 40_000);
        assert_eq!(session.stage(), Some((Stage::FollowUp(2), 1, 3)));
        assert_eq!(
            session.remaining_seconds(T0 + 40_000),
            80,
            "the clock runs on"
        );
        session.next(T0 + 60_000);
        assert_eq!(session.stage(), Some((Stage::FollowUp(3), 2, 3)));
        session.next(T0 + 70_000);
        assert_eq!(session.current(), Some((1, "lab")));
        assert_eq!(session.stage(), Some((Stage::Step(0), 0, 2)));
        assert_eq!(session.allowed_seconds(), 240);
        assert_eq!(session.remaining_seconds(T0 + 70_000), 240);
        // Time up moves to the next item even with a step not reached.
        assert_eq!(
            session.tick(T0 + 70_000 + 210_000),
            Some(MockEvent::Warning)
        );
        assert_eq!(session.tick(T0 + 70_000 + 240_000), Some(MockEvent::TimeUp));
        assert!(session.is_finished());
        let record = session.record(|_| (0, 0, 0));
        let figures: Vec<(u32, u32)> = record
            .items
            .iter()
            .map(|i| (i.seconds_used, i.seconds_allowed))
            .collect();
        assert_eq!(figures, [(70, 120), (240, 240)]);
    }

    #[test]
    fn the_record_names_the_follow_ups_reached() {
        let question = QUESTIONS
            .iter()
            .find(|q| q.follow_ups.len() >= 3 && q.lab.is_none())
            .unwrap();
        let item = Planned {
            id: question.id,
            stages: vec![Stage::Question, Stage::FollowUp(0), Stage::FollowUp(2)],
            seconds: 60,
        };
        let mut session = MockSession::start(vec![item], 60, T0);
        session.next(T0 + 10_000);
        session.finish(T0 + 20_000);
        let record = session.record(|_| (0, 0, 0));
        let first = question.follow_ups.get(0).unwrap().question.text();
        assert_eq!(record.items[0].follow_ups, [first]);
    }

    #[test]
    fn the_countdown_warns_once_then_moves_on_when_time_is_up() {
        let mut session = MockSession::start(questions(&["a", "b", "c"], 120), 120, T0);
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
        let mut session = MockSession::start(questions(&["a", "b"], 120), 120, T0);
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
        let mut session = MockSession::start(questions(&["a"], 20), 20, T0);
        assert_eq!(session.tick(T0 + 5_000), None);
        assert_eq!(session.tick(T0 + 19_000), None);
        assert_eq!(session.tick(T0 + 20_000), Some(MockEvent::TimeUp));
        assert!(session.is_finished());
    }

    #[test]
    fn finishing_early_keeps_only_the_questions_reached() {
        let mut session = MockSession::start(questions(&["a", "b", "c"], 120), 120, T0);
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
        let mut record =
            MockSession::start(questions(&["a", "b"], 60), 60, T0).record(|_| (10, 2, 5));
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
