//! The stored records. Every field has a default (`#[serde(default)]`) so a
//! record written by an older version still loads, and new fields can be added.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// The four parts of a STAR answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StarText {
    pub situation: String,
    pub task: String,
    pub action: String,
    pub result: String,
}

impl StarText {
    /// Each part's label and text, in STAR order.
    pub fn parts(&self) -> [(&'static str, &str); 4] {
        StarPart::ALL.map(|part| (part.label(), part.get(self)))
    }

    pub fn is_empty(&self) -> bool {
        self.parts().iter().all(|(_, text)| text.trim().is_empty())
    }
}

/// The user's written answer to one question. Stored one key per question.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answer {
    /// Free text (every style but `star`).
    pub text: String,
    /// The STAR fields (`star` questions).
    pub star: StarText,
    /// When the user last changed it (ms since the epoch).
    pub updated_ms: i64,
    /// Earlier texts, oldest first, kept when something replaced the answer
    /// (a mock interview), so nothing the user wrote is lost.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub previous: Vec<AnswerVersion>,
    /// The user's answers to the question's follow-ups, by the follow-up's
    /// text (so an answer stays with its follow-up if the bank reorders them).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub follow_ups: BTreeMap<String, String>,
    /// A lab: the user's read of each step's evidence, step 1 first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<String>,
}

/// A part of an answer besides its main text, written in its own field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerPart {
    /// The answer to the follow-up with this question text.
    FollowUp(String),
    /// The read of a lab's step (from 0).
    Step(usize),
}

/// An earlier version of an answer: everything that was written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerVersion {
    pub text: String,
    pub star: StarText,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub follow_ups: BTreeMap<String, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<String>,
    /// When that text was last edited.
    pub updated_ms: i64,
    /// When it was replaced, and by what ("mock interview").
    pub replaced_ms: i64,
    pub replaced_by: String,
}

impl AnswerVersion {
    /// The version as an answer of its own, to read or count.
    pub fn writing(&self) -> Answer {
        Answer {
            text: self.text.clone(),
            star: self.star.clone(),
            follow_ups: self.follow_ups.clone(),
            steps: self.steps.clone(),
            updated_ms: self.updated_ms,
            previous: Vec::new(),
        }
    }
}

impl Answer {
    /// Sets everything written (if anything) aside as an earlier version
    /// and leaves the answer blank, as a mock interview starts it.
    pub fn set_aside(&mut self, now_ms: i64, replaced_by: &str) {
        let keep = !self.is_empty();
        let version = AnswerVersion {
            text: std::mem::take(&mut self.text),
            star: std::mem::take(&mut self.star),
            follow_ups: std::mem::take(&mut self.follow_ups),
            steps: std::mem::take(&mut self.steps),
            updated_ms: self.updated_ms,
            replaced_ms: now_ms,
            replaced_by: replaced_by.to_string(),
        };
        if keep {
            self.previous.push(version);
        }
        self.updated_ms = now_ms;
    }

    fn put_back(&mut self, version: AnswerVersion) {
        self.text = version.text;
        self.star = version.star;
        self.follow_ups = version.follow_ups;
        self.steps = version.steps;
    }

    /// Makes previous version `index` the answer again; the current writing
    /// (if any) becomes a previous version, so nothing is lost.
    pub fn restore_previous(&mut self, index: usize, now_ms: i64) -> bool {
        if index >= self.previous.len() {
            return false;
        }
        let version = self.previous.remove(index);
        self.set_aside(now_ms, "restore");
        self.put_back(version);
        true
    }

    /// Undoes `set_aside` made at `replaced_ms` when nothing was written
    /// since: the earlier writing comes back.
    pub fn restore_if_untouched(&mut self, replaced_ms: i64) -> bool {
        let untouched = self.is_empty()
            && self
                .previous
                .last()
                .is_some_and(|v| v.replaced_ms == replaced_ms);
        if !untouched {
            return false;
        }
        if let Some(version) = self.previous.pop() {
            self.updated_ms = version.updated_ms;
            self.put_back(version);
        }
        true
    }

    /// Whether the user wrote nothing at all: no answer, no follow-up
    /// answer, no lab step.
    pub fn is_empty(&self) -> bool {
        self.main_is_empty()
            && self.follow_ups.values().all(|t| t.trim().is_empty())
            && self.steps.iter().all(|t| t.trim().is_empty())
    }

    /// Whether the answer to the question itself (its text or STAR parts,
    /// a lab's step reads) is blank; follow-up answers do not count.
    pub fn main_is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.star.is_empty()
            && self.steps.iter().all(|t| t.trim().is_empty())
    }

    pub fn part(&self, part: &AnswerPart) -> &str {
        match part {
            AnswerPart::FollowUp(question) => self.follow_up(question),
            AnswerPart::Step(index) => self.step(*index),
        }
    }

    pub fn set_part(&mut self, part: &AnswerPart, text: String) {
        match part {
            AnswerPart::FollowUp(question) => {
                self.follow_ups.insert(question.clone(), text);
            }
            AnswerPart::Step(index) => self.set_step(*index, text),
        }
    }

    /// Whether two versions hold the same writing (earlier versions and
    /// times aside).
    pub fn same_writing(&self, other: &Answer) -> bool {
        self.text == other.text
            && self.star == other.star
            && self.follow_ups == other.follow_ups
            && self.steps == other.steps
    }

    /// The user's answer to one follow-up, if written.
    pub fn follow_up(&self, question: &str) -> &str {
        self.follow_ups.get(question).map_or("", String::as_str)
    }

    /// The user's read of lab step `index` (from 0), if written.
    pub fn step(&self, index: usize) -> &str {
        self.steps.get(index).map_or("", String::as_str)
    }

    /// Sets the read of lab step `index`, growing the list as needed.
    pub fn set_step(&mut self, index: usize, text: String) {
        if self.steps.len() <= index {
            self.steps.resize(index + 1, String::new());
        }
        self.steps[index] = text;
    }

    /// All the words of the answer itself (text, STAR parts, a lab's step
    /// reads), for counting and for the answer insight.
    pub fn all_text(&self) -> String {
        let mut all = self.text.clone();
        for (_, part) in self.star.parts() {
            all.push('\n');
            all.push_str(part);
        }
        for step in &self.steps {
            all.push('\n');
            all.push_str(step);
        }
        all
    }

    pub fn word_count(&self) -> usize {
        word_count(&self.all_text())
    }
}

pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Speaking time at about 130 words a minute, rounded to whole seconds.
pub fn speaking_seconds(words: usize) -> u64 {
    (words as u64 * 60).div_ceil(130)
}

/// FSRS card state for one question, as plain numbers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CardState {
    pub due_ms: i64,
    pub stability: f64,
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: i32,
    pub lapses: i32,
    /// 0 new, 1 learning, 2 review, 3 relearning (FSRS's states).
    pub state: u8,
    pub last_review_ms: i64,
}

/// One rating, kept for the streak and the heatmap.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Review {
    pub id: String,
    pub at_ms: i64,
    /// 1 Again, 2 Hard, 3 Good, 4 Easy.
    pub rating: u8,
}

/// Scheduling state: one card per started question, and the review log.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Schedule {
    pub cards: BTreeMap<String, CardState>,
    pub reviews: Vec<Review>,
}

/// Ticked talking points (by index) and bookmarks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Marks {
    pub ticks: BTreeMap<String, BTreeSet<u8>>,
    pub bookmarks: BTreeSet<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// New questions introduced per day on the Practice page.
    pub daily_new_limit: u32,
    /// `YYYY-MM-DD`, local date of the interview.
    pub interview_date: Option<String>,
    /// `system`, `light` or `dark`.
    pub theme: String,
    /// When the user last exported a backup.
    pub last_export_ms: Option<i64>,
    /// The first answer edit since the last export (for the backup reminder).
    pub unbacked_since_ms: Option<i64>,
    /// Commute mode: the voice's name ("" for the browser's default), the
    /// speaking rate in percent (50 to 200) and how long to wait for a spoken answer.
    pub speech_voice: String,
    pub speech_rate_pct: u32,
    pub answer_pause_s: u32,
    /// Mock interview defaults: how many questions, seconds per question,
    /// and whether follow-ups are asked after each question.
    pub mock_questions: u32,
    pub mock_seconds: u32,
    pub mock_follow_ups: bool,
    /// Whether commute mode reads labs.
    pub commute_labs: bool,
    /// The user dismissed the note on Safari deleting data after seven days.
    pub webkit_eviction_hint_dismissed: bool,
    /// Recordings of spoken answers: how many to keep per question (older
    /// ones are deleted as new ones come), and whether mock interviews and
    /// commute mode record.
    pub recordings_kept: u32,
    pub mock_record: bool,
    pub commute_record: bool,
}

pub const DEFAULT_DAILY_NEW_LIMIT: u32 = 10;
pub const MAX_DAILY_NEW_LIMIT: u32 = 200;
pub const SPEECH_RATES_PCT: std::ops::RangeInclusive<u32> = 50..=200;
pub const ANSWER_PAUSES_S: std::ops::RangeInclusive<u32> = 10..=600;
pub const MOCK_QUESTIONS: std::ops::RangeInclusive<u32> = 3..=10;
pub const MOCK_SECONDS: std::ops::RangeInclusive<u32> = 15..=900;
pub const RECORDINGS_KEPT: std::ops::RangeInclusive<u32> = 1..=20;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            daily_new_limit: DEFAULT_DAILY_NEW_LIMIT,
            interview_date: None,
            theme: "system".into(),
            last_export_ms: None,
            unbacked_since_ms: None,
            speech_voice: String::new(),
            speech_rate_pct: 100,
            answer_pause_s: 90,
            mock_questions: 5,
            mock_seconds: 120,
            mock_follow_ups: true,
            commute_labs: true,
            webkit_eviction_hint_dismissed: false,
            recordings_kept: 3,
            mock_record: false,
            commute_record: false,
        }
    }
}

/// One of the user's own STAR stories, written once and linked to the
/// behavioural questions it can answer. Stored one key per story.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Story {
    pub title: String,
    pub star: StarText,
    pub tags: Vec<String>,
    /// Ids of the questions it answers.
    pub questions: BTreeSet<String>,
    pub updated_ms: i64,
}

impl Story {
    pub fn is_empty(&self) -> bool {
        self.title.trim().is_empty() && self.star.is_empty() && self.tags.is_empty()
    }
}

/// One question of a finished mock interview.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MockItem {
    pub id: String,
    pub seconds_used: u32,
    /// The time it had (a lab has more than a question); 0 in records
    /// from before labs, which gave every question the same time.
    #[serde(skip_serializing_if = "is_zero")]
    pub seconds_allowed: u32,
    /// The follow-ups asked after the question, by their text.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<String>,
    pub words: u32,
    pub points_covered: u32,
    pub points_total: u32,
    /// 1 Again .. 4 Easy, once rated.
    pub rating: Option<u8>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A finished mock interview.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MockRecord {
    pub started_ms: i64,
    pub finished_ms: i64,
    pub seconds_per_question: u32,
    pub items: Vec<MockItem>,
}

/// Past mock interviews, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MockHistory {
    pub sessions: Vec<MockRecord>,
}

/// Everything the user has, in memory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserData {
    pub answers: BTreeMap<String, Answer>,
    pub schedule: Schedule,
    pub marks: Marks,
    pub settings: Settings,
    /// Stories by id.
    pub stories: BTreeMap<String, Story>,
    pub mocks: MockHistory,
    /// The user's own questions by id (`crate::own`).
    pub own: BTreeMap<String, crate::own::OwnQuestion>,
    /// The real interviews the user logged (`crate::own::asked`).
    pub interviews: crate::own::asked::InterviewLog,
}

/// One part of a STAR answer or story: what it is called, the hint the
/// editors show under it, and where its text is in a `StarText`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StarPart {
    Situation,
    Task,
    Action,
    Result,
}

impl StarPart {
    pub const ALL: [StarPart; 4] = [
        StarPart::Situation,
        StarPart::Task,
        StarPart::Action,
        StarPart::Result,
    ];

    pub fn label(self) -> &'static str {
        match self {
            StarPart::Situation => "Situation",
            StarPart::Task => "Task",
            StarPart::Action => "Action",
            StarPart::Result => "Result",
        }
    }

    /// What to write in it.
    pub fn hint(self) -> &'static str {
        match self {
            StarPart::Situation => "Where and when; the stakes in one or two sentences.",
            StarPart::Task => "What you were responsible for.",
            StarPart::Action => "What you did, in the first person.",
            StarPart::Result => "What changed, with a number.",
        }
    }

    pub fn get(self, star: &StarText) -> &str {
        match self {
            StarPart::Situation => &star.situation,
            StarPart::Task => &star.task,
            StarPart::Action => &star.action,
            StarPart::Result => &star.result,
        }
    }

    pub fn set(self, star: &mut StarText, text: String) {
        let slot = match self {
            StarPart::Situation => &mut star.situation,
            StarPart::Task => &mut star.task,
            StarPart::Action => &mut star.action,
            StarPart::Result => &mut star.result,
        };
        *slot = text;
    }
}

impl StarText {
    /// The words in all four parts.
    pub fn word_count(&self) -> usize {
        self.parts().iter().map(|(_, text)| word_count(text)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn setting_an_answer_aside_keeps_all_of_it_and_a_blank_start_that_stays_blank_gives_it_back() {
        let mut answer = Answer {
            text: "Kept.".into(),
            updated_ms: 10,
            ..Answer::default()
        };
        answer.follow_ups.insert("Why?".into(), "Because.".into());
        answer.set_step(1, "A read.".into());
        answer.set_aside(50, "mock interview");
        assert!(answer.is_empty());
        assert_eq!(answer.updated_ms, 50);
        assert_eq!(answer.previous.len(), 1);
        let kept = answer.previous[0].writing();
        assert_eq!(
            (
                kept.text.as_str(),
                kept.follow_up("Why?"),
                kept.step(1),
                kept.updated_ms
            ),
            ("Kept.", "Because.", "A read.", 10)
        );
        assert!(answer.restore_if_untouched(50));
        assert_eq!((answer.text.as_str(), answer.updated_ms), ("Kept.", 10));
        assert_eq!(answer.follow_up("Why?"), "Because.");
        assert!(answer.previous.is_empty());
        // An empty answer keeps no empty version.
        let mut empty = Answer::default();
        empty.set_aside(70, "mock interview");
        assert!(empty.previous.is_empty());
        // Once something is written (a follow-up answer is enough) the new
        // writing stays and the old is kept.
        answer.set_aside(60, "mock interview");
        answer.follow_ups.insert("Why?".into(), "New.".into());
        assert!(!answer.restore_if_untouched(60));
        assert_eq!(answer.previous[0].text, "Kept.");
        // Restoring swaps: the restored writing leads, the current one is kept.
        assert!(answer.restore_previous(0, 70));
        assert_eq!(
            (answer.text.as_str(), answer.follow_up("Why?")),
            ("Kept.", "Because.")
        );
        assert_eq!(answer.previous.len(), 1);
        assert_eq!(answer.previous[0].follow_ups["Why?"], "New.");
        assert!(!answer.restore_previous(5, 80));
    }

    #[test]
    fn follow_up_answers_and_lab_steps_count_as_writing_and_survive_a_round_trip() {
        let mut answer = Answer::default();
        answer
            .follow_ups
            .insert("Why 137?".into(), "SIGKILL is 9; 128 + 9.".into());
        assert!(!answer.is_empty() && answer.main_is_empty());
        answer.text = "Typed.".into();
        answer.set_step(2, "Port exhaustion.".into());
        assert_eq!(answer.steps.len(), 3);
        assert_eq!(
            (answer.step(0), answer.step(2), answer.step(9)),
            ("", "Port exhaustion.", "")
        );
        assert!(answer.all_text().contains("Port exhaustion."));
        assert_eq!(answer.follow_up("Why 137?"), "SIGKILL is 9; 128 + 9.");
        let mut other = answer.clone();
        assert!(other.same_writing(&answer));
        other.set_part(&AnswerPart::FollowUp("Why 137?".into()), "Signal 9.".into());
        assert!(!other.same_writing(&answer));
        assert_eq!(
            other.part(&AnswerPart::FollowUp("Why 137?".into())),
            "Signal 9."
        );
        other.set_part(&AnswerPart::Step(0), "Look at dmesg.".into());
        assert_eq!(other.part(&AnswerPart::Step(0)), "Look at dmesg.");
        let json = serde_json::to_string(&answer).unwrap();
        assert_eq!(serde_json::from_str::<Answer>(&json).unwrap(), answer);
        // An answer written before follow-ups existed still loads.
        let old: Answer = serde_json::from_str(r#"{"text":"Old.","updated_ms":3}"#).unwrap();
        assert!(old.follow_ups.is_empty() && old.steps.is_empty());
    }

    #[test]
    fn star_parts_read_and_write_their_own_field() {
        let mut star = StarText::default();
        for (n, part) in StarPart::ALL.into_iter().enumerate() {
            part.set(&mut star, format!("{} words {n}", part.label()));
        }
        assert_eq!(star.situation, "Situation words 0");
        assert_eq!(star.result, "Result words 3");
        let labels: Vec<&str> = star.parts().iter().map(|(label, _)| *label).collect();
        assert_eq!(labels, ["Situation", "Task", "Action", "Result"]);
        for part in StarPart::ALL {
            assert!(part.get(&star).starts_with(part.label()));
            assert!(!part.hint().is_empty());
        }
        assert_eq!(star.word_count(), 12);
        let answer = Answer {
            star: star.clone(),
            ..Answer::default()
        };
        assert_eq!(answer.word_count(), star.word_count());
    }
}
