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
    pub fn parts(&self) -> [(&'static str, &str); 4] {
        [
            ("Situation", &self.situation),
            ("Task", &self.task),
            ("Action", &self.action),
            ("Result", &self.result),
        ]
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
}

impl Answer {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.star.is_empty()
    }

    /// All the words the user wrote, for counting.
    pub fn all_text(&self) -> String {
        let mut all = self.text.clone();
        for (_, part) in self.star.parts() {
            all.push('\n');
            all.push_str(part);
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
}

pub const DEFAULT_DAILY_NEW_LIMIT: u32 = 10;
pub const MAX_DAILY_NEW_LIMIT: u32 = 200;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            daily_new_limit: DEFAULT_DAILY_NEW_LIMIT,
            interview_date: None,
            theme: "system".into(),
            last_export_ms: None,
            unbacked_since_ms: None,
        }
    }
}

/// Everything the user has, in memory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserData {
    pub answers: BTreeMap<String, Answer>,
    pub schedule: Schedule,
    pub marks: Marks,
    pub settings: Settings,
}
